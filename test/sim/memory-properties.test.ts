/**
 * Memory pressure over random worlds: random hosts, overcommit, sizes, working sets and swap, random
 * launches, stops, starts, terminations, working-set changes and host failures, checked after every
 * step of the run. The expected figures are recomputed here from the documented model (promised
 * memory, working sets, what is left for guests), never read from the engine's helpers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld, type ActionInput, type Report, type ScenarioInput, type World } from '@site/sim';

type HostSpec = { memoryGiB: number; swapGiB: number; hypervisor: 'type1' | 'type2' };
const reserve = { type1: { memoryGiB: 1, overheadGiB: 0 }, type2: { memoryGiB: 4, overheadGiB: 0.5 } };

type Op =
  | { op: 'launch'; count: number; memoryGiB: number; workingSet: number }
  | { op: 'stop' | 'start' | 'terminate'; vm: number }
  | { op: 'load'; vm: number; workingSet: number }
  | { op: 'host'; host: number; verb: 'fail' | 'recover' };

const hostArb: fc.Arbitrary<HostSpec> = fc.record({
  memoryGiB: fc.integer({ min: 8, max: 64 }),
  swapGiB: fc.constantFrom(0, 2, 4, 16),
  hypervisor: fc.constantFrom<'type1' | 'type2'>('type1', 'type2'),
});
const fractionArb = fc.constantFrom(0, 0.1, 0.25, 0.5, 0.75, 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('launch' as const),
      count: fc.integer({ min: 1, max: 4 }),
      memoryGiB: fc.constantFrom(1, 2, 4, 8, 16),
      workingSet: fractionArb,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('stop' as const, 'start' as const, 'terminate' as const), vm: fc.nat(30) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('load' as const), vm: fc.nat(30), workingSet: fractionArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('host' as const), host: fc.nat(3), verb: fc.constantFrom<'fail' | 'recover'>('fail', 'recover') }) },
);

interface WorldSpec {
  hosts: HostSpec[];
  memoryOvercommit: number;
  ops: [number, Op][];
}

const worldArb: fc.Arbitrary<WorldSpec> = fc.record({
  hosts: fc.array(hostArb, { minLength: 1, maxLength: 3 }),
  memoryOvercommit: fc.constantFrom(1, 1.5, 2, 4, 8),
  ops: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), opArb), { minLength: 1, maxLength: 25 }),
});

function scenario(w: WorldSpec): ScenarioInput {
  return {
    seed: 3,
    until: 600,
    regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: w.hosts.map((h) => ({ cores: 256, diskGiB: 100_000, ...h })) }] }],
    policy: { placement: 'spread', cpuOvercommit: 16, memoryOvercommit: w.memoryOvercommit },
  };
}

/** The ops in time order as engine actions (VM names are resolved at run time; a refusal is fine). */
function actions(w: WorldSpec): Array<{ at: number; action: ActionInput }> {
  const hostIds = w.hosts.map((_, i) => `eu-central-1a-h${i + 1}`);
  return [...w.ops]
    .sort((a, b) => a[0] - b[0])
    .map(([at, op]) => {
      const vm = 'vm' in op ? `vm-${(op.vm % 12) + 1}` : '';
      switch (op.op) {
        case 'launch':
          return {
            at,
            action: { kind: 'launch', name: 'vm', count: op.count, vcpu: 1, memoryGiB: op.memoryGiB, region: 'eu-central-1', workingSet: op.workingSet },
          };
        case 'load':
          return { at, action: { kind: 'load', vm, workingSet: op.workingSet } };
        case 'host':
          return { at, action: { kind: op.verb, host: hostIds[op.host % hostIds.length] } };
        default:
          return { at, action: { kind: op.op, vm } };
      }
    });
}

/** Runs the world to 600 s, applying the ops at their times, and calls `check` after every step and every action. */
function runChecked(w: WorldSpec, check: (world: World) => void): World {
  const world = createWorld(scenario(w));
  const drain = (until: number) => {
    for (let t = world.nextEventTime(); t !== null && t <= until; t = world.nextEventTime()) {
      world.step();
      check(world);
    }
    world.runUntil(until);
  };
  for (const { at, action } of actions(w)) {
    drain(at);
    world.apply(action);
    check(world);
  }
  drain(600);
  return world;
}

/** A host's memory recomputed from its running VMs: promised, used, left for guests, to balloon, to swap. */
function expected(r: Report, hostId: string, spec: HostSpec) {
  const running = r.vms.filter((vm) => vm.host === hostId && vm.state === 'running');
  const promised = running.reduce((s, vm) => s + vm.memoryGiB, 0);
  const used = running.reduce((s, vm) => s + vm.memoryGiB * vm.workingSet, 0);
  const available = Math.max(0, spec.memoryGiB - reserve[spec.hypervisor].memoryGiB - running.length * reserve[spec.hypervisor].overheadGiB);
  const toReclaim = Math.max(0, promised - available);
  const balloon = Math.min(toReclaim, promised - used);
  return { running, promised, used, available, balloon, swapped: Math.max(0, toReclaim - balloon) };
}

const close = (a: number, b: number) => Math.abs(a - b) <= 2e-3;

describe('memory pressure over random worlds', () => {
  const exercised = { steps: 0, kills: 0, swapping: 0 };

  it('after every step: the figures follow the model, no host holds more than its memory without pressure shown, swap never overflows, and each kill was needed and took the largest working set', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        let seen = 0;
        runChecked(w, (world) => {
          exercised.steps++;
          const r = world.report();
          w.hosts.forEach((spec, i) => {
            const host = r.hosts[i];
            const m = host.memory;
            if (host.health !== 'up') {
              expect(m).toMatchObject({ pressure: 'none', balloonGiB: 0, swappedGiB: 0 });
              return;
            }
            const e = expected(r, host.id, spec);
            expect(close(m.promisedGiB, e.promised) && close(m.workingSetGiB, e.used) && close(m.availableGiB, e.available), JSON.stringify({ m, e })).toBe(
              true,
            );
            expect(close(m.balloonGiB, e.balloon) && close(m.swappedGiB, e.swapped), JSON.stringify({ m, e })).toBe(true);
            // What the guests hold in RAM never passes what is left for them: the rest is ballooned or swapped, and shown.
            expect(m.promisedGiB - m.balloonGiB - m.swappedGiB).toBeLessThanOrEqual(m.availableGiB + 2e-3);
            if (e.promised > e.available + 2e-3) expect(m.pressure).not.toBe('none');
            if (e.promised <= e.available) expect(m.pressure).toBe('none');
            expect(m.pressure === 'swapping').toBe(e.swapped > 2e-3);
            expect(m.swappedGiB).toBeLessThanOrEqual(spec.swapGiB + 2e-3);
            // Each VM's share is rounded to 3 decimals: their sum may be off by half a unit per VM.
            const byVm = e.running.reduce((s, vm) => s + vm.swappedGiB, 0);
            expect(Math.abs(byVm - m.swappedGiB)).toBeLessThanOrEqual(2e-3 + 5e-4 * e.running.length);
          });
          // The kills of this step, per host: each was needed (with the last one back, the swap would overflow) and took the largest working set.
          const kills = r.events.slice(seen).filter((ev) => ev.kind === 'oom-killed');
          exercised.kills += kills.length;
          if (r.hosts.some((h) => h.memory.pressure === 'swapping')) exercised.swapping++;
          seen = r.events.length;
          const byHost = new Map<string, string[]>();
          for (const k of kills) byHost.set(k.host!, [...(byHost.get(k.host!) ?? []), k.vm!]);
          for (const [hostId, names] of byHost) {
            const i = r.hosts.findIndex((h) => h.id === hostId);
            const spec = w.hosts[i];
            const e = expected(r, hostId, spec);
            const last = r.vms.find((vm) => vm.name === names[names.length - 1])!;
            const withLast = expected({ ...r, vms: r.vms.map((vm) => (vm.name === last.name ? { ...vm, state: 'running' } : vm)) }, hostId, spec);
            expect(withLast.swapped, `${last.name} was killed though ${hostId}'s swap could hold ${withLast.swapped} GiB`).toBeGreaterThan(spec.swapGiB);
            for (const name of names) {
              const killed = r.vms.find((vm) => vm.name === name)!;
              expect(killed.state).toBe('stopping');
              for (const survivor of e.running)
                expect(killed.memoryGiB * killed.workingSet).toBeGreaterThanOrEqual(survivor.memoryGiB * survivor.workingSet - 1e-9);
            }
          }
        });
      }),
      { numRuns: 150, seed: 20261202 },
    );
    // The random worlds do reach every stage: a property that never met a kill would prove nothing about kills.
    expect(exercised.kills).toBeGreaterThan(5);
    expect(exercised.swapping).toBeGreaterThan(20);
  });

  it('with memoryOvercommit 1 nothing is ever ballooned, swapped or killed, whatever the working sets', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const r = runChecked({ ...w, memoryOvercommit: 1 }, () => {}).report();
        expect(r.events.filter((e) => e.kind === 'memory-pressure' || e.kind === 'oom-killed')).toEqual([]);
        for (const host of r.hosts) expect(host.memory.pressure).toBe('none');
      }),
      { numRuns: 100, seed: 20261203 },
    );
  });

  it('the same scenario gives the same trace, memory events included', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const a = runChecked(w, () => {}).report();
        const b = runChecked(w, () => {}).report();
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: 40, seed: 20261204 },
    );
  });
});
