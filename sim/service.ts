/**
 * The service a scenario runs: the VMs named `<service.vms>-N` (or all), up while at least
 * `minServing` of them serve and its database, if any, is available. The tracker keeps the set of
 * service VMs that serve, told by the rules whenever a VM or what sits under it changes, so that
 * asking "is the service up?" costs nothing per VM.
 */
import { isServing } from './serving';
import type { Vm } from './types';
import { isMemberName } from './vm';
import type { WorldState } from './world';

export interface ServiceState {
  up: boolean;
  serving: number;
}

export class ServiceTracker {
  private readonly serving = new Set<string>();

  constructor(private readonly world: WorldState) {}

  /** Whether the VM is one of the service's. */
  private isMember(vm: Vm): boolean {
    const prefix = this.world.scenario.service?.vms;
    return prefix === undefined || isMemberName(vm.name, prefix);
  }

  /** Called after anything that may change whether `vm` serves. */
  update(vm: Vm): void {
    if (this.isMember(vm) && isServing(this.world, vm)) this.serving.add(vm.name);
    else this.serving.delete(vm.name);
  }

  state(): ServiceState {
    const serving = this.serving.size;
    const minServing = this.world.scenario.service?.minServing ?? 1;
    const dbOk = this.world.db === null || this.world.db.available;
    return { up: serving >= minServing && dbOk, serving };
  }
}

/** Requests per second the service can take now: serving VMs x per-VM rate, none without its database. */
export function requestCapacity(world: WorldState, state: ServiceState): number {
  const traffic = world.scenario.traffic;
  if (!traffic || (world.db !== null && !world.db.available)) return 0;
  return state.serving * traffic.perVmRps;
}
