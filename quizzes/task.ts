/**
 * Grading a task with the engine, whichever model it was written for: the cloud engine's (./task-cloud.ts)
 * or the CPU model's (./task-cpu.ts). A page loads only the grader of the models its quiz's tasks use.
 */
import type { Config, Task } from './schema';
import { runCloudTask } from './task-cloud';
import { runCpuTask } from './task-cpu';
import type { TaskVerdict } from './task-verdict';

export type { TaskVerdict } from './task-verdict';
export { azsOf, withOutage } from './task-cloud';
export { defaultConfig } from './controls';

export function runTask(t: Task, config: Config, source = t.id): TaskVerdict {
  return t.model === 'cpu' ? runCpuTask(t, config, source) : runCloudTask(t, config, source);
}
