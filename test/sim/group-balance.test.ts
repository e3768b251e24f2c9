/**
 * Groups keep their AZs balanced, as EC2 Auto Scaling does: scale-in takes from an AZ with the most
 * members first, and once every AZ is up again an uneven group launches in the AZ with the fewest
 * before it lets one go from the most crowded. Default timings: pending 30 s, shutting-down 10 s,
 * detection 60 s.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, type Report, type ScenarioInput, type World } from '@site/sim';

function groupWorld(azs: string[], desired: number): World {
  const input: ScenarioInput = {
    until: 100_000,
    regions: [{ id: 'eu-central-1', azs: azs.map((z) => ({ id: `eu-central-1${z}`, hosts: [{ cores: 64, memoryGiB: 256 }] })) }],
    actions: [{ at: 0, group: { name: 'web', desired, vcpu: 2, memoryGiB: 4, region: 'eu-central-1', azs: azs.map((z) => `eu-central-1${z}`) } }],
  };
  return createWorld(input);
}

const live = (r: Report) => r.vms.filter((v) => v.group === 'web' && v.state !== 'shutting-down' && v.state !== 'terminated');
const byAz = (r: Report) =>
  Object.fromEntries(
    ['a', 'b', 'c'].map((z) => [
      z,
      live(r)
        .filter((v) => v.az === `eu-central-1${z}`)
        .map((v) => v.name),
    ]),
  );

describe('scale-in balances the AZs first', () => {
  it('a: web-1, web-3; b: web-4 (the replacement for web-2, the newest). Scaling to 2 takes web-3 from a, not web-4 from b', () => {
    // Members a, b, a (web-1, -2, -3), running at 30. web-2 crashes at 100; at 160 the group replaces
    // it: a has 2 healthy, b 0, so web-4 goes to b. Newest-first would now take web-4 and leave b empty.
    const w = groupWorld(['a', 'b'], 3);
    w.runUntil(100);
    w.apply({ kind: 'crash', vm: 'web-2' });
    w.runUntil(300);
    expect(byAz(w.report())).toMatchObject({ a: ['web-1', 'web-3'], b: ['web-4'] });
    w.apply({ kind: 'scale', group: 'web', desired: 2 });
    const scaled = w.events.filter((e) => e.kind === 'group-scaled' && e.vm !== undefined).at(-1)!;
    expect(scaled.vm).toBe('web-3');
    expect(scaled.message).toContain('in eu-central-1a, an AZ with the most members');
    w.runUntil(400);
    expect(byAz(w.report())).toMatchObject({ a: ['web-1'], b: ['web-4'] });
  });

  it('when the AZs are even, the newest goes: 6 over a, b, c scaled to 5 takes web-6 (c)', () => {
    const w = groupWorld(['a', 'b', 'c'], 6);
    w.runUntil(100);
    w.apply({ kind: 'scale', group: 'web', desired: 5 });
    expect(w.events.at(-2)!).toMatchObject({ kind: 'group-scaled', vm: 'web-6' });
  });
});

describe('rebalancing after an AZ recovers', () => {
  // Group of 4 over a and b: web-1 a, web-2 b, web-3 a, web-4 b, running at 30.
  // 100: b fails. 160: web-2 and web-4 replaced, both in a (web-5, web-6; running at 190).
  // 400: b recovers. 460 (400 + 60 s detection): a 4, b 0 -> web-7 launched in b.
  // 490: web-7 runs -> web-6 (newest of a, the AZ with the most) goes; a 3, b 1 -> web-8 in b.
  // 520: web-8 runs -> web-5 goes. a: web-1, web-3; b: web-7, web-8.
  const w = groupWorld(['a', 'b'], 4);
  w.runUntil(100);
  w.apply({ kind: 'fail', az: 'eu-central-1b' });
  w.runUntil(400);
  w.apply({ kind: 'recover', az: 'eu-central-1b' });
  const serving: number[] = [];
  for (let t = 400; t <= 700; t += 5) {
    w.runUntil(t);
    serving.push(w.report({ events: false }).metrics.servingVms);
  }

  it('launches in the short AZ first, then terminates in the crowded one, one at a time', () => {
    const moves = w.events.filter((e) => e.kind === 'group-scaled' && e.time >= 400).map((e) => [e.time, e.vm]);
    expect(moves).toEqual([
      [460, 'web-7'],
      [490, 'web-6'],
      [490, 'web-8'],
      [520, 'web-5'],
    ]);
    expect(byAz(w.report())).toMatchObject({ a: ['web-1', 'web-3'], b: ['web-7', 'web-8'] });
  });

  it('never serves fewer than the desired 4 while it does', () => {
    expect(Math.min(...serving)).toBe(4);
  });

  it('does nothing more once the AZs are even', () => {
    w.runUntil(3000);
    expect(w.events.filter((e) => e.kind === 'group-scaled' && e.time > 520)).toEqual([]);
  });
});

describe('property', () => {
  it('with room everywhere and every AZ up, a settled group never has two AZs more than one member apart', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8 }),
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('scale' as const), desired: fc.integer({ min: 0, max: 9 }) }),
            fc.record({ kind: fc.constant('crash' as const), index: fc.nat(20) }),
            fc.record({ kind: fc.constant('stop' as const), index: fc.nat(20) }),
            fc.record({ kind: fc.constant('outage' as const), az: fc.constantFrom('a', 'b', 'c'), seconds: fc.integer({ min: 1, max: 400 }) }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (desired, ops) => {
          const w = groupWorld(['a', 'b', 'c'], desired);
          let t = 0;
          for (const op of ops) {
            const names = live(w.report({ events: false })).map((v) => v.name);
            if (op.kind === 'scale') w.apply({ kind: 'scale', group: 'web', desired: op.desired });
            else if (op.kind === 'outage') {
              w.apply({ kind: 'fail', az: `eu-central-1${op.az}` });
              t += op.seconds;
              w.runUntil(t);
              w.apply({ kind: 'recover', az: `eu-central-1${op.az}` });
            } else if (names.length > 0) w.apply({ kind: op.kind, vm: names[op.index % names.length] });
            // Long enough for detection, replacement and every rebalancing step to finish.
            t += 1000;
            w.runUntil(t);
            const r = w.report({ events: false });
            const counts = ['a', 'b', 'c'].map((z) => live(r).filter((v) => v.az === `eu-central-1${z}`).length);
            expect(Math.max(...counts) - Math.min(...counts), `${JSON.stringify(counts)} at ${t}`).toBeLessThanOrEqual(1);
            expect(live(r).length).toBe(r.groups[0].desired);
          }
        },
      ),
      { numRuns: 60, seed: 6 },
    );
  });
});
