/**
 * The region catalog: real AWS region codes, names and AZ names from the `aws-regions` package, and
 * each region's location from `cloud-regions-country-flags`. Neither is typed by hand here; the few
 * corrections below are listed with their reason, and the docs page on simplifications repeats them.
 */
import awsRegions from 'aws-regions/regions.json';
import { fromProvider } from 'cloud-regions-country-flags';

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface CatalogRegion {
  code: string;
  name: string;
  country: string;
  location: GeoPoint;
  /** AZ names as listed by the data package (us-east-1a, ...). */
  zones: string[];
}

/** Where the data packages disagree with AWS's own documentation, and what we use instead. */
export const catalogCorrections: ReadonlyArray<{ code: string; field: string; reason: string }> = [
  {
    code: 'ca-central-1',
    field: 'location',
    reason: 'the location package puts Canada (Central) in northern Alberta; AWS places the region in Montreal (45.50, -73.57)',
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

const locationFixes: Record<string, Partial<{ location: GeoPoint; country: string }>> = {
  'ca-central-1': { location: { lat: 45.5, lon: -73.57 } },
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
    const geo = fromProvider(r.code, 'AWS');
    if (!geo.country) continue; // no location known: cannot model latency, so not offered
    const fix = locationFixes[r.code] ?? {};
    out.push({
      code: r.code,
      name: currentName(r.full_name),
      country: fix.country ?? geo.country,
      location: fix.location ?? { lat: geo.latitude, lon: geo.longitude },
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
