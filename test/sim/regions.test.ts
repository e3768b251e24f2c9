import { describe, expect, it } from 'vitest';
import awsRegions from 'aws-regions/regions.json';
import { fromProvider } from 'cloud-regions-country-flags';
import { catalogCorrections, findRegion, regionCatalog } from '@site/sim';
import { packageCountries } from '@site/sim/data/region-countries';

const publicCodes = (awsRegions as { code: string; public: boolean }[]).filter((r) => r.public).map((r) => r.code);

describe('the region catalog and the country package', () => {
  it('the copied country table is the package’s answer for every public region, and nothing else', () => {
    const fromPackage = Object.fromEntries(
      publicCodes.flatMap((code) => {
        const country = fromProvider(code, 'AWS').country;
        return country ? [[code, country]] : [];
      }),
    );
    expect(packageCountries).toEqual(fromPackage);
  });

  it('every public region the package places is offered: none is dropped for want of a metro', () => {
    const placed = publicCodes.filter((code) => fromProvider(code, 'AWS').country);
    expect(placed.length).toBeGreaterThanOrEqual(20);
    expect(regionCatalog.map((r) => r.code).sort()).toEqual([...placed].sort());
  });

  it('each region’s country is the package’s, except the listed corrections', () => {
    const corrected = new Set(catalogCorrections.filter((c) => c.field === 'country').map((c) => c.code));
    expect([...corrected].sort()).toEqual(['ap-east-1', 'eu-west-2']);
    for (const r of regionCatalog) {
      if (!corrected.has(r.code)) expect(r.country, r.code).toBe(fromProvider(r.code, 'AWS').country);
    }
    expect(findRegion('eu-west-2')?.country).toBe('United Kingdom');
    expect(findRegion('ap-east-1')?.country).toBe('Hong Kong');
  });
});
