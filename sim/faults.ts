/**
 * Faults and recovery. A fault reaches exactly what sits under it: a VM crash touches one VM, a host
 * failure the VMs on that host, an AZ outage every host of the AZ, a region outage every AZ of it.
 * This module changes health and says what it did; the rules decide what follows (groups look
 * again, the database reacts).
 */
import { impairment } from './serving';
import type { Outcome, Vm } from './types';
import { refusal } from './vm';
import type { Context, Topology } from './world';

export interface FaultTarget {
  vm?: string;
  host?: string;
  az?: string;
  region?: string;
}

/** What a fault may touch: the topology's health, a VM's guest, and the trace. */
export interface FaultContext extends Context {
  readonly topology: Topology;
  readonly vms: ReadonlyMap<string, Vm>;
}

/** Keeps `impairedSince` in step with the world: set when a fault starts, cleared when it ends. */
export function refreshImpairment(topology: Topology, vm: Vm, time: number): void {
  const faulted = (vm.state === 'running' || vm.state === 'pending') && impairment(topology, vm) !== null;
  // A group counts a stopped member as unhealthy, as an auto-scaling group does, and replaces it.
  const stoppedMember = vm.group !== undefined && (vm.state === 'stopping' || vm.state === 'stopped');
  const impaired = faulted || stoppedMember;
  if (impaired && vm.impairedSince === undefined) vm.impairedSince = time;
  if (!impaired) vm.impairedSince = undefined;
}

export function applyFault(ctx: FaultContext, target: FaultTarget): Outcome {
  if (target.vm !== undefined) {
    const vm = ctx.vms.get(target.vm);
    if (!vm) return { ok: false, reason: `no VM named ${target.vm}` };
    const why = refusal(vm, 'crash');
    if (why) return { ok: false, reason: why };
    vm.crashed = true;
    ctx.record({
      kind: 'vm-crashed',
      vm: vm.name,
      host: vm.host,
      message: `${vm.name} crashed (its guest OS stopped responding); its neighbours on ${vm.host} are untouched`,
    });
    return { ok: true, message: `${vm.name} crashed` };
  }
  const found = locate(ctx.topology, target);
  if ('reason' in found) return { ok: false, reason: found.reason };
  if (found.node.health === 'failed') return { ok: false, reason: `${found.id} has already failed` };
  found.node.health = 'failed';
  const hit = vmsUnder(ctx.topology, target).length;
  ctx.record({
    kind: `${found.level}-failed`,
    [found.level]: found.id,
    message: `${found.level === 'az' ? 'AZ' : found.level} ${found.id} failed: ${hit} VM(s) under it stop serving`,
  });
  return { ok: true, message: `${found.id} failed` };
}

export function applyRecovery(ctx: FaultContext, target: FaultTarget): Outcome {
  if (target.vm !== undefined) {
    const vm = ctx.vms.get(target.vm);
    if (!vm) return { ok: false, reason: `no VM named ${target.vm}` };
    if (!vm.crashed) return { ok: false, reason: `${vm.name} has not crashed` };
    vm.crashed = false;
    ctx.record({ kind: 'vm-recovered', vm: vm.name, host: vm.host, message: `${vm.name} recovered` });
    return { ok: true, message: `${vm.name} recovered` };
  }
  const found = locate(ctx.topology, target);
  if ('reason' in found) return { ok: false, reason: found.reason };
  if (found.node.health === 'up') return { ok: false, reason: `${found.id} has not failed` };
  found.node.health = 'up';
  ctx.record({ kind: `${found.level}-recovered`, [found.level]: found.id, message: `${found.level === 'az' ? 'AZ' : found.level} ${found.id} recovered` });
  return { ok: true, message: `${found.id} recovered` };
}

type Located = { level: 'host' | 'az' | 'region'; id: string; node: { health: 'up' | 'failed' } } | { reason: string };

function locate(topology: Topology, t: FaultTarget): Located {
  if (t.host !== undefined) {
    const node = topology.hosts.get(t.host);
    return node ? { level: 'host', id: t.host, node } : { reason: `no host named ${t.host}` };
  }
  if (t.az !== undefined) {
    const node = topology.azs.get(t.az);
    return node ? { level: 'az', id: t.az, node } : { reason: `no AZ named ${t.az}` };
  }
  if (t.region !== undefined) {
    const node = topology.regions.get(t.region);
    return node ? { level: 'region', id: t.region, node } : { reason: `no region named ${t.region}` };
  }
  return { reason: 'a fault needs one of vm, host, az or region' };
}

/** The names of the placed VMs under a host, AZ or region (a walk of that node's hosts only). */
export function vmsUnder(topology: Topology, t: FaultTarget): string[] {
  const hosts =
    t.host !== undefined
      ? [topology.hosts.get(t.host)]
      : t.az !== undefined
        ? (topology.azs.get(t.az)?.hosts ?? [])
        : t.region !== undefined
          ? (topology.regions.get(t.region)?.azs.flatMap((az) => az.hosts) ?? [])
          : [];
  const out: string[] = [];
  for (const host of hosts) if (host) for (const name of host.vms) out.push(name);
  return out;
}
