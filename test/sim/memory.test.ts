/**
 * Memory pressure, worked by hand. A running guest holds the memory it was promised; its working
 * set (workingSet × memory) is what it really uses. Past what the host has left for guests
 * (memory − reserve − per-VM overhead), balloons take back idle memory (promised − working set),
 * the host swaps what still does not fit, and when that passes its swap the out-of-memory killer
 * stops the guest with the largest working set (ties: the one that started running last).
 */
import { describe, expect, it } from 'vitest';
import { createWorld, runScenario, ScenarioError, parseScenario, type ScenarioInput } from '@site/sim';

type HostInput = { cores?: number; memoryGiB: number; swapGiB?: number; hypervisor?: 'type1' | 'type2' };

function oneHost(host: HostInput, actions: ScenarioInput['actions'], memoryOvercommit = 4, until = 120): ScenarioInput {
  return {
    seed: 7,
    until,
    regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 64, ...host }] }] }],
    policy: { placement: 'pack', cpuOvercommit: 4, memoryOvercommit },
    actions,
  };
}

const launch = (count: number, memoryGiB: number, workingSet?: number, at = 0) => ({
  at,
  launch: { name: 'vm', count, vcpu: 1, memoryGiB, region: 'eu-central-1', ...(workingSet === undefined ? {} : { workingSet }) },
});

describe('hand-worked: 3 VMs of 16 GiB, each with an 8 GiB working set, on a 16 GiB type 1 host', () => {
  // Left for guests: 16 − 1 (type 1 reserve) = 15 GiB. Promised 3 × 16 = 48: 33 GiB too many.
  // Balloons can take the idle 3 × 8 = 24 GiB; 9 GiB of working set is left over for swap.
  it('with 10 GiB of swap: nothing is killed, 24 GiB ballooned, 9 GiB swapped = 9 / 24 = 37.5% of every working set', () => {
    const r = runScenario(oneHost({ memoryGiB: 16, swapGiB: 10 }, [launch(3, 16, 0.5)]));
    expect(r.hosts[0].memory).toEqual({
      pressure: 'swapping',
      promisedGiB: 48,
      workingSetGiB: 24,
      availableGiB: 15,
      balloonGiB: 24,
      swappedGiB: 9,
      swapGiB: 10,
      swappedPercent: 37.5,
    });
    for (const vm of r.vms) expect(vm).toMatchObject({ state: 'running', workingSet: 0.5, balloonGiB: 8, swappedGiB: 3, swappedPercent: 37.5 });
    expect(r.events.filter((e) => e.kind === 'oom-killed')).toEqual([]);
  });

  it('with the default 4 GiB of swap: 9 > 4, so the killer stops vm-3 (equal working sets: the last to start); then 32 − 15 = 17 to reclaim, 16 ballooned, 1 swapped = 1/16 = 6.25%', () => {
    const r = runScenario(oneHost({ memoryGiB: 16 }, [launch(3, 16)]));
    const killed = r.events.filter((e) => e.kind === 'oom-killed');
    expect(killed.map((e) => [e.time, e.vm, e.host])).toEqual([[30, 'vm-3', 'eu-central-1a-h1']]);
    expect(killed[0].message).toContain('out-of-memory killer');
    expect(killed[0].message).toContain('the host has 4 GiB');
    expect(r.vms.map((vm) => vm.state)).toEqual(['running', 'running', 'stopped']);
    expect(r.hosts[0].memory).toMatchObject({ pressure: 'swapping', promisedGiB: 32, workingSetGiB: 16, balloonGiB: 16, swappedGiB: 1, swappedPercent: 6.3 });
    expect(r.vms[0]).toMatchObject({ balloonGiB: 8, swappedGiB: 0.5, swappedPercent: 6.3 });
    expect(r.vms[2]).toMatchObject({ balloonGiB: 0, swappedGiB: 0, swappedPercent: 0 });
  });

  it('the trace says what happened in order: ballooning when vm-1 runs, swapping when vm-2 does, the kill when vm-3 does', () => {
    const r = runScenario(oneHost({ memoryGiB: 16 }, [launch(3, 16)]));
    const memory = r.events.filter((e) => ['memory-pressure', 'oom-killed', 'running', 'stopping'].includes(e.kind)).map((e) => `${e.kind} ${e.vm ?? e.host}`);
    expect(memory).toEqual([
      'running vm-1',
      'memory-pressure eu-central-1a-h1', // 16 promised > 15: balloon 1 GiB of vm-1's idle 8
      'running vm-2',
      'memory-pressure eu-central-1a-h1', // working sets 16 > 15: 1 GiB swapped
      'running vm-3',
      'oom-killed vm-3',
      'stopping vm-3',
    ]);
    const pressure = r.events.filter((e) => e.kind === 'memory-pressure');
    expect(pressure[0].message).toContain('balloon drivers reclaim 1 GiB');
    expect(pressure[1].message).toContain('swaps 1 GiB to disk (6.3% of every working set)');
  });
});

describe('each stage on its own', () => {
  it('no overcommit, no pressure: with memoryOvercommit 1 the promised memory always fits, whatever the working sets', () => {
    const r = runScenario(oneHost({ memoryGiB: 16 }, [launch(3, 5, 1)], 1));
    expect(r.hosts[0].memory).toMatchObject({ pressure: 'none', promisedGiB: 15, workingSetGiB: 15, availableGiB: 15, balloonGiB: 0, swappedGiB: 0 });
    expect(r.events.some((e) => e.kind === 'memory-pressure')).toBe(false);
  });

  it('ballooning only: 2 × 16 GiB at 25% on 15 GiB: 17 GiB to reclaim from 24 idle; each VM gives 17 × 12/24 = 8.5', () => {
    const r = runScenario(oneHost({ memoryGiB: 16 }, [launch(2, 16, 0.25)]));
    expect(r.hosts[0].memory).toMatchObject({ pressure: 'ballooning', promisedGiB: 32, workingSetGiB: 8, balloonGiB: 17, swappedGiB: 0, swappedPercent: 0 });
    expect(r.vms.map((vm) => vm.balloonGiB)).toEqual([8.5, 8.5]);
  });

  it('balloon shares follow idle memory: 8 GiB at 0.5 (4 idle) and 16 GiB at 0.25 (12 idle) on 15 GiB: 9 to reclaim, 9 × 4/16 = 2.25 and 9 × 12/16 = 6.75', () => {
    const r = runScenario(
      oneHost({ memoryGiB: 16 }, [launch(1, 8, 0.5), { at: 0, launch: { name: 'big', vcpu: 1, memoryGiB: 16, region: 'eu-central-1', workingSet: 0.25 } }]),
    );
    expect(r.vms.map((vm) => [vm.name, vm.balloonGiB])).toEqual([
      ['vm-1', 2.25],
      ['big-1', 6.75],
    ]);
  });

  it('type 2: the host OS keeps 4 GiB and each VM costs 0.5 more: 2 × 8 GiB fully used on 16 GiB leave 16 − 4 − 1 = 11; 5 to swap > 4: one is killed, and 8 fits 11.5', () => {
    const r = runScenario(oneHost({ memoryGiB: 16, hypervisor: 'type2' }, [launch(2, 8, 1)]));
    expect(r.events.filter((e) => e.kind === 'oom-killed').map((e) => e.vm)).toEqual(['vm-2']);
    expect(r.hosts[0].memory).toMatchObject({ pressure: 'none', promisedGiB: 8, availableGiB: 11.5 });
  });

  it('the largest working set goes first, not the last to start: big-1 (12 GiB used) is killed when vm-2 (4 GiB used) starts after it', () => {
    // 15 GiB left; vm-1 and vm-2 use 4 each, big uses 12: 20 − 15 = 5 to swap > 4. Without big, 8 fits.
    const r = runScenario(
      oneHost({ memoryGiB: 16 }, [
        launch(1, 8, 0.5),
        { at: 0, launch: { name: 'big', vcpu: 1, memoryGiB: 16, region: 'eu-central-1', workingSet: 0.75 } },
        launch(1, 8, 0.5, 10),
      ]),
    );
    expect(r.events.filter((e) => e.kind === 'oom-killed').map((e) => [e.time, e.vm])).toEqual([[40, 'big-1']]);
  });

  it('a pending VM holds no memory yet: the pressure starts when it runs (30 s), not at launch', () => {
    const world = createWorld(oneHost({ memoryGiB: 16 }, [launch(2, 16, 0.25)]));
    world.runUntil(29);
    expect(world.report().hosts[0].memory.pressure).toBe('none');
    world.runUntil(30);
    expect(world.report().hosts[0].memory.pressure).toBe('ballooning');
  });
});

describe('changing what the guests use', () => {
  it('raising the working set by a load action turns ballooning into swapping; stopping a VM ends the pressure', () => {
    const world = createWorld(oneHost({ memoryGiB: 16 }, [launch(2, 8, 0.5)], 4, 600));
    world.runUntil(60);
    // 16 promised on 15: 1 GiB ballooned.
    expect(world.report().hosts[0].memory).toMatchObject({ pressure: 'ballooning', balloonGiB: 1 });
    expect(world.apply({ kind: 'load', vm: 'vm', workingSet: 1 }).ok).toBe(true);
    // 16 used on 15: 1 swapped ≤ 4, nobody killed.
    expect(world.report().hosts[0].memory).toMatchObject({ pressure: 'swapping', swappedGiB: 1, swappedPercent: 6.3 });
    expect(world.events.at(-2)?.message).toBe('vm: working set 100% of its memory');
    world.apply({ kind: 'stop', vm: 'vm-2' });
    expect(world.report().hosts[0].memory).toMatchObject({ pressure: 'none', promisedGiB: 8 });
    expect(world.events.at(-1)).toMatchObject({ kind: 'memory-pressure', host: 'eu-central-1a-h1' });
    expect(world.events.at(-1)?.message).toContain('no memory pressure');
  });

  it('a working set set on a stopped VM applies when it runs again', () => {
    const world = createWorld(oneHost({ memoryGiB: 16, swapGiB: 0 }, [launch(2, 8, 0.5)], 4, 600));
    world.runUntil(60);
    world.apply({ kind: 'stop', vm: 'vm-2' });
    world.runUntil(100);
    world.apply({ kind: 'load', vm: 'vm-2', workingSet: 1 });
    expect(world.report().hosts[0].memory.workingSetGiB).toBe(4);
    world.apply({ kind: 'start', vm: 'vm-2' });
    world.runUntil(200);
    // 4 + 8 = 12 used of 15: ballooning only (16 promised).
    expect(world.report().hosts[0].memory).toMatchObject({ pressure: 'ballooning', workingSetGiB: 12, balloonGiB: 1 });
  });

  it('a failed host shows no pressure; when it recovers its guests hold their memory again', () => {
    const world = createWorld(oneHost({ memoryGiB: 16 }, [launch(2, 16, 0.5)], 4, 600));
    world.runUntil(60);
    expect(world.report().hosts[0].memory.pressure).toBe('swapping');
    world.apply({ kind: 'fail', host: 'eu-central-1a-h1' });
    expect(world.report().hosts[0].memory).toMatchObject({ pressure: 'none', balloonGiB: 0, swappedGiB: 0 });
    expect(world.report().vms[0].swappedPercent).toBe(0);
    world.apply({ kind: 'recover', host: 'eu-central-1a-h1' });
    expect(world.report().hosts[0].memory.pressure).toBe('swapping');
  });

  it('an out-of-memory killed group member stops; the group counts it unhealthy, ends it and launches another', () => {
    const r = runScenario(
      oneHost(
        { memoryGiB: 16, cores: 64 },
        [{ at: 0, group: { name: 'web', desired: 3, vcpu: 1, memoryGiB: 16, region: 'eu-central-1', workingSet: 0.5 } }],
        4,
        200,
      ),
    );
    expect(r.events.find((e) => e.kind === 'oom-killed')?.vm).toBe('web-3');
    const web3 = r.events.filter((e) => e.vm === 'web-3').map((e) => e.kind);
    expect(web3.slice(web3.indexOf('oom-killed'))).toEqual(['oom-killed', 'stopping', 'stopped', 'group-replacing', 'shutting-down', 'terminated']);
    expect(r.events.some((e) => e.kind === 'group-replacing')).toBe(true);
    expect(r.vms.some((vm) => vm.name === 'web-4')).toBe(true);
  });
});

describe('the same seed gives the same trace', () => {
  it('two runs of an overcommitted host with kills and load changes agree byte for byte', () => {
    const s = oneHost(
      { memoryGiB: 64, swapGiB: 8 },
      [launch(20, 16, 0.3), { at: 100, load: { vm: 'vm', workingSet: 0.6 } }, { at: 200, load: { vm: 'vm-2', workingSet: 0.1 } }],
      8,
      600,
    );
    expect(JSON.stringify(runScenario(s))).toBe(JSON.stringify(runScenario(s)));
  });
});

describe('the inputs are checked', () => {
  const base = oneHost({ memoryGiB: 16 }, []);
  const issues = (input: ScenarioInput) => {
    try {
      parseScenario(input);
      return [];
    } catch (e) {
      if (e instanceof ScenarioError) return e.issues.map((i) => `${i.path}: ${i.message}`);
      throw e;
    }
  };

  it('a working set outside 0..1 names its field', () => {
    expect(issues({ ...base, actions: [launch(1, 8, 1.5)] })).toEqual(['actions[0].launch.workingSet: expected a number from 0 to 1']);
  });

  it('a negative swap names its field', () => {
    expect(issues({ ...base, regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 4, memoryGiB: 16, swapGiB: -1 }] }] }] })).toEqual([
      'regions[0].azs[0].hosts[0].swapGiB: expected a swap size in GiB >= 0',
    ]);
  });

  it('a load action must set busy, workingSet or both', () => {
    expect(issues({ ...base, actions: [launch(1, 8), { at: 5, load: { vm: 'vm-1' } }] })).toEqual(['actions[1].load: expected busy, workingSet or both']);
  });
});
