/**
 * Grading a task of the engine's CPU model: the reader's configuration becomes CPU scenarios, each
 * run once; the task's goal predicate reads the runs.
 */
import { cpu } from '@site/sim';
import type { Config, CpuTask, CpuTaskRun } from './schema';
import { refused, verdictOf, type TaskVerdict } from './task-verdict';

/** Runs the configuration's CPU scenarios, then the goal. A scenario the model refuses fails the check `valid-world`. */
export function runCpuTask(t: CpuTask, config: Config, source = t.id): TaskVerdict {
  const scenarios = t.scenario(config);
  let runs;
  try {
    runs = (Array.isArray(scenarios) ? scenarios : [scenarios]).map((s, i, all) => cpu.runCpu(s, all.length > 1 ? `${source} (scenario ${i + 1})` : source));
  } catch (e) {
    if (!(e instanceof cpu.CpuScenarioError)) throw e;
    return refused('The CPU model accepts the configuration', e.issues);
  }
  const run: CpuTaskRun = { config, runs };
  return verdictOf(run, t.goal(run));
}
