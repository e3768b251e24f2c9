/**
 * The explorer's state (what can go in a share link) and its table rows. Every number in a row comes
 * from the engine: the catalog, rttMs, vmHourlyUsd, regionAllowed.
 */
import * as z from 'zod/mini';
import { jurisdictionsOf, knownJurisdictions, regionAllowed, regionCatalog, rttMs, vmHourlyUsd, type GeoPoint } from '@site/sim';
import { findPlace } from './places';

export const vcpuChoices = [2, 4, 8, 16, 32, 48, 64, 96] as const;
export const sortKeys = ['region', 'azs', 'rtt', 'price', 'rule'] as const;
export type SortKey = (typeof sortKeys)[number];

const rules = new Set(['none', ...knownJurisdictions()]);

export const userSchema = z.union([
  z.string().check(z.refine((id) => findPlace(id) !== undefined, { error: 'expected a listed city or region' })),
  z.strictObject({ lat: z.number().check(z.minimum(-90), z.maximum(90)), lon: z.number().check(z.minimum(-180), z.maximum(180)) }),
]);

export const stateSchema = z.strictObject({
  user: userSchema,
  vcpu: z.number().check(z.refine((n) => (vcpuChoices as readonly number[]).includes(n), { error: `expected one of ${vcpuChoices.join(', ')}` })),
  rule: z.string().check(z.refine((r) => rules.has(r), { error: 'expected "none", "EU" or a country of the catalog' })),
  sort: z.enum(sortKeys),
  desc: z.boolean(),
});
export type ExplorerState = z.infer<typeof stateSchema>;

export function isKnownRule(rule: string): boolean {
  return rules.has(rule);
}

export function userLocation(user: ExplorerState['user']): GeoPoint {
  return typeof user === 'string' ? findPlace(user)!.location : user;
}

export function userLabel(user: ExplorerState['user']): string {
  return typeof user === 'string' ? findPlace(user)!.label : `${user.lat.toFixed(2)}°, ${user.lon.toFixed(2)}°`;
}

export interface RegionRow {
  code: string;
  name: string;
  country: string;
  azs: number;
  location: GeoPoint;
  rttMs: number;
  /** Hourly price of the chosen size, or undefined when the price table has none. */
  hourlyUsd: number | undefined;
  /** Inside the residency rule; null when no rule is set. */
  allowed: boolean | null;
  jurisdictions: string[];
}

export function regionRows(user: GeoPoint, vcpu: number, rule: string): RegionRow[] {
  return regionCatalog.map((r) => ({
    code: r.code,
    name: r.name,
    country: r.country,
    azs: r.zones.length,
    location: r.location,
    rttMs: rttMs(user, r.location),
    hourlyUsd: vmHourlyUsd(r.code, vcpu),
    allowed: rule === 'none' ? null : regionAllowed(r.code, [rule]),
    jurisdictions: jurisdictionsOf(r.code),
  }));
}

const compare: Record<SortKey, (a: RegionRow, b: RegionRow) => number> = {
  region: (a, b) => a.code.localeCompare(b.code),
  azs: (a, b) => a.azs - b.azs,
  rtt: (a, b) => a.rttMs - b.rttMs,
  // Regions without a price go last either way.
  price: (a, b) => (a.hourlyUsd ?? Infinity) - (b.hourlyUsd ?? Infinity),
  rule: (a, b) => Number(b.allowed ?? 0) - Number(a.allowed ?? 0),
};

export function sortRows(rows: RegionRow[], key: SortKey, desc: boolean): RegionRow[] {
  const sorted = [...rows].sort((a, b) => compare[key](a, b) || a.rttMs - b.rttMs || a.code.localeCompare(b.code));
  if (!desc) return sorted;
  if (key === 'price') {
    const priced = sorted.filter((r) => r.hourlyUsd !== undefined).reverse();
    return [...priced, ...sorted.filter((r) => r.hourlyUsd === undefined)];
  }
  return sorted.reverse();
}

/** The rows worth pointing out: closest overall, closest and cheapest inside the rule. */
export function highlights(rows: RegionRow[]) {
  const ok = rows.filter((r) => r.allowed !== false);
  const byRtt = (list: RegionRow[]) => list.reduce<RegionRow | undefined>((best, r) => (!best || r.rttMs < best.rttMs ? r : best), undefined);
  const priced = ok.filter((r) => r.hourlyUsd !== undefined);
  const cheapest = priced.reduce<RegionRow | undefined>((best, r) => (!best || r.hourlyUsd! < best.hourlyUsd! ? r : best), undefined);
  return { closest: byRtt(rows), closestAllowed: byRtt(ok), cheapestAllowed: cheapest, allowedCount: ok.length };
}

export const usdPerHour = (x: number) => `$${x.toFixed(x < 1 ? 4 : 3)}`;
