/**
 * What accumulates over a run between events: the service's up and down time, requests served and
 * dropped, and cost. The world is constant between two events, so each interval is added whole.
 * Prices come from ./pricing.ts; whether the service is up comes from the caller.
 */
import { billed, computeCostUsd, diskCostUsd } from './pricing';
import type { Vm } from './types';

export interface Accounting {
  lastTime: number;
  upSeconds: number;
  downSeconds: number;
  firstUpAt: number | null;
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
    computeUsd: 0,
    diskUsd: 0,
    costByVm: new Map(),
    servedRequests: 0,
    droppedRequests: 0,
    unpricedRegions: new Set(),
  };
}

/** The world as accounting sees it over one interval. */
export interface Interval {
  serviceUp: boolean;
  /** Demand and capacity in requests per second, or null without traffic. */
  traffic: { demandRps: number; capacityRps: number } | null;
  vms: Iterable<Vm>;
}

/** Adds the interval from the last accounted time to `t`. */
export function accrue(acc: Accounting, t: number, now: Interval): void {
  const dt = t - acc.lastTime;
  if (dt <= 0) return;
  if (now.serviceUp && acc.firstUpAt === null) acc.firstUpAt = acc.lastTime;
  if (acc.firstUpAt !== null) {
    if (now.serviceUp) acc.upSeconds += dt;
    else acc.downSeconds += dt;
  }
  if (now.traffic) {
    const { demandRps, capacityRps } = now.traffic;
    acc.servedRequests += Math.min(demandRps, capacityRps) * dt;
    acc.droppedRequests += Math.max(0, demandRps - capacityRps) * dt;
  }
  for (const vm of now.vms) {
    if (vm.state === 'terminated') continue;
    let entry = acc.costByVm.get(vm.name);
    if (!entry) acc.costByVm.set(vm.name, (entry = { computeUsd: 0, diskUsd: 0 }));
    const parts = billed(vm.state);
    if (parts.compute) {
      const c = computeCostUsd(vm.region, vm.vcpu, dt);
      if (c === undefined) acc.unpricedRegions.add(vm.region);
      else {
        acc.computeUsd += c;
        entry.computeUsd += c;
      }
    }
    const d = diskCostUsd(vm.region, vm.diskGiB, dt);
    if (d !== undefined) {
      acc.diskUsd += d;
      entry.diskUsd += d;
    }
  }
  acc.lastTime = t;
}
