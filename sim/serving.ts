/**
 * Whether a VM serves, and why not: the one place that decides it. A VM serves when it is running,
 * not rebooting, and nothing under it (its guest, host, AZ or region) has failed.
 */
import type { HostState, VmState, Vm } from './types';
import type { Topology } from './world';

/** A fault that keeps a placed VM from serving. */
export type Impairment = 'crashed' | 'host-failed' | 'az-down' | 'region-down';

export type NotServingReason = Impairment | 'rebooting' | VmState;

/** Why a placed VM cannot serve because of a fault, or null (the widest fault first). */
export function impairment(topology: Topology, vm: Vm): Impairment | null {
  if (!vm.host) return null;
  const host = topology.hosts.get(vm.host)!;
  if (topology.regions.get(host.region)!.health === 'failed') return 'region-down';
  if (topology.azs.get(host.az)!.health === 'failed') return 'az-down';
  if (host.health === 'failed') return 'host-failed';
  if (vm.crashed) return 'crashed';
  return null;
}

/** Whether the host, its AZ or its region has failed: nothing runs on it then, so nothing on it asks for CPU. */
export function hostDown(topology: Topology, host: HostState): boolean {
  return host.health === 'failed' || topology.azs.get(host.az)!.health === 'failed' || topology.regions.get(host.region)!.health === 'failed';
}

/** Why the VM does not serve now, or null when it serves. */
export function notServingReason(topology: Topology, vm: Vm): NotServingReason | null {
  if (vm.state !== 'running') return vm.state;
  const impaired = impairment(topology, vm);
  if (impaired) return impaired;
  if (vm.rebootingUntil !== undefined) return 'rebooting';
  return null;
}

export function isServing(topology: Topology, vm: Vm): boolean {
  return notServingReason(topology, vm) === null;
}
