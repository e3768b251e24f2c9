/**
 * What accumulates over a run between events: the service's up and down time, requests served and
 * dropped, and cost. The world is constant between two events, so each interval is added whole.
 */
import { diskMonthlyUsd, hoursPerMonth, vmHourlyUsd } from './pricing';
import type { Simulation } from './simulation';
import type { Vm } from './types';
import { isMemberName } from './vm';

export interface Accounting {
  lastTime: number;
  upSeconds: number;
  downSeconds: number;
  firstUpAt: number | null;
  serviceUp: boolean;
  computeUsd: number;
  diskUsd: number;
  costByVm: Map<string, { computeUsd: number; diskUsd: number }>;
  servedRequests: number;
  droppedRequests: number;
  unpricedRegions: Set<string>;
}

export function createAccounting(): Accounting {
  return {
    lastTime: 0,
    upSeconds: 0,
    downSeconds: 0,
    firstUpAt: null,
    serviceUp: false,
    computeUsd: 0,
    diskUsd: 0,
    costByVm: new Map(),
    servedRequests: 0,
    droppedRequests: 0,
    unpricedRegions: new Set(),
  };
}

/** The VMs that make up the service: those named `<service.vms>-N`, or all. */
export function serviceVms(sim: Simulation): Vm[] {
  const prefix = sim.scenario.service?.vms;
  const all = [...sim.vms.values()];
  return prefix === undefined ? all : all.filter((vm) => isMemberName(vm.name, prefix));
}

/** Whether the service is up now: enough of its VMs serve, and its database (if any) is available. */
export function serviceIsUp(sim: Simulation): { up: boolean; serving: number } {
  const serving = serviceVms(sim).filter((vm) => sim.serving(vm)).length;
  const minServing = sim.scenario.service?.minServing ?? 1;
  const dbOk = sim.db === null || sim.db.available;
  return { up: serving >= minServing && dbOk, serving };
}

/** Requests per second the service can take now: serving VMs x per-VM rate, none without its database. */
export function requestCapacity(sim: Simulation): number {
  const traffic = sim.scenario.traffic;
  if (!traffic || (sim.db !== null && !sim.db.available)) return 0;
  return serviceIsUp(sim).serving * traffic.perVmRps;
}

/** Adds the interval from the last accounted time to `t`, and notes a change of the service's state. */
export function accrue(sim: Simulation, t: number): void {
  const acc = sim.account;
  const dt = t - acc.lastTime;
  if (dt <= 0) return;
  const { up, serving } = serviceIsUp(sim);
  if (up !== acc.serviceUp) {
    acc.serviceUp = up;
    if (up && acc.firstUpAt === null) acc.firstUpAt = acc.lastTime;
    sim.events.push({
      time: acc.lastTime,
      kind: up ? 'service-up' : 'service-down',
      message: up ? `service is up (${serving} VM(s) serving)` : `service is down (${serving} VM(s) serving${sim.db && !sim.db.available ? ', database unavailable' : ''})`,
    });
  }
  if (acc.firstUpAt !== null) {
    if (up) acc.upSeconds += dt;
    else acc.downSeconds += dt;
  }
  if (sim.scenario.traffic) {
    const capacity = requestCapacity(sim);
    const demand = sim.trafficRps;
    acc.servedRequests += Math.min(demand, capacity) * dt;
    acc.droppedRequests += Math.max(0, demand - capacity) * dt;
  }
  for (const vm of sim.vms.values()) {
    if (vm.state === 'terminated') continue;
    const region = vm.region;
    let entry = acc.costByVm.get(vm.name);
    if (!entry) acc.costByVm.set(vm.name, (entry = { computeUsd: 0, diskUsd: 0 }));
    if (vm.state === 'running') {
      const hourly = vmHourlyUsd(region, vm.vcpu);
      if (hourly === undefined) acc.unpricedRegions.add(region);
      else {
        const c = (hourly * dt) / 3600;
        acc.computeUsd += c;
        entry.computeUsd += c;
      }
    }
    const monthly = diskMonthlyUsd(region, vm.diskGiB);
    if (monthly !== undefined) {
      const c = (monthly * dt) / (hoursPerMonth * 3600);
      acc.diskUsd += c;
      entry.diskUsd += c;
    }
  }
  acc.lastTime = t;
}
