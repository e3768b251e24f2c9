/**
 * The service a scenario runs: the VMs named `<service.vms>-N` (or all), up while at least
 * `minServing` of them serve and its database, if any, is available.
 */
import { isServing } from './serving';
import type { Vm } from './types';
import { isMemberName } from './vm';
import type { WorldState } from './world';

export interface ServiceState {
  up: boolean;
  serving: number;
}

/** The VMs that make up the service. */
export function serviceVms(world: WorldState): Vm[] {
  const prefix = world.scenario.service?.vms;
  const all = [...world.vms.values()];
  return prefix === undefined ? all : all.filter((vm) => isMemberName(vm.name, prefix));
}

export function serviceState(world: WorldState): ServiceState {
  const serving = serviceVms(world).filter((vm) => isServing(world, vm)).length;
  const minServing = world.scenario.service?.minServing ?? 1;
  const dbOk = world.db === null || world.db.available;
  return { up: serving >= minServing && dbOk, serving };
}

/** Requests per second the service can take now: serving VMs x per-VM rate, none without its database. */
export function requestCapacity(world: WorldState, state: ServiceState = serviceState(world)): number {
  const traffic = world.scenario.traffic;
  if (!traffic || (world.db !== null && !world.db.available)) return 0;
  return state.serving * traffic.perVmRps;
}
