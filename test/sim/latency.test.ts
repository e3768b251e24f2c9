import { describe, expect, it } from 'vitest';
import { createWorld, defaultNetwork, findRegion, greatCircleKm, rttMs } from '@site/sim';

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

describe('round trip over fibre: 2 × d × routeFactor / fibreKmPerMs, to 0.1 ms', () => {
  it('the documented defaults: 1 ms between AZs, route factor 1.5, 200 km of fibre per ms', () => {
    expect(defaultNetwork).toEqual({ interAzRttMs: 1, routeFactor: 1.5, fibreKmPerMs: 200 });
  });

  it('10° along the equator, 1111.949 km: 2 × 1111.949 × 1.5 / 200 = 16.679 → 16.7 ms', () => {
    expect(rttMs({ lat: 0, lon: 0 }, { lat: 0, lon: 10 })).toBe(16.7);
  });

  it('the same with a straight route (factor 1): 2 × 1111.949 / 200 = 11.119 → 11.1 ms', () => {
    expect(rttMs({ lat: 0, lon: 0 }, { lat: 0, lon: 10 }, { interAzRttMs: 1, routeFactor: 1, fibreKmPerMs: 200 })).toBe(11.1);
  });

  it('the same over slower "fibre" of 100 km/ms: 2 × 1111.949 × 1.5 / 100 = 33.358 → 33.4 ms', () => {
    expect(rttMs({ lat: 0, lon: 0 }, { lat: 0, lon: 10 }, { interAzRttMs: 1, routeFactor: 1.5, fibreKmPerMs: 100 })).toBe(33.4);
  });

  it('Frankfurt–Singapore: 2 × 10 258.03 × 1.5 / 200 = 153.87 → 153.9 ms', () => {
    expect(rttMs(frankfurt, singapore)).toBe(153.9);
  });

  it('between the catalog regions eu-central-1 and ap-southeast-1: within 1 ms of the city figure (153.9 ms)', () => {
    expect(Math.abs(rttMs(findRegion('eu-central-1')!.location, findRegion('ap-southeast-1')!.location) - 153.9)).toBeLessThan(1);
  });
});

describe("latency in the report, under the scenario's network model", () => {
  const hosts = [{ cores: 4, memoryGiB: 8 }];
  const regions = ['eu-central-1', 'ap-southeast-1', 'us-east-1'].map((id) => ({ id, azs: [{ id: `${id}a`, hosts }] }));
  /** The expected round trip, from the catalog coordinates by the law of cosines: 2 × d × routeFactor / fibreKmPerMs, to 0.1 ms. */
  const expectedRtt = (a: string, b: string, routeFactor: number, fibreKmPerMs: number) =>
    Math.round(((2 * lawOfCosinesKm(findRegion(a)!.location, findRegion(b)!.location) * routeFactor) / fibreKmPerMs) * 10) / 10;

  it('every pair of declared regions, in declared order, with the default model (route factor 1.5, 200 km/ms); 1 ms between AZs', () => {
    const latency = createWorld({ regions }).report().latency;
    expect(latency).toEqual({
      interAzRttMs: 1,
      interRegion: [
        { from: 'eu-central-1', to: 'ap-southeast-1', rttMs: expectedRtt('eu-central-1', 'ap-southeast-1', 1.5, 200) },
        { from: 'eu-central-1', to: 'us-east-1', rttMs: expectedRtt('eu-central-1', 'us-east-1', 1.5, 200) },
        { from: 'ap-southeast-1', to: 'us-east-1', rttMs: expectedRtt('ap-southeast-1', 'us-east-1', 1.5, 200) },
      ],
    });
  });

  it("the scenario's network settings are used: a straight route (factor 1) and 2 ms between AZs", () => {
    const latency = createWorld({ regions, network: { routeFactor: 1, interAzRttMs: 2 } }).report().latency;
    expect(latency.interAzRttMs).toBe(2);
    expect(latency.interRegion[0]).toEqual({ from: 'eu-central-1', to: 'ap-southeast-1', rttMs: expectedRtt('eu-central-1', 'ap-southeast-1', 1, 200) });
  });

  it('one region has no inter-region pair', () => {
    expect(createWorld({ regions: regions.slice(0, 1) }).report().latency.interRegion).toEqual([]);
  });
});
