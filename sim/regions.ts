/**
 * The region catalog: real AWS region codes, names and AZ names from the `aws-regions` package, and
 * each region's country from `cloud-regions-country-flags` (the rows this catalog uses, copied to
 * sim/data/region-countries.ts and held equal to the package by a test). Each region's point on the
 * map is the metro of its data centres, from sim/data/region-metros.ts (sourced there), because the
 * location package gives the middle of a state or country for some regions. The few corrections
 * below are listed with their reason, and the docs page on simplifications repeats them.
 */
import awsRegions from 'aws-regions/regions.json';
import { packageCountries } from './data/region-countries';
import { regionMetros } from './data/region-metros';

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface CatalogRegion {
  code: string;
  name: string;
  country: string;
  /** The metro of the region's data centres, as one point. */
  location: GeoPoint;
  /** The metro's name (Ashburn, Virginia; Frankfurt; ...). */
  metro: string;
  /** AZ names as listed by the data package (us-east-1a, ...). */
  zones: string[];
}

/** Where the data packages disagree with AWS's own documentation, and what we use instead. */
export const catalogCorrections: ReadonlyArray<{ code: string; field: string; reason: string }> = [
  {
    code: '*',
    field: 'location',
    reason:
      "each region stands at the metro of its data centres rather than at the location package's point, which for some regions is the middle of a state or country (us-east-1 in central Virginia, 244 km from Ashburn; us-west-2 in central Oregon, 249 km from Boardman; ca-central-1 in northern Alberta rather than Montreal)",
  },
  { code: 'eu-west-2', field: 'country', reason: 'the location package says "England"; the jurisdiction is the United Kingdom' },
  {
    code: 'ap-east-1',
    field: 'country',
    reason: 'the location package says "China"; Hong Kong has its own data-protection law (the PDPO), so it is its own jurisdiction here',
  },
  {
    code: '*',
    field: 'name',
    reason: 'the names package uses the old "EU (…)" prefix and "Osaka-Local"; AWS now names them "Europe (…)" and "Asia Pacific (Osaka)"',
  },
];

const countryFixes: Record<string, Partial<{ country: string }>> = {
  'eu-west-2': { country: 'United Kingdom' },
  'ap-east-1': { country: 'Hong Kong' },
};

function currentName(name: string): string {
  return name.replace(/^EU \(/, 'Europe (').replace('Osaka-Local', 'Osaka');
}

interface PackageRegion {
  full_name: string;
  code: string;
  public: boolean;
  zones: string[];
}

function buildCatalog(): CatalogRegion[] {
  const out: CatalogRegion[] = [];
  for (const r of awsRegions as PackageRegion[]) {
    if (!r.public) continue;
    const country = packageCountries[r.code];
    const metro = regionMetros[r.code];
    // No country or no place known: residency and latency cannot be modelled, so not offered.
    if (!country || !metro) continue;
    const fix = countryFixes[r.code] ?? {};
    out.push({
      code: r.code,
      name: currentName(r.full_name),
      country: fix.country ?? country,
      location: { lat: metro.lat, lon: metro.lon },
      metro: metro.metro,
      zones: [...r.zones],
    });
  }
  return out;
}

/** Every region the engine knows, in the data package's order. */
export const regionCatalog: ReadonlyArray<CatalogRegion> = buildCatalog();

const byCode = new Map(regionCatalog.map((r) => [r.code, r]));

export function findRegion(code: string): CatalogRegion | undefined {
  return byCode.get(code);
}
