/**
 * Cost. Prices come from a shipped, dated table (sim/data/prices.ts) of one reference instance per
 * region. The model prices any size by vCPU at that instance's rate (the m5 family doubles its price
 * with its vCPUs), bills compute only while a VM is running, and bills its disk until it is
 * terminated, as EC2 and EBS do.
 */
import { priceSource, priceTable } from './data/prices';
import type { VmState } from './types';

export const hoursPerMonth = 730;

export function regionPrice(region: string): { instanceHourUsd: number; gp3GbMonthUsd: number } | undefined {
  return priceTable.regions[region];
}

/** Hourly compute price of a VM with `vcpu` vCPUs in a region, or undefined if the region has no price. */
export function vmHourlyUsd(region: string, vcpu: number): number | undefined {
  const p = regionPrice(region);
  return p === undefined ? undefined : (p.instanceHourUsd / priceTable.referenceInstance.vcpu) * vcpu;
}

/** Monthly price of `diskGiB` of gp3 storage in a region. */
export function diskMonthlyUsd(region: string, diskGiB: number): number | undefined {
  const p = regionPrice(region);
  return p === undefined ? undefined : p.gp3GbMonthUsd * diskGiB;
}

/** Whether a VM in this state is billed for compute (while running) and for its disk (until terminated). */
export function billed(state: VmState): { compute: boolean; disk: boolean } {
  return { compute: state === 'running', disk: state !== 'terminated' };
}

/** Compute cost of `seconds` of a running VM, or undefined if the region has no price. */
export function computeCostUsd(region: string, vcpu: number, seconds: number): number | undefined {
  const hourly = vmHourlyUsd(region, vcpu);
  return hourly === undefined ? undefined : (hourly * seconds) / 3600;
}

/** Cost of keeping `diskGiB` for `seconds`, or undefined if the region has no price. */
export function diskCostUsd(region: string, diskGiB: number, seconds: number): number | undefined {
  const monthly = diskMonthlyUsd(region, diskGiB);
  return monthly === undefined ? undefined : (monthly * seconds) / (hoursPerMonth * 3600);
}

/** What a VM costs per hour in its state (an unpriced region counts 0). */
export function vmHourlyCostUsd(vm: { state: VmState; region: string; vcpu: number; diskGiB: number }): number {
  const b = billed(vm.state);
  return (b.compute ? (vmHourlyUsd(vm.region, vm.vcpu) ?? 0) : 0) + (b.disk ? (diskMonthlyUsd(vm.region, vm.diskGiB) ?? 0) / hoursPerMonth : 0);
}

export { priceSource, priceTable };
