/**
 * An asynchronous replica can never trail its primary by less than the time a write takes to reach
 * it. The floor is half the round trip the engine's own network model gives between the two regions,
 * worked out here from the catalog's points with the documented formula (a fixed part plus great circle
 * × route factor ÷ fibre speed there and back, round trip rounded to 0.1 ms).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, parseScenario, regionCatalog, ScenarioError, type ScenarioInput } from '@site/sim';

/** Great-circle distance on a sphere of radius 6371 km (haversine), written out here. */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** One-way delay in ms: half of (fixed + 2 × distance × route factor ÷ km per ms), the round trip rounded to 0.1 ms. */
function oneWayMs(from: string, to: string, routeFactor = 1.65, fibreKmPerMs = 200, fixedRttMs = 3): number {
  const p = (code: string) => regionCatalog.find((r) => r.code === code)!.location;
  const rtt = Math.round((fixedRttMs + (2 * km(p(from), p(to)) * routeFactor) / fibreKmPerMs) * 10) / 10;
  return rtt / 2;
}

function scenario(primary: string, replica: string, lagSeconds: number, network: ScenarioInput['network'] = undefined): ScenarioInput {
  const zone = (code: string) => regionCatalog.find((r) => r.code === code)!.zones[0];
  return {
    until: 1200,
    regions: [primary, replica].map((id) => ({ id, azs: [{ id: zone(id), hosts: [{ cores: 4, memoryGiB: 16 }] }] })),
    ...(network ? { network } : {}),
    database: { region: primary, az: zone(primary), replica: { region: replica, lagSeconds }, writesPerSecond: 100 },
    actions: [{ at: 600, fail: { region: primary } }],
  };
}

function refusal(input: ScenarioInput): string {
  try {
    parseScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    throw e;
  }
  return '';
}

describe('replica lag has a floor: the one-way propagation delay', () => {
  it('lag 0 from us-east-1 to ap-southeast-2 is refused, naming the field and the least lag to write', () => {
    const floorMs = Math.ceil(oneWayMs('us-east-1', 'ap-southeast-2'));
    // Roughly (3 ms + 2 × 15 700 km × 1.65 ÷ 200 km/ms) ÷ 2 ≈ 131 ms one way: a sanity bound on the worked figure.
    expect(floorMs).toBeGreaterThan(115);
    expect(floorMs).toBeLessThan(145);
    const why = refusal(scenario('us-east-1', 'ap-southeast-2', 0));
    expect(why).toContain('database.replica.lagSeconds: 0 s is less than a write takes to travel from us-east-1 to ap-southeast-2');
    expect(why).toContain(`(${floorMs} ms one way`);
    expect(why).toContain(`expected at least ${floorMs / 1000}`);
  });

  it('the least lag the message names is accepted, and a promotion then loses exactly it: RPO = that lag, writes lost = lag × 100', () => {
    const floor = Math.ceil(oneWayMs('us-east-1', 'ap-southeast-2')) / 1000;
    const r = createWorld(scenario('us-east-1', 'ap-southeast-2', floor))
      .run()
      .report();
    expect(r.database!.rpoSeconds).toBe(floor);
    expect(r.database!.lostWrites).toBe(Math.round(floor * 100));
  });

  it('the floor follows the network model: with route factor 1 and 100 km/ms, eu-central-1 to eu-west-1 needs its own figure', () => {
    const network = { routeFactor: 1, fibreKmPerMs: 100 };
    const floorMs = oneWayMs('eu-central-1', 'eu-west-1', 1, 100);
    expect(refusal(scenario('eu-central-1', 'eu-west-1', (floorMs - 0.1) / 1000, network))).toMatch(/lagSeconds: .* is less than/);
    expect(refusal(scenario('eu-central-1', 'eu-west-1', floorMs / 1000, network))).toBe('');
  });

  it('the default lag (1 s) is above the floor between any two catalog regions under the default network', () => {
    const codes = regionCatalog.map((r) => r.code);
    let worst = 0;
    for (const a of codes) for (const b of codes) if (a !== b) worst = Math.max(worst, oneWayMs(a, b));
    // (3 ms + 2 × half the circumference × 1.65 ÷ 200 km/ms) ÷ 2 is the most there can be: 20 015 km → 166.6 ms.
    expect(worst).toBeLessThanOrEqual(166.7);
    expect(worst).toBeLessThan(1000);
  });

  it('property: a scenario is accepted exactly when lag >= the one-way delay, and then every promotion loses at least that delay', () => {
    const codes = regionCatalog.map((r) => r.code);
    fc.assert(
      fc.property(
        fc.constantFrom(...codes),
        fc.constantFrom(...codes),
        fc.integer({ min: 0, max: 400 }).map((ms) => ms / 1000),
        fc.constantFrom(1, 1.5, 2),
        fc.constantFrom(100, 200),
        (primary, replica, lag, routeFactor, fibreKmPerMs) => {
          fc.pre(primary !== replica);
          const input = scenario(primary, replica, lag, { routeFactor, fibreKmPerMs });
          const floorMs = oneWayMs(primary, replica, routeFactor, fibreKmPerMs);
          const accepted = refusal(input) === '';
          expect(accepted, `${primary} -> ${replica}, lag ${lag} s, floor ${floorMs} ms`).toBe(lag * 1000 >= floorMs - 1e-9);
          if (!accepted) return;
          const r = createWorld(input).run().report();
          // The engine's own round trip between the two regions, as its report gives it.
          const rtt = r.latency.interRegion[0].rttMs;
          for (const f of r.database!.failovers) expect(f.rpoSeconds * 1000).toBeGreaterThanOrEqual(rtt / 2 - 1e-9);
          expect(r.database!.failovers.length).toBe(1);
        },
      ),
      { numRuns: 150, seed: 16 },
    );
  });
});
