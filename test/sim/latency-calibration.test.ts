/**
 * The latency model against measured round trips between real AWS regions (CloudPing's p50 over the
 * year to 2025-05-29, kept in sim/data/measured-rtt.ts with its source). Every figure compared here
 * is a measurement on one side and the engine's output on the other; the bands are the ones
 * docs/reference/simplifications.md states.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWorld, defaultNetwork, findRegion, greatCircleKm, regionCatalog, rttMs } from '@site/sim';
import { measuredRtt } from '@site/sim/data/measured-rtt';

const table = measuredRtt.p50;

/** A pair's measured round trip: the mean of its two directions. */
const measured = (a: string, b: string) => (table[a][b] + table[b][a]) / 2;

const pairs = regionCatalog.flatMap((a, i) => regionCatalog.slice(i + 1).map((b) => ({ a: a.code, b: b.code, measured: measured(a.code, b.code) })));

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((x, y) => x - y);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
}

/** The engine's round trip between two catalog regions, as a report gives it. */
function engineRtt(a: string, b: string, network?: object): number {
  const hosts = [{ cores: 2, memoryGiB: 4 }];
  const regions = [a, b].map((id) => ({ id, azs: [{ id: findRegion(id)!.zones[0], hosts }] }));
  return createWorld({ regions, network }).report().latency.interRegion[0].rttMs;
}

describe('the measured table', () => {
  it('covers every region of the catalog, both directions, and every figure is a positive number of ms', () => {
    for (const a of regionCatalog) for (const b of regionCatalog) expect(table[a.code]?.[b.code], `${a.code} -> ${b.code}`).toBeGreaterThan(0);
    expect(pairs).toHaveLength((regionCatalog.length * (regionCatalog.length - 1)) / 2);
  });
});

describe('model ÷ measured over every pair of catalog regions (the band the docs state)', () => {
  const ratios = pairs.map((p) => ({ ...p, model: engineRtt(p.a, p.b), ratio: engineRtt(p.a, p.b) / p.measured }));
  const r = ratios.map((x) => x.ratio);

  it('the median is 1.00 ± 0.03: half the pairs are faster than the model, half slower', () => {
    expect(Math.abs(quantile(r, 0.5) - 1)).toBeLessThanOrEqual(0.03);
  });

  it('eight pairs in ten lie within 0.69–1.22 (10th and 90th percentiles, to 0.01)', () => {
    expect(quantile(r, 0.1)).toBeGreaterThanOrEqual(0.685);
    expect(quantile(r, 0.9)).toBeLessThanOrEqual(1.225);
  });

  it('every pair lies within 0.32–1.49', () => {
    const outside = ratios.filter((x) => x.ratio < 0.315 || x.ratio > 1.495).map((x) => `${x.a}–${x.b}: ${x.model} vs ${x.measured.toFixed(1)}`);
    expect(outside).toEqual([]);
  });

  it('the pairs the model underestimates most all take a detour the great circle does not: Cape Town to anywhere but Europe, northern Europe to north-east Asia', () => {
    const low = ratios.filter((x) => x.ratio < 0.6).map((x) => [x.a, x.b].sort().join(' '));
    expect(low.length).toBeGreaterThan(0);
    for (const pair of low) expect(pair, pair).toMatch(/af-south-1|eu-north-1/);
  });
});

describe('what the model is not', () => {
  it('not a floor: some measured pairs are faster than the model, some slower', () => {
    const faster = pairs.filter((p) => p.measured < engineRtt(p.a, p.b));
    expect(faster.length).toBeGreaterThan(pairs.length / 4);
    expect(faster.length).toBeLessThan((pairs.length * 3) / 4);
  });

  it('but the straight-fibre time (route factor 1, no fixed part) is a floor: every measured pair is slower, by 11% at least', () => {
    for (const p of pairs) expect(engineRtt(p.a, p.b, { routeFactor: 1, fixedRttMs: 0 }), `${p.a}–${p.b}`).toBeLessThan(p.measured * 0.9);
  });
});

describe("the model's fixed part is the measurement's own round trip inside one region", () => {
  const inRegion = regionCatalog.map((r) => table[r.code][r.code]);

  it('fixedRttMs is within 0.5 ms of the median in-region figure and inside their range', () => {
    expect(Math.abs(defaultNetwork.fixedRttMs - quantile(inRegion, 0.5))).toBeLessThanOrEqual(0.5);
    expect(defaultNetwork.fixedRttMs).toBeGreaterThanOrEqual(Math.min(...inRegion));
    expect(defaultNetwork.fixedRttMs).toBeLessThanOrEqual(Math.max(...inRegion));
  });

  it('a user at the very point of a region waits only the fixed part', () => {
    const frankfurt = findRegion('eu-central-1')!.location;
    expect(rttMs(frankfurt, frankfurt)).toBe(defaultNetwork.fixedRttMs);
  });
});

describe('the comparison table in docs/reference/simplifications.md', () => {
  const page = readFileSync('docs/reference/simplifications.md', 'utf8');
  const rows = [...page.matchAll(/^\s*\| `([a-z0-9-]+)`–`([a-z0-9-]+)` \|[^|]*\| ([\d,]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$/gm)];

  it('has at least 12 pairs', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
  });

  it.each(rows.map((m) => [`${m[1]}–${m[2]}`, m] as const))('%s: measured from the table, model from the engine, ratio of the two', (_, m) => {
    const [, a, b, km, meas, model, ratio] = m;
    expect(Math.abs(Number(km.replace(/,/g, '')) - greatCircleKm(findRegion(a)!.location, findRegion(b)!.location))).toBeLessThanOrEqual(5);
    expect(Number(meas)).toBeCloseTo(measured(a, b), 1);
    expect(Number(model)).toBe(engineRtt(a, b));
    expect(Number(ratio)).toBeCloseTo(engineRtt(a, b) / measured(a, b), 2);
  });
});
