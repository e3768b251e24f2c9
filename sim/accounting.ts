/**
 * What accumulates over a run between events: the service's up and down time, requests served and
 * dropped, and cost. The world is constant between two events, so each interval is added whole.
 * Cost is kept per VM as a running rate: a VM's rate changes only when its state does (the rules
 * call `billVm`), so advancing the clock costs the same whatever the number of VMs. Prices come
 * from ./pricing.ts; whether the service is up comes from the caller.
 */
import { billed, diskMonthlyUsd, hoursPerMonth, vmHourlyUsd } from './pricing';
import type { Vm } from './types';

/**
 * Every VM's bill, one column per field, a VM's bills in one row: at a thousand VMs launched at once
 * this is a handful of typed arrays instead of a thousand objects (and their boxed numbers) for the
 * garbage collector to copy.
 */
export class VmBills {
  private readonly rows = new Map<string, number>();
  /** Cost up to `since`. */
  computeUsd = new Float64Array(16);
  diskUsd = new Float64Array(16);
  /** Since when the rates below apply (costs up to then are in computeUsd and diskUsd). */
  since = new Float64Array(16);
  /** Compute per hour while running (0 otherwise or unpriced), disk per month until terminated. */
  computeHourlyUsd = new Float64Array(16);
  diskMonthlyUsd = new Float64Array(16);
  /** The region, when the VM runs in a region with no price (it is then reported as unpriced). */
  readonly unpricedRegion: (string | null)[] = [];

  /** The VM's row, or -1 before its first bill. */
  row(name: string): number {
    return this.rows.get(name) ?? -1;
  }

  /** A new row for the VM, its costs and rates 0 from `t`. */
  open(name: string, t: number): number {
    const row = this.rows.size;
    if (row === this.since.length) this.grow();
    this.rows.set(name, row);
    this.since[row] = t;
    this.unpricedRegion.push(null);
    return row;
  }

  private grow(): void {
    const wider = (column: Float64Array) => {
      const next = new Float64Array(column.length * 2);
      next.set(column);
      return next;
    };
    this.computeUsd = wider(this.computeUsd);
    this.diskUsd = wider(this.diskUsd);
    this.since = wider(this.since);
    this.computeHourlyUsd = wider(this.computeHourlyUsd);
    this.diskMonthlyUsd = wider(this.diskMonthlyUsd);
  }
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
  bills: VmBills;
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
    bills: new VmBills(),
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

/** Called when a VM appears or its state changes, at time `t`: its cost so far is settled and its rates follow its state. */
export function billVm(acc: Accounting, vm: Vm, t: number): void {
  const bills = acc.bills;
  let row = bills.row(vm.name);
  if (row < 0) row = bills.open(vm.name, t);
  const dt = t - bills.since[row];
  bills.computeUsd[row] += (bills.computeHourlyUsd[row] * dt) / 3600;
  bills.diskUsd[row] += (bills.diskMonthlyUsd[row] * dt) / (hoursPerMonth * 3600);
  bills.since[row] = t;
  acc.computeHourlyUsd -= bills.computeHourlyUsd[row];
  acc.diskMonthlyUsd -= bills.diskMonthlyUsd[row];
  const wasUnpriced = bills.unpricedRegion[row];
  if (wasUnpriced !== null) acc.runningUnpriced.set(wasUnpriced, acc.runningUnpriced.get(wasUnpriced)! - 1);

  const parts = billed(vm.state);
  const hourly = parts.compute ? vmHourlyUsd(vm.region, vm.vcpu) : 0;
  const unpriced = hourly === undefined ? vm.region : null;
  bills.computeHourlyUsd[row] = hourly ?? 0;
  bills.unpricedRegion[row] = unpriced;
  bills.diskMonthlyUsd[row] = parts.disk ? (diskMonthlyUsd(vm.region, vm.diskGiB) ?? 0) : 0;

  acc.computeHourlyUsd += bills.computeHourlyUsd[row];
  acc.diskMonthlyUsd += bills.diskMonthlyUsd[row];
  if (unpriced !== null) acc.runningUnpriced.set(unpriced, (acc.runningUnpriced.get(unpriced) ?? 0) + 1);
}

/** A VM's cost from its launch to `t`. */
export function vmCost(acc: Accounting, name: string, t: number): { computeUsd: number; diskUsd: number } {
  const bills = acc.bills;
  const row = bills.row(name);
  if (row < 0) return { computeUsd: 0, diskUsd: 0 };
  const dt = t - bills.since[row];
  return {
    computeUsd: bills.computeUsd[row] + (bills.computeHourlyUsd[row] * dt) / 3600,
    diskUsd: bills.diskUsd[row] + (bills.diskMonthlyUsd[row] * dt) / (hoursPerMonth * 3600),
  };
}
