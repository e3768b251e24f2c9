/**
 * What the example tests (test/examples/*.test.ts) share. Every scenario in examples/scenarios/ runs
 * through the engine, and its outcome is checked against numbers worked out by hand in its test file: placements, who serves when, availability, downtime, RPO,
 * failover time, requests dropped and cost to a fraction of a cent. Nothing here is a snapshot of the
 * engine's output, and no expectation is computed by calling the engine.
 *
 * Conventions used in the arithmetic below (from sim/: pricing.ts, accounting.ts, timings defaults):
 * - a VM is pending for 30 s, stopping for 20 s, shutting down for 10 s, rebooting for 60 s;
 * - compute is billed per second while a VM is `running` (also while a fault keeps it from serving),
 *   at (m5.large hourly price / 2) per vCPU per hour;
 * - disk is billed per second from launch until terminated, at gp3 price per GiB-month, with a month
 *   of 730 hours;
 * - availability counts from the moment the service first came up: up / (up + down).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createWorld, type Report, type VmReport } from '@site/sim';
import { parseScenarioText, runScenarioText } from '@site/sim/text';

export const root = join(__dirname, '..', '..');
export const dir = join(root, 'examples', 'scenarios');

// ---------------------------------------------------------------------------------------------
// Prices, copied by hand from sim/data/prices.ts (checked against the table below, so a price
// change shows up here as one clear failure rather than a dozen cost mismatches).
// m5.large = 2 vCPU, so the price of one vCPU-hour is half the instance hour.
export const price = {
  'us-east-1': { hour2vcpu: 0.096, gp3: 0.08 },
  'us-west-2': { hour2vcpu: 0.096, gp3: 0.08 },
  'eu-central-1': { hour2vcpu: 0.115, gp3: 0.0952 },
  'eu-west-1': { hour2vcpu: 0.107, gp3: 0.088 },
  'eu-west-2': { hour2vcpu: 0.111, gp3: 0.0928 },
  'ap-southeast-1': { hour2vcpu: 0.12, gp3: 0.096 },
} as const;
export type PricedRegion = keyof typeof price;
export const hoursPerMonth = 730;

/** Compute cost of `vcpu` vCPUs running for `seconds` seconds. */
export const compute = (region: PricedRegion, vcpu: number, seconds: number) => ((price[region].hour2vcpu / 2) * vcpu * seconds) / 3600;
/** Disk cost of `gib` GiB of gp3 kept for `seconds` seconds. */
export const disk = (region: PricedRegion, gib: number, seconds: number) => (price[region].gp3 * gib * seconds) / (hoursPerMonth * 3600);

/** Cost is checked to 1e-5 USD: far finer than a cent, coarser than the report's 6-digit rounding. */
export const usd = 5;

// ---------------------------------------------------------------------------------------------
// Helpers.
export const text = (file: string) => readFileSync(join(dir, file), 'utf8');
export const run = (file: string): Report => runScenarioText(text(file), file);
/** The report at time t (the world as it is after every event up to and including t). */
export function at(file: string, t: number): Report {
  const sim = createWorld(parseScenarioText(text(file), file), file);
  sim.runUntil(t);
  return sim.report();
}
export const vm = (r: Report, name: string): VmReport => {
  const found = r.vms.find((v) => v.name === name);
  if (!found) throw new Error(`no VM ${name} in the report; VMs: ${r.vms.map((v) => v.name).join(', ')}`);
  return found;
};
export const host = (r: Report, id: string) => {
  const found = r.hosts.find((h) => h.id === id);
  if (!found) throw new Error(`no host ${id}`);
  return found;
};
/** name -> host, for every VM in the report. */
export const placements = (r: Report) => Object.fromEntries(r.vms.map((v) => [v.name, v.host]));
export const serving = (r: Report) => r.vms.filter((v) => v.serving).map((v) => v.name);
export const events = (r: Report, kind: string) => r.events.filter((e) => e.kind === kind);
