/**
 * A world's state, and the narrow context through which the rules and each concern act on time:
 * they may read the clock, record an event and schedule a completion, nothing more. The runner
 * (./runner.ts) owns the clock and the queue and hands this context out.
 */
import type { SimEvent, Scheduled } from './events';
import { loadShare } from './host';
import { resolveHypervisor } from './hypervisor';
import { hostCapacity } from './host';
import { LoadIndex } from './load-index';
import { emptyMemoryBooks } from './memory-books';
import type { Random } from './random';
import { findRegion } from './regions';
import type { Scenario } from './scenario';
import type { AzState, DatabaseState, GroupState, HostState, RegionState, Vm } from './types';

/** The clock as a rule sees it: now, a trace to append to, and a queue to schedule on. */
export interface Context {
  readonly time: number;
  record(event: Omit<SimEvent, 'time'>): void;
  schedule(time: number, item: Scheduled): void;
}

/** Regions, AZs and hosts: what faults reach and placement chooses from. */
export interface Topology {
  readonly regions: ReadonlyMap<string, RegionState>;
  readonly azs: ReadonlyMap<string, AzState>;
  readonly hosts: ReadonlyMap<string, HostState>;
}

export interface ResidencyViolation {
  what: string;
  region: string;
  jurisdictions: string[];
  since: number;
}

/** Everything a world holds at one instant, apart from the clock and the queue. */
export interface WorldState extends Topology {
  readonly scenario: Scenario;
  readonly random: Random;
  readonly vms: Map<string, Vm>;
  readonly groups: Map<string, GroupState>;
  /** How many VMs each launch name has created so far (web -> 3 after web-1..web-3). */
  readonly launchCounters: Map<string, number>;
  db: DatabaseState | null;
  trafficRps: number;
  readonly residencyViolations: ResidencyViolation[];
}

/** The declared topology: hosts named `<az>-h<n>`, numbered in declared order across the world. */
export function buildTopology(scenario: Scenario): Topology {
  const regions = new Map<string, RegionState>();
  const azs = new Map<string, AzState>();
  const hosts = new Map<string, HostState>();
  let order = 0;
  for (const r of scenario.regions) {
    const catalog = findRegion(r.id);
    const region: RegionState = { id: r.id, name: catalog?.name ?? r.id, country: catalog?.country ?? 'unknown', health: 'up', azs: [], spreadCursor: 0 };
    r.azs.forEach((a, index) => {
      const azHosts: HostState[] = [];
      let n = 0;
      for (const spec of a.hosts) {
        // The same for every host of this line: resolved once, the hypervisor shared (nothing changes it).
        const hypervisor = resolveHypervisor(spec.hypervisor);
        const capacity = hostCapacity({ ...spec, hypervisor }, scenario.policy);
        for (let i = 0; i < spec.count; i++) {
          const host: HostState = {
            id: `${a.id}-h${++n}`,
            az: a.id,
            region: r.id,
            cores: spec.cores,
            memoryGiB: spec.memoryGiB,
            diskGiB: spec.diskGiB,
            hypervisor,
            health: 'up',
            capacityVcpu: capacity.vcpu,
            capacityMemoryGiB: capacity.memoryGiB,
            order: order++,
            allocatedVcpu: 0,
            allocatedMemoryGiB: 0,
            allocatedDiskGiB: 0,
            vms: new Set(),
            swapGiB: spec.swapGiB,
            memory: emptyMemoryBooks(),
          };
          azHosts.push(host);
          hosts.set(host.id, host);
        }
      }
      const az: AzState = { id: a.id, region: r.id, index, health: 'up', hosts: azHosts, loadIndex: new LoadIndex(azHosts, loadShare) };
      region.azs.push(az);
      azs.set(az.id, az);
    });
    regions.set(region.id, region);
  }
  return { regions, azs, hosts };
}
