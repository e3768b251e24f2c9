import { describe, expect, it } from 'vitest';
import { createWorld, type ActionInput, type Report } from '@site/sim';

/**
 * Pack placement on 4-vCPU hosts. x-1 and x-2 share eu-central-1a-h1, x-3 is on eu-central-1a-h2,
 * y-1 on eu-central-1b-h1, z-1 in another region (eu-west-1a-h1). All running at 30 s.
 */
function world() {
  const w = createWorld({
    regions: [
      {
        id: 'eu-central-1',
        azs: [
          { id: 'eu-central-1a', hosts: [{ count: 2, cores: 4, memoryGiB: 16 }] },
          { id: 'eu-central-1b', hosts: [{ cores: 4, memoryGiB: 16 }] },
        ],
      },
      { id: 'eu-west-1', azs: [{ id: 'eu-west-1a', hosts: [{ cores: 4, memoryGiB: 16 }] }] },
    ],
    policy: { placement: 'pack' },
  });
  w.apply({ kind: 'launch', name: 'x', count: 3, vcpu: 2, memoryGiB: 2, region: 'eu-central-1', az: 'eu-central-1a' });
  w.apply({ kind: 'launch', name: 'y', vcpu: 2, memoryGiB: 2, region: 'eu-central-1', az: 'eu-central-1b' });
  w.apply({ kind: 'launch', name: 'z', vcpu: 2, memoryGiB: 2, region: 'eu-west-1' });
  w.runUntil(30);
  return w;
}

const serving = (r: Report) => r.vms.filter((v) => v.serving).map((v) => v.name);
const reasons = (r: Report) => Object.fromEntries(r.vms.map((v) => [v.name, v.reason]));
const withoutEvents = (r: Report) => ({ ...r, events: [] });
const lastEvent = (r: Report) => r.events.at(-1)!;

describe('the starting point', () => {
  it('x-1 and x-2 share a-h1, x-3 is on a-h2, y-1 on b-h1, z-1 in eu-west-1; all five serve', () => {
    const r = world().report();
    expect(r.vms.map((v) => [v.name, v.host])).toEqual([
      ['x-1', 'eu-central-1a-h1'],
      ['x-2', 'eu-central-1a-h1'],
      ['x-3', 'eu-central-1a-h2'],
      ['y-1', 'eu-central-1b-h1'],
      ['z-1', 'eu-west-1a-h1'],
    ]);
    expect(serving(r)).toEqual(['x-1', 'x-2', 'x-3', 'y-1', 'z-1']);
  });
});

describe('a fault reaches exactly what sits under it', () => {
  it('a VM crash touches only that VM: x-2 on the same host keeps serving', () => {
    const w = world();
    expect(w.apply({ kind: 'crash', vm: 'x-1' }).ok).toBe(true);
    const r = w.report();
    expect(serving(r)).toEqual(['x-2', 'x-3', 'y-1', 'z-1']);
    expect(reasons(r)['x-1']).toBe('crashed');
    expect(r.vms[0].state).toBe('running');
    expect(lastEvent(r)).toMatchObject({ kind: 'vm-crashed', vm: 'x-1', host: 'eu-central-1a-h1' });
  });

  it('a host failure stops the two VMs on it (x-1, x-2) and nothing else', () => {
    const w = world();
    w.apply({ kind: 'fail', host: 'eu-central-1a-h1' });
    const r = w.report();
    expect(serving(r)).toEqual(['x-3', 'y-1', 'z-1']);
    expect([reasons(r)['x-1'], reasons(r)['x-2']]).toEqual(['host-failed', 'host-failed']);
    expect(lastEvent(r)).toMatchObject({ kind: 'host-failed', host: 'eu-central-1a-h1' });
    expect(lastEvent(r).message).toContain('2 VM(s)');
  });

  it('an AZ outage stops the three VMs of eu-central-1a; y-1 in b and z-1 in another region serve', () => {
    const w = world();
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    const r = w.report();
    expect(serving(r)).toEqual(['y-1', 'z-1']);
    expect(r.vms.slice(0, 3).map((v) => v.reason)).toEqual(['az-down', 'az-down', 'az-down']);
    expect(lastEvent(r)).toMatchObject({ kind: 'az-failed', az: 'eu-central-1a' });
    expect(lastEvent(r).message).toContain('3 VM(s)');
  });

  it('a region outage stops the four VMs of eu-central-1; z-1 in eu-west-1 serves', () => {
    const w = world();
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    const r = w.report();
    expect(serving(r)).toEqual(['z-1']);
    expect(r.vms.slice(0, 4).map((v) => v.reason)).toEqual(['region-down', 'region-down', 'region-down', 'region-down']);
    expect(lastEvent(r)).toMatchObject({ kind: 'region-failed', region: 'eu-central-1' });
    expect(lastEvent(r).message).toContain('4 VM(s)');
  });

  it('a fault changes no lifecycle state and no placement: the VMs stay running on their hosts, still allocated', () => {
    const w = world();
    const before = w.report();
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    const after = w.report();
    expect(after.vms.map((v) => [v.state, v.host])).toEqual(before.vms.map((v) => [v.state, v.host]));
    expect(after.hosts.map((h) => h.allocatedVcpu)).toEqual(before.hosts.map((h) => h.allocatedVcpu));
  });
});

describe('recovery', () => {
  it('recovering a crashed VM makes it serve again', () => {
    const w = world();
    w.apply({ kind: 'crash', vm: 'x-1' });
    expect(w.apply({ kind: 'recover', vm: 'x-1' }).ok).toBe(true);
    expect(serving(w.report())).toEqual(['x-1', 'x-2', 'x-3', 'y-1', 'z-1']);
    expect(lastEvent(w.report())).toMatchObject({ kind: 'vm-recovered', vm: 'x-1' });
  });

  it.each([
    ['host', { host: 'eu-central-1a-h1' }],
    ['az', { az: 'eu-central-1a' }],
    ['region', { region: 'eu-central-1' }],
  ] as const)('recovering a failed %s brings every VM under it back', (level, target) => {
    const w = world();
    w.apply({ kind: 'fail', ...target });
    expect(w.apply({ kind: 'recover', ...target }).ok).toBe(true);
    expect(serving(w.report())).toEqual(['x-1', 'x-2', 'x-3', 'y-1', 'z-1']);
    expect(lastEvent(w.report()).kind).toBe(`${level}-recovered`);
  });

  it('faults nest: with host a-h1 and AZ a down, recovering the AZ brings back x-3 only; recovering the host brings back x-1, x-2', () => {
    const w = world();
    w.apply({ kind: 'fail', host: 'eu-central-1a-h1' });
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.apply({ kind: 'recover', az: 'eu-central-1a' });
    expect(serving(w.report())).toEqual(['x-3', 'y-1', 'z-1']);
    w.apply({ kind: 'recover', host: 'eu-central-1a-h1' });
    expect(serving(w.report())).toEqual(['x-1', 'x-2', 'x-3', 'y-1', 'z-1']);
  });

  it('the reason given is the widest fault: region, then AZ, then host, then crash, peeled off one by one', () => {
    const w = world();
    w.apply({ kind: 'crash', vm: 'x-1' });
    w.apply({ kind: 'fail', host: 'eu-central-1a-h1' });
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    const seen = [reasons(w.report())['x-1']];
    for (const target of [{ region: 'eu-central-1' }, { az: 'eu-central-1a' }, { host: 'eu-central-1a-h1' }, { vm: 'x-1' }]) {
      w.apply({ kind: 'recover', ...target });
      seen.push(reasons(w.report())['x-1']);
    }
    expect(seen).toEqual(['region-down', 'az-down', 'host-failed', 'crashed', null]);
  });
});

describe('refused faults change nothing and say why', () => {
  it.each([
    ['failing a host twice', [{ kind: 'fail', host: 'eu-central-1a-h1' }], { kind: 'fail', host: 'eu-central-1a-h1' }, 'eu-central-1a-h1 has already failed'],
    ['recovering an AZ that is up', [], { kind: 'recover', az: 'eu-central-1b' }, 'eu-central-1b has not failed'],
    ['recovering a VM that has not crashed', [], { kind: 'recover', vm: 'x-1' }, 'x-1 has not crashed'],
    ['crashing a VM twice', [{ kind: 'crash', vm: 'x-1' }], { kind: 'crash', vm: 'x-1' }, 'x-1 has already crashed'],
    ['failing a host that does not exist', [], { kind: 'fail', host: 'eu-central-1a-h9' }, 'no host named eu-central-1a-h9'],
    ['failing an AZ that does not exist', [], { kind: 'fail', az: 'eu-central-1c' }, 'no AZ named eu-central-1c'],
    ['crashing a VM that does not exist', [], { kind: 'crash', vm: 'q-1' }, 'no VM named q-1'],
  ] as [string, ActionInput[], ActionInput, string][])('%s', (_, setup, action, reason) => {
    const w = world();
    for (const a of setup) w.apply(a);
    const before = w.report();
    expect(w.apply(action)).toEqual({ ok: false, reason });
    const after = w.report();
    expect(withoutEvents(after)).toEqual(withoutEvents(before));
    expect(after.events.slice(before.events.length).map((e) => [e.kind, e.message])).toEqual([['refused', reason]]);
  });

  it('a pending VM cannot crash: only a running guest can', () => {
    const w = world();
    w.apply({ kind: 'launch', name: 'p', vcpu: 1, memoryGiB: 1, region: 'eu-central-1', az: 'eu-central-1b' });
    const outcome = w.apply({ kind: 'crash', vm: 'p-1' });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : outcome.reason).toContain('while it is pending');
  });
});

describe('placing around faults', () => {
  it('with a-h1 failed, a VM pinned to a goes to a-h2 (2 of 4 vCPUs used, room for 2)', () => {
    const w = world();
    w.apply({ kind: 'fail', host: 'eu-central-1a-h1' });
    w.apply({ kind: 'launch', name: 'n', vcpu: 2, memoryGiB: 1, region: 'eu-central-1', az: 'eu-central-1a' });
    expect(w.report().vms.find((v) => v.name === 'n-1')!.host).toBe('eu-central-1a-h2');
  });

  it('with AZ a down, an unpinned pack launch skips it and takes b-h1', () => {
    const w = world();
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.apply({ kind: 'launch', name: 'n', vcpu: 2, memoryGiB: 1, region: 'eu-central-1' });
    expect(w.report().vms.find((v) => v.name === 'n-1')!.host).toBe('eu-central-1b-h1');
  });

  it('with the region down, a launch into it is refused, and the reason is the outage, not capacity', () => {
    const w = world();
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    const outcome = w.apply({ kind: 'launch', name: 'n', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' });
    expect(outcome).toEqual({ ok: false, reason: 'cannot launch in eu-central-1: region eu-central-1 is down; nothing was launched' });
  });

  it('with AZ b down, a launch pinned to b is refused because b is down', () => {
    const w = world();
    w.apply({ kind: 'fail', az: 'eu-central-1b' });
    const outcome = w.apply({ kind: 'launch', name: 'n', vcpu: 1, memoryGiB: 1, region: 'eu-central-1', az: 'eu-central-1b' });
    expect(outcome.ok ? '' : outcome.reason).toContain('AZ eu-central-1b is down');
  });

  it('a stopped VM whose AZ is down cannot start, and is told why', () => {
    const w = world();
    w.apply({ kind: 'stop', vm: 'y-1' });
    w.runUntil(50);
    w.apply({ kind: 'fail', az: 'eu-central-1b' });
    expect(w.apply({ kind: 'start', vm: 'y-1' })).toEqual({
      ok: false,
      reason: 'cannot start y-1 in eu-central-1b: AZ eu-central-1b is down; it stays stopped',
    });
  });

  it('a stopped VM sits on no host, so a host failure does not reach it; started during the failure it lands on a healthy host', () => {
    const w = world();
    w.apply({ kind: 'stop', vm: 'x-3' });
    w.runUntil(50);
    w.apply({ kind: 'fail', host: 'eu-central-1a-h2' });
    const event = lastEvent(w.report());
    expect(event.message).toContain('0 VM(s)');
    // a-h1 is full (x-1, x-2), a-h2 failed: nowhere in x-3's AZ.
    expect(w.apply({ kind: 'start', vm: 'x-3' }).ok).toBe(false);
    w.apply({ kind: 'terminate', vm: 'x-2' });
    w.runUntil(60);
    expect(w.apply({ kind: 'start', vm: 'x-3' }).ok).toBe(true);
    expect(w.report().vms.find((v) => v.name === 'x-3')!.host).toBe('eu-central-1a-h1');
  });
});
