import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, vm, events } from './helpers';

describe('group-az-outage.yaml', () => {
  // A group balances over its AZs (emptiest first, ties in declared order): a, b, c, a, b, c.
  //   web-1 a, web-2 b, web-3 c, web-4 a, web-5 b, web-6 c; running at 30.
  // 600: us-east-1b fails: web-2, web-5 stop serving; 4 serve < minServing 5: service down.
  // 660: the group's check (600 + 60 s detection) terminates web-2, web-5 (terminated at 670) and
  //      launches two: a and c both have 2 healthy members, a is first -> web-7 a; then c -> web-8.
  // 690: web-7, web-8 running: 6 serve, service up. Down 600..690 = 90 s.
  // 1800: b recovers; nothing moves (the group already has 6).
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
    expect(vm(r, 'web-7')).toMatchObject({ host: 'us-east-1a-h1', serving: true });
    expect(vm(r, 'web-8')).toMatchObject({ host: 'us-east-1c-h1', serving: true });
    expect(
      events(r, 'running')
        .filter((e) => e.time === 690)
        .map((e) => e.vm),
    ).toEqual(['web-7', 'web-8']);
  });

  it('leaves the recovered AZ empty: the group keeps what it has', () => {
    expect(
      r.vms
        .filter((v) => v.state !== 'terminated')
        .map((v) => v.az)
        .sort(),
    ).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1a', 'us-east-1c', 'us-east-1c', 'us-east-1c']);
    expect(r.groups).toEqual([{ name: 'web', desired: 6, members: 6, serving: 6, azs: ['us-east-1a', 'us-east-1b', 'us-east-1c'] }]);
  });

  it('is down 90 s: 3480/3570 = 97.479%', () => {
    expect(r.metrics.downtimeSeconds).toBe(90);
    expect(events(r, 'service-down').map((e) => e.time)).toEqual([600]);
    expect(events(r, 'service-up').map((e) => e.time)).toEqual([30, 690]);
    expect(r.metrics.availabilityPercent).toBe(97.479);
  });

  it('pays for the lost members until they are terminated', () => {
    // running: web-1,3,4,6 30..3600 (3570 s), web-2,5 30..660 (630 s, billed while their AZ is down),
    //          web-7,8 690..3600 (2910 s): 21 360 s x 0.048 $/vCPU-h x 2 = 0.5696
    // disk:    web-1,3,4,6 3600 s, web-2,5 0..670, web-7,8 660..3600: 21 620 s x 8 GiB x 0.08 / 2 628 000
    const seconds = 4 * 3570 + 2 * 630 + 2 * 2910;
    expect(seconds).toBe(21360);
    expect(r.metrics.cost.computeUsd).toBeCloseTo(compute('us-east-1', 2, seconds), usd);
    expect(r.metrics.cost.computeUsd).toBeCloseTo(0.5696, usd);
    expect(r.metrics.cost.diskUsd).toBeCloseTo(disk('us-east-1', 8, 4 * 3600 + 2 * 670 + 2 * 2940), usd);
  });
});
