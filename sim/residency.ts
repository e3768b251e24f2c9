/**
 * Data residency: where a dataset may live. A rule lists allowed jurisdictions: a country name as
 * the region catalog spells it, or "EU" for the member states of the European Union.
 */
import { regionCatalog, findRegion } from './regions';

/** The 27 EU member states (since 1 February 2020), as the catalog spells countries. */
export const euMemberStates: ReadonlyArray<string> = [
  'Austria',
  'Belgium',
  'Bulgaria',
  'Croatia',
  'Cyprus',
  'Czechia',
  'Denmark',
  'Estonia',
  'Finland',
  'France',
  'Germany',
  'Greece',
  'Hungary',
  'Ireland',
  'Italy',
  'Latvia',
  'Lithuania',
  'Luxembourg',
  'Malta',
  'Netherlands',
  'Poland',
  'Portugal',
  'Romania',
  'Slovakia',
  'Slovenia',
  'Spain',
  'Sweden',
];

/** Every jurisdiction a rule may name. */
export function knownJurisdictions(): string[] {
  return ['EU', ...new Set(regionCatalog.map((r) => r.country))];
}

/** The jurisdictions a region is in: its country, and "EU" for a member state. */
export function jurisdictionsOf(regionCode: string): string[] {
  const region = findRegion(regionCode);
  if (!region) return [];
  return euMemberStates.includes(region.country) ? [region.country, 'EU'] : [region.country];
}

export function regionAllowed(regionCode: string, allowed: ReadonlyArray<string>): boolean {
  return jurisdictionsOf(regionCode).some((j) => allowed.includes(j));
}
