import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, vm, placements, serving, events } from './helpers';

// Pack and balance: the same world, placed two ways. Each AZ of us-west-2 has two 8-core, 32 GiB
// type 1 hosts (8 vCPU, 31 GiB to sell).
describe('placement-pack.json', () => {
  // pack = first fit in declared order: us-west-2a-h1 takes web-1..4 (8 vCPU), web-5 goes to a-h2.
  // cache is pinned to us-west-2b: first fit there is b-h1 for both.
  // big x3 (8 vCPU each) at 60 s: a-h1 full, a-h2 has 6 free, b-h1 has 4 free, b-h2 has 8: room for 1.
  // Host a-h1 fails 600..1500: web-1..4 down, web-5 alone < minServing 3: down 900 s.
  const r = run('placement-pack.json');

  it('fills one host before the next, and keeps pinned VMs in their AZ', () => {
    expect(placements(r)).toEqual({
      'web-1': 'us-west-2a-h1',
      'web-2': 'us-west-2a-h1',
      'web-3': 'us-west-2a-h1',
      'web-4': 'us-west-2a-h1',
      'web-5': 'us-west-2a-h2',
      'cache-1': 'us-west-2b-h1',
      'cache-2': 'us-west-2b-h1',
    });
  });

  it('refuses three big VMs whole when there is room for one', () => {
    const refusal = events(r, 'insufficient-capacity');
    expect(refusal.map((e) => e.time)).toEqual([60]);
    expect(refusal[0].message).toMatch(/room for 1/);
    expect(r.vms.some((v) => v.name.startsWith('big-'))).toBe(false);
  });

  it('loses four web VMs with one host', () => {
    const s = at('placement-pack.json', 900);
    expect(serving(s)).toEqual(['web-5', 'cache-1', 'cache-2']);
    for (const n of ['web-1', 'web-2', 'web-3', 'web-4']) expect(vm(s, n)).toMatchObject({ state: 'running', reason: 'host-failed' });
    expect(s.metrics.serviceUp).toBe(false);
  });

  it('is down 900 s of 1770: 870/1770 = 49.153%', () => {
    expect(r.metrics.firstUpAt).toBe(30);
    expect(r.metrics.downtimeSeconds).toBe(900);
    expect(r.metrics.availabilityPercent).toBe(49.153);
    expect(r.metrics.serviceUp).toBe(true);
  });

  it('costs seven 2 vCPU VMs for 1770 s running, 1800 s of disk', () => {
    // 7 x 0.096 x 1770/3600 = 0.3304; 7 x 8 x 0.08 x 1800 / 2 628 000 = 0.0030685
    expect(r.metrics.cost.computeUsd).toBeCloseTo(0.3304, usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(7 * compute('us-west-2', 2, 1770) + 7 * disk('us-west-2', 8, 1800), usd);
  });
});
