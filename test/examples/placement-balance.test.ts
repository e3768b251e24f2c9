import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, vm, placements, serving, events } from './helpers';

describe('placement-balance.yaml', () => {
  // balance: round-robin over a, b, then the least-loaded host of the AZ (load = max of CPU and
  // memory shares; ties go to the first host).
  //   web-1 a: h1 (tie)          web-2 b: h1 (tie)          web-3 a: h2 (h1 at 2/8)
  //   web-4 b: h2 (h1 at 2/8)    web-5 a: h1 (both at 2/8, first)
  //   cache pinned to b: cache-1 -> b-h1 (both at 2/8, first; then b-h1 is at 4/8), cache-2 -> b-h2.
  // big x3 at 60 s: a-h1 has 4 vCPUs free, a-h2 6, b-h1 4, b-h2 4: no host has 8, room for 0.
  // Host a-h1 fails: web-1 and web-5 down, web-2, -3, -4 serve: 3 >= minServing 3, service stays up.
  const r = run('placement-balance.yaml');

  it('balances over AZs and hosts', () => {
    expect(placements(r)).toEqual({
      'web-1': 'us-west-2a-h1',
      'web-2': 'us-west-2b-h1',
      'web-3': 'us-west-2a-h2',
      'web-4': 'us-west-2b-h2',
      'web-5': 'us-west-2a-h1',
      'cache-1': 'us-west-2b-h1',
      'cache-2': 'us-west-2b-h2',
    });
  });

  it('leaves no host with 8 vCPUs free: not even one big VM fits', () => {
    const refusal = events(r, 'insufficient-capacity');
    expect(refusal.map((e) => e.time)).toEqual([60]);
    expect(refusal[0].message).toMatch(/room for 0/);
    expect(r.hosts.map((h) => h.capacityVcpu - h.allocatedVcpu)).toEqual([4, 6, 4, 4]);
  });

  it('loses two web VMs with the host and stays up', () => {
    const s = at('placement-balance.yaml', 900);
    expect(vm(s, 'web-1').reason).toBe('host-failed');
    expect(vm(s, 'web-5').reason).toBe('host-failed');
    expect(serving(s)).toEqual(['web-2', 'web-3', 'web-4', 'cache-1', 'cache-2']);
    expect(events(r, 'host-failed').map((e) => [e.time, e.host])).toEqual([[600, 'us-west-2a-h1']]);
    expect(r.metrics.availabilityPercent).toBe(100);
    expect(r.metrics.downtimeSeconds).toBe(0);
  });

  it('costs the same as the pack example: same VMs, same times', () => {
    expect(r.metrics.cost.totalUsd).toBeCloseTo(7 * compute('us-west-2', 2, 1770) + 7 * disk('us-west-2', 8, 1800), usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(0.333468, usd);
  });
});
