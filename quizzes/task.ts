/**
 * Grading a task with the engine: the reader's configuration becomes a world, which is run once as
 * it is and once with each single-AZ outage (or, for a task of the CPU model, CPU scenarios, each
 * run once); the task's goal predicate reads those reports.
 */
import { cpu, runScenario, ScenarioError, type ScenarioInput } from '@site/sim';
import * as z from 'zod/mini';
import { goalCheckSchema, type Config, type CpuTaskRun, type GoalCheck, type Task, type TaskRun } from './schema';

export interface TaskVerdict {
  /** null when the engine refused the world. */
  run: TaskRun | CpuTaskRun | null;
  checks: GoalCheck[];
  ok: boolean;
}

/** Every AZ the world declares, in order. */
export function azsOf(scenario: ScenarioInput): string[] {
  return scenario.regions.flatMap((r) => r.azs.map((a) => a.id));
}

export function withOutage(scenario: ScenarioInput, az: string, at: number): ScenarioInput {
  return { ...scenario, actions: [...(scenario.actions ?? []), { at, fail: { az } }] };
}

const checksSchema = z.array(goalCheckSchema).check(z.minLength(1, { error: 'expected at least one check' }));

/**
 * Runs the configuration as it is and with each single-AZ outage, then the goal. A world the engine
 * refuses (a standby in its primary's AZ, say) fails the check `valid-world` with the engine's reason.
 */
export function runTask(t: Task, config: Config, source = t.id): TaskVerdict {
  if (t.model === 'cpu') {
    const scenarios = t.scenario(config);
    let runs;
    try {
      runs = (Array.isArray(scenarios) ? scenarios : [scenarios]).map((s, i, all) => cpu.runCpu(s, all.length > 1 ? `${source} (scenario ${i + 1})` : source));
    } catch (e) {
      if (!(e instanceof cpu.CpuScenarioError)) throw e;
      const detail = e.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; ');
      return { run: null, checks: [{ id: 'valid-world', label: 'The CPU model accepts the configuration', ok: false, detail }], ok: false };
    }
    const run: CpuTaskRun = { config, runs };
    const checks = checksSchema.parse(t.goal(run));
    return { run, checks, ok: checks.every((c) => c.ok) };
  }
  const scenario = t.scenario(config);
  let baseline;
  try {
    baseline = runScenario(scenario, source);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const detail = e.issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`).join('; ');
    return { run: null, checks: [{ id: 'valid-world', label: 'The engine accepts the configuration', ok: false, detail }], ok: false };
  }
  const outages = azsOf(scenario).map((az) => ({ az, report: runScenario(withOutage(scenario, az, t.outageAt), `${source} (outage of ${az})`) }));
  const run: TaskRun = { config, baseline, outages };
  const checks = checksSchema.parse(t.goal(run));
  return { run, checks, ok: checks.every((c) => c.ok) };
}

export { defaultConfig } from './controls';
