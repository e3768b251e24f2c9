import { describe, expect, it } from 'vitest';
import { formatTimeline } from '@site/cli/timeline';
import { at, events, host, run, vm } from './helpers';

describe('memory-pressure.yaml', () => {
  // One 32 GiB type 1 host: 32 − 1 = 31 GiB left for guests (no per-VM overhead), 8 GiB of swap.
  // memoryOvercommit 2 sells (32 − 1) × 2 = 62 GiB, so every launch fits.
  //   db: 16 GiB using 0.75 → 12 GiB used, 4 idle. web-1..3: 8 GiB using 0.5 → 4 used, 4 idle each.
  const file = 'memory-pressure.yaml';
  const h = 'eu-west-1a-h1';

  it('balloons while the working sets fit: 40 promised on 31, 9 taken back from 16 idle', () => {
    const r = at(file, 300);
    expect(host(r, h).memory).toEqual({
      pressure: 'ballooning',
      promisedGiB: 40,
      workingSetGiB: 24,
      availableGiB: 31,
      balloonGiB: 9,
      swappedGiB: 0,
      swapGiB: 8,
      swappedPercent: 0,
    });
    // Shares by idle memory: db 9 × 4/16 = 2.25, each web 9 × 4/16 = 2.25.
    expect(r.vms.map((v) => v.balloonGiB)).toEqual([2.25, 2.25, 2.25, 2.25]);
  });

  it('swaps when the web servers use all their memory: 12 + 24 = 36 used on 31, only db has 4 idle, 5 swapped = 13.9% of every working set', () => {
    const r = at(file, 900);
    expect(host(r, h).memory).toMatchObject({ pressure: 'swapping', workingSetGiB: 36, balloonGiB: 4, swappedGiB: 5, swappedPercent: 13.9 });
    // Swap shares by working set: db 5 × 12/36 = 1.667, each web 5 × 8/36 = 1.111.
    expect(vm(r, 'db-1')).toMatchObject({ swappedGiB: 1.667, swappedPercent: 13.9, serving: true });
    expect(vm(r, 'web-1')).toMatchObject({ swappedGiB: 1.111, swappedPercent: 13.9, serving: true });
  });

  it('kills the largest working set when the batch job joins: 44 used on 31 with 4 + 8 idle needs 13 of swap > 8; db (12 GiB used) goes, not the newcomer', () => {
    const r = run(file);
    expect(events(r, 'oom-killed').map((e) => [e.time, e.vm])).toEqual([[1230, 'db-1']]);
    expect(events(r, 'oom-killed')[0].message).toContain('the host has 8 GiB');
    const after = at(file, 1500);
    expect(vm(after, 'db-1').state).toBe('stopped');
    // Left: 3 web (24 used, none idle) and batch (8 used, 8 idle): 40 promised, 9 too many, 8 ballooned, 1 swapped = 1/32 = 3.1%.
    expect(host(after, h).memory).toMatchObject({
      pressure: 'swapping',
      promisedGiB: 40,
      workingSetGiB: 32,
      balloonGiB: 8,
      swappedGiB: 1,
      swappedPercent: 3.1,
    });
  });

  it('records each change of pressure, and stopping the batch job ends it: 24 promised fits 31', () => {
    const r = run(file);
    expect(events(r, 'memory-pressure').map((e) => [e.time, /no memory pressure|balloon drivers reclaim|swaps/.exec(e.message)?.[0]])).toEqual([
      [30, 'balloon drivers reclaim'],
      [600, 'swaps'],
      [1800, 'no memory pressure'],
    ]);
    expect(host(r, h).memory).toMatchObject({ pressure: 'none', promisedGiB: 24, balloonGiB: 0, swappedGiB: 0 });
  });

  it('the text timeline prints the kill with its reason, and the pressure at the end of a run', () => {
    const mid = formatTimeline(at(file, 1500));
    expect(mid).toMatch(/20:30 {2}oom-killed {13}db-1 was ended by eu-west-1a-h1's out-of-memory killer/);
    expect(mid).toContain('  memory pressure: eu-west-1a-h1 swapping 1 GiB (3.1% of every working set)');
    expect(formatTimeline(run(file))).not.toContain('  memory pressure: eu-west-1a-h1');
  });
});
