/**
 * What a fault may and may not leave behind: no steal time where nothing runs, a crash during a reboot
 * that outlasts the reboot, and a group that replaces only members that stayed unhealthy for the whole
 * detection delay. Hand-worked cases first, then properties over random worlds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, type Report, type ScenarioInput, type World } from '@site/sim';

/** One region (eu-central-1) with AZs a and b, one host each of `cores` cores and 64 GiB. */
function twoAzs(cores: number, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    until: 3600,
    regions: [{ id: 'eu-central-1', azs: ['a', 'b'].map((z) => ({ id: `eu-central-1${z}`, hosts: [{ cores, memoryGiB: 64 }] })) }],
    ...extra,
  };
}

const vmOf = (r: Report, name: string) => r.vms.find((v) => v.name === name)!;
const hostOf = (r: Report, id: string) => r.hosts.find((h) => h.id === id)!;

describe('steal time: only VMs that run wait for a core', () => {
  // Host a-h1: 2 cores, CPU overcommit 2 -> 4 vCPU. Two 2-vCPU VMs fully busy ask for 4 cores of 2:
  // each gets 2 / 4 = 50 % of what it asks for, so 50 % steal. Pinned to AZ a, both land on a-h1.
  const scenario = twoAzs(2, {
    policy: { cpuOvercommit: 2 },
    actions: [{ at: 0, launch: { name: 'web', count: 2, vcpu: 2, memoryGiB: 4, region: 'eu-central-1', az: 'eu-central-1a', busy: 1 } }],
  });

  it('two busy 2-vCPU VMs on 2 cores: 50 % steal each; when AZ a fails, 0 % (nothing runs there); back to 50 % when it recovers', () => {
    const world = createWorld(scenario);
    world.runUntil(60);
    expect(vmOf(world.report(), 'web-1').stealPercent).toBe(50);
    expect(hostOf(world.report(), 'eu-central-1a-h1').stealPercent).toBe(50);

    expect(world.apply({ kind: 'fail', az: 'eu-central-1a' }).ok).toBe(true);
    const down = world.report();
    expect(down.vms.map((v) => v.stealPercent)).toEqual([0, 0]);
    expect(hostOf(down, 'eu-central-1a-h1')).toMatchObject({ stealPercent: 0, demandCores: 0 });
    expect(world.vm('web-2')!.stealPercent).toBe(0);

    expect(world.apply({ kind: 'recover', az: 'eu-central-1a' }).ok).toBe(true);
    expect(vmOf(world.report(), 'web-2').stealPercent).toBe(50);
  });

  it('a region outage takes the steal away too', () => {
    const world = createWorld(scenario);
    world.runUntil(60);
    world.apply({ kind: 'fail', region: 'eu-central-1' });
    expect(world.report().vms.every((v) => v.stealPercent === 0)).toBe(true);
  });

  it('one crashed VM asks for nothing: the other has its 2 cores alone (0 % steal), the crashed one reports 0 %', () => {
    const world = createWorld(scenario);
    world.runUntil(60);
    world.apply({ kind: 'crash', vm: 'web-1' });
    const r = world.report();
    expect(vmOf(r, 'web-1').stealPercent).toBe(0);
    expect(vmOf(r, 'web-2').stealPercent).toBe(0);
  });
});

describe('a crash during a reboot outlasts the reboot', () => {
  // pending 30 s (running at 30), reboot 60 s.
  const base = twoAzs(8, { actions: [{ at: 0, launch: { name: 'web', vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } }] });

  it('reboot at 100, guest crash at 130, reboot ends at 160: at 200 web-1 is crashed and does not serve', () => {
    const world = createWorld(base);
    world.runUntil(100);
    expect(world.apply({ kind: 'reboot', vm: 'web-1' }).ok).toBe(true);
    world.runUntil(130);
    expect(world.apply({ kind: 'crash', vm: 'web-1' }).ok).toBe(true);
    world.runUntil(200);
    expect(world.vm('web-1')).toMatchObject({ serving: false, reason: 'crashed' });
    const rebooted = world.events.find((e) => e.kind === 'rebooted')!;
    expect(rebooted.time).toBe(160);
    expect(rebooted.message).toMatch(/crashed during the reboot/);
  });

  it('crash at 100, reboot at 110: the reboot clears the crash, web-1 serves again from 170', () => {
    const world = createWorld(base);
    world.runUntil(100);
    world.apply({ kind: 'crash', vm: 'web-1' });
    world.runUntil(110);
    world.apply({ kind: 'reboot', vm: 'web-1' });
    world.runUntil(169);
    expect(world.vm('web-1')).toMatchObject({ serving: false, reason: 'rebooting' });
    world.runUntil(170);
    expect(world.vm('web-1')).toMatchObject({ serving: true, reason: null });
  });

  it('a second reboot after the crash clears it: reboot at 100, crash at 130, reboot again at 200 -> serving at 260', () => {
    const world = createWorld(base);
    world.runUntil(100);
    world.apply({ kind: 'reboot', vm: 'web-1' });
    world.runUntil(130);
    world.apply({ kind: 'crash', vm: 'web-1' });
    world.runUntil(200);
    world.apply({ kind: 'reboot', vm: 'web-1' });
    world.runUntil(260);
    expect(world.vm('web-1')!.serving).toBe(true);
  });
});

describe('a member the user restarts is not replaced for an old fault', () => {
  // Group of 2 in AZs a and b; detection 60 s, pending 30 s, reboot 60 s.
  const scenario = twoAzs(8, { actions: [{ at: 0, group: { name: 'web', desired: 2, vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } }] });
  const replaced = (w: World) => w.events.filter((e) => e.kind === 'group-replacing').map((e) => e.vm);

  it('crash at 100, reboot at 130 (its health check was due at 160): web-1 is back at 190 and never replaced', () => {
    const world = createWorld(scenario);
    world.runUntil(100);
    world.apply({ kind: 'crash', vm: 'web-1' });
    world.runUntil(130);
    world.apply({ kind: 'reboot', vm: 'web-1' });
    world.runUntil(600);
    expect(replaced(world)).toEqual([]);
    expect(world.vm('web-1')!.serving).toBe(true);
  });

  it('stop at 100, start at 130: pending, then running at 160; the check at 160 does not replace it', () => {
    const world = createWorld(scenario);
    world.runUntil(100);
    world.apply({ kind: 'stop', vm: 'web-1' }); // stopped at 120
    world.runUntil(130);
    expect(world.apply({ kind: 'start', vm: 'web-1' }).ok).toBe(true);
    world.runUntil(600);
    expect(replaced(world)).toEqual([]);
    expect(world.vm('web-1')!.serving).toBe(true);
  });

  it('crash at 100 and nothing done: replaced at 160, as the detection delay says', () => {
    const world = createWorld(scenario);
    world.runUntil(100);
    world.apply({ kind: 'crash', vm: 'web-1' });
    world.runUntil(600);
    const e = world.events.find((x) => x.kind === 'group-replacing')!;
    expect(e).toMatchObject({ vm: 'web-1', time: 160 });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random worlds.

type Op =
  | { op: 'launch'; count: number; vcpu: number; busy: number; az: number | null }
  | { op: 'life'; verb: 'start' | 'stop' | 'reboot' | 'terminate' | 'crash'; vm: number }
  | { op: 'fault'; verb: 'fail' | 'recover'; level: 'host' | 'az' | 'region'; index: number }
  | { op: 'recover-vm'; vm: number }
  | { op: 'scale'; desired: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('launch' as const),
      count: fc.integer({ min: 1, max: 3 }),
      vcpu: fc.integer({ min: 1, max: 4 }),
      busy: fc.constantFrom(0.25, 0.5, 1),
      az: fc.option(fc.nat(2), { nil: null }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('life' as const),
      verb: fc.constantFrom('start', 'stop', 'reboot', 'terminate', 'crash') as fc.Arbitrary<'start' | 'stop' | 'reboot' | 'terminate' | 'crash'>,
      // Mostly the first few VMs (the group's members come first), so that one VM often gets several actions.
      vm: fc.nat(4),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('fault' as const),
      verb: fc.constantFrom<'fail' | 'recover'>('fail', 'recover'),
      level: fc.constantFrom<'host' | 'az' | 'region'>('host', 'az', 'az', 'region'),
      index: fc.nat(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('recover-vm' as const), vm: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('scale' as const), desired: fc.integer({ min: 0, max: 5 }) }) },
);

const stepsArb = fc.array(fc.record({ dt: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90 })), op: opArb }), { minLength: 1, maxLength: 30 });

const azIds = ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'];
const randomWorld = (hostsPerAz: number, cores: number) =>
  createWorld({
    until: 100_000,
    policy: { cpuOvercommit: 2 },
    timings: { detectionSeconds: 60 },
    regions: [{ id: 'eu-central-1', azs: azIds.map((id) => ({ id, hosts: [{ count: hostsPerAz, cores, memoryGiB: 64 }] })) }],
    actions: [{ at: 0, group: { name: 'g', desired: 3, vcpu: 2, memoryGiB: 4, region: 'eu-central-1', busy: 1 } }],
  });

/** Applies one random intent, resolved against the world as it is now. */
function applyOp(world: World, op: Op, hostIds: string[]): void {
  const names = world.report({ events: false }).vms.map((v) => v.name);
  const pick = (i: number) => names[i % Math.max(1, names.length)];
  switch (op.op) {
    case 'launch':
      world.apply({
        kind: 'launch',
        name: 'web',
        count: op.count,
        vcpu: op.vcpu,
        memoryGiB: 2,
        region: 'eu-central-1',
        busy: op.busy,
        ...(op.az === null ? {} : { az: azIds[op.az] }),
      });
      return;
    case 'life':
      if (names.length > 0) world.apply({ kind: op.verb, vm: pick(op.vm) });
      return;
    case 'recover-vm':
      if (names.length > 0) world.apply({ kind: 'recover', vm: pick(op.vm) });
      return;
    case 'fault': {
      const target =
        op.level === 'host'
          ? { host: hostIds[op.index % hostIds.length] }
          : op.level === 'az'
            ? { az: azIds[op.index % azIds.length] }
            : { region: 'eu-central-1' };
      world.apply({ kind: op.verb, ...target });
      return;
    }
    case 'scale':
      world.apply({ kind: 'scale', group: 'g', desired: op.desired });
      return;
  }
}

/** Runs the steps, calling `look` after every event the engine handles and after every action. */
function drive(world: World, steps: { dt: number; op: Op }[], look: () => void): void {
  const hostIds = world.report({ events: false }).hosts.map((h) => h.id);
  let t = 0;
  for (const { dt, op } of steps) {
    t += dt;
    for (let next = world.nextEventTime(); next !== null && next <= t; next = world.nextEventTime()) {
      world.step();
      look();
    }
    world.runUntil(t);
    applyOp(world, op, hostIds);
    look();
  }
  for (let i = 0; i < 200 && world.nextEventTime() !== null && world.nextEventTime()! <= t + 600; i++) {
    world.step();
    look();
  }
}

/** Whether a host is down in this report: failed itself, or under a failed AZ or region. */
function downHosts(r: Report): Set<string> {
  const downAzs = new Set(r.regions.flatMap((reg) => reg.azs.filter((az) => reg.health === 'failed' || az.health === 'failed').map((az) => az.id)));
  return new Set(r.hosts.filter((h) => h.health === 'failed' || downAzs.has(h.az)).map((h) => h.id));
}

describe('properties', () => {
  it('no VM on a failed host, or in a failed AZ or region, ever has steal time, and neither has its host', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 2, max: 6 }), stepsArb, (hostsPerAz, cores, steps) => {
        const world = randomWorld(hostsPerAz, cores);
        drive(world, steps, () => {
          const r = world.report({ events: false });
          const down = downHosts(r);
          for (const h of r.hosts) if (down.has(h.id)) expect(h.stealPercent, `${h.id} at ${r.time}`).toBe(0);
          for (const vm of r.vms) if (vm.host !== null && down.has(vm.host)) expect(vm.stealPercent, `${vm.name} at ${r.time}`).toBe(0);
        });
      }),
      { numRuns: 60, seed: 16 },
    );
  });

  it('a group replaces only a member that was unhealthy (a fault under it, or stopped) for the whole detection delay before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), stepsArb, (hostsPerAz, steps) => {
        const world = randomWorld(hostsPerAz, 8);
        /** Per VM: (time, unhealthy) after each thing the engine did. */
        const history = new Map<string, { time: number; unhealthy: boolean }[]>();
        let seen = 0;
        drive(world, steps, () => {
          const fresh = world.events.slice(seen);
          seen = world.events.length;
          for (const e of fresh) {
            if (e.kind !== 'group-replacing') continue;
            const h = history.get(e.vm!) ?? [];
            // The samples that cover [time - 60, time]: the last one at or before the window's start, and every one after.
            let start = -1;
            h.forEach((s, i) => {
              if (s.time <= e.time - 60) start = i;
            });
            expect(start, `${e.vm} replaced at ${e.time} after less than 60 s of history`).toBeGreaterThanOrEqual(0);
            const window = h.slice(start);
            expect(
              window.every((s) => s.unhealthy),
              `${e.vm} replaced at ${e.time}, but healthy within the 60 s before: ${JSON.stringify(window)}`,
            ).toBe(true);
          }
          const r = world.report({ events: false });
          const down = downHosts(r);
          // A reboot restarts the guest: the member is healthy from then on unless what is under it is down.
          for (const e of fresh) {
            if (e.kind !== 'rebooting' || !history.has(e.vm!)) continue;
            history.get(e.vm!)!.push({ time: e.time, unhealthy: down.has(e.host!) });
          }
          for (const vm of r.vms) {
            if (vm.group === null) continue;
            const faulted = (vm.state === 'running' || vm.state === 'pending') && (vm.reason === 'crashed' || (vm.host !== null && down.has(vm.host)));
            const unhealthy = faulted || vm.state === 'stopping' || vm.state === 'stopped';
            const h = history.get(vm.name) ?? [];
            h.push({ time: r.time, unhealthy });
            history.set(vm.name, h);
          }
        });
      }),
      { numRuns: 100, seed: 4 },
    );
  });
});
