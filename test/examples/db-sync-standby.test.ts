import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, serving, events } from './helpers';

describe('db-sync-standby.yaml', () => {
  // Write latency = writeMs + inter-AZ round trip while a synchronous standby exists: 3 + 2 = 5 ms.
  // 1200: eu-central-1a fails: primary down, failover to the standby in 1b starts, takes 90 s.
  // 1290: primary in 1b, no standby (its AZ is down): writes take 3 ms. RPO 0: nothing lost.
  // 2400: 1a recovers and becomes the standby: 5 ms again.
  // The service (all VMs, database required) is down 1200..1290 = 90 s; up from 30 to 3000.
  const file = 'db-sync-standby.yaml';
  const r = run(file);

  it('pays a round trip on every write for a synchronous copy', () => {
    const s = at(file, 1199);
    expect(s.database).toMatchObject({
      name: 'orders',
      available: true,
      primary: { region: 'eu-central-1', az: 'eu-central-1a' },
      standby: { region: 'eu-central-1', az: 'eu-central-1b' },
      writeLatencyMs: 5,
    });
  });

  it('is unavailable while the standby takes over', () => {
    const s = at(file, 1250);
    expect(s.database).toMatchObject({ available: false, failingOver: true });
    expect(s.metrics.serviceUp).toBe(false);
    // web-2 (1b) and web-3 (1c) still serve: the database is what is missing.
    expect(serving(s)).toEqual(['web-2', 'web-3']);
  });

  it('fails over in 90 s with no data lost (RPO 0)', () => {
    const s = at(file, 1300);
    expect(s.database).toMatchObject({ available: true, primary: { az: 'eu-central-1b' }, standby: null, writeLatencyMs: 3 });
    expect(r.database!.failovers).toEqual([
      {
        kind: 'standby',
        startedAt: 1200,
        completedAt: 1290,
        seconds: 90,
        from: { region: 'eu-central-1', az: 'eu-central-1a' },
        to: { region: 'eu-central-1', az: 'eu-central-1b' },
        rpoSeconds: 0,
      },
    ]);
    expect(r.database).toMatchObject({ rpoSeconds: 0, lostWrites: 0 });
  });

  it('makes the recovered AZ the new standby', () => {
    expect(r.database).toMatchObject({
      available: true,
      primary: { region: 'eu-central-1', az: 'eu-central-1b' },
      standby: { region: 'eu-central-1', az: 'eu-central-1a' },
      writeLatencyMs: 5,
    });
    expect(events(r, 'standby-restored').map((e) => e.time)).toEqual([2400]);
  });

  it('is down 90 s of 2970: 96.970%', () => {
    expect(r.metrics.downtimeSeconds).toBe(90);
    expect(r.metrics.availabilityPercent).toBe(96.97);
  });

  it('costs three VMs in Frankfurt', () => {
    // 3 x 0.115 x 2970/3600 = 0.284625; 3 x 8 x 0.0952 x 3000 / 2 628 000 = 0.0026082
    expect(r.metrics.cost.computeUsd).toBeCloseTo(0.284625, usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(3 * compute('eu-central-1', 2, 2970) + 3 * disk('eu-central-1', 8, 3000), usd);
  });
});
