/**
 * Grading a task of the cloud engine: the reader's configuration becomes a world, which is run once
 * as it is and once with each single-AZ outage; the task's goal predicate reads those reports.
 */
import { runScenario, ScenarioError, type ScenarioInput } from '@site/sim';
import type { CloudTask, Config, TaskRun } from './schema';
import { refused, verdictOf, type TaskVerdict } from './task-verdict';

/** Every AZ the world declares, in order. */
export function azsOf(scenario: ScenarioInput): string[] {
  return scenario.regions.flatMap((r) => r.azs.map((a) => a.id));
}

export function withOutage(scenario: ScenarioInput, az: string, at: number): ScenarioInput {
  return { ...scenario, actions: [...(scenario.actions ?? []), { at, fail: { az } }] };
}

/**
 * Runs the configuration as it is and with each single-AZ outage, then the goal. A world the engine
 * refuses (a standby in its primary's AZ, say) fails the check `valid-world` with the engine's reason.
 */
export function runCloudTask(t: CloudTask, config: Config, source = t.id): TaskVerdict {
  const scenario = t.scenario(config);
  let baseline;
  try {
    baseline = runScenario(scenario, source);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return refused('The engine accepts the configuration', e.issues);
  }
  const outages = azsOf(scenario).map((az) => ({ az, report: runScenario(withOutage(scenario, az, t.outageAt), `${source} (outage of ${az})`) }));
  const run: TaskRun = { config, baseline, outages };
  return verdictOf(run, t.goal(run));
}
