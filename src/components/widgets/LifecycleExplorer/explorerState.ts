/**
 * The lifecycle explorer's world and what a share link may hold: the reader's action log and the
 * virtual time. One VM (an m5.large-sized 2 vCPU / 8 GiB with a 100 GiB disk, priced as in
 * us-east-1) in an AZ of two hosts, so a stop and start can land on another host when its own fails.
 */
import { z } from 'zod';
import type { ActionInput, ScenarioInput } from '@site/sim';
import { engineName, inTimeOrder, virtualSeconds, type TimedAction } from '../shared/actionLog';

export const explorerRegion = 'us-east-1';
export const explorerAz = 'us-east-1a';
export const launchName = 'web';

export function explorerScenario(): ScenarioInput {
  return {
    name: 'Lifecycle explorer',
    seed: 1,
    regions: [{ id: explorerRegion, azs: [{ id: explorerAz, hosts: [{ count: 2, cores: 8, memoryGiB: 32 }] }] }],
    policy: { placement: 'balance' },
  };
}

export const launchAction: ActionInput = { kind: 'launch', name: launchName, vcpu: 2, memoryGiB: 8, diskGiB: 100, region: explorerRegion };

export const lifecycleVerbs = ['start', 'stop', 'reboot', 'terminate'] as const;
export type LifecycleVerb = (typeof lifecycleVerbs)[number];

const at = virtualSeconds;

/** One reader action, as a compact tuple: [verb, at, target]. */
export const explorerStepSchema = z.union([
  z.tuple([z.literal('launch'), at]),
  z.tuple([z.enum(lifecycleVerbs), at, engineName]),
  z.tuple([z.enum(['fail-host', 'recover-host']), at, engineName]),
]);
export type ExplorerStep = z.infer<typeof explorerStepSchema>;

export const explorerStateSchema = z
  .strictObject({ time: virtualSeconds, log: z.array(explorerStepSchema).max(400) })
  .refine((s) => inTimeOrder(s.log.map(toTimedAction), s.time), { error: 'the actions must be in time order, at or before the time', path: ['log'] });
export type ExplorerState = z.infer<typeof explorerStateSchema>;

export const defaultExplorerState: ExplorerState = { time: 0, log: [] };

export function toTimedAction(step: ExplorerStep): TimedAction {
  switch (step[0]) {
    case 'launch':
      return { at: step[1], action: launchAction };
    case 'fail-host':
      return { at: step[1], action: { kind: 'fail', host: step[2] } };
    case 'recover-host':
      return { at: step[1], action: { kind: 'recover', host: step[2] } };
    default:
      return { at: step[1], action: { kind: step[0], vm: step[2] } };
  }
}
