import { describe, expect, it } from 'vitest';
import { parseAction, createWorld, type Report, type ScenarioInput } from '@site/sim';
import { contention, hostCapacity } from '@site/sim/host';
import type { HostState, Vm } from '@site/sim/types';

/** An action as the engine applies it, with the schema's defaults filled in. */
type HostInput = { cores: number; memoryGiB: number; diskGiB?: number; hypervisor?: 'type1' | 'type2' | { type: 'type1' | 'type2'; reservedCores?: number } };

/** One region, one AZ, one host. */
function oneHost(host: HostInput, policy: { cpuOvercommit?: number; memoryOvercommit?: number } = {}): ScenarioInput {
  return { regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [host] }] }], policy: { placement: 'pack', ...policy } };
}

const launch = (name: string, vcpu: number, memoryGiB: number, extra: { count?: number; diskGiB?: number; instanceStoreGiB?: number; busy?: number } = {}) =>
  parseAction({ kind: 'launch', name, vcpu, memoryGiB, region: 'eu-central-1', ...extra });

const theHost = (r: Report) => r.hosts[0];
const vmOf = (r: Report, name: string) => r.vms.find((v) => v.name === name)!;

/** The parts of a host that its capacity and its CPU sharing depend on, with the documented defaults. */
function hostSpec(cores: number, memoryGiB: number, type: 'type1' | 'type2', diskGiB = 1024) {
  const hypervisor =
    type === 'type1'
      ? { type, reservedCores: 0, reservedMemoryGiB: 1, perVmOverheadMemoryGiB: 0 }
      : { type, reservedCores: 2, reservedMemoryGiB: 4, perVmOverheadMemoryGiB: 0.5 };
  return { cores, memoryGiB, diskGiB, hypervisor };
}

const policy = (cpuOvercommit = 1, memoryOvercommit = 1) => ({ placement: 'pack' as const, cpuOvercommit, memoryOvercommit });

function runningVm(name: string, vcpu: number, busy: number, extra: Partial<Vm> = {}): Vm {
  return {
    name,
    vcpu,
    memoryGiB: 1,
    diskGiB: 8,
    instanceStoreGiB: 0,
    data: { instanceStoreGiB: 0, rootVolumeGiB: 0 },
    region: 'r',
    state: 'running',
    busy,
    workingSet: 0.5,
    crashed: false,
    token: 0,
    ...extra,
  };
}

describe('host capacity: (cores − reserved) × cpuOvercommit vCPUs, (memory − reserved) × memoryOvercommit GiB', () => {
  it('type 1 host, 16 cores / 64 GiB: 16 − 0 = 16 vCPUs and 64 − 1 = 63 GiB', () => {
    expect(hostCapacity(hostSpec(16, 64, 'type1', 500), policy())).toEqual({ vcpu: 16, memoryGiB: 63, diskGiB: 500 });
  });

  it('type 2 host, 16 cores / 64 GiB: the host OS keeps 2 cores and 4 GiB, leaving 14 vCPUs and 60 GiB', () => {
    expect(hostCapacity(hostSpec(16, 64, 'type2'), policy())).toEqual({ vcpu: 14, memoryGiB: 60, diskGiB: 1024 });
  });

  it('type 2 host with overcommit 2 (CPU) and 1.5 (memory): (16 − 2) × 2 = 28 vCPUs, (64 − 4) × 1.5 = 90 GiB', () => {
    expect(hostCapacity(hostSpec(16, 64, 'type2'), policy(2, 1.5))).toEqual({ vcpu: 28, memoryGiB: 90, diskGiB: 1024 });
  });

  it('a type 2 host smaller than its own reserve gives VMs nothing: max(0, 1 − 2) = 0 vCPUs, max(0, 2 − 4) = 0 GiB', () => {
    expect(hostCapacity(hostSpec(1, 2, 'type2'), policy())).toEqual({ vcpu: 0, memoryGiB: 0, diskGiB: 1024 });
  });

  it('the report shows the same capacities for a type 1 and a type 2 host', () => {
    const r = createWorld({
      regions: [
        {
          id: 'eu-central-1',
          azs: [
            {
              id: 'eu-central-1a',
              hosts: [
                { cores: 16, memoryGiB: 64 },
                { cores: 16, memoryGiB: 64, hypervisor: 'type2' },
              ],
            },
          ],
        },
      ],
      policy: { cpuOvercommit: 2, memoryOvercommit: 1.5 },
    }).report();
    // type 1: 16 × 2 = 32 vCPUs, (64 − 1) × 1.5 = 94.5 GiB; type 2: (16 − 2) × 2 = 28, (64 − 4) × 1.5 = 90.
    expect(r.hosts.map((h) => [h.id, h.capacityVcpu, h.capacityMemoryGiB])).toEqual([
      ['eu-central-1a-h1', 32, 94.5],
      ['eu-central-1a-h2', 28, 90],
    ]);
  });
});

describe('what fits on a host', () => {
  it('type 2 host: (16 − 2) × 1 = 14 vCPUs; 7 VMs of 2 vCPU fit, the 8th is refused', () => {
    const world = createWorld(oneHost({ cores: 16, memoryGiB: 64, hypervisor: 'type2' }));
    // Memory is no limit here: 7 × (4 + 0.5 overhead) = 31.5 GiB of 60.
    expect(world.apply(launch('vm', 2, 4, { count: 7 })).ok).toBe(true);
    expect(world.apply(launch('extra', 2, 4)).ok).toBe(false);
    expect(theHost(world.report()).allocatedVcpu).toBe(14);
    expect(world.report().vms.map((v) => v.name)).toEqual(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5', 'vm-6', 'vm-7']);
  });

  it('type 2 host, 20 GiB: 20 − 4 = 16 GiB and each 3.5 GiB VM takes 3.5 + 0.5 = 4 GiB, so 4 fit and the 5th is refused', () => {
    const world = createWorld(oneHost({ cores: 16, memoryGiB: 20, hypervisor: 'type2' }));
    expect(world.apply(launch('vm', 1, 3.5, { count: 4 })).ok).toBe(true);
    expect(theHost(world.report()).allocatedMemoryGiB).toBe(16);
    expect(world.apply(launch('extra', 1, 3.5)).ok).toBe(false);
  });

  it('type 1 host, 20 GiB: 20 − 1 = 19 GiB with no per-VM overhead, so 5 VMs of 3.5 GiB fit (17.5) and a 6th (21) is refused', () => {
    const world = createWorld(oneHost({ cores: 16, memoryGiB: 20 }));
    expect(world.apply(launch('vm', 1, 3.5, { count: 5 })).ok).toBe(true);
    expect(theHost(world.report()).allocatedMemoryGiB).toBe(17.5);
    expect(world.apply(launch('extra', 1, 3.5)).ok).toBe(false);
  });

  it('CPU overcommit 2 on 8 cores: 8 × 2 = 16 vCPUs, four 4-vCPU VMs fit and a fifth is refused', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 64 }, { cpuOvercommit: 2 }));
    expect(world.apply(launch('vm', 4, 4, { count: 4 })).ok).toBe(true);
    expect(world.apply(launch('extra', 4, 4)).ok).toBe(false);
  });

  it('memory overcommit 1.5 on a 9 GiB type 1 host: (9 − 1) × 1.5 = 12 GiB, three 4 GiB VMs fit and a fourth is refused', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 9 }, { memoryOvercommit: 1.5 }));
    expect(world.apply(launch('vm', 1, 4, { count: 3 })).ok).toBe(true);
    expect(world.apply(launch('extra', 1, 4)).ok).toBe(false);
  });

  it('local disk is not overcommitted: a 100 GiB host holds two 40 GiB instance stores (80) but not a third (120)', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 64, diskGiB: 100 }, { cpuOvercommit: 4, memoryOvercommit: 4 }));
    expect(world.apply(launch('vm', 1, 1, { count: 2, instanceStoreGiB: 40 })).ok).toBe(true);
    expect(world.apply(launch('extra', 1, 1, { instanceStoreGiB: 40 })).ok).toBe(false);
  });

  it('root volumes are on the network: a 100 GiB host holds three VMs with 40 GiB root volumes (120 GiB in all)', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 64, diskGiB: 100 }, { cpuOvercommit: 4, memoryOvercommit: 4 }));
    expect(world.apply(launch('vm', 1, 1, { count: 3, diskGiB: 40 })).ok).toBe(true);
    expect(theHost(world.report()).freeDiskGiB).toBe(100);
  });

  it('what is already allocated counts: 14 vCPUs with 12 taken leave room for a 2-vCPU VM but not a 3-vCPU one', () => {
    const world = createWorld(oneHost({ cores: 16, memoryGiB: 64, hypervisor: 'type2' }));
    world.apply(launch('vm', 4, 1, { count: 3 }));
    expect(world.apply(launch('three', 3, 1)).ok).toBe(false);
    expect(world.apply(launch('two', 2, 1)).ok).toBe(true);
    expect(theHost(world.report()).allocatedVcpu).toBe(14);
  });
});

describe('allocation over a VM lifecycle', () => {
  // Type 2 host; three VMs of 2 vCPU / 4 GiB, each taking 4 + 0.5 = 4.5 GiB. Pending 30 s, stopping 20 s,
  // shutting-down 10 s (the defaults).
  function threeVms() {
    const world = createWorld(oneHost({ cores: 16, memoryGiB: 64, hypervisor: 'type2' }));
    world.apply(launch('vm', 2, 4, { count: 3 }));
    world.runUntil(30);
    return world;
  }

  it('three VMs hold 3 × 2 = 6 vCPUs and 3 × 4.5 = 13.5 GiB, and are listed on the host', () => {
    const h = theHost(threeVms().report());
    expect([h.allocatedVcpu, h.allocatedMemoryGiB, h.vms]).toEqual([6, 13.5, ['vm-1', 'vm-2', 'vm-3']]);
  });

  it('a stopping VM still holds its share; once stopped (20 s later) it is released: 4 vCPUs, 9 GiB', () => {
    const world = threeVms();
    world.apply({ kind: 'stop', vm: 'vm-1' });
    world.runUntil(49);
    expect(theHost(world.report()).allocatedVcpu).toBe(6);
    world.runUntil(50);
    const h = theHost(world.report());
    expect([h.allocatedVcpu, h.allocatedMemoryGiB, h.vms]).toEqual([4, 9, ['vm-2', 'vm-3']]);
  });

  it('a reboot keeps the VM on its host and its share allocated', () => {
    const world = threeVms();
    world.apply({ kind: 'reboot', vm: 'vm-1' });
    world.runUntil(45);
    expect(theHost(world.report()).allocatedVcpu).toBe(6);
    expect(vmOf(world.report(), 'vm-1').host).toBe('eu-central-1a-h1');
  });

  it('a terminated VM is released after shutting-down (10 s), not before', () => {
    const world = threeVms();
    world.apply({ kind: 'terminate', vm: 'vm-3' });
    world.runUntil(39);
    expect(theHost(world.report()).allocatedVcpu).toBe(6);
    world.runUntil(40);
    expect(theHost(world.report()).allocatedVcpu).toBe(4);
  });
});

describe('contention: fair sharing of the cores among busy vCPUs (steal time)', () => {
  it('8 cores, overcommit 2, four 4-vCPU VMs busy 1.0: demand 16, supply 8, each VM waits 50%', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 64 }, { cpuOvercommit: 2 }));
    world.apply(launch('vm', 4, 4, { count: 4, busy: 1 }));
    world.runUntil(30);
    const r = world.report();
    expect([theHost(r).demandCores, theHost(r).supplyCores, theHost(r).stealPercent]).toEqual([16, 8, 50]);
    expect(r.vms.map((v) => v.stealPercent)).toEqual([50, 50, 50, 50]);
  });

  it('the same VMs busy 0.5: demand 4 × 4 × 0.5 = 8 = supply, no steal', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 64 }, { cpuOvercommit: 2 }));
    world.apply(launch('vm', 4, 4, { count: 4, busy: 0.5 }));
    world.runUntil(30);
    expect([theHost(world.report()).demandCores, theHost(world.report()).stealPercent]).toEqual([8, 0]);
  });

  it('type 2 host of 10 cores: supply 10 − 2 = 8; three busy 4-vCPU VMs ask 12, get 8/12, steal (1 − 2/3) × 100 = 33.3%', () => {
    const world = createWorld(oneHost({ cores: 10, memoryGiB: 64, hypervisor: 'type2' }, { cpuOvercommit: 2 }));
    world.apply(launch('vm', 4, 4, { count: 3, busy: 1 }));
    world.runUntil(30);
    const h = theHost(world.report());
    expect([h.demandCores, h.supplyCores, h.stealPercent]).toEqual([12, 8, 33.3]);
  });

  it('pending VMs ask for no CPU yet: at t = 0 the demand is 0', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 64 }, { cpuOvercommit: 2 }));
    world.apply(launch('vm', 4, 4, { count: 4, busy: 1 }));
    expect([theHost(world.report()).demandCores, theHost(world.report()).stealPercent]).toEqual([0, 0]);
  });

  it('a crashed VM asks for nothing: three busy 4-vCPU VMs left, demand 12 on 8 cores, steal 33.3%; the crashed one shows 0', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 64 }, { cpuOvercommit: 2 }));
    world.apply(launch('vm', 4, 4, { count: 4, busy: 1 }));
    world.runUntil(30);
    world.apply({ kind: 'crash', vm: 'vm-1' });
    const r = world.report();
    expect([theHost(r).demandCores, theHost(r).stealPercent]).toEqual([12, 33.3]);
    expect(r.vms.map((v) => v.stealPercent)).toEqual([0, 33.3, 33.3, 33.3]);
  });

  it('a load action on a launch name changes every VM of it: busy 1.0 → 0.5 brings demand 16 down to 8, steal to 0', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 64 }, { cpuOvercommit: 2 }));
    world.apply(launch('vm', 4, 4, { count: 4, busy: 1 }));
    world.runUntil(30);
    expect(world.apply({ kind: 'load', vm: 'vm', busy: 0.5 }).ok).toBe(true);
    expect([theHost(world.report()).demandCores, theHost(world.report()).stealPercent]).toEqual([8, 0]);
  });

  it('a load action on launch "web" leaves the VMs of launch "web-api" alone (web-api-1 is not web-N)', () => {
    const world = createWorld(oneHost({ cores: 8, memoryGiB: 64 }));
    world.apply(launch('web', 1, 1, { busy: 0.25 }));
    world.apply(launch('web-api', 1, 1, { busy: 0.25 }));
    world.apply({ kind: 'load', vm: 'web', busy: 1 });
    const r = world.report();
    expect([vmOf(r, 'web-1').busy, vmOf(r, 'web-api-1').busy]).toEqual([1, 0.25]);
  });

  it('contention() on its own: 2 busy vCPUs + 4 half-busy vCPUs = 4 cores asked of a 3-core type 1 host: share 0.75, steal 25%', () => {
    const host = hostSpec(3, 16, 'type1') as unknown as HostState;
    const c = contention(host, [runningVm('a', 2, 1), runningVm('b', 4, 0.5), runningVm('off', 8, 1, { state: 'stopped' })]);
    expect(c).toEqual({ demandCores: 4, supplyCores: 3, share: 0.75, stealPercent: 25 });
  });
});
