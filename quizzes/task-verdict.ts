/**
 * What grading a task gives: the engine's runs and the checks its goal predicate returned, read
 * against the schema. Shared by the graders of either model (./task-cloud.ts, ./task-cpu.ts).
 */
import { issuesText } from '@site/sim';
import * as z from 'zod/mini';
import { goalCheckSchema, type CpuTaskRun, type GoalCheck, type TaskRun } from './schema';

export interface TaskVerdict {
  /** null when the engine refused the world. */
  run: TaskRun | CpuTaskRun | null;
  checks: GoalCheck[];
  ok: boolean;
}

const checksSchema = z.array(goalCheckSchema).check(z.minLength(1, { error: 'expected at least one check' }));

/** The verdict of a goal predicate's answer `goal` about `run`. */
export function verdictOf(run: TaskRun | CpuTaskRun, goal: unknown): TaskVerdict {
  const checks = checksSchema.parse(goal);
  return { run, checks, ok: checks.every((c) => c.ok) };
}

/** The verdict on a configuration the engine refused, with its reasons. */
export function refused(label: string, issues: readonly { path: string; message: string }[]): TaskVerdict {
  return { run: null, checks: [{ id: 'valid-world', label, ok: false, detail: issuesText(issues) }], ok: false };
}
