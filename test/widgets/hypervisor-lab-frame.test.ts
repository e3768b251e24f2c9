/**
 * What the hypervisor lab reads each frame (readLabFrame): the engine's glance for every VM, the
 * full report of the one VM acted on, and the tail of the trace, checked against the engine's own
 * report of the same moment.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '@site/sim';
import { readLabFrame } from '@site/src/components/widgets/HypervisorLab/labFrame';
import { defaultLabState, labScenario, launchName, labRegion } from '@site/src/components/widgets/HypervisorLab/labState';

function labWorld() {
  const world = createWorld(labScenario(defaultLabState('type2'), { cores: 16, memoryGiB: 64 }));
  world.apply({ kind: 'launch', name: launchName, count: 3, vcpu: 2, memoryGiB: 4, region: labRegion, busy: 0.5 });
  world.runUntil(60);
  return world;
}

describe('the lab frame', () => {
  it('acts on the newest VM until the reader picks one, with the same report the engine gives for it', () => {
    const world = labWorld();
    expect(readLabFrame(world, null).selected).toEqual(world.vm('vm-3'));
    expect(readLabFrame(world, 'vm-1').selected).toEqual(world.vm('vm-1'));
    // A name no VM has (a VM from before a rebuild) falls back to the newest.
    expect(readLabFrame(world, 'vm-9').selected?.name).toBe('vm-3');
  });

  it("has the report's host, and each VM's state, serving and waits as the report has them", () => {
    const world = labWorld();
    const frame = readLabFrame(world, null);
    const report = world.report();
    expect(frame.time).toBe(60);
    expect(frame.host).toEqual(report.hosts[0]);
    expect(frame.vms.map((vm) => [vm.name, vm.state, vm.serving, vm.stealPercent, vm.swappedPercent])).toEqual(
      report.vms.map((vm) => [vm.name, vm.state, vm.serving, vm.stealPercent, vm.swappedPercent]),
    );
  });

  it('keeps the last nine events of the trace, the newest last', () => {
    const world = labWorld();
    // Each VM's load set twice more: a trace longer than the tail.
    for (const busy of [0.25, 0.75]) for (const vm of ['vm-1', 'vm-2', 'vm-3']) world.apply({ kind: 'load', vm, busy });
    const frame = readLabFrame(world, null);
    expect(world.events.length).toBeGreaterThan(9);
    expect(frame.recentEvents).toEqual(world.events.slice(world.events.length - 9));
  });

  it('no VM yet: no selection and an empty list', () => {
    const world = createWorld(labScenario(defaultLabState('type1'), { cores: 16, memoryGiB: 64 }));
    const frame = readLabFrame(world, null);
    expect(frame.selected).toBeNull();
    expect(frame.vms).toEqual([]);
    expect(frame.host?.vms).toEqual([]);
  });
});
