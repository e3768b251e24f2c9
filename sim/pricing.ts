/**
 * Cost. Prices come from a shipped, dated table (sim/data/prices.ts) of one reference instance per
 * region. The model prices any size by vCPU at that instance's rate (the m5 family doubles its price
 * with its vCPUs), bills compute only while a VM is running, and bills its disk until it is
 * terminated, as EC2 and EBS do.
 */
import { priceTable } from './data/prices';

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

export { priceTable };
