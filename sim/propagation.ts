/**
 * How long a write takes, at the least, to reach another region: half the round trip the engine's
 * network model gives between the two regions' points (./latency.ts). An asynchronous replica can
 * never trail its primary by less, so a lag below it is refused when a scenario is read.
 */
import { rttMs, type NetworkModel } from './latency';
import { findRegion } from './regions';

/** The one-way delay between two catalog regions in seconds, or undefined when either is unknown. */
export function oneWayDelaySeconds(from: string, to: string, network: NetworkModel): number | undefined {
  const a = findRegion(from);
  const b = findRegion(to);
  if (!a || !b) return undefined;
  return rttMs(a.location, b.location, network) / 2 / 1000;
}
