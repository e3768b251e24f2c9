/**
 * A task's form before the reader touches it. Apart from the grader (./task.ts), which runs the
 * engine: a page shows a task's controls before it loads the engine to grade them.
 */
import type { Config, Control } from './schema';

export function defaultConfig(controls: readonly Control[]): Config {
  return Object.fromEntries(controls.map((c) => [c.id, c.default]));
}
