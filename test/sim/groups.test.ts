import { describe, expect, it } from 'vitest';
import { parseAction, createWorld, type ActionInput, type Report, type ScenarioInput, type SimEvent, type VmState } from '@site/sim';

/**
 * eu-central-1 with AZs a, b, c and one type 1 host in each. Default timings: pending 30 s,
 * shutting-down 10 s, detection 60 s.
 */
function threeAzs(cores: number, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    until: 3600,
    regions: [{ id: 'eu-central-1', azs: ['a', 'b', 'c'].map((z) => ({ id: `eu-central-1${z}`, hosts: [{ cores, memoryGiB: 64 }] })) }],
    ...extra,
  };
}

const web = (desired: number, vcpu = 2, extra: Partial<Extract<ActionInput, { kind: 'group' }>> = {}) =>
  parseAction({ kind: 'group', name: 'web', desired, vcpu, memoryGiB: 4, region: 'eu-central-1', ...extra });

const groupOf = (r: Report) => r.groups[0];
const members = (r: Report) => r.vms.filter((v) => v.group === 'web' && v.state !== 'shutting-down' && v.state !== 'terminated');
const eventsOf = (r: Report, kind: SimEvent['kind']) => r.events.filter((e) => e.kind === kind);

/** The lifecycle states a VM went through, read from the trace. */
const stateOfEvent: Partial<Record<SimEvent['kind'], VmState>> = {
  launched: 'pending',
  running: 'running',
  stopping: 'stopping',
  stopped: 'stopped',
  'shutting-down': 'shutting-down',
  terminated: 'terminated',
};
const statesOf = (r: Report, vm: string) => r.events.filter((e) => e.vm === vm && stateOfEvent[e.kind]).map((e) => stateOfEvent[e.kind]!);

/** The legal moves of the lifecycle (EC2's): from a state, the states it may go to next. */
const legalNext: Record<VmState, VmState[]> = {
  pending: ['running', 'shutting-down'],
  running: ['stopping', 'shutting-down'],
  stopping: ['stopped', 'shutting-down'],
  stopped: ['pending', 'shutting-down'],
  'shutting-down': ['terminated'],
  terminated: [],
};
const illegalSteps = (states: VmState[]) =>
  states
    .slice(1)
    .map((s, i) => [states[i], s])
    .filter(([from, to]) => !legalNext[from].includes(to));

describe('a group keeps its desired count across its AZs', () => {
  it('desired 3 over a, b, c: one member per AZ, all serving once pending (30 s) is over', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(3));
    world.runUntil(30);
    const r = world.report();
    expect(r.vms.map((v) => [v.name, v.az, v.serving])).toEqual([
      ['web-1', 'eu-central-1a', true],
      ['web-2', 'eu-central-1b', true],
      ['web-3', 'eu-central-1c', true],
    ]);
    expect(groupOf(r)).toEqual({ name: 'web', desired: 3, members: 3, serving: 3, azs: ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'] });
  });

  it('a group limited to b and c places its members there only', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(4, 1, { azs: ['eu-central-1b', 'eu-central-1c'] }));
    expect(world.report().vms.map((v) => v.az)).toEqual(['eu-central-1b', 'eu-central-1c', 'eu-central-1b', 'eu-central-1c']);
  });

  it('a group and a launch cannot share a name', () => {
    const world = createWorld(threeAzs(8));
    world.apply({ kind: 'launch', name: 'api', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' });
    world.apply(web(1));
    expect(world.apply({ kind: 'group', name: 'api', desired: 1, vcpu: 1, memoryGiB: 1, region: 'eu-central-1' })).toEqual({
      ok: false,
      reason: 'the name api is taken',
    });
    expect(world.apply({ kind: 'launch', name: 'web', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' })).toEqual({ ok: false, reason: "web is a group's name" });
  });
});

describe('replacement after a fault, once the detection delay (60 s) has passed', () => {
  it('AZ a fails at 100 s: nothing happens at 159 s; at 160 s web-1 is terminated and web-4 launched in b (b and c tie at one member, b is declared first)', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(3));
    world.runUntil(100);
    world.apply({ kind: 'fail', az: 'eu-central-1a' });
    world.runUntil(159);
    expect(eventsOf(world.report(), 'group-replacing')).toEqual([]);
    expect(groupOf(world.report())).toMatchObject({ members: 3, serving: 2 });
    world.runUntil(160);
    const r = world.report();
    expect(eventsOf(r, 'group-replacing').map((e) => [e.time, e.vm])).toEqual([[160, 'web-1']]);
    expect(r.vms.find((v) => v.name === 'web-1')!.state).toBe('shutting-down');
    expect(r.vms.find((v) => v.name === 'web-4')).toMatchObject({ state: 'pending', az: 'eu-central-1b' });
  });

  it('…and the group is whole again when web-4 has been pending 30 s: 190 s', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(3));
    world.runUntil(100);
    world.apply({ kind: 'fail', az: 'eu-central-1a' });
    world.runUntil(189);
    expect(groupOf(world.report()).serving).toBe(2);
    world.runUntil(190);
    expect(groupOf(world.report())).toMatchObject({ desired: 3, members: 3, serving: 3 });
    expect(members(world.report()).map((v) => v.name)).toEqual(['web-2', 'web-3', 'web-4']);
  });

  it('a crashed member is replaced 60 s after the crash, in the AZ that lost it (a now has no healthy member)', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(3));
    world.runUntil(100);
    world.apply({ kind: 'crash', vm: 'web-1' });
    world.runUntil(160);
    const r = world.report();
    expect(eventsOf(r, 'group-replacing').map((e) => [e.time, e.vm])).toEqual([[160, 'web-1']]);
    expect(r.vms.find((v) => v.name === 'web-4')!.az).toBe('eu-central-1a');
  });

  it('a crash recovered within the detection delay (at 130 s) is not replaced', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(3));
    world.runUntil(100);
    world.apply({ kind: 'crash', vm: 'web-1' });
    world.runUntil(130);
    world.apply({ kind: 'recover', vm: 'web-1' });
    world.runUntil(600);
    const r = world.report();
    expect(eventsOf(r, 'group-replacing')).toEqual([]);
    expect(members(r).map((v) => v.name)).toEqual(['web-1', 'web-2', 'web-3']);
  });
});

describe('retry when capacity is short', () => {
  // 2-core hosts: one 2-vCPU member per AZ. With a down, b and c have no room for a replacement.
  function short() {
    const world = createWorld(threeAzs(2));
    world.apply(web(3));
    world.runUntil(100);
    world.apply({ kind: 'fail', az: 'eu-central-1a' });
    return world;
  }

  it('at 160 s the replacement does not fit: an insufficient-capacity event names the group and the size', () => {
    const world = short();
    world.runUntil(160);
    const [event] = eventsOf(world.report(), 'insufficient-capacity');
    expect(event).toMatchObject({ time: 160, group: 'web', region: 'eu-central-1' });
    expect(event.message).toContain('1 more × 2 vCPU / 4 GiB');
  });

  it('while capacity stays short the group retries once per detection delay: at 160, 220 and 280 s', () => {
    const world = short();
    world.runUntil(299);
    expect(eventsOf(world.report(), 'insufficient-capacity').map((e) => e.time)).toEqual([160, 220, 280]);
  });

  it('AZ a recovers at 300 s: the next retry (by 360 s) places web-4 in a, and the group is back to 3 serving', () => {
    const world = short();
    world.runUntil(300);
    world.apply({ kind: 'recover', az: 'eu-central-1a' });
    world.runUntil(360);
    const launched = world.report().events.find((e) => e.kind === 'launched' && e.vm === 'web-4')!;
    expect(launched.time).toBeGreaterThan(300);
    expect(launched.time).toBeLessThanOrEqual(360);
    expect(launched.az).toBe('eu-central-1a');
    world.runUntil(420);
    expect(groupOf(world.report())).toMatchObject({ desired: 3, members: 3, serving: 3 });
  });
});

describe('scaling', () => {
  it('a scale action sets the desired count: up to 5 adds web-4 and web-5; down to 2 terminates the newest three', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(3, 1));
    world.apply({ kind: 'scale', group: 'web', desired: 5 });
    expect(members(world.report()).map((v) => v.name)).toEqual(['web-1', 'web-2', 'web-3', 'web-4', 'web-5']);
    world.runUntil(30);
    world.apply({ kind: 'scale', group: 'web', desired: 2 });
    const r = world.report();
    expect(members(r).map((v) => v.name)).toEqual(['web-1', 'web-2']);
    expect(r.vms.filter((v) => v.state === 'shutting-down').map((v) => v.name)).toEqual(['web-3', 'web-4', 'web-5']);
  });

  it('from traffic: desired = ceil(rps / 100) within [1, 5], checked every 60 s', () => {
    // Checks at 60, 120, 180, ... Demand: 50 rps from 0, 250 from 90, 120 from 200, 1000 from 290, 0 from 400.
    //  60 s: ceil(50/100)   = 1
    // 120 s: ceil(250/100)  = 3
    // 240 s: ceil(120/100)  = 2  (scale in: the newest, web-3, goes)
    // 300 s: ceil(1000/100) = 10 → capped at max 5
    // 420 s: ceil(0/100)    = 0  → raised to min 1
    const world = createWorld(
      threeAzs(8, {
        until: 600,
        traffic: {
          curve: [
            { at: 0, rps: 50 },
            { at: 90, rps: 250 },
            { at: 200, rps: 120 },
            { at: 290, rps: 1000 },
            { at: 400, rps: 0 },
          ],
        },
      }),
    );
    world.apply(web(1, 1, { scaling: { min: 1, max: 5, targetRpsPerVm: 100, intervalSeconds: 60 } }));
    const desiredAt = (t: number) => {
      world.runUntil(t);
      return groupOf(world.report()).desired;
    };
    expect([61, 121, 241, 301, 421].map(desiredAt)).toEqual([1, 3, 2, 5, 1]);
    const r = world.report();
    expect(members(r).map((v) => v.name)).toEqual(['web-1']);
    expect(r.events.find((e) => e.kind === 'shutting-down')).toMatchObject({ time: 240, vm: 'web-3' });
  });

  it('a scaling group asked for 0 starts at its minimum (1)', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(0, 1, { scaling: { min: 1, max: 3, targetRpsPerVm: 100 } }));
    expect(groupOf(world.report())).toMatchObject({ desired: 1, members: 1 });
  });
});

describe('a group only makes legal lifecycle moves', () => {
  it('scaling in while the newest member is stopping terminates it by legal moves (stopping → shutting-down → terminated)', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(2, 1));
    world.runUntil(100);
    world.apply({ kind: 'stop', vm: 'web-2' });
    world.runUntil(110);
    world.apply({ kind: 'scale', group: 'web', desired: 1 });
    world.runUntil(600);
    expect(illegalSteps(statesOf(world.report(), 'web-2'))).toEqual([]);
    expect(statesOf(world.report(), 'web-2')).toEqual(['pending', 'running', 'stopping', 'shutting-down', 'terminated']);
  });

  it('a member impaired by an AZ outage and stopped by hand is still replaced, by legal moves', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(1, 1));
    world.runUntil(100);
    world.apply({ kind: 'fail', az: 'eu-central-1a' });
    world.runUntil(150);
    world.apply({ kind: 'stop', vm: 'web-1' }); // stopping until 170; the group looks at 160
    world.runUntil(600);
    expect(illegalSteps(statesOf(world.report(), 'web-1'))).toEqual([]);
    expect(groupOf(world.report())).toMatchObject({ members: 1, serving: 1 });
  });
});

describe('a stopped member is unhealthy, as in an auto-scaling group', () => {
  it('stop web-1 at 100 s: stopping until 120, the group looks at 100 + 60 = 160, terminates it (160–170) and launches web-3, running at 160 + 30 = 190', () => {
    const world = createWorld(threeAzs(8));
    world.apply(web(2, 1));
    world.runUntil(100);
    world.apply({ kind: 'stop', vm: 'web-1' });
    world.runUntil(159);
    expect(world.report().vms.find((v) => v.name === 'web-1')!.state).toBe('stopped');
    expect(world.report().vms.some((v) => v.name === 'web-3')).toBe(false);
    world.runUntil(200);
    const r = world.report();
    expect(eventsOf(r, 'group-replacing').map((e) => [e.time, e.vm])).toEqual([[160, 'web-1']]);
    expect(r.vms.find((v) => v.name === 'web-1')!.state).toBe('terminated');
    expect(
      eventsOf(r, 'running')
        .filter((e) => e.vm === 'web-3')
        .map((e) => e.time),
    ).toEqual([190]);
    expect(groupOf(r)).toMatchObject({ desired: 2, members: 2, serving: 2 });
  });
});
