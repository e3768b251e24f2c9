import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, vm, events } from './helpers';

describe('group-az-outage.yaml', () => {
  // A group balances over its AZs (emptiest first, ties in declared order): a, b, c, a, b, c.
  //   web-1 a, web-2 b, web-3 c, web-4 a, web-5 b, web-6 c; running at 30.
  // 600: us-east-1b fails: web-2, web-5 stop serving; 4 serve < minServing 5: service down.
  // 660: the group's check (600 + 60 s detection) terminates web-2, web-5 (terminated at 670) and
  //      launches two: a and c both have 2 healthy members, a is first -> web-7 a; then c -> web-8.
  // 690: web-7, web-8 running: 6 serve, service up. Down 600..690 = 90 s.
  // 1800: b recovers. The group's check at 1860 (recovery + 60 s detection) finds a 3, b 0, c 3 and
  //       rebalances one member at a time, launching before it terminates:
  // 1860: web-9 launched in b (7 members); 1890 it runs, so one goes from an AZ with the most (a and c
  //       tie at 3; the newest of them is web-8, in c), and web-10 is launched in b (a 3, b 1, c 2).
  // 1920: web-10 runs; a has the most (3): its newest, web-7, goes. Now a 2, b 2, c 2.
  const file = 'group-az-outage.yaml';
  const r = run(file);

  it('balances six members over three AZs', () => {
    const s = at(file, 60);
    expect(Object.fromEntries(s.vms.map((v) => [v.name, v.az]))).toEqual({
      'web-1': 'us-east-1a',
      'web-2': 'us-east-1b',
      'web-3': 'us-east-1c',
      'web-4': 'us-east-1a',
      'web-5': 'us-east-1b',
      'web-6': 'us-east-1c',
    });
  });

  it('does not replace anything before the detection delay has passed', () => {
    const s = at(file, 659);
    expect(s.vms.map((v) => v.name)).toHaveLength(6);
    expect(vm(s, 'web-2')).toMatchObject({ state: 'running', reason: 'az-down' });
    expect(s.metrics.serviceUp).toBe(false);
  });

  it('terminates the impaired members and replaces them in healthy AZs after 60 s', () => {
    expect(events(r, 'group-replacing').map((e) => [e.time, e.vm])).toEqual([
      [660, 'web-2'],
      [660, 'web-5'],
    ]);
    expect(vm(r, 'web-2')).toMatchObject({ state: 'terminated', host: null });
    expect(vm(r, 'web-5')).toMatchObject({ state: 'terminated', host: null });
    const s = at(file, 700);
    expect(vm(s, 'web-7')).toMatchObject({ host: 'us-east-1a-h1', serving: true });
    expect(vm(s, 'web-8')).toMatchObject({ host: 'us-east-1c-h1', serving: true });
    expect(
      events(r, 'running')
        .filter((e) => e.time === 690)
        .map((e) => e.vm),
    ).toEqual(['web-7', 'web-8']);
  });

  it('rebalances after the AZ recovers: launch in b first, then let the newest of a crowded AZ go, one at a time', () => {
    expect(events(r, 'group-scaled').map((e) => [e.time, e.vm])).toEqual([
      [1860, 'web-9'],
      [1890, 'web-8'],
      [1890, 'web-10'],
      [1920, 'web-7'],
    ]);
    expect(vm(r, 'web-9').az).toBe('us-east-1b');
    expect(vm(r, 'web-10').az).toBe('us-east-1b');
    expect(
      r.vms
        .filter((v) => v.state !== 'terminated')
        .map((v) => v.az)
        .sort(),
    ).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1b', 'us-east-1c', 'us-east-1c']);
    expect(r.groups).toEqual([{ name: 'web', desired: 6, members: 6, serving: 6, azs: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }]);
  });

  it('never serves fewer than six while it rebalances', () => {
    for (const t of [1860, 1889, 1890, 1919, 1920, 1930]) expect(at(file, t).metrics.servingVms, `at ${t}`).toBeGreaterThanOrEqual(6);
  });

  it('is down 90 s: 3480/3570 = 97.479%', () => {
    expect(r.metrics.downtimeSeconds).toBe(90);
    expect(events(r, 'service-down').map((e) => e.time)).toEqual([600]);
    expect(events(r, 'service-up').map((e) => e.time)).toEqual([30, 690]);
    expect(r.metrics.availabilityPercent).toBe(97.479);
  });

  it('pays for the lost members until they are terminated', () => {
    // running: web-1,3,4,6 30..3600 (3570 s), web-2,5 30..660 (630 s, billed while their AZ is down),
    //          web-7 690..1920 (1230 s), web-8 690..1890 (1200 s), web-9 1890..3600 (1710 s),
    //          web-10 1920..3600 (1680 s): 21 360 s x 0.048 $/vCPU-h x 2 = 0.5696
    // disk:    web-1,3,4,6 3600 s, web-2,5 0..670, web-7 660..1930, web-8 660..1900, web-9 1860..3600,
    //          web-10 1890..3600: 21 700 s x 8 GiB x 0.08 / 2 628 000
    const seconds = 4 * 3570 + 2 * 630 + 1230 + 1200 + 1710 + 1680;
    expect(seconds).toBe(21360);
    expect(r.metrics.cost.computeUsd).toBeCloseTo(compute('us-east-1', 2, seconds), usd);
    expect(r.metrics.cost.computeUsd).toBeCloseTo(0.5696, usd);
    const diskSeconds = 4 * 3600 + 2 * 670 + 1270 + 1240 + 1740 + 1710;
    expect(diskSeconds).toBe(21700);
    expect(r.metrics.cost.diskUsd).toBeCloseTo(disk('us-east-1', 8, diskSeconds), usd);
  });
});
