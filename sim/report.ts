/**
 * The report: everything a view, a quiz or the CLI may read of a world, as plain JSON-safe data.
 * Numbers are rounded here, once, so a report prints the same in every runtime.
 */
import { requestCapacity, serviceIsUp } from './accounting';
import type { SimEvent } from './events';
import { impairment, type Impairment } from './faults';
import { contention, round } from './host';
import type { HypervisorType } from './hypervisor';
import { rttMs } from './latency';
import { findRegion } from './regions';
import { writeLatencyMs } from './replication';
import type { ResidencyViolation } from './residency-check';
import type { Simulation } from './simulation';
import type { FailoverRecord, Health, Location, Vm, VmState } from './types';
import { diskMonthlyUsd, hoursPerMonth, vmHourlyUsd } from './pricing';
import { legalActions, refusal, type LifecycleAction } from './vm';

export type NotServingReason = Impairment | 'rebooting' | VmState;

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
  diskGiB: number;
  group: string | null;
  busy: number;
  stealPercent: number;
  legalActions: LifecycleAction[];
  /** The engine's reason for each action that is not legal now. */
  refusals: Partial<Record<LifecycleAction, string>>;
  /** Cost so far: compute (while running) plus disk (until terminated). */
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

export function vmReason(sim: Simulation, vm: Vm): NotServingReason | null {
  if (vm.state !== 'running') return vm.state;
  const impaired = impairment(sim, vm);
  if (impaired) return impaired;
  if (vm.rebootingUntil !== undefined) return 'rebooting';
  return null;
}

function latencyReport(sim: Simulation): Report['latency'] {
  const regions = [...sim.regions.keys()].map((id) => findRegion(id)).filter((r) => r !== undefined);
  const interRegion: Report['latency']['interRegion'] = [];
  for (let i = 0; i < regions.length; i++) {
    for (let j = i + 1; j < regions.length; j++) {
      interRegion.push({ from: regions[i].code, to: regions[j].code, rttMs: rttMs(regions[i].location, regions[j].location, sim.scenario.network) });
    }
  }
  return { interAzRttMs: sim.scenario.network.interAzRttMs, interRegion };
}

function refusals(vm: Vm): Partial<Record<LifecycleAction, string>> {
  const out: Partial<Record<LifecycleAction, string>> = {};
  for (const action of ['start', 'stop', 'reboot', 'terminate', 'crash'] as const) {
    const why = refusal(vm, action);
    if (why) out[action] = why;
  }
  return out;
}

export function buildReport(sim: Simulation, options: { events?: boolean } = {}): Report {
  const acc = sim.account;
  const stealByVm = new Map<string, number>();
  const hosts: HostReport[] = [...sim.hosts.values()].map((host) => {
    const onHost = [...host.vms].map((name) => sim.vms.get(name)!);
    const c = contention(host, onHost);
    for (const vm of onHost) stealByVm.set(vm.name, vm.state === 'running' && !vm.crashed ? c.stealPercent : 0);
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
    };
  });

  const vms: VmReport[] = [...sim.vms.values()].map((vm) => {
    const reason = vmReason(sim, vm);
    const cost = acc.costByVm.get(vm.name);
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
      group: vm.group ?? null,
      busy: vm.busy,
      stealPercent: stealByVm.get(vm.name) ?? 0,
      legalActions: legalActions(vm),
      refusals: refusals(vm),
      costUsd: usd((cost?.computeUsd ?? 0) + (cost?.diskUsd ?? 0)),
      computeUsd: usd(cost?.computeUsd ?? 0),
      diskUsd: usd(cost?.diskUsd ?? 0),
      hourlyUsd: usd(
        (vm.state === 'running' ? (vmHourlyUsd(vm.region, vm.vcpu) ?? 0) : 0) +
          (vm.state === 'terminated' ? 0 : (diskMonthlyUsd(vm.region, vm.diskGiB) ?? 0) / hoursPerMonth),
      ),
    };
  });

  const db = sim.db;
  const window = acc.firstUpAt === null ? 0 : acc.upSeconds + acc.downSeconds;
  const traffic = sim.scenario.traffic;
  const totalRequests = acc.servedRequests + acc.droppedRequests;

  return {
    scenario: sim.scenario.name,
    seed: sim.scenario.seed,
    time: sim.time,
    regions: [...sim.regions.values()].map((r) => ({
      id: r.id,
      name: r.name,
      country: r.country,
      health: r.health,
      azs: r.azs.map((az) => ({ id: az.id, health: az.health })),
    })),
    hosts,
    vms,
    groups: [...sim.groups.values()].map((g) => {
      const members = vms.filter((vm) => vm.group === g.name && vm.state !== 'terminated' && vm.state !== 'shutting-down');
      return { name: g.name, desired: g.desired, members: members.length, serving: members.filter((vm) => vm.serving).length, azs: g.azs };
    }),
    database: db && {
      name: db.name,
      available: db.available,
      primary: { ...db.primary },
      standby: db.standby && { ...db.standby },
      replica: db.replica && { ...db.replica },
      failingOver: db.failover !== null,
      failoverStartedAt: db.failover?.startedAt ?? null,
      writeLatencyMs: round(writeLatencyMs(sim, db), 3),
      rpoSeconds: db.rpoSeconds,
      lostWrites: db.lostWrites,
      failovers: db.failovers.map((f) => ({ ...f, from: { ...f.from }, to: { ...f.to } })),
    },
    latency: latencyReport(sim),
    events: options.events === false ? [] : sim.events.slice(),
    metrics: {
      servingVms: serviceIsUp(sim).serving,
      runningVms: vms.filter((vm) => vm.state === 'running').length,
      serviceUp: serviceIsUp(sim).up,
      availabilityPercent: window > 0 ? round((acc.upSeconds / window) * 100, 3) : 0,
      upSeconds: round(acc.upSeconds, 3),
      downtimeSeconds: round(acc.downSeconds, 3),
      firstUpAt: acc.firstUpAt,
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
      traffic: traffic ? { demandRps: sim.trafficRps, capacityRps: requestCapacity(sim) } : null,
    },
  };
}

