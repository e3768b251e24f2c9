/**
 * The lifecycle explorer's world and what a share link may hold: the reader's action log and the
 * virtual time. One VM in an AZ of two hosts, so a stop and start can land on another host when its
 * own fails. The VM is 2 vCPU / 8 GiB, priced as an m5.large in us-east-1, with a 100 GiB root
 * volume on the network and a 75 GiB instance store on its host: the size an m5d.large (an m5.large
 * with local NVMe) has. The engine prices it as the m5.large it knows; the instance store is not billed apart.
 */
import * as z from 'zod/mini';
import { disks, type ActionInput, type ScenarioInput } from '@site/sim';
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

export const launchAction: ActionInput = {
  kind: 'launch',
  name: launchName,
  vcpu: 2,
  memoryGiB: 8,
  diskGiB: 100,
  instanceStoreGiB: 75,
  region: explorerRegion,
};

/** What one press of a write button writes, in GiB. */
export const writeGiB = 10;

export const lifecycleVerbs = ['start', 'stop', 'reboot', 'terminate'] as const;
export type LifecycleVerb = (typeof lifecycleVerbs)[number];

const at = virtualSeconds;

/** One reader action, as a compact tuple: [verb, at, target]. */
export const explorerStepSchema = z.union([
  z.tuple([z.literal('launch'), at]),
  z.tuple([z.enum(lifecycleVerbs), at, engineName]),
  z.tuple([z.enum(['fail-host', 'recover-host']), at, engineName]),
  z.tuple([z.literal('write'), at, engineName, z.enum(disks)]),
]);
export type ExplorerStep = z.infer<typeof explorerStepSchema>;

export const explorerStateSchema = z
  .strictObject({ time: virtualSeconds, log: z.array(explorerStepSchema).check(z.maxLength(400)) })
  .check(z.refine((s) => inTimeOrder(s.log.map(toTimedAction), s.time), { error: 'the actions must be in time order, at or before the time', path: ['log'] }));
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
    case 'write':
      return { at: step[1], action: { kind: 'write', vm: step[2], to: step[3], gib: writeGiB } };
    default:
      return { at: step[1], action: { kind: step[0], vm: step[2] } };
  }
}
