import { describe, expect, it } from 'vitest';
import { parseAction, createWorld, type Report, type ScenarioInput, type VmState } from '@site/sim';

// Default timings: pending 30 s, stopping 20 s, shutting-down 10 s, reboot 60 s.
const scenario = (extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  regions: [
    {
      id: 'eu-central-1',
      azs: [
        { id: 'eu-central-1a', hosts: [{ count: 2, cores: 4, memoryGiB: 17 }] },
        { id: 'eu-central-1b', hosts: [{ cores: 4, memoryGiB: 17 }] },
      ],
    },
  ],
  policy: { placement: 'pack' },
  ...extra,
});

const launchWeb = (extra: { count?: number; vcpu?: number; az?: string } = {}) =>
  parseAction({ kind: 'launch', name: 'web', vcpu: 2, memoryGiB: 4, region: 'eu-central-1', ...extra });

const vmOf = (r: Report, name: string) => r.vms.find((v) => v.name === name)!;
const withoutEvents = (r: Report) => ({ ...r, events: [] });

type Verb = 'start' | 'stop' | 'reboot' | 'terminate' | 'crash';

/** The lifecycle of an EC2 instance: where each action is legal and where it leads (EC2 lets a stopping instance be terminated). */
const legalFrom: Record<Verb, VmState[]> = {
  start: ['stopped'],
  stop: ['running'],
  reboot: ['running'],
  terminate: ['pending', 'running', 'stopping', 'stopped'],
  crash: ['running'],
};
const leadsTo: Record<Verb, VmState> = { start: 'pending', stop: 'stopping', reboot: 'running', terminate: 'shutting-down', crash: 'running' };
const pastTense: Record<Verb, string> = { start: 'started', stop: 'stopped', reboot: 'rebooted', terminate: 'terminated', crash: 'crashed' };

const states: VmState[] = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'];

/** A world whose VM web-1 is in `state`, reached through the lifecycle itself. */
function worldWith(state: VmState) {
  const world = createWorld(scenario());
  world.apply(launchWeb());
  if (state === 'pending') return world;
  world.runUntil(30);
  if (state === 'running') return world;
  if (state === 'stopping' || state === 'stopped') {
    world.apply({ kind: 'stop', vm: 'web-1' });
    if (state === 'stopped') world.runUntil(50);
    return world;
  }
  world.apply({ kind: 'terminate', vm: 'web-1' });
  if (state === 'terminated') world.runUntil(40);
  return world;
}

describe('the VM lifecycle: every action in every state', () => {
  it.each(states)('a VM can be brought into the %s state', (state) => {
    expect(vmOf(worldWith(state).report(), 'web-1').state).toBe(state);
  });

  const cases = states.flatMap((state) => (Object.keys(legalFrom) as Verb[]).map((verb) => [verb, state] as const));

  it.each(cases.filter(([verb, state]) => legalFrom[verb].includes(state)))('%s is legal from %s and leads where the table says', (verb, state) => {
    const world = worldWith(state);
    const outcome = world.apply({ kind: verb, vm: 'web-1' });
    expect(outcome.ok).toBe(true);
    expect(vmOf(world.report(), 'web-1').state).toBe(leadsTo[verb]);
  });

  it.each(cases.filter(([verb, state]) => !legalFrom[verb].includes(state)))('%s is refused from %s, says why, and changes nothing', (verb, state) => {
    const world = worldWith(state);
    const before = world.report();
    const outcome = world.apply({ kind: verb, vm: 'web-1' });
    expect(outcome.ok).toBe(false);
    const reason = outcome.ok ? '' : outcome.reason;
    expect(reason).toContain('web-1');
    if (state === 'terminated') {
      expect(reason).toBe(`web-1 is terminated: a terminated instance cannot be ${pastTense[verb]}`);
    } else {
      // Names the action, the state it met, and the states it needs.
      expect(reason).toContain(verb);
      expect(reason).toContain(`while it is ${state}`);
      for (const from of legalFrom[verb]) expect(reason).toContain(from);
    }
    const after = world.report();
    expect(withoutEvents(after)).toEqual(withoutEvents(before));
    expect(after.events.slice(0, before.events.length)).toEqual(before.events);
    expect(after.events.slice(before.events.length)).toEqual([{ time: before.time, kind: 'refused', vm: 'web-1', message: reason }]);
  });

  it('starting a terminated VM is refused with a reason and changes nothing, even later on', () => {
    const world = worldWith('terminated');
    const before = world.report();
    const outcome = world.apply({ kind: 'start', vm: 'web-1' });
    expect(outcome).toEqual({ ok: false, reason: 'web-1 is terminated: a terminated instance cannot be started' });
    world.runUntil(600);
    const after = world.report();
    expect(vmOf(after, 'web-1')).toEqual(vmOf(before, 'web-1'));
    expect(after.hosts.map((h) => h.allocatedVcpu)).toEqual([0, 0, 0]);
    expect(after.events.filter((e) => e.vm === 'web-1' && e.kind === 'launched')).toHaveLength(1);
  });

  it('crashing a VM that has already crashed is refused', () => {
    const world = worldWith('running');
    world.apply({ kind: 'crash', vm: 'web-1' });
    const outcome = world.apply({ kind: 'crash', vm: 'web-1' });
    expect(outcome).toEqual({ ok: false, reason: 'web-1 has already crashed' });
  });

  it('an action on a VM that does not exist is refused and names it', () => {
    const world = worldWith('running');
    expect(world.apply({ kind: 'stop', vm: 'web-9' })).toEqual({ ok: false, reason: 'no VM named web-9' });
  });

  it('the report lists the legal actions of each state (the buttons a widget enables)', () => {
    const legal = (state: VmState) => vmOf(worldWith(state).report(), 'web-1').legalActions;
    expect(states.map((s) => [s, legal(s)])).toEqual([
      ['pending', ['terminate']],
      ['running', ['stop', 'reboot', 'terminate', 'crash']],
      ['stopping', ['terminate']],
      ['stopped', ['start', 'terminate']],
      ['shutting-down', []],
      ['terminated', []],
    ]);
  });
});

describe('lifecycle timings (defaults: pending 30 s, stopping 20 s, shutting-down 10 s, reboot 60 s)', () => {
  it('pending becomes running 30 s after the launch, not before', () => {
    const world = createWorld(scenario());
    world.apply(launchWeb());
    world.runUntil(29.9);
    expect(vmOf(world.report(), 'web-1').state).toBe('pending');
    world.runUntil(30);
    expect(vmOf(world.report(), 'web-1')).toMatchObject({ state: 'running', serving: true, reason: null });
  });

  it('stop at 30 s: stopping until 50 s, then stopped', () => {
    const world = worldWith('running');
    world.apply({ kind: 'stop', vm: 'web-1' });
    world.runUntil(49.9);
    expect(vmOf(world.report(), 'web-1').state).toBe('stopping');
    world.runUntil(50);
    expect(vmOf(world.report(), 'web-1').state).toBe('stopped');
  });

  it('terminate at 30 s: shutting-down until 40 s, then terminated', () => {
    const world = worldWith('running');
    world.apply({ kind: 'terminate', vm: 'web-1' });
    world.runUntil(39.9);
    expect(vmOf(world.report(), 'web-1').state).toBe('shutting-down');
    world.runUntil(40);
    expect(vmOf(world.report(), 'web-1').state).toBe('terminated');
  });

  it('a reboot at 30 s: running but not serving (rebooting) until 90 s, on the same host', () => {
    const world = worldWith('running');
    world.apply({ kind: 'reboot', vm: 'web-1' });
    world.runUntil(89.9);
    expect(vmOf(world.report(), 'web-1')).toMatchObject({ state: 'running', serving: false, reason: 'rebooting', host: 'eu-central-1a-h1' });
    world.runUntil(90);
    expect(vmOf(world.report(), 'web-1')).toMatchObject({ state: 'running', serving: true, host: 'eu-central-1a-h1' });
  });

  it('a crashed VM serves again after a reboot (60 s), which clears the crash', () => {
    const world = worldWith('running');
    world.apply({ kind: 'crash', vm: 'web-1' });
    expect(vmOf(world.report(), 'web-1').reason).toBe('crashed');
    world.apply({ kind: 'reboot', vm: 'web-1' });
    world.runUntil(90);
    expect(vmOf(world.report(), 'web-1')).toMatchObject({ serving: true, reason: null });
  });

  it('a stop during a reboot wins: no "rebooted" event, stopped 20 s later', () => {
    const world = worldWith('running');
    world.apply({ kind: 'reboot', vm: 'web-1' });
    world.runUntil(40);
    world.apply({ kind: 'stop', vm: 'web-1' });
    world.runUntil(200);
    const r = world.report({ events: true });
    expect(vmOf(r, 'web-1').state).toBe('stopped');
    expect(r.events.filter((e) => e.vm === 'web-1').map((e) => [e.time, e.kind])).toEqual([
      [0, 'launched'],
      [30, 'running'],
      [30, 'rebooting'],
      [40, 'stopping'],
      [60, 'stopped'],
    ]);
  });

  it('with jitter 0.2 a 30 s pending lasts between 24 and 36 s, and the same seed gives the same duration', () => {
    const runningAt = (seed: number) => {
      const world = createWorld(scenario({ seed, timings: { jitter: 0.2 } }));
      world.apply(launchWeb());
      world.runUntil(100);
      return world.report().events.find((e) => e.kind === 'running')!.time;
    };
    const times = [1, 2, 3, 4, 5].map(runningAt);
    for (const t of times) expect(t >= 24 && t <= 36).toBe(true);
    expect(runningAt(3)).toBe(times[2]);
  });
});

describe('stop, start and reboot: where the VM lives', () => {
  it('a stopped VM gives its host back: no host, its AZ kept, nothing allocated', () => {
    const r = worldWith('stopped').report();
    expect(vmOf(r, 'web-1')).toMatchObject({ host: null, az: 'eu-central-1a' });
    expect(r.hosts.map((h) => h.allocatedVcpu)).toEqual([0, 0, 0]);
  });

  it('a later start may land on another host: web-1 left a-h1, another VM took it, so web-1 restarts on a-h2', () => {
    const world = worldWith('stopped');
    world.apply({ kind: 'launch', name: 'big', vcpu: 4, memoryGiB: 4, region: 'eu-central-1' });
    expect(world.apply({ kind: 'start', vm: 'web-1' }).ok).toBe(true);
    const r = world.report();
    expect(vmOf(r, 'big-1').host).toBe('eu-central-1a-h1');
    expect(vmOf(r, 'web-1')).toMatchObject({ state: 'pending', host: 'eu-central-1a-h2' });
  });

  it('a stopped VM restarts in its own AZ: with a full, start is refused for capacity even though b has room, and it stays stopped', () => {
    const world = worldWith('stopped');
    world.apply({ kind: 'launch', name: 'fill', count: 2, vcpu: 4, memoryGiB: 4, region: 'eu-central-1', az: 'eu-central-1a' });
    const outcome = world.apply({ kind: 'start', vm: 'web-1' });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toMatch(/insufficient capacity.*eu-central-1a/);
    const r = world.report();
    expect(vmOf(r, 'web-1')).toMatchObject({ state: 'stopped', host: null });
    expect(r.events.at(-1)).toMatchObject({ kind: 'insufficient-capacity', vm: 'web-1' });
  });

  it('a stop clears a crash: the VM started again serves', () => {
    const world = worldWith('running');
    world.apply({ kind: 'crash', vm: 'web-1' });
    world.apply({ kind: 'stop', vm: 'web-1' });
    world.runUntil(50);
    world.apply({ kind: 'start', vm: 'web-1' });
    world.runUntil(80);
    expect(vmOf(world.report(), 'web-1')).toMatchObject({ state: 'running', serving: true });
  });

  it('VMs are named after their launch, numbered on: web × 2 gives web-1, web-2; another web launch gives web-3', () => {
    const world = createWorld(scenario());
    world.apply(launchWeb({ count: 2 }));
    world.apply(launchWeb());
    expect(world.report().vms.map((v) => v.name)).toEqual(['web-1', 'web-2', 'web-3']);
  });
});

describe('an action timed at the second a transition completes', () => {
  it('sees the completed state: stop at 100 s settles at 100 + 20 = 120 s, and a start timed at 120 s is accepted', async () => {
    const { runScenario } = await import('@site/sim');
    const r = runScenario({
      until: 300,
      regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 4, memoryGiB: 16 }] }] }],
      actions: [
        { at: 0, launch: { name: 'web', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } },
        { at: 100, stop: { vm: 'web-1' } },
        { at: 120, start: { vm: 'web-1' } },
      ],
    });
    expect(r.events.some((e) => e.kind === 'refused')).toBe(false);
    expect(r.events.filter((e) => e.vm === 'web-1').map((e) => [e.time, e.kind])).toEqual([
      [0, 'launched'],
      [30, 'running'],
      [100, 'stopping'],
      [120, 'stopped'],
      [120, 'launched'],
      [150, 'running'],
    ]);
  });
});

describe('a start after a stop', () => {
  // eu-central-1a has two hosts of 4 cores; web-1 (2 vCPU) packs onto the first.
  const stoppedOnFirstHost = () => {
    const world = createWorld(scenario());
    expect(world.apply(launchWeb({ az: 'eu-central-1a' })).ok).toBe(true);
    world.runUntil(60);
    const first = world.vm('web-1')!.host;
    expect(world.apply(parseAction({ kind: 'stop', vm: 'web-1' })).ok).toBe(true);
    world.runUntil(120);
    return { world, first };
  };

  it('lands on another host when one has room, as a cloud usually moves a restarted instance', () => {
    const { world, first } = stoppedOnFirstHost();
    expect(world.apply(parseAction({ kind: 'start', vm: 'web-1' })).ok).toBe(true);
    expect(world.vm('web-1')!.host).not.toBe(first);
    expect(world.vm('web-1')!.az).toBe('eu-central-1a');
  });

  it('comes back to its old host when that is the only one with room', () => {
    const world = createWorld(scenario({ regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 4, memoryGiB: 17 }] }] }] }));
    expect(world.apply(launchWeb()).ok).toBe(true);
    world.runUntil(60);
    const first = world.vm('web-1')!.host;
    world.apply(parseAction({ kind: 'stop', vm: 'web-1' }));
    world.runUntil(120);
    expect(world.apply(parseAction({ kind: 'start', vm: 'web-1' })).ok).toBe(true);
    expect(world.vm('web-1')!.host).toBe(first);
  });
});
