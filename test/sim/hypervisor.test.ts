import { describe, expect, it } from 'vitest';
import { createWorld, hypervisorDefaults, isolationNote, type ScenarioInput } from '@site/sim';
import { resolveHypervisor } from '@site/sim/hypervisor';

type HypervisorInput = 'type1' | 'type2' | { type: 'type1' | 'type2'; reservedCores?: number; reservedMemoryGiB?: number; perVmOverheadMemoryGiB?: number };

function hostWith(hypervisor: HypervisorInput, cores = 16, memoryGiB = 64): ScenarioInput {
  return { regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores, memoryGiB, hypervisor }] }] }] };
}

describe('hypervisor defaults (documented)', () => {
  it('type 1 runs on bare metal: keeps no core, 1 GiB for itself, no per-VM overhead', () => {
    expect(hypervisorDefaults.type1).toEqual({ type: 'type1', reservedCores: 0, reservedMemoryGiB: 1, perVmOverheadMemoryGiB: 0 });
  });

  it('type 2 runs on a host OS: the OS keeps 2 cores and 4 GiB, each VM costs 0.5 GiB more', () => {
    expect(hypervisorDefaults.type2).toEqual({ type: 'type2', reservedCores: 2, reservedMemoryGiB: 4, perVmOverheadMemoryGiB: 0.5 });
  });

  it('a host declared without a hypervisor is type 1', () => {
    const r = createWorld({ regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 4, memoryGiB: 8 }] }] }] }).report();
    expect(r.hosts[0].hypervisor).toBe('type1');
  });

  it('each type has an isolation note for the widgets', () => {
    expect(isolationNote.type1.length).toBeGreaterThan(0);
    expect(isolationNote.type2).toMatch(/host OS/);
  });
});

describe('resolveHypervisor', () => {
  it('a bare type gives the defaults, as a copy the world may not share with the table', () => {
    const h = resolveHypervisor('type2');
    expect(h).toEqual(hypervisorDefaults.type2);
    expect(h).not.toBe(hypervisorDefaults.type2);
  });

  it('an override replaces only the fields it names: type 2 with 4 reserved cores keeps 4 GiB and 0.5 GiB per VM', () => {
    expect(resolveHypervisor({ type: 'type2', reservedCores: 4 })).toEqual({
      type: 'type2',
      reservedCores: 4,
      reservedMemoryGiB: 4,
      perVmOverheadMemoryGiB: 0.5,
    });
  });

  it('a type 1 override of the per-VM overhead keeps 0 cores and 1 GiB reserved', () => {
    expect(resolveHypervisor({ type: 'type1', perVmOverheadMemoryGiB: 0.25 })).toEqual({
      type: 'type1',
      reservedCores: 0,
      reservedMemoryGiB: 1,
      perVmOverheadMemoryGiB: 0.25,
    });
  });
});

describe('what the hypervisor takes of a host', () => {
  it('the report shows an overridden reserve and the capacity it leaves: type 2 with 4 cores reserved on 16 → 12 vCPUs', () => {
    const h = createWorld(hostWith({ type: 'type2', reservedCores: 4 })).report().hosts[0];
    expect([h.reservedCores, h.reservedMemoryGiB, h.perVmOverheadMemoryGiB, h.capacityVcpu, h.capacityMemoryGiB]).toEqual([4, 4, 0.5, 12, 60]);
  });

  it('the same 4 GiB VM takes 4 GiB on a type 1 host and 4 + 0.5 = 4.5 GiB on a type 2 host', () => {
    const taken = (hv: HypervisorInput) => {
      const world = createWorld(hostWith(hv));
      world.apply({ kind: 'launch', name: 'vm', vcpu: 2, memoryGiB: 4, region: 'eu-central-1' });
      return world.report().hosts[0].allocatedMemoryGiB;
    };
    expect([taken('type1'), taken('type2')]).toEqual([4, 4.5]);
  });

  it('a type 2 host of 8 cores supplies 8 − 2 = 6 cores to its VMs under contention', () => {
    const world = createWorld({ ...hostWith('type2', 8), policy: { cpuOvercommit: 2 } });
    // Capacity (8 − 2) × 2 = 12 vCPUs: three 4-vCPU VMs fit. Busy 1.0: demand 12, supply 6, share 0.5 → steal 50%.
    world.apply({ kind: 'launch', name: 'vm', count: 3, vcpu: 4, memoryGiB: 2, region: 'eu-central-1', busy: 1 });
    world.runUntil(30);
    const h = world.report().hosts[0];
    expect([h.capacityVcpu, h.supplyCores, h.demandCores, h.stealPercent]).toEqual([12, 6, 12, 50]);
  });

  it('a guest crash stays inside its VM on either hypervisor: the neighbour on the same host keeps serving', () => {
    for (const hv of ['type1', 'type2'] as const) {
      const world = createWorld(hostWith(hv));
      world.apply({ kind: 'launch', name: 'vm', count: 2, vcpu: 2, memoryGiB: 2, region: 'eu-central-1' });
      world.runUntil(30);
      world.apply({ kind: 'crash', vm: 'vm-1' });
      expect(world.report().vms.map((v) => [v.name, v.host, v.serving])).toEqual([
        ['vm-1', 'eu-central-1a-h1', false],
        ['vm-2', 'eu-central-1a-h1', true],
      ]);
    }
  });
});
