/**
 * Two VMs on one host: the noisy-neighbour experiment. Both in-page machines run in the same browser
 * tab, on its one main thread, so the engine's host for them has one core; the engine's CPU
 * overcommit lets two one-vCPU VMs share it, and its contention model (fair sharing of the host's
 * cores among the busy vCPUs, sim/host.ts) says how much each one waits.
 */
import { createWorld, type ScenarioInput } from '@site/sim';
import { labLaunch } from './controller';

/** One host with one core (the tab's thread) and room for two lab VMs of up to 128 MiB each. */
export const sharedHostScenario: ScenarioInput = {
  name: 'Two real VMs on one host (the reader’s browser tab)',
  seed: 1,
  until: 86400,
  policy: { placement: 'pack', cpuOvercommit: 2, memoryOvercommit: 1 },
  regions: [{ id: labLaunch.region, azs: [{ id: labLaunch.az, hosts: [{ cores: 1, memoryGiB: 1.5, diskGiB: 8 }] }] }],
};

/** The two launch names of the experiment: the VM that runs the timed loop, and its neighbour. */
export const neighbourNames = { timed: 'timed', noisy: 'noisy' } as const;

export interface ContentionModel {
  /** Share of its demand the timed VM gets, alone (neighbour idle) and with the neighbour burning CPU. */
  shareAlone: number;
  shareWithNeighbour: number;
  /** The engine's steal time for the timed VM with the neighbour burning, in percent. */
  stealPercent: number;
  /** How much longer the timed loop should take with the neighbour burning: shareAlone / shareWithNeighbour. */
  slowdown: number;
}

/**
 * The engine's figure for the experiment, from a fresh world of the same scenario: both VMs
 * launched, the timed one fully busy, the neighbour idle and then fully busy.
 */
export function modelledContention(scenario: ScenarioInput = sharedHostScenario, memoryMiB = 128): ContentionModel {
  const world = createWorld(scenario, 'noisy-neighbour model');
  for (const name of [neighbourNames.timed, neighbourNames.noisy]) {
    const out = world.apply({ kind: 'launch', count: 1, busy: 0, ...labLaunch, name, memoryGiB: memoryMiB / 1024 });
    if (!out.ok) throw new Error(`the engine refused the model's launch of ${name}: ${out.reason}`);
  }
  for (let i = 0; i < 100 && world.step(); i++);
  const timed = `${neighbourNames.timed}-1`;
  const noisy = `${neighbourNames.noisy}-1`;
  const steal = (noisyBusy: number): number => {
    world.apply({ kind: 'load', vm: timed, busy: 1 });
    world.apply({ kind: 'load', vm: noisy, busy: noisyBusy });
    const vm = world.report({ events: false }).vms.find((v) => v.name === timed);
    if (!vm) throw new Error(`the engine's report has no ${timed}`);
    return vm.stealPercent;
  };
  const shareAlone = 1 - steal(0) / 100;
  const stealPercent = steal(1);
  const shareWithNeighbour = 1 - stealPercent / 100;
  return { shareAlone, shareWithNeighbour, stealPercent, slowdown: shareAlone / shareWithNeighbour };
}
