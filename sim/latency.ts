/**
 * Network latency, modelled from distance. Light in optical fibre covers about 200 km per
 * millisecond (refractive index ~1.47: c / 1.47 ≈ 204 000 km/s). Real routes are longer than the
 * great circle, so the distance is multiplied by a route factor (default 1.5, a teaching value).
 * Between two AZs of one region the round trip is a fixed number of milliseconds (default 1 ms;
 * AWS describes inter-AZ latency as single-digit milliseconds).
 */
import type { GeoPoint } from './regions';

export interface NetworkModel {
  /** Round trip between two AZs of the same region, in ms. */
  interAzRttMs: number;
  /** Real path length / great-circle distance. */
  routeFactor: number;
  /** Distance light covers in fibre per millisecond. */
  fibreKmPerMs: number;
}

export const defaultNetwork: NetworkModel = { interAzRttMs: 1, routeFactor: 1.5, fibreKmPerMs: 200 };

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
  const oneWay = (greatCircleKm(a, b) * network.routeFactor) / network.fibreKmPerMs;
  return Math.round(oneWay * 2 * 10) / 10;
}
