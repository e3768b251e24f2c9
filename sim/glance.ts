/**
 * A glance at a world: the part of its report that a view redraws every frame (what is up, what
 * serves and why not, each host's load), without what the full report adds per VM and a frame does
 * not show (costs, storage, legal actions and refusals). Every field it has is the report's own,
 * computed by the same functions, so a glance agrees with a report of the same moment.
 *
 * A glance keeps its VM entries from one read to the next and hands back the same object for a VM
 * whose fields did not change, and the same list when none did: at a thousand VMs of which one
 * changed, a read allocates one entry, and a view can tell what changed by identity.
 */
import type { Accounting } from './accounting';
import { workingSetGiB } from './memory';
import { databaseReport, hostReport, regionsReport, uptimeMetrics, type HostReport, type Metrics, type Report, type VmReport } from './report';
import { impairment, notServingReason } from './serving';
import type { ServiceState } from './service';
import type { HostState, Vm } from './types';
import type { WorldState } from './world';

/** One VM at a glance: the report's fields for it that change while it lives, with its name and size. */
export type VmGlance = Readonly<
  Pick<
    VmReport,
    | 'name'
    | 'state'
    | 'serving'
    | 'reason'
    | 'host'
    | 'az'
    | 'region'
    | 'vcpu'
    | 'memoryGiB'
    | 'group'
    | 'busy'
    | 'stealPercent'
    | 'workingSet'
    | 'swappedPercent'
  >
>;

export interface Glance {
  time: number;
  regions: Report['regions'];
  hosts: HostReport[];
  /** Every VM, in the report's order. */
  vms: readonly VmGlance[];
  database: Report['database'];
  metrics: Pick<Metrics, 'servingVms' | 'serviceUp' | 'availabilityPercent' | 'upSeconds' | 'downtimeSeconds' | 'firstUpAt'>;
}

/** What a glance is read from: the world, its clock and what has accumulated. */
export interface GlanceSource {
  readonly world: WorldState;
  readonly time: number;
  readonly account: Accounting;
  readonly service: ServiceState;
}

/** Reads glances of one world, keeping the VM entries of the last read to reuse. */
export class WorldGlance {
  private readonly entries = new Map<string, VmGlance>();
  private lastVms: readonly VmGlance[] = [];

  read(src: GlanceSource): Glance {
    const { world } = src;
    const byHost = new Map<string, HostReport>();
    const hosts = [...world.hosts.values()].map((host) => {
      const report = hostReport(
        world,
        host,
        [...host.vms].map((name) => world.vms.get(name)!),
      );
      byHost.set(host.id, report);
      return report;
    });
    const vms: VmGlance[] = [];
    let changed = world.vms.size !== this.lastVms.length;
    for (const vm of world.vms.values()) {
      const entry = this.entry(world, vm, vm.host ? byHost.get(vm.host) : undefined);
      if (!changed && this.lastVms[vms.length] !== entry) changed = true;
      vms.push(entry);
    }
    if (changed) this.lastVms = vms;
    return {
      time: src.time,
      regions: regionsReport(world),
      hosts,
      vms: this.lastVms,
      database: databaseReport(world),
      metrics: { servingVms: src.service.serving, serviceUp: src.service.up, ...uptimeMetrics(src.account) },
    };
  }

  /** The VM's entry now: the kept one when every field is as it was, otherwise a new one kept in its place. */
  private entry(world: WorldState, vm: Vm, host: HostReport | undefined): VmGlance {
    const reason = notServingReason(world, vm);
    // As the report: only a guest that runs waits for a core (./report.ts vmReport).
    const stealPercent = host && vm.state === 'running' && impairment(world, vm) === null ? host.stealPercent : 0;
    const swappedPercent = host ? swappedShare(vm, world.hosts.get(host.id)!, host) : 0;
    const kept = this.entries.get(vm.name);
    if (
      kept &&
      kept.state === vm.state &&
      kept.reason === reason &&
      kept.host === (vm.host ?? null) &&
      kept.az === (vm.az ?? null) &&
      kept.region === vm.region &&
      kept.vcpu === vm.vcpu &&
      kept.memoryGiB === vm.memoryGiB &&
      kept.group === (vm.group ?? null) &&
      kept.busy === vm.busy &&
      kept.stealPercent === stealPercent &&
      kept.workingSet === vm.workingSet &&
      kept.swappedPercent === swappedPercent
    )
      return kept;
    const next: VmGlance = {
      name: vm.name,
      state: vm.state,
      serving: reason === null,
      reason,
      host: vm.host ?? null,
      az: vm.az ?? null,
      region: vm.region,
      vcpu: vm.vcpu,
      memoryGiB: vm.memoryGiB,
      group: vm.group ?? null,
      busy: vm.busy,
      stealPercent,
      workingSet: vm.workingSet,
      swappedPercent,
    };
    this.entries.set(vm.name, next);
    return next;
  }
}

/**
 * The VM's share of its working set in swap: the host's share, for a running guest with a working set
 * on a host that is up. The same number as memory.ts vmMemoryShare, read from the host's report
 * (computed once per host) instead of the host's books once per VM.
 */
function swappedShare(vm: Vm, host: HostState, report: HostReport): number {
  return vm.state === 'running' && host.health === 'up' && workingSetGiB(vm) > 0 ? report.memory.swappedPercent : 0;
}
