/**
 * The reader's action log. A widget's world is always "its scenario, then the reader's actions,
 * each at the virtual second it was taken": replaying that log through the engine rebuilds the
 * world exactly (the engine is deterministic), for a share link or a change of policy.
 *
 * The replay runs to each action's time with `runUntil` before applying it, as the reader did: the
 * scenario's own `actions` list would not do, because the engine queues those before the completions
 * the reader waited for, and breaks ties at the same second in queue order.
 */
import * as z from 'zod/mini';
import { createWorld, type ActionInput, type Outcome, type ScenarioInput, type World } from '@site/sim';
import type { WorldHandle } from './useWorld';

export interface TimedAction {
  at: number;
  action: ActionInput;
}

/** A virtual time in a share link: seconds, at most a year (the lab's clock never needs more). */
export const virtualSeconds = z.number().check(z.minimum(0), z.maximum(365 * 24 * 3600));
/** A VM or host name from a share link: the engine says whether it exists; this only bounds its shape. */
export const engineName = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,59}$/, { error: 'expected a name of lowercase letters, digits and dashes' }));

/** Whether the log's times never go back, and end at or before `time`. */
export function inTimeOrder(log: readonly TimedAction[], time: number): boolean {
  return log.every((entry, i) => (i === 0 || log[i - 1].at <= entry.at) && entry.at <= time);
}

/** Applies one action through the engine's schema; a malformed action is a refusal, never a throw. */
export function applyAction(world: World, action: ActionInput): Outcome {
  return world.apply(action);
}

/** A fresh world from `scenario` with `log` replayed into it and run to `until`. */
export function replayed(scenario: ScenarioInput, log: readonly TimedAction[], until: number): { world: World; refusals: string[] } {
  const world = createWorld(scenario);
  const refusals: string[] = [];
  for (const entry of log) {
    world.runUntil(entry.at);
    const outcome = applyAction(world, entry.action);
    if (!outcome.ok) refusals.push(outcome.reason);
  }
  world.runUntil(until);
  return { world, refusals };
}

/**
 * What the engine would answer to `action` now, tried on a copy rebuilt from the log: the live world,
 * and its event list, stay untouched. Used to show why a disabled button is disabled.
 */
export function tryOnCopy(scenario: ScenarioInput, log: readonly TimedAction[], until: number, action: ActionInput): Outcome {
  return applyAction(replayed(scenario, log, until).world, action);
}

/** Rebuilds a widget's world in place (through its useWorld handle) from a scenario and a log. */
export function replayThrough(handle: WorldHandle, scenario: ScenarioInput, log: readonly TimedAction[], until: number): string[] {
  handle.reset(scenario);
  const refusals: string[] = [];
  for (const entry of log) {
    handle.runTo(entry.at);
    const outcome = safeAct(handle, entry.action);
    if (!outcome.ok) refusals.push(outcome.reason);
  }
  handle.runTo(until);
  return refusals;
}

/** handle.act, with a malformed action turned into a refusal instead of an exception. */
export function safeAct(handle: WorldHandle, action: ActionInput): Outcome {
  try {
    return handle.act(action);
  } catch (error) {
    const issue = error instanceof z.core.$ZodError ? error.issues[0] : undefined;
    return { ok: false, reason: issue ? `${issue.path.join('.') || action.kind}: ${issue.message}` : String(error) };
  }
}
