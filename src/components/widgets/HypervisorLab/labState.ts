/**
 * The hypervisor lab's world and what a share link may hold: the reader's settings (hypervisor,
 * overcommit ratios), their action log and the virtual time. The zod schema is the only way a URL
 * gets in; the types come from it.
 */
import * as z from 'zod/mini';
import type { ActionInput, HypervisorType, ScenarioInput } from '@site/sim';
import { engineName, inTimeOrder, virtualSeconds, type TimedAction } from '../shared/actionLog';

export const labRegion = 'us-east-1';
export const labAz = 'us-east-1a';
/** The name the lab launches under: the engine names the VMs vm-1, vm-2, ... */
export const launchName = 'vm';

export const cpuOvercommitChoices = [1, 1.5, 2, 3, 4] as const;
export const memoryOvercommitChoices = [1, 1.25, 1.5, 2] as const;

const busy = z.number().check(z.minimum(0), z.maximum(1));
const whole = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
const memoryGiB = z.number().check(z.positive(), z.maximum(8192));
const at = virtualSeconds;

/** One reader action, as a compact tuple (share links stay short): [verb, at, ...arguments]. */
export const labStepSchema = z.union([
  z.tuple([z.literal('launch'), at, whole(1, 1000), whole(1, 256), memoryGiB, busy]),
  // The same with the VMs' working set (share of their memory they use); links made before it have six elements.
  z.tuple([z.literal('launch'), at, whole(1, 1000), whole(1, 256), memoryGiB, busy, busy]),
  z.tuple([z.enum(['start', 'stop', 'reboot', 'terminate', 'crash', 'recover']), at, engineName]),
  z.tuple([z.literal('load'), at, engineName, busy]),
  z.tuple([z.literal('working-set'), at, engineName, busy]),
  z.tuple([z.enum(['fail-host', 'recover-host']), at, engineName]),
]);
export type LabStep = z.infer<typeof labStepSchema>;

export const labStateSchema = z
  .strictObject({
    hypervisor: z.enum(['type1', 'type2']),
    cpuOvercommit: z.literal(cpuOvercommitChoices),
    memoryOvercommit: z.literal(memoryOvercommitChoices),
    time: virtualSeconds,
    log: z.array(labStepSchema).check(z.maxLength(400)),
  })
  .check(z.refine((s) => inTimeOrder(s.log.map(toTimedAction), s.time), { error: 'the actions must be in time order, at or before the time', path: ['log'] }));
export type LabState = z.infer<typeof labStateSchema>;
export type LabSettings = Pick<LabState, 'hypervisor' | 'cpuOvercommit' | 'memoryOvercommit'>;

export interface HostSize {
  cores: number;
  memoryGiB: number;
}

/** One region, one AZ, one host: the lab's world under the reader's settings. */
export function labScenario(settings: LabSettings, host: HostSize): ScenarioInput {
  return {
    name: 'Hypervisor lab',
    seed: 1,
    // Disk is not what this lab teaches: the host's is large enough never to be the limit.
    regions: [
      {
        id: labRegion,
        azs: [{ id: labAz, hosts: [{ cores: host.cores, memoryGiB: host.memoryGiB, diskGiB: 1_000_000, hypervisor: settings.hypervisor as HypervisorType }] }],
      },
    ],
    policy: { placement: 'pack', cpuOvercommit: settings.cpuOvercommit, memoryOvercommit: settings.memoryOvercommit },
  };
}

/** The engine action a step stands for. */
export function toTimedAction(step: LabStep): TimedAction {
  const [verb, when] = step;
  switch (step[0]) {
    case 'launch': {
      const workingSet = step.length === 7 ? { workingSet: step[6] } : {};
      return {
        at: when,
        action: { kind: 'launch', name: launchName, count: step[2], vcpu: step[3], memoryGiB: step[4], busy: step[5], region: labRegion, ...workingSet },
      };
    }
    case 'load':
      return { at: when, action: { kind: 'load', vm: step[2], busy: step[3] } };
    case 'working-set':
      return { at: when, action: { kind: 'load', vm: step[2], workingSet: step[3] } };
    case 'fail-host':
      return { at: when, action: { kind: 'fail', host: step[2] } };
    case 'recover-host':
      return { at: when, action: { kind: 'recover', host: step[2] } };
    default:
      return { at: when, action: { kind: verb as 'start', vm: step[2] } as ActionInput };
  }
}

export function defaultLabState(hypervisor: HypervisorType = 'type1'): LabState {
  return { hypervisor, cpuOvercommit: 1, memoryOvercommit: 1, time: 0, log: [] };
}
