/**
 * Network latency, modelled from distance: a round trip is a fixed part plus twice the great-circle
 * distance, stretched by a route factor, at the speed of light in optical fibre.
 *
 *   rtt = fixedRttMs + 2 × greatCircleKm × routeFactor ÷ fibreKmPerMs
 *
 * - fibreKmPerMs (200) is physics: light in glass of refractive index ~1.47 covers c / 1.47 ≈ 204 km
 *   per millisecond. It is not fitted.
 * - fixedRttMs (3) and routeFactor (1.65) are calibrated against a measured table of round trips
 *   between AWS regions (sim/data/measured-rtt.ts: CloudPing's p50 over the year to 2025-05-29).
 *   fixedRttMs is that measurement's own round trip inside one region (median over the 22 catalog
 *   regions: 3.1 ms): the part of every round trip that does not grow with distance (the network
 *   inside each region, switching, the end hosts). routeFactor is then the value, to 0.05, that
 *   puts the median of model ÷ measured over the 231 pairs of catalog regions at 1.
 * The result is an estimate, neither a floor nor a ceiling: docs/reference/simplifications.md gives
 * how far it lands from the measurement, pair by pair, and test/sim/latency-calibration.test.ts
 * holds it to that band. The straight-fibre time (route factor 1, no fixed part) is a true floor:
 * every measured pair is slower than it.
 *
 * Between two AZs of one region the round trip is a separate fixed number (default 1 ms; AWS
 * describes inter-AZ latency as single-digit milliseconds).
 */
import type { GeoPoint } from './regions';

export interface NetworkModel {
  /** Round trip between two AZs of the same region, in ms. */
  interAzRttMs: number;
  /** Real path length / great-circle distance. */
  routeFactor: number;
  /** Distance light covers in fibre per millisecond. */
  fibreKmPerMs: number;
  /** Part of every round trip between two points that does not depend on their distance, in ms. */
  fixedRttMs: number;
}

export const defaultNetwork: NetworkModel = { interAzRttMs: 1, routeFactor: 1.65, fibreKmPerMs: 200, fixedRttMs: 3 };

const earthRadiusKm = 6371;

/** Great-circle distance (haversine), in km. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Round trip time between two points over fibre, in ms, rounded to 0.1 ms. */
export function rttMs(a: GeoPoint, b: GeoPoint, network: NetworkModel = defaultNetwork): number {
  const propagation = (2 * greatCircleKm(a, b) * network.routeFactor) / network.fibreKmPerMs;
  return Math.round((network.fixedRttMs + propagation) * 10) / 10;
}
