/**
 * Faults and recovery. A fault reaches exactly what sits under it: a VM crash touches one VM, a host
 * failure the VMs on that host, an AZ outage every host of the AZ, a region outage every AZ of it.
 */
import type { Outcome, Simulation } from './simulation';
import type { Vm } from './types';
import { refusal } from './vm';

export interface FaultTarget {
  vm?: string;
  host?: string;
  az?: string;
  region?: string;
}

export type Impairment = 'crashed' | 'host-failed' | 'az-down' | 'region-down';

/** Why a placed VM cannot serve because of a fault, or null. */
export function impairment(sim: Simulation, vm: Vm): Impairment | null {
  if (!vm.host) return null;
  const host = sim.hosts.get(vm.host)!;
  if (sim.regions.get(host.region)!.health === 'failed') return 'region-down';
  if (sim.azs.get(host.az)!.health === 'failed') return 'az-down';
  if (host.health === 'failed') return 'host-failed';
  if (vm.crashed) return 'crashed';
  return null;
}

/** Keeps `impairedSince` in step with the world: set when a fault starts, cleared when it ends. */
export function refreshImpairments(sim: Simulation): void {
  for (const vm of sim.vms.values()) refreshImpairment(sim, vm);
}

export function refreshImpairment(sim: Simulation, vm: Vm): void {
  const faulted = (vm.state === 'running' || vm.state === 'pending') && impairment(sim, vm) !== null;
  // A group counts a stopped member as unhealthy, as an auto-scaling group does, and replaces it.
  const stoppedMember = vm.group !== undefined && (vm.state === 'stopping' || vm.state === 'stopped');
  const impaired = faulted || stoppedMember;
  if (impaired && vm.impairedSince === undefined) vm.impairedSince = sim.time;
  if (!impaired) vm.impairedSince = undefined;
}

export function applyFault(sim: Simulation, target: FaultTarget): Outcome {
  if (target.vm !== undefined) {
    const vm = sim.vms.get(target.vm);
    if (!vm) return { ok: false, reason: `no VM named ${target.vm}` };
    const why = refusal(vm, 'crash');
    if (why) return { ok: false, reason: why };
    vm.crashed = true;
    sim.record({ kind: 'vm-crashed', vm: vm.name, host: vm.host, message: `${vm.name} crashed (its guest OS stopped responding); its neighbours on ${vm.host} are untouched` });
    sim.afterTopologyChange();
    return { ok: true, message: `${vm.name} crashed` };
  }
  const found = locate(sim, target);
  if ('reason' in found) return { ok: false, reason: found.reason };
  if (found.node.health === 'failed') return { ok: false, reason: `${found.id} has already failed` };
  found.node.health = 'failed';
  const hit = vmsUnder(sim, target);
  sim.record({
    kind: `${found.level}-failed`,
    [found.level]: found.id,
    message: `${found.level === 'az' ? 'AZ' : found.level} ${found.id} failed: ${hit.length} VM(s) under it stop serving`,
  });
  sim.afterTopologyChange();
  return { ok: true, message: `${found.id} failed` };
}

export function applyRecovery(sim: Simulation, target: FaultTarget): Outcome {
  if (target.vm !== undefined) {
    const vm = sim.vms.get(target.vm);
    if (!vm) return { ok: false, reason: `no VM named ${target.vm}` };
    if (!vm.crashed) return { ok: false, reason: `${vm.name} has not crashed` };
    vm.crashed = false;
    sim.record({ kind: 'vm-recovered', vm: vm.name, host: vm.host, message: `${vm.name} recovered` });
    sim.afterTopologyChange();
    return { ok: true, message: `${vm.name} recovered` };
  }
  const found = locate(sim, target);
  if ('reason' in found) return { ok: false, reason: found.reason };
  if (found.node.health === 'up') return { ok: false, reason: `${found.id} has not failed` };
  found.node.health = 'up';
  sim.record({ kind: `${found.level}-recovered`, [found.level]: found.id, message: `${found.level === 'az' ? 'AZ' : found.level} ${found.id} recovered` });
  sim.afterTopologyChange();
  return { ok: true, message: `${found.id} recovered` };
}

type Located =
  | { level: 'host' | 'az' | 'region'; id: string; node: { health: 'up' | 'failed' } }
  | { reason: string };

function locate(sim: Simulation, t: FaultTarget): Located {
  if (t.host !== undefined) {
    const node = sim.hosts.get(t.host);
    return node ? { level: 'host', id: t.host, node } : { reason: `no host named ${t.host}` };
  }
  if (t.az !== undefined) {
    const node = sim.azs.get(t.az);
    return node ? { level: 'az', id: t.az, node } : { reason: `no AZ named ${t.az}` };
  }
  if (t.region !== undefined) {
    const node = sim.regions.get(t.region);
    return node ? { level: 'region', id: t.region, node } : { reason: `no region named ${t.region}` };
  }
  return { reason: 'a fault needs one of vm, host, az or region' };
}

/** The placed VMs that sit under a host, AZ or region. */
export function vmsUnder(sim: Simulation, t: FaultTarget): Vm[] {
  return [...sim.vms.values()].filter((vm) => {
    if (!vm.host) return false;
    const host = sim.hosts.get(vm.host)!;
    return host.id === t.host || host.az === t.az || host.region === t.region;
  });
}
