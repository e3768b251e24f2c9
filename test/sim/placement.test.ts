import { describe, expect, it } from 'vitest';
import { parseAction, createWorld, type Report, type ScenarioInput } from '@site/sim';

/** eu-central-1 with the given AZ letters, each with `hostsPerAz` type 1 hosts of 4 cores / 16 GiB (4 vCPU, 15 GiB). */
function region(placement: 'pack' | 'balance', hostsPerAz: Record<string, number>, host = { cores: 4, memoryGiB: 16 }): ScenarioInput {
  return {
    regions: [{ id: 'eu-central-1', azs: Object.entries(hostsPerAz).map(([z, count]) => ({ id: `eu-central-1${z}`, hosts: [{ count, ...host }] })) }],
    policy: { placement },
  };
}

const launch = (name: string, vcpu: number, memoryGiB: number, extra: { count?: number; az?: string } = {}) =>
  parseAction({ kind: 'launch', name, vcpu, memoryGiB, region: 'eu-central-1', ...extra });

/** Where each VM went, shortened to "a-h1". */
const placements = (r: Report) => r.vms.map((v) => v.host?.replace('eu-central-1', '') ?? null);

describe('pack: first fit over hosts in declared order', () => {
  it('4-vCPU hosts a-h1, a-h2, b-h1 and five 2-vCPU VMs: two per host in order, a-h1, a-h1, a-h2, a-h2, b-h1', () => {
    const world = createWorld(region('pack', { a: 2, b: 1 }));
    world.apply(launch('vm', 2, 2, { count: 5 }));
    expect(placements(world.report())).toEqual(['a-h1', 'a-h1', 'a-h2', 'a-h2', 'b-h1']);
  });

  it('one VM at a time gives the same order as one launch of five', () => {
    const world = createWorld(region('pack', { a: 2, b: 1 }));
    for (let i = 0; i < 5; i++) world.apply(launch('vm', 2, 2));
    expect(placements(world.report())).toEqual(['a-h1', 'a-h1', 'a-h2', 'a-h2', 'b-h1']);
  });

  it('after vm-1 is stopped, the next VM goes back to the first host with room (a-h1), not to the end', () => {
    const world = createWorld(region('pack', { a: 2, b: 1 }));
    world.apply(launch('vm', 2, 2, { count: 4 }));
    world.runUntil(30);
    world.apply({ kind: 'stop', vm: 'vm-1' });
    world.runUntil(50);
    world.apply(launch('next', 2, 2));
    expect(world.report().vms.find((v) => v.name === 'next-1')!.host).toBe('eu-central-1a-h1');
  });

  it('a VM too big for the first hosts skips them: a 3-vCPU VM after two 2-vCPU VMs on a-h1 goes to a-h2', () => {
    const world = createWorld(region('pack', { a: 2 }));
    world.apply(launch('small', 2, 2, { count: 1 }));
    world.apply(launch('big', 3, 2));
    world.apply(launch('small', 2, 2));
    // small-1 on a-h1 (2 of 4), big-1 does not fit the 2 left on a-h1 → a-h2 (3 of 4), small-2 fits a-h1.
    expect(placements(world.report())).toEqual(['a-h1', 'a-h2', 'a-h1']);
  });

  it('pinned to b, pack takes b-h1 even though a has room', () => {
    const world = createWorld(region('pack', { a: 2, b: 1 }));
    world.apply(launch('vm', 2, 2, { az: 'eu-central-1b' }));
    expect(placements(world.report())).toEqual(['b-h1']);
  });
});

describe('balance (once called spread): round-robin over the AZs in declared order, then the least-loaded host', () => {
  it('three AZs of two hosts, six VMs: a, b, c, a, b, c, each on the emptier host (a-h1, b-h1, c-h1, then the h2s)', () => {
    const world = createWorld(region('balance', { a: 2, b: 2, c: 2 }));
    world.apply(launch('vm', 1, 1, { count: 6 }));
    expect(placements(world.report())).toEqual(['a-h1', 'b-h1', 'c-h1', 'a-h2', 'b-h2', 'c-h2']);
  });

  it('the round-robin carries on from one launch to the next: four single launches go to a, b, c, a', () => {
    const world = createWorld(region('balance', { a: 1, b: 1, c: 1 }));
    for (let i = 0; i < 4; i++) world.apply(launch('vm', 1, 1));
    expect(placements(world.report())).toEqual(['a-h1', 'b-h1', 'c-h1', 'a-h1']);
  });

  it('a failed AZ is skipped: with b down, three VMs go to a, c, a', () => {
    const world = createWorld(region('balance', { a: 1, b: 1, c: 1 }));
    world.apply({ kind: 'fail', az: 'eu-central-1b' });
    world.apply(launch('vm', 1, 1, { count: 3 }));
    expect(placements(world.report())).toEqual(['a-h1', 'c-h1', 'a-h1']);
  });

  it('an AZ with no room is skipped: a holds one 4-vCPU VM, so the second goes to b and the third to c', () => {
    const world = createWorld(region('balance', { a: 1, b: 1, c: 1 }));
    world.apply(launch('vm', 4, 1, { az: 'eu-central-1a' }));
    world.apply(launch('more', 4, 1, { count: 2 }));
    // The pinned launch does not move the cursor: it still points at a, which is full → b, then c.
    expect(placements(world.report())).toEqual(['a-h1', 'b-h1', 'c-h1']);
  });

  it('least loaded counts memory too: a-h1 holds 16 of 32 GiB (load 0.5), a-h2 2 of 8 vCPUs (load 0.25), so the next VM goes to a-h2', () => {
    // Type 1 hosts of 8 cores / 33 GiB: 8 vCPUs and 32 GiB each.
    const world = createWorld(region('balance', { a: 2 }, { cores: 8, memoryGiB: 33 }));
    world.apply(launch('mem', 1, 16)); // tie at 0 → a-h1 (declared first)
    world.apply(launch('cpu', 2, 1)); // a-h1 at 0.5 → a-h2
    world.apply(launch('next', 1, 1)); // by CPU alone a-h1 (1/8) would look emptier than a-h2 (2/8)
    expect(placements(world.report())).toEqual(['a-h1', 'a-h2', 'a-h2']);
  });

  it('pinned to c, balance places in c and leaves the round-robin where it was: the next unpinned VM goes to a', () => {
    const world = createWorld(region('balance', { a: 1, b: 1, c: 1 }));
    world.apply(launch('pinned', 1, 1, { az: 'eu-central-1c' }));
    world.apply(launch('free', 1, 1));
    expect(placements(world.report())).toEqual(['c-h1', 'a-h1']);
  });

  it('pinned to an AZ the region does not have: refused, naming it', () => {
    const world = createWorld(region('balance', { a: 1 }));
    expect(world.apply(launch('vm', 1, 1, { az: 'eu-central-1c' }))).toEqual({ ok: false, reason: 'no AZ eu-central-1c in eu-central-1' });
  });
});

describe('all-or-nothing launches', () => {
  // One 8-core / 32 GiB type 1 host: 8 vCPUs, 31 GiB. A 2 vCPU / 4 GiB VM: room for 8 / 2 = 4 (memory would allow 7).
  const oneHost = () =>
    createWorld({ regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 8, memoryGiB: 32 }] }] }], policy: { placement: 'balance' } });

  it('five VMs where four fit: refused with an "insufficient capacity" event naming the size asked, and nothing half-placed', () => {
    const world = oneHost();
    const outcome = world.apply(launch('web', 2, 4, { count: 5 }));
    expect(outcome.ok).toBe(false);
    const r = world.report();
    const event = r.events.find((e) => e.kind === 'insufficient-capacity')!;
    expect(event.message).toContain('5 × 2 vCPU / 4 GiB');
    expect(event.message).toContain('room for 4');
    expect(event.region).toBe('eu-central-1');
    expect(r.vms).toEqual([]);
    expect(r.hosts[0]).toMatchObject({ allocatedVcpu: 0, allocatedMemoryGiB: 0, vms: [] });
    expect(r.events.some((e) => e.kind === 'launched')).toBe(false);
    // The insufficient-capacity event carries the refusal; it is not repeated as a `refused` event.
    expect(event.message).toBe(outcome.ok ? '' : outcome.reason);
    expect(r.events.some((e) => e.kind === 'refused')).toBe(false);
  });

  it('a refused launch uses up no names: four web VMs launched afterwards are web-1 to web-4', () => {
    const world = oneHost();
    world.apply(launch('web', 2, 4, { count: 5 }));
    expect(world.apply(launch('web', 2, 4, { count: 4 })).ok).toBe(true);
    expect(world.report().vms.map((v) => v.name)).toEqual(['web-1', 'web-2', 'web-3', 'web-4']);
  });

  it('a refused balance launch leaves the round-robin where it was: a, (refused), then b', () => {
    const world = createWorld(region('balance', { a: 1, b: 1, c: 1 }));
    world.apply(launch('one', 1, 1));
    expect(world.apply(launch('many', 1, 1, { count: 100 })).ok).toBe(false);
    world.apply(launch('two', 1, 1));
    expect(placements(world.report())).toEqual(['a-h1', 'b-h1']);
  });

  it('a pinned launch that does not fit names the AZ it asked for', () => {
    const world = createWorld(region('pack', { a: 1, b: 1 }));
    const outcome = world.apply(launch('vm', 4, 1, { az: 'eu-central-1b', count: 2 }));
    expect(outcome.ok ? '' : outcome.reason).toMatch(/2 × 4 vCPU \/ 1 GiB.*eu-central-1b.*room for 1/);
    expect(world.report().vms).toEqual([]);
  });
});

describe('groups place their members across their AZs', () => {
  it('a group of 4 over a and b (not c) goes a, b, a, b: the emptiest AZ first, ties to the declared order', () => {
    const world = createWorld(region('balance', { a: 2, b: 2, c: 2 }));
    world.apply({ kind: 'group', name: 'web', desired: 4, vcpu: 1, memoryGiB: 1, region: 'eu-central-1', azs: ['eu-central-1a', 'eu-central-1b'] });
    expect(world.report().vms.map((v) => v.az)).toEqual(['eu-central-1a', 'eu-central-1b', 'eu-central-1a', 'eu-central-1b']);
  });
});
