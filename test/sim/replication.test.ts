import { describe, expect, it } from 'vitest';
import { createWorld, type Report, type ScenarioInput } from '@site/sim';

type DatabaseInput = NonNullable<ScenarioInput['database']>;

/**
 * eu-central-1 (AZs a, b, c) and eu-west-1 (one AZ), one host each. The database's primary is in
 * eu-central-1a; one app VM runs in eu-central-1c from 30 s, so the service is up while the database is.
 * Database defaults: writeMs 2, failoverSeconds 60, promotionSeconds 120, writesPerSecond 100;
 * network default: inter-AZ round trip 1 ms.
 */
function world(database: Partial<DatabaseInput>, extra: Partial<ScenarioInput> = {}) {
  const w = createWorld({
    until: 3600,
    regions: [
      { id: 'eu-central-1', azs: ['a', 'b', 'c'].map((z) => ({ id: `eu-central-1${z}`, hosts: [{ cores: 4, memoryGiB: 16 }] })) },
      { id: 'eu-west-1', azs: [{ id: 'eu-west-1a', hosts: [{ cores: 4, memoryGiB: 16 }] }] },
    ],
    database: { region: 'eu-central-1', az: 'eu-central-1a', ...database },
    ...extra,
  });
  w.apply({ kind: 'launch', name: 'app', vcpu: 1, memoryGiB: 1, region: 'eu-central-1', az: 'eu-central-1c' });
  return w;
}

const db = (r: Report) => r.database!;
const kinds = (r: Report) => r.events.map((e) => e.kind);
const at = (region: string, az: string) => ({ region, az });

describe('synchronous standby in another AZ', () => {
  it('RPO 0, and every write waits one inter-AZ round trip: 2 ms + 1 ms = 3 ms', () => {
    const r = world({ standby: { az: 'eu-central-1b' } }).report();
    expect(db(r)).toMatchObject({
      available: true,
      primary: at('eu-central-1', 'eu-central-1a'),
      standby: at('eu-central-1', 'eu-central-1b'),
      writeLatencyMs: 3,
      rpoSeconds: 0,
    });
  });

  it('write latency follows the parameters: writeMs 4 + interAzRttMs 1.5 = 5.5 ms', () => {
    const r = world({ standby: { az: 'eu-central-1b' }, writeMs: 4 }, { network: { interAzRttMs: 1.5 } }).report();
    expect(db(r).writeLatencyMs).toBe(5.5);
  });

  it('without a standby a write takes writeMs alone: 2 ms', () => {
    expect(db(world({}).report()).writeLatencyMs).toBe(2);
  });

  it('the primary AZ fails at 100 s: unavailable, failing over; at 159 s still down; at 160 s (failoverSeconds 60) the standby in b is primary, no data lost', () => {
    const w = world({ standby: { az: 'eu-central-1b' } });
    w.runUntil(100);
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    expect(db(w.report())).toMatchObject({ available: false, failingOver: true });
    w.runUntil(159);
    expect(db(w.report()).available).toBe(false);
    w.runUntil(160);
    const d = db(w.report());
    expect(d).toMatchObject({ available: true, failingOver: false, primary: at('eu-central-1', 'eu-central-1b'), rpoSeconds: 0, lostWrites: 0 });
    expect(d.failovers).toEqual([
      {
        kind: 'standby',
        startedAt: 100,
        completedAt: 160,
        seconds: 60,
        from: at('eu-central-1', 'eu-central-1a'),
        to: at('eu-central-1', 'eu-central-1b'),
        rpoSeconds: 0,
      },
    ]);
  });

  it('after the failover, with a still down, there is no synchronous copy: writes take 2 ms; when a recovers it becomes the standby (3 ms)', () => {
    const w = world({ standby: { az: 'eu-central-1b' } });
    w.runUntil(100);
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.runUntil(200);
    expect(db(w.report())).toMatchObject({ standby: null, writeLatencyMs: 2 });
    w.runUntil(300);
    w.apply({ kind: 'recover', az: 'eu-central-1a' });
    expect(db(w.report())).toMatchObject({ primary: at('eu-central-1', 'eu-central-1b'), standby: at('eu-central-1', 'eu-central-1a'), writeLatencyMs: 3 });
    expect(kinds(w.report())).toContain('standby-restored');
  });

  it('a failoverSeconds of 30 brings the standby up 30 s after the failure', () => {
    const w = world({ standby: { az: 'eu-central-1b' }, failoverSeconds: 30 });
    w.runUntil(100);
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.runUntil(129);
    expect(db(w.report()).available).toBe(false);
    w.runUntil(130);
    expect(db(w.report()).available).toBe(true);
  });

  it('the service is down while the database is: up from 30 s, down 100–160 s; to 400 s that is 310 of 370 s = 83.784%', () => {
    const w = world({ standby: { az: 'eu-central-1b' } });
    w.runUntil(100);
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.runUntil(400);
    expect(w.report().metrics).toMatchObject({ firstUpAt: 30, upSeconds: 310, downtimeSeconds: 60, availabilityPercent: 83.784 });
  });
});

describe('the standby lost and restored', () => {
  it('the standby AZ b fails: standby lost, the primary carries on alone (2 ms writes); b recovers: standby back in sync (3 ms)', () => {
    const w = world({ standby: { az: 'eu-central-1b' } });
    w.runUntil(100);
    w.apply({ kind: 'fail', az: 'eu-central-1b' });
    let r = w.report();
    expect(db(r)).toMatchObject({ available: true, standby: null, writeLatencyMs: 2 });
    expect(r.events.at(-1)).toMatchObject({ kind: 'standby-lost', az: 'eu-central-1b' });
    w.runUntil(200);
    w.apply({ kind: 'recover', az: 'eu-central-1b' });
    r = w.report();
    expect(db(r)).toMatchObject({ available: true, standby: at('eu-central-1', 'eu-central-1b'), writeLatencyMs: 3 });
    expect(r.events.at(-1)).toMatchObject({ kind: 'standby-restored', az: 'eu-central-1b' });
    expect(db(r).failovers).toEqual([]);
  });

  it('the standby AZ fails during a failover to it: the failover is abandoned and the database waits for a recovery', () => {
    const w = world({ standby: { az: 'eu-central-1b' } });
    w.runUntil(100);
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.runUntil(130);
    w.apply({ kind: 'fail', az: 'eu-central-1b' });
    w.runUntil(300);
    expect(db(w.report())).toMatchObject({ available: false, failingOver: false, failovers: [] });
    w.apply({ kind: 'recover', az: 'eu-central-1a' });
    expect(db(w.report())).toMatchObject({ available: true, primary: at('eu-central-1', 'eu-central-1a') });
  });
});

describe('asynchronous replica in another region', () => {
  it('a region outage at 100 s promotes the replica after promotionSeconds (120): primary in eu-west-1 at 220 s, RPO = lag = 5 s, 5 × 100 = 500 writes lost', () => {
    const w = world({ replica: { region: 'eu-west-1', lagSeconds: 5 } });
    w.runUntil(100);
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    w.runUntil(219);
    expect(db(w.report())).toMatchObject({ available: false, failingOver: true });
    w.runUntil(220);
    const d = db(w.report());
    expect(d).toMatchObject({ available: true, primary: at('eu-west-1', 'eu-west-1a'), replica: null, rpoSeconds: 5, lostWrites: 500 });
    expect(d.failovers).toEqual([
      {
        kind: 'replica',
        startedAt: 100,
        completedAt: 220,
        seconds: 120,
        from: at('eu-central-1', 'eu-central-1a'),
        to: at('eu-west-1', 'eu-west-1a'),
        rpoSeconds: 5,
      },
    ]);
  });

  it('lag 2.5 s at 40 writes per second loses 2.5 × 40 = 100 writes; promotion 300 s completes at 400 s', () => {
    const w = world({ replica: { region: 'eu-west-1', lagSeconds: 2.5 }, writesPerSecond: 40, promotionSeconds: 300 });
    w.runUntil(100);
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    w.runUntil(400);
    expect(db(w.report())).toMatchObject({ available: true, rpoSeconds: 2.5, lostWrites: 100 });
    expect(db(w.report()).failovers[0].seconds).toBe(300);
  });

  it('an async replica adds nothing to write latency: 2 ms', () => {
    expect(db(world({ replica: { region: 'eu-west-1', lagSeconds: 5 } }).report()).writeLatencyMs).toBe(2);
  });
});

describe('standby and replica together', () => {
  const both = { standby: { az: 'eu-central-1b' }, replica: { region: 'eu-west-1', lagSeconds: 5 } };

  it('an AZ outage fails over to the standby (60 s, RPO 0) and keeps the replica', () => {
    const w = world(both);
    w.runUntil(100);
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.runUntil(160);
    const d = db(w.report());
    expect(d).toMatchObject({
      available: true,
      primary: at('eu-central-1', 'eu-central-1b'),
      rpoSeconds: 0,
      lostWrites: 0,
      replica: { region: 'eu-west-1', lagSeconds: 5 },
    });
    expect(d.failovers.map((f) => [f.kind, f.seconds])).toEqual([['standby', 60]]);
  });

  it('a region outage takes the standby too (same region): the replica is promoted after 120 s with RPO 5 s', () => {
    const w = world(both);
    w.runUntil(100);
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    expect(kinds(w.report())).toContain('standby-lost');
    w.runUntil(220);
    const d = db(w.report());
    expect(d).toMatchObject({ available: true, primary: at('eu-west-1', 'eu-west-1a'), rpoSeconds: 5, lostWrites: 500 });
    expect(d.failovers.map((f) => [f.kind, f.startedAt, f.completedAt])).toEqual([['replica', 100, 220]]);
  });

  it('when the standby fails mid-failover, the replica is promoted instead: started at 130 s, done at 250 s', () => {
    const w = world(both);
    w.runUntil(100);
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.runUntil(130);
    w.apply({ kind: 'fail', az: 'eu-central-1b' });
    w.runUntil(250);
    expect(db(w.report()).failovers.map((f) => [f.kind, f.startedAt, f.completedAt, f.rpoSeconds])).toEqual([['replica', 130, 250, 5]]);
  });
});

describe('no copy at all', () => {
  it('the primary AZ fails: unavailable until it recovers, then available with nothing lost and no failover', () => {
    const w = world({});
    w.runUntil(100);
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.runUntil(1000);
    expect(db(w.report())).toMatchObject({ available: false, failingOver: false });
    w.apply({ kind: 'recover', az: 'eu-central-1a' });
    const r = w.report();
    expect(db(r)).toMatchObject({ available: true, rpoSeconds: 0, lostWrites: 0, failovers: [] });
    expect(r.events.at(-1)!.kind).toBe('db-available');
  });
});

describe('the replica lost and restored', () => {
  it('the replica region fails: replica-lost, the primary carries on; the primary region then fails: no promotion to an unreachable replica', () => {
    const w = world({ replica: { region: 'eu-west-1', lagSeconds: 5 } });
    w.runUntil(100);
    w.apply({ kind: 'fail', region: 'eu-west-1' });
    let r = w.report();
    expect(db(r)).toMatchObject({ available: true, replica: { region: 'eu-west-1', lagSeconds: 5, healthy: false } });
    expect(r.events.at(-1)).toMatchObject({ kind: 'replica-lost', region: 'eu-west-1' });
    w.runUntil(150);
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    w.runUntil(290);
    r = w.report();
    expect(db(r)).toMatchObject({ available: false, failingOver: false, failovers: [] });
  });

  it('…when the replica region recovers at 300 s it is restored and promoted: 120 s later, at 420 s, the primary is in eu-west-1', () => {
    const w = world({ replica: { region: 'eu-west-1', lagSeconds: 5 } });
    w.runUntil(100);
    w.apply({ kind: 'fail', region: 'eu-west-1' });
    w.runUntil(150);
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    w.runUntil(300);
    w.apply({ kind: 'recover', region: 'eu-west-1' });
    expect(kinds(w.report())).toContain('replica-restored');
    w.runUntil(420);
    expect(db(w.report()).failovers.map((f) => [f.kind, f.startedAt, f.completedAt, f.to.region])).toEqual([['replica', 300, 420, 'eu-west-1']]);
  });
});
