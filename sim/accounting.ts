/**
 * What accumulates over a run between events: the service's up and down time, requests served and
 * dropped, and cost. The world is constant between two events, so each interval is added whole.
 * Cost is kept per VM as a running rate: a VM's rate changes only when its state does (the rules
 * call `billVm`), so advancing the clock costs the same whatever the number of VMs. Prices come
 * from ./pricing.ts; whether the service is up comes from the caller.
 */
import { billed, diskMonthlyUsd, hoursPerMonth, vmHourlyUsd } from './pricing';
import type { Vm } from './types';

interface VmBill {
  computeUsd: number;
  diskUsd: number;
  /** Since when the rates below apply (costs up to then are in computeUsd and diskUsd). */
  since: number;
  /** Compute per hour while running (0 otherwise or unpriced), disk per month until terminated. */
  computeHourlyUsd: number;
  diskMonthlyUsd: number;
  /** The region, when the VM runs in a region with no price (it is then reported as unpriced). */
  unpricedRegion: string | null;
}

export interface Accounting {
  lastTime: number;
  upSeconds: number;
  downSeconds: number;
  firstUpAt: number | null;
  computeUsd: number;
  diskUsd: number;
  servedRequests: number;
  droppedRequests: number;
  unpricedRegions: Set<string>;
  bills: Map<string, VmBill>;
  /** Sums of the VMs' current rates. */
  computeHourlyUsd: number;
  diskMonthlyUsd: number;
  /** Running VMs per region that has no price. */
  runningUnpriced: Map<string, number>;
}

export function createAccounting(): Accounting {
  return {
    lastTime: 0,
    upSeconds: 0,
    downSeconds: 0,
    firstUpAt: null,
    computeUsd: 0,
    diskUsd: 0,
    servedRequests: 0,
    droppedRequests: 0,
    unpricedRegions: new Set(),
    bills: new Map(),
    computeHourlyUsd: 0,
    diskMonthlyUsd: 0,
    runningUnpriced: new Map(),
  };
}

/** The world as accounting sees it over one interval. */
export interface Interval {
  serviceUp: boolean;
  /** Demand and capacity in requests per second, or null without traffic. */
  traffic: { demandRps: number; capacityRps: number } | null;
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
  acc.computeUsd += (acc.computeHourlyUsd * dt) / 3600;
  acc.diskUsd += (acc.diskMonthlyUsd * dt) / (hoursPerMonth * 3600);
  for (const [region, running] of acc.runningUnpriced) if (running > 0) acc.unpricedRegions.add(region);
  acc.lastTime = t;
}

/** What a bill has cost up to `t`. */
function costTo(bill: VmBill, t: number): { computeUsd: number; diskUsd: number } {
  const dt = t - bill.since;
  return {
    computeUsd: bill.computeUsd + (bill.computeHourlyUsd * dt) / 3600,
    diskUsd: bill.diskUsd + (bill.diskMonthlyUsd * dt) / (hoursPerMonth * 3600),
  };
}

/** Called when a VM appears or its state changes, at time `t`: its cost so far is settled and its rates follow its state. */
export function billVm(acc: Accounting, vm: Vm, t: number): void {
  let bill = acc.bills.get(vm.name);
  if (!bill) {
    bill = { computeUsd: 0, diskUsd: 0, since: t, computeHourlyUsd: 0, diskMonthlyUsd: 0, unpricedRegion: null };
    acc.bills.set(vm.name, bill);
  }
  const dt = t - bill.since;
  bill.computeUsd += (bill.computeHourlyUsd * dt) / 3600;
  bill.diskUsd += (bill.diskMonthlyUsd * dt) / (hoursPerMonth * 3600);
  bill.since = t;
  acc.computeHourlyUsd -= bill.computeHourlyUsd;
  acc.diskMonthlyUsd -= bill.diskMonthlyUsd;
  if (bill.unpricedRegion !== null) acc.runningUnpriced.set(bill.unpricedRegion, acc.runningUnpriced.get(bill.unpricedRegion)! - 1);

  const parts = billed(vm.state);
  const hourly = parts.compute ? vmHourlyUsd(vm.region, vm.vcpu) : 0;
  bill.computeHourlyUsd = hourly ?? 0;
  bill.unpricedRegion = hourly === undefined ? vm.region : null;
  bill.diskMonthlyUsd = parts.disk ? (diskMonthlyUsd(vm.region, vm.diskGiB) ?? 0) : 0;

  acc.computeHourlyUsd += bill.computeHourlyUsd;
  acc.diskMonthlyUsd += bill.diskMonthlyUsd;
  if (bill.unpricedRegion !== null) acc.runningUnpriced.set(bill.unpricedRegion, (acc.runningUnpriced.get(bill.unpricedRegion) ?? 0) + 1);
}

/** A VM's cost from its launch to `t`. */
export function vmCost(acc: Accounting, name: string, t: number): { computeUsd: number; diskUsd: number } {
  const bill = acc.bills.get(name);
  return bill ? costTo(bill, t) : { computeUsd: 0, diskUsd: 0 };
}
