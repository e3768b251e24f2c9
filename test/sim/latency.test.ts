import { describe, expect, it } from 'vitest';
import { fromProvider } from 'cloud-regions-country-flags';
import { createWorld, defaultNetwork, findRegion, greatCircleKm, regionCatalog, rttMs } from '@site/sim';
import { regionMetros } from '@site/sim/data/region-metros';

const earthRadiusKm = 6371;
const rad = Math.PI / 180;

/** Great-circle distance by the spherical law of cosines: a second derivation, independent of the engine's haversine. */
function lawOfCosinesKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const cos = Math.sin(a.lat * rad) * Math.sin(b.lat * rad) + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lon - a.lon) * rad);
  return earthRadiusKm * Math.acos(Math.min(1, Math.max(-1, cos)));
}

// City centres, from an atlas rather than from the engine's catalog.
const frankfurt = { lat: 50.1109, lon: 8.6821 };
const singapore = { lat: 1.3521, lon: 103.8198 };

describe('great-circle distance (haversine, earth radius 6371 km)', () => {
  it('one degree along the equator is 6371 × π / 180 = 111.195 km', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.195, 3);
  });

  it('a quarter of a meridian, equator to pole, is 6371 × π / 2 = 10 007.543 km', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo(10007.543, 3);
  });

  it('pole to pole, and to the antipode on the equator, is half the circumference: 6371 × π = 20 015.087 km', () => {
    expect(greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(20015.087, 3);
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(20015.087, 3);
  });

  it('a point is 0 km from itself, and distance does not depend on direction', () => {
    expect(greatCircleKm(frankfurt, frankfurt)).toBe(0);
    expect(greatCircleKm(frankfurt, singapore)).toBe(greatCircleKm(singapore, frankfurt));
  });

  it('Frankfurt–Singapore: the law of cosines gives 10 258.03 km from the city coordinates, about the published ~10 260 km; haversine agrees', () => {
    const expected = lawOfCosinesKm(frankfurt, singapore);
    expect(expected).toBeGreaterThan(10_250);
    expect(expected).toBeLessThan(10_270);
    expect(greatCircleKm(frankfurt, singapore)).toBeCloseTo(expected, 2);
  });

  it('the catalog places eu-central-1 in Frankfurt and ap-southeast-1 in Singapore (within 25 km of the city centres)', () => {
    expect(lawOfCosinesKm(findRegion('eu-central-1')!.location, frankfurt)).toBeLessThan(25);
    expect(lawOfCosinesKm(findRegion('ap-southeast-1')!.location, singapore)).toBeLessThan(25);
  });
});

describe('round trip over fibre: fixedRttMs + 2 × d × routeFactor / fibreKmPerMs, to 0.1 ms', () => {
  it('the documented defaults: 1 ms between AZs, route factor 1.65, 200 km of fibre per ms, 3 ms fixed', () => {
    expect(defaultNetwork).toEqual({ interAzRttMs: 1, routeFactor: 1.65, fibreKmPerMs: 200, fixedRttMs: 3 });
  });

  it('10° along the equator, 1111.949 km: 3 + 2 × 1111.949 × 1.65 / 200 = 21.347 → 21.3 ms', () => {
    expect(rttMs({ lat: 0, lon: 0 }, { lat: 0, lon: 10 })).toBe(21.3);
  });

  it('the same with a straight route (factor 1) and no fixed part: 2 × 1111.949 / 200 = 11.119 → 11.1 ms', () => {
    expect(rttMs({ lat: 0, lon: 0 }, { lat: 0, lon: 10 }, { interAzRttMs: 1, routeFactor: 1, fibreKmPerMs: 200, fixedRttMs: 0 })).toBe(11.1);
  });

  it('the same over slower "fibre" of 100 km/ms, factor 1.5, no fixed part: 2 × 1111.949 × 1.5 / 100 = 33.358 → 33.4 ms', () => {
    expect(rttMs({ lat: 0, lon: 0 }, { lat: 0, lon: 10 }, { interAzRttMs: 1, routeFactor: 1.5, fibreKmPerMs: 100, fixedRttMs: 0 })).toBe(33.4);
  });

  it('the fixed part is added once, whatever the distance: 5 + 11.119 → 16.1 ms; 5 ms between two identical points', () => {
    const network = { interAzRttMs: 1, routeFactor: 1, fibreKmPerMs: 200, fixedRttMs: 5 };
    expect(rttMs({ lat: 0, lon: 0 }, { lat: 0, lon: 10 }, network)).toBe(16.1);
    expect(rttMs(frankfurt, frankfurt, network)).toBe(5);
  });

  it('Frankfurt–Singapore: 3 + 2 × 10 258.03 × 1.65 / 200 = 172.257 → 172.3 ms', () => {
    expect(rttMs(frankfurt, singapore)).toBe(172.3);
  });

  it('between the catalog regions eu-central-1 and ap-southeast-1: within 1 ms of the city figure (172.3 ms)', () => {
    expect(Math.abs(rttMs(findRegion('eu-central-1')!.location, findRegion('ap-southeast-1')!.location) - 172.3)).toBeLessThan(1);
  });
});

describe("latency in the report, under the scenario's network model", () => {
  const hosts = [{ cores: 4, memoryGiB: 8 }];
  const regions = ['eu-central-1', 'ap-southeast-1', 'us-east-1'].map((id) => ({ id, azs: [{ id: `${id}a`, hosts }] }));
  /** The expected round trip, from the catalog coordinates by the law of cosines: fixed + 2 × d × routeFactor / fibreKmPerMs, to 0.1 ms. */
  const expectedRtt = (a: string, b: string, routeFactor: number, fibreKmPerMs: number, fixedRttMs: number) =>
    Math.round((fixedRttMs + (2 * lawOfCosinesKm(findRegion(a)!.location, findRegion(b)!.location) * routeFactor) / fibreKmPerMs) * 10) / 10;

  it('every pair of declared regions, in declared order, with the default model (3 ms + route factor 1.65, 200 km/ms); 1 ms between AZs', () => {
    const latency = createWorld({ regions }).report().latency;
    expect(latency).toEqual({
      interAzRttMs: 1,
      interRegion: [
        { from: 'eu-central-1', to: 'ap-southeast-1', rttMs: expectedRtt('eu-central-1', 'ap-southeast-1', 1.65, 200, 3) },
        { from: 'eu-central-1', to: 'us-east-1', rttMs: expectedRtt('eu-central-1', 'us-east-1', 1.65, 200, 3) },
        { from: 'ap-southeast-1', to: 'us-east-1', rttMs: expectedRtt('ap-southeast-1', 'us-east-1', 1.65, 200, 3) },
      ],
    });
  });

  it("the scenario's network settings are used: a straight route (factor 1), no fixed part and 2 ms between AZs", () => {
    const latency = createWorld({ regions, network: { routeFactor: 1, fixedRttMs: 0, interAzRttMs: 2 } }).report().latency;
    expect(latency.interAzRttMs).toBe(2);
    expect(latency.interRegion[0]).toEqual({ from: 'eu-central-1', to: 'ap-southeast-1', rttMs: expectedRtt('eu-central-1', 'ap-southeast-1', 1, 200, 0) });
  });

  it('one region has no inter-region pair', () => {
    expect(createWorld({ regions: regions.slice(0, 1) }).report().latency.interRegion).toEqual([]);
  });
});

describe('each region stands at the metro of its data centres', () => {
  // Atlas coordinates of the metros AWS does not name, typed here apart from the engine's table.
  const ashburn = { lat: 39.04, lon: -77.49 };
  const boardman = { lat: 45.84, lon: -119.7 };
  const montreal = { lat: 45.5, lon: -73.57 };

  it('us-east-1 is at Ashburn, us-west-2 at Boardman, ca-central-1 at Montreal (within 5 km), not at the middle of the state or country', () => {
    expect(lawOfCosinesKm(findRegion('us-east-1')!.location, ashburn)).toBeLessThan(5);
    expect(lawOfCosinesKm(findRegion('us-west-2')!.location, boardman)).toBeLessThan(5);
    expect(lawOfCosinesKm(findRegion('ca-central-1')!.location, montreal)).toBeLessThan(5);
    for (const code of ['us-east-1', 'us-west-2', 'ca-central-1']) {
      const pkg = fromProvider(code, 'AWS');
      expect(lawOfCosinesKm(findRegion(code)!.location, { lat: pkg.latitude, lon: pkg.longitude }), code).toBeGreaterThan(200);
    }
  });

  it('where AWS names a city, the engine and the location package agree on where it is, within 25 km', () => {
    const cityNamed = regionCatalog.filter((r) => r.name.endsWith(`(${r.metro})`));
    expect(cityNamed.length).toBeGreaterThanOrEqual(15);
    for (const r of cityNamed) {
      const pkg = fromProvider(r.code, 'AWS');
      expect(lawOfCosinesKm(r.location, { lat: pkg.latitude, lon: pkg.longitude }), r.code).toBeLessThan(25);
    }
  });

  it('every region of the catalog has a metro of its own, with a source', () => {
    for (const r of regionCatalog) {
      expect(regionMetros[r.code], r.code).toBeDefined();
      expect(regionMetros[r.code].source, r.code).toMatch(/^https?:\/\//);
    }
  });
});
