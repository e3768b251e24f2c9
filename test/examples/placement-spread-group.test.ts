import { describe, expect, it } from 'vitest';
import { at, events, placements, run, serving, vm } from './helpers';

describe('placement-spread-group.yaml', () => {
  // pack, AZ a: three hosts of 8 vCPU, AZ b: two.
  //   db x3 (spread group db, AZ a): a-h1 first; then a-h1 is the group's, so a-h2, then a-h3.
  //   web x3 (no group, AZ a): first fit: a-h1 has 8 - 2 = 6 vCPU free, takes all three (8/8).
  //   60 s, db x1 in AZ a: every host of a holds a db VM: refused, nothing launched, no name used.
  //   60 s, db x2 anywhere: AZ a's hosts are the group's, so b-h1 and b-h2 -> db-4, db-5.
  //   600 s, a-h1 fails: db-1 and web-1..3 stop serving; db-2..5 serve (4 >= minServing 3).
  const r = run('placement-spread-group.yaml');

  it('puts each db VM on a host of its own, while pack stacks the web VMs on the first host', () => {
    expect(placements(r)).toEqual({
      'db-1': 'us-west-2a-h1',
      'db-2': 'us-west-2a-h2',
      'db-3': 'us-west-2a-h3',
      'web-1': 'us-west-2a-h1',
      'web-2': 'us-west-2a-h1',
      'web-3': 'us-west-2a-h1',
      'db-4': 'us-west-2b-h1',
      'db-5': 'us-west-2b-h2',
    });
  });

  it('refuses a fourth db VM in AZ a, saying why, and launches nothing for it', () => {
    const refused = events(r, 'insufficient-capacity');
    expect(refused.map((e) => e.time)).toEqual([60]);
    expect(refused[0].message).toContain('spread group db needs a host of its own for each VM: 0 of the 3 host(s) up hold none of its VMs');
    expect(refused[0].message).toContain('nothing was launched');
  });

  it('loses one db VM and every web VM with host a-h1, and the service (db, needs 3) stays up', () => {
    const s = at('placement-spread-group.yaml', 900);
    expect(vm(s, 'db-1').reason).toBe('host-failed');
    expect(['web-1', 'web-2', 'web-3'].map((n) => vm(s, n).reason)).toEqual(['host-failed', 'host-failed', 'host-failed']);
    expect(serving(s)).toEqual(['db-2', 'db-3', 'db-4', 'db-5']);
    expect(r.metrics.downtimeSeconds).toBe(0);
  });
});
