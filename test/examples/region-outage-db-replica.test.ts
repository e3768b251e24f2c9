import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, vm, serving, events } from './helpers';

describe('region-outage-db-replica.yaml', () => {
  // web-1 -> us-east-1a, web-2 -> us-east-1b (balance), web-3, web-4 -> us-west-2a.
  // 900: us-east-1 fails: the standby (same region) is lost, the primary is down; the replica in
  //      us-west-2 is promoted in its first healthy AZ, us-west-2a, in 120 s.
  // 1020: primary in us-west-2a; RPO = lag = 5 s; lost writes = 5 s x 100 writes/s = 500.
  // The service is down 900..1020 = 120 s (database unavailable); up from 30 to 3600.
  const file = 'region-outage-db-replica.yaml';
  const r = run(file);

  it('places web VMs in both regions', () => {
    expect(Object.fromEntries(r.vms.map((v) => [v.name, [v.region, v.az]]))).toEqual({
      'web-1': ['us-east-1', 'us-east-1a'],
      'web-2': ['us-east-1', 'us-east-1b'],
      'web-3': ['us-west-2', 'us-west-2a'],
      'web-4': ['us-west-2', 'us-west-2a'],
    });
  });

  it('takes down everything in the region, standby included', () => {
    const s = at(file, 950);
    expect(serving(s)).toEqual(['web-3', 'web-4']);
    expect(vm(s, 'web-1').reason).toBe('region-down');
    expect(vm(s, 'web-2').reason).toBe('region-down');
    expect(s.database).toMatchObject({ available: false, failingOver: true, standby: null });
    expect(events(s, 'standby-lost').map((e) => e.time)).toEqual([900]);
  });

  it('promotes the replica in 120 s and loses the replication lag: RPO 5 s, 500 writes', () => {
    expect(r.database!.failovers).toEqual([
      {
        kind: 'replica',
        startedAt: 900,
        completedAt: 1020,
        seconds: 120,
        from: { region: 'us-east-1', az: 'us-east-1a' },
        to: { region: 'us-west-2', az: 'us-west-2a' },
        rpoSeconds: 5,
      },
    ]);
    expect(r.database).toMatchObject({
      available: true,
      primary: { region: 'us-west-2', az: 'us-west-2a' },
      standby: null,
      replica: null,
      rpoSeconds: 5,
      lostWrites: 500,
      writeLatencyMs: 2,
    });
  });

  it('is down 120 s: 3450/3570 = 96.639%, and all four VMs serve after the recovery', () => {
    expect(r.metrics.downtimeSeconds).toBe(120);
    expect(r.metrics.availabilityPercent).toBe(96.639);
    expect(serving(r)).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
  });

  it('costs four VMs at the same price in both regions', () => {
    // 4 x 0.096 x 3570/3600 = 0.3808; 4 x 8 x 0.08 x 3600 / 2 628 000 = 0.0035068
    expect(r.metrics.cost.computeUsd).toBeCloseTo(0.3808, usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(
      2 * (compute('us-east-1', 2, 3570) + disk('us-east-1', 8, 3600)) + 2 * (compute('us-west-2', 2, 3570) + disk('us-west-2', 8, 3600)),
      usd,
    );
  });
});
