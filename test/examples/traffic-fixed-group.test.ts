import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run } from './helpers';

// Traffic: demand 200 rps from 0, 800 from 1200, 200 from 2400 to 3600; each serving VM takes 100.
// Both groups start with two VMs, running at 30 s; nothing serves 0..30, so 200 x 30 = 6000 requests
// are dropped there in both.
describe('traffic-fixed-group.yaml', () => {
  //   0..30      demand 200, capacity 0:    dropped 6 000
  //   30..1200   demand 200, capacity 200:  served 234 000
  //   1200..2400 demand 800, capacity 200:  served 240 000, dropped 720 000
  //   2400..3600 demand 200, capacity 200:  served 240 000
  // served 714 000, dropped 726 000 = 726/1440 = 50.417%
  const r = run('traffic-fixed-group.yaml');

  it('drops three quarters of the peak', () => {
    expect(r.metrics.requests).toEqual({ served: 714000, dropped: 726000, droppedPercent: 50.417 });
  });

  it('never grows', () => {
    expect(r.vms.map((v) => v.name)).toEqual(['web-1', 'web-2']);
    expect(r.groups).toEqual([{ name: 'web', desired: 2, members: 2, serving: 2, azs: ['us-east-1a', 'us-east-1b'] }]);
  });

  it('costs two VMs for the hour', () => {
    // 2 x 0.096 x 3570/3600 = 0.1904; 2 x 8 x 0.08 x 3600 / 2 628 000 = 0.0017534
    expect(r.metrics.cost.computeUsd).toBeCloseTo(0.1904, usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(2 * compute('us-east-1', 2, 3570) + 2 * disk('us-east-1', 8, 3600), usd);
  });
});
