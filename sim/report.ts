/**
 * The report: everything a view, a quiz or the CLI may read of a world, as plain JSON-safe data.
 * Numbers are rounded here, once, so a report prints the same in every runtime.
 */
import type { Accounting } from './accounting';
import type { SimEvent } from './events';
import { contention, round } from './host';
import type { HypervisorType } from './hypervisor';
import { rttMs } from './latency';
import { hostMemory, vmMemoryShare, type HostMemory } from './memory';
import { vmHourlyCostUsd } from './pricing';
import { findRegion } from './regions';
import { writeLatencyMs } from './replication';
import { hostDown, impairment, notServingReason, type NotServingReason } from './serving';
import { storageReport, type StorageReport } from './storage';
import { requestCapacity, type ServiceState } from './service';
import type { FailoverRecord, Health, HostState, Location, Vm, VmState } from './types';
import { legalActions, refusals, type LifecycleAction } from './vm';
import type { ResidencyViolation, WorldState } from './world';

export type { NotServingReason };

/** What a report is read from: the world, its clock, its trace and what has accumulated. */
export interface ReportSource {
  readonly world: WorldState;
  readonly time: number;
  readonly events: readonly SimEvent[];
  readonly account: Accounting;
  readonly service: ServiceState;
  /** A VM's cost from launch to now. */
  vmCost(name: string): { computeUsd: number; diskUsd: number };
}

export interface VmReport {
  name: string;
  state: VmState;
  serving: boolean;
  /** Why it does not serve, when it does not. */
  reason: NotServingReason | null;
  host: string | null;
  az: string | null;
  region: string;
  vcpu: number;
  memoryGiB: number;
  /** The root volume's size (a network volume); its state and data are in `storage`. */
  diskGiB: number;
  /** The root volume and the instance store: what each holds and whether the volume is billed. */
  storage: StorageReport;
  group: string | null;
  /** The spread placement group it was launched into, if any. */
  spreadGroup: string | null;
  busy: number;
  stealPercent: number;
  /** Share of its memory the guest really uses (its working set). */
  workingSet: number;
  /** While it runs under memory pressure: idle memory its balloon driver gave back, and working-set memory the host swapped out. */
  balloonGiB: number;
  swappedGiB: number;
  /** Share of its working set in the host's swap, in percent: every touch of those pages waits for the disk. */
  swappedPercent: number;
  legalActions: LifecycleAction[];
  /** The engine's reason for each action that is not legal now. */
  refusals: Partial<Record<LifecycleAction, string>>;
  /** Cost so far: compute (while running) plus the root volume (until terminated). */
  costUsd: number;
  computeUsd: number;
  diskUsd: number;
  /** What the VM costs per hour in its current state: compute while running, plus its disk until terminated. */
  hourlyUsd: number;
}

export interface HostReport {
  id: string;
  az: string;
  region: string;
  health: Health;
  hypervisor: HypervisorType;
  cores: number;
  memoryGiB: number;
  /** Local disk for instance stores. */
  diskGiB: number;
  reservedCores: number;
  reservedMemoryGiB: number;
  perVmOverheadMemoryGiB: number;
  capacityVcpu: number;
  capacityMemoryGiB: number;
  allocatedVcpu: number;
  allocatedMemoryGiB: number;
  /** Capacity left for new VMs. */
  freeVcpu: number;
  freeMemoryGiB: number;
  freeDiskGiB: number;
  vms: string[];
  demandCores: number;
  supplyCores: number;
  stealPercent: number;
  /** Memory pressure: its running guests' memory against what it has (./memory.ts). */
  memory: HostMemory;
}

export interface DatabaseReport {
  name: string;
  available: boolean;
  primary: Location;
  standby: Location | null;
  replica: { region: string; lagSeconds: number; healthy: boolean } | null;
  failingOver: boolean;
  /** When the failover or promotion under way began, or null. */
  failoverStartedAt: number | null;
  writeLatencyMs: number;
  rpoSeconds: number;
  lostWrites: number;
  failovers: FailoverRecord[];
}

export interface Metrics {
  servingVms: number;
  runningVms: number;
  serviceUp: boolean;
  /** Share of time the service was up, from the moment it first came up to now, in percent. */
  availabilityPercent: number;
  upSeconds: number;
  downtimeSeconds: number;
  firstUpAt: number | null;
  cost: { computeUsd: number; diskUsd: number; totalUsd: number; unpricedRegions: string[] };
  requests: { served: number; dropped: number; droppedPercent: number } | null;
  /** Demand and what the serving VMs can take now, in requests per second (null without traffic). */
  traffic: { demandRps: number; capacityRps: number } | null;
  residencyViolations: ResidencyViolation[];
}

export interface Report {
  scenario: string;
  seed: number;
  time: number;
  regions: { id: string; name: string; country: string; health: Health; azs: { id: string; health: Health }[] }[];
  hosts: HostReport[];
  vms: VmReport[];
  groups: { name: string; desired: number; members: number; serving: number; azs: string[] }[];
  database: DatabaseReport | null;
  /** Round trips under the scenario's network model: between AZs, and between each pair of declared regions. */
  latency: { interAzRttMs: number; interRegion: { from: string; to: string; rttMs: number }[] };
  events: SimEvent[];
  metrics: Metrics;
}

const usd = (x: number) => round(x, 6);

function latencyReport(sim: WorldState): Report['latency'] {
  const regions = [...sim.regions.keys()].map((id) => findRegion(id)).filter((r) => r !== undefined);
  const interRegion: Report['latency']['interRegion'] = [];
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      interRegion.push({ from: regions[i].code, to: regions[j].code, rttMs: rttMs(regions[i].location, regions[j].location, sim.scenario.network) });
    }
  }
  return { interAzRttMs: sim.scenario.network.interAzRttMs, interRegion };
}

/** CPU sharing on a host: a host under a failed AZ or region runs nothing, so it has no demand and no steal. */
function hostContention(world: WorldState, host: HostState, onHost: Vm[]) {
  return contention(host, hostDown(world, host) ? [] : onHost);
}

export function hostReport(world: WorldState, host: HostState, onHost: Vm[]): HostReport {
  const c = hostContention(world, host, onHost);
  return {
    id: host.id,
    az: host.az,
    region: host.region,
    health: host.health,
    hypervisor: host.hypervisor.type,
    cores: host.cores,
    memoryGiB: host.memoryGiB,
    diskGiB: host.diskGiB,
    reservedCores: host.hypervisor.reservedCores,
    reservedMemoryGiB: host.hypervisor.reservedMemoryGiB,
    perVmOverheadMemoryGiB: host.hypervisor.perVmOverheadMemoryGiB,
    capacityVcpu: round(host.capacityVcpu, 3),
    capacityMemoryGiB: round(host.capacityMemoryGiB, 3),
    allocatedVcpu: host.allocatedVcpu,
    allocatedMemoryGiB: round(host.allocatedMemoryGiB, 3),
    freeVcpu: round(host.capacityVcpu - host.allocatedVcpu, 3),
    freeMemoryGiB: round(host.capacityMemoryGiB - host.allocatedMemoryGiB, 3),
    freeDiskGiB: round(host.diskGiB - host.allocatedDiskGiB, 3),
    vms: [...host.vms],
    demandCores: c.demandCores,
    supplyCores: c.supplyCores,
    stealPercent: c.stealPercent,
    memory: hostMemory(host),
  };
}

function vmReport(src: ReportSource, vm: Vm, hostSteal: number): VmReport {
  const reason = notServingReason(src.world, vm);
  const cost = src.vmCost(vm.name);
  const host = vm.host ? src.world.hosts.get(vm.host) : undefined;
  const memory = host ? vmMemoryShare(vm, host) : { balloonGiB: 0, swappedGiB: 0, swappedPercent: 0 };
  return {
    name: vm.name,
    state: vm.state,
    serving: reason === null,
    reason,
    host: vm.host ?? null,
    az: vm.az ?? null,
    region: vm.region,
    vcpu: vm.vcpu,
    memoryGiB: vm.memoryGiB,
    diskGiB: vm.diskGiB,
    storage: storageReport(vm),
    group: vm.group ?? null,
    spreadGroup: vm.spreadGroup ?? null,
    busy: vm.busy,
    // Only a guest that runs waits for a core: not a crashed one, nor one under a failed host, AZ or region.
    stealPercent: vm.state === 'running' && impairment(src.world, vm) === null ? hostSteal : 0,
    workingSet: vm.workingSet,
    balloonGiB: memory.balloonGiB,
    swappedGiB: memory.swappedGiB,
    swappedPercent: memory.swappedPercent,
    legalActions: legalActions(vm),
    refusals: refusals(vm),
    costUsd: usd(cost.computeUsd + cost.diskUsd),
    computeUsd: usd(cost.computeUsd),
    diskUsd: usd(cost.diskUsd),
    hourlyUsd: usd(vmHourlyCostUsd(vm)),
  };
}

/** One VM's report, reading only its own host: for views that follow one VM. */
export function buildVmReport(src: ReportSource, name: string): VmReport | undefined {
  const vm = src.world.vms.get(name);
  if (!vm) return undefined;
  const host = vm.host ? src.world.hosts.get(vm.host) : undefined;
  const steal = host
    ? hostContention(
        src.world,
        host,
        [...host.vms].map((n) => src.world.vms.get(n)!),
      ).stealPercent
    : 0;
  return vmReport(src, vm, steal);
}

export function regionsReport(sim: WorldState): Report['regions'] {
  return [...sim.regions.values()].map((r) => ({
    id: r.id,
    name: r.name,
    country: r.country,
    health: r.health,
    azs: r.azs.map((az) => ({ id: az.id, health: az.health })),
  }));
}

export function databaseReport(sim: WorldState): DatabaseReport | null {
  const db = sim.db;
  return (
    db && {
      name: db.name,
      available: db.available,
      primary: { ...db.primary },
      standby: db.standby && { ...db.standby },
      replica: db.replica && { ...db.replica },
      failingOver: db.failover !== null,
      failoverStartedAt: db.failover?.startedAt ?? null,
      writeLatencyMs: round(writeLatencyMs(sim.scenario.database!, sim.scenario.network.interAzRttMs, db), 3),
      rpoSeconds: db.rpoSeconds,
      lostWrites: db.lostWrites,
      failovers: db.failovers.map((f) => ({ ...f, from: { ...f.from }, to: { ...f.to } })),
    }
  );
}

/** Up and down time so far, and availability over the window since the service first came up. */
export function uptimeMetrics(acc: Accounting): Pick<Metrics, 'availabilityPercent' | 'upSeconds' | 'downtimeSeconds' | 'firstUpAt'> {
  const window = acc.firstUpAt === null ? 0 : acc.upSeconds + acc.downSeconds;
  return {
    availabilityPercent: window > 0 ? round((acc.upSeconds / window) * 100, 3) : 0,
    upSeconds: round(acc.upSeconds, 3),
    downtimeSeconds: round(acc.downSeconds, 3),
    firstUpAt: acc.firstUpAt,
  };
}

export function buildReport(src: ReportSource, options: { events?: boolean } = {}): Report {
  const { world: sim } = src;
  const stealByHost = new Map<string, number>();
  const hosts: HostReport[] = [...sim.hosts.values()].map((host) => {
    const report = hostReport(
      sim,
      host,
      [...host.vms].map((name) => sim.vms.get(name)!),
    );
    stealByHost.set(host.id, report.stealPercent);
    return report;
  });
  const vms: VmReport[] = [...sim.vms.values()].map((vm) => vmReport(src, vm, vm.host ? (stealByHost.get(vm.host) ?? 0) : 0));

  return {
    scenario: sim.scenario.name,
    seed: sim.scenario.seed,
    time: src.time,
    regions: regionsReport(sim),
    hosts,
    vms,
    groups: [...sim.groups.values()].map((g) => {
      const members = vms.filter((vm) => vm.group === g.name && vm.state !== 'terminated' && vm.state !== 'shutting-down');
      return { name: g.name, desired: g.desired, members: members.length, serving: members.filter((vm) => vm.serving).length, azs: g.azs };
    }),
    database: databaseReport(sim),
    latency: latencyReport(sim),
    events: options.events === false ? [] : src.events.slice(),
    metrics: buildMetrics(src),
  };
}

/** The report's metrics alone, as `buildReport` has them, without a report of every host and VM. */
export function buildMetrics(src: Pick<ReportSource, 'world' | 'account' | 'service'>): Metrics {
  const { world: sim, account: acc } = src;
  let runningVms = 0;
  for (const vm of sim.vms.values()) if (vm.state === 'running') runningVms++;
  const traffic = sim.scenario.traffic;
  const totalRequests = acc.servedRequests + acc.droppedRequests;
  return {
    servingVms: src.service.serving,
    runningVms,
    serviceUp: src.service.up,
    ...uptimeMetrics(acc),
    cost: {
      computeUsd: usd(acc.computeUsd),
      diskUsd: usd(acc.diskUsd),
      totalUsd: usd(acc.computeUsd + acc.diskUsd),
      unpricedRegions: [...acc.unpricedRegions],
    },
    requests: traffic
      ? {
          served: Math.round(acc.servedRequests),
          dropped: Math.round(acc.droppedRequests),
          droppedPercent: totalRequests > 0 ? round((acc.droppedRequests / totalRequests) * 100, 3) : 0,
        }
      : null,
    residencyViolations: sim.residencyViolations.slice(),
    traffic: traffic ? { demandRps: sim.trafficRps, capacityRps: requestCapacity(sim, src.service) } : null,
  };
}
