/**
 * One simulated day, twice: owned capacity (a fixed group sized by the reader) and rented capacity
 * (a group that scales with demand). Both are engine scenarios; what they cost, what they drop and
 * how many VMs serve at each moment are read from the engine.
 */
import * as z from 'zod/mini';
import { createWorld, findRegion, regionCatalog, runScenario, vmHourlyUsd, type Report, type ScenarioInput } from '@site/sim';

export const hourSeconds = 3600;
export const dayHours = 24;
/** What one VM can serve, in requests per second (the scenario's traffic.perVmRps). */
export const perVmRps = 100;
export const maxGroup = 60;
/** The VM both plans run: the price table's reference size, m5.large (2 vCPU, 8 GiB). */
export const vmSize = { vcpu: 2, memoryGiB: 8 };

export const curveNames = ['business', 'evening', 'flash', 'flat'] as const;
export type CurveName = (typeof curveNames)[number];

/** Demand in requests per second for each hour of the day (00:00–01:00 first). */
export const curves: Record<CurveName, { label: string; rps: number[] }> = {
  business: {
    label: 'Business-hours peak',
    rps: [100, 100, 100, 100, 100, 150, 250, 500, 800, 1000, 1100, 1200, 1150, 1200, 1200, 1100, 900, 600, 400, 300, 200, 150, 100, 100],
  },
  evening: {
    label: 'Evening peak',
    rps: [300, 200, 100, 100, 100, 100, 150, 200, 250, 300, 300, 350, 400, 350, 350, 400, 500, 700, 1000, 1200, 1200, 1000, 700, 450],
  },
  flash: {
    label: 'Flash crowd',
    rps: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 1500, 900, 400, 200, 200, 200, 200, 200, 200, 200, 200],
  },
  flat: {
    label: 'Nearly flat',
    rps: [550, 550, 550, 550, 550, 550, 550, 580, 600, 600, 600, 600, 600, 600, 600, 600, 600, 600, 580, 560, 550, 550, 550, 550],
  },
};

/** Regions with a price in the engine's table (a region without one cannot be compared on cost). */
export const pricedRegions = regionCatalog.filter((r) => vmHourlyUsd(r.code, vmSize.vcpu) !== undefined).map((r) => r.code);

const whole = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

export const configSchema = z
  .strictObject({
    curve: z.enum(curveNames),
    region: z.string().check(z.refine((r) => pricedRegions.includes(r), { error: 'expected a region with a price' })),
    owned: whole(1, maxGroup),
    min: whole(0, maxGroup),
    max: whole(1, maxGroup),
    target: whole(10, 1000),
  })
  .check(z.refine((c) => c.min <= c.max, { error: 'expected min <= max', path: ['min'] }));
export type DayConfig = z.infer<typeof configSchema>;

export const defaultConfig: DayConfig = { curve: 'business', region: 'us-east-1', owned: 12, min: 1, max: 20, target: 80 };

export type Plan = 'owned' | 'rented';

/** The engine scenario of one plan: the day's demand against one group in the chosen region. */
export function dayScenario(config: DayConfig, plan: Plan): ScenarioInput {
  const zones = findRegion(config.region)?.zones.slice(0, 3) ?? [];
  const group =
    plan === 'owned'
      ? { name: 'owned', desired: config.owned, ...vmSize, region: config.region }
      : { name: 'rented', desired: config.min, ...vmSize, region: config.region, scaling: { min: config.min, max: config.max, targetRpsPerVm: config.target } };
  return {
    name: `A day of ${curves[config.curve].label.toLowerCase()}, ${plan} capacity`,
    seed: 1,
    until: dayHours * hourSeconds,
    // One 64-core, 256 GiB host per AZ holds 31 of these VMs: room for the largest group.
    regions: [{ id: config.region, azs: zones.map((id) => ({ id, hosts: [{ cores: 64, memoryGiB: 256 }] })) }],
    traffic: { perVmRps, curve: curves[config.curve].rps.map((rps, h) => ({ at: h * hourSeconds, rps })) },
    actions: [{ at: 0, group }],
  };
}

export interface HourRow {
  hour: number;
  demandRps: number;
  /** VMs serving at the end of the hour. */
  servingAtEnd: number;
  dropped: number;
  costUsd: number;
}

export interface DayRun {
  plan: Plan;
  /** The engine's report at the end of the day (the same as the CLI's run of the scenario). */
  report: Report;
  /** Serving VMs after every moment it changed: [time in seconds, VMs]. */
  serving: [number, number][];
  hours: HourRow[];
}

/**
 * Steps the world from event to event and reads the serving VMs after each, and reads the report at
 * every hour. The totals come from one uninterrupted run, so they equal the CLI's to the last digit.
 */
export function runDay(config: DayConfig, plan: Plan): DayRun {
  const scenario = dayScenario(config, plan);
  const world = createWorld(scenario);
  const serving: [number, number][] = [[0, 0]];
  const hours: HourRow[] = [];
  let previous = { dropped: 0, cost: 0 };
  for (let hour = 0; hour < dayHours; hour++) {
    const end = (hour + 1) * hourSeconds;
    for (let next = world.nextEventTime(); next !== null && next <= end; next = world.nextEventTime()) {
      world.runUntil(next);
      // Metrics, not a report: the same figures, without a report of every VM after each of the day's ~1,400 scaling checks.
      const now = world.metrics().servingVms;
      if (now !== serving[serving.length - 1][1]) serving.push([next, now]);
    }
    world.runUntil(end);
    const m = world.metrics();
    const dropped = m.requests?.dropped ?? 0;
    hours.push({
      hour,
      demandRps: curves[config.curve].rps[hour],
      servingAtEnd: m.servingVms,
      dropped: dropped - previous.dropped,
      costUsd: m.cost.totalUsd - previous.cost,
    });
    previous = { dropped, cost: m.cost.totalUsd };
  }
  return { plan, report: runScenario(scenario), serving, hours };
}

/** What one plan's day depends on (what `dayScenario` and `runDay` read for it): the other plan's settings are not in it. */
export function planInputs(config: DayConfig, plan: Plan): string {
  const shared = [config.curve, config.region];
  return JSON.stringify(plan === 'owned' ? [...shared, config.owned] : [...shared, config.min, config.max, config.target]);
}

const lastDays = new Map<Plan, { inputs: string; run: DayRun }>();

/**
 * `runDay`, reusing the plan's last day when what it depends on has not changed: a reader who moves
 * one plan's control waits for that plan's day only.
 */
export function dayOf(config: DayConfig, plan: Plan): DayRun {
  const inputs = planInputs(config, plan);
  const last = lastDays.get(plan);
  if (last && last.inputs === inputs) return last.run;
  const run = runDay(config, plan);
  lastDays.set(plan, { inputs, run });
  return run;
}

export function peakVmsFor(config: DayConfig): number {
  return Math.min(maxGroup, Math.ceil(Math.max(...curves[config.curve].rps) / perVmRps));
}
