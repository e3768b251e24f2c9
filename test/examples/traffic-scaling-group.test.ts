import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, events } from './helpers';

describe('traffic-scaling-group.yaml', () => {
  // Checks every 60 s from 60 s: desired = ceil(rps / 100) within [2, 10].
  //   1200: the demand point is applied before the check scheduled for the same second, so the
  //         check sees 800 rps: desired 8, six VMs (web-3..8) pending until 1230.
  //   2400: demand 200 -> desired 2: the six newest (web-8 down to web-3) shut down, gone at 2410.
  //   0..30      dropped 6 000
  //   30..1200   served 234 000
  //   1200..1230 capacity 200: served 6 000, dropped 18 000
  //   1230..2400 capacity 800: served 936 000
  //   2400..3600 served 240 000
  // served 1 416 000, dropped 24 000 = 24/1440 = 1.667%
  const file = 'traffic-scaling-group.yaml';
  const r = run(file);

  it('grows to eight at the peak, within one check', () => {
    const s = at(file, 1300);
    expect(s.groups[0]).toMatchObject({ desired: 8, members: 8, serving: 8 });
    expect(
      events(r, 'running')
        .filter((e) => e.time === 1230)
        .map((e) => e.vm),
    ).toEqual(['web-3', 'web-4', 'web-5', 'web-6', 'web-7', 'web-8']);
  });

  it('shrinks back to two after the peak, newest first', () => {
    expect(events(r, 'terminated').map((e) => [e.time, e.vm])).toEqual(['web-8', 'web-7', 'web-6', 'web-5', 'web-4', 'web-3'].map((n) => [2410, n]));
    expect(r.groups[0]).toMatchObject({ desired: 2, members: 2, serving: 2 });
  });

  it('drops only what arrives while the new VMs start', () => {
    expect(r.metrics.requests).toEqual({ served: 1416000, dropped: 24000, droppedPercent: 1.667 });
  });

  it('costs more than the fixed group: six more VMs for the peak', () => {
    // web-1,2: 3570 s running; web-3..8: 1230..2400 = 1170 s running.  (7140 + 7020) s x 0.048 x 2 / 3600 = 0.3776
    // disk: web-1,2 3600 s; web-3..8 1200..2410 = 1210 s.  14 460 s x 8 x 0.08 / 2 628 000 = 0.0035214
    expect(r.metrics.cost.computeUsd).toBeCloseTo(0.3776, usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(
      2 * compute('us-east-1', 2, 3570) + 6 * compute('us-east-1', 2, 1170) + 2 * disk('us-east-1', 8, 3600) + 6 * disk('us-east-1', 8, 1210),
      usd,
    );
    expect(r.metrics.cost.totalUsd).toBeGreaterThan(0.19215 + 0.15);
  });
});
