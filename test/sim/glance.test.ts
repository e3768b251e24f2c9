/**
 * A glance (World.glance) against the engine's full report of the same moment: every field a glance
 * has must equal the report's, at every event time of every example scenario (faults, groups,
 * databases, overcommit and memory pressure among them). The report is the reference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld, type Glance, type Report } from '@site/sim';
import { parseScenarioText } from '@site/sim/text';

const examples = join(__dirname, '..', '..', 'examples', 'scenarios');

/** The report cut down to the glance's fields, as the glance documents them. */
function expectedGlance(report: Report): Glance {
  const m = report.metrics;
  return {
    time: report.time,
    regions: report.regions,
    hosts: report.hosts,
    vms: report.vms.map((vm) => ({
      name: vm.name,
      state: vm.state,
      serving: vm.serving,
      reason: vm.reason,
      host: vm.host,
      az: vm.az,
      region: vm.region,
      vcpu: vm.vcpu,
      memoryGiB: vm.memoryGiB,
      group: vm.group,
      busy: vm.busy,
      stealPercent: vm.stealPercent,
      workingSet: vm.workingSet,
      swappedPercent: vm.swappedPercent,
    })),
    database: report.database,
    metrics: {
      servingVms: m.servingVms,
      serviceUp: m.serviceUp,
      availabilityPercent: m.availabilityPercent,
      upSeconds: m.upSeconds,
      downtimeSeconds: m.downtimeSeconds,
      firstUpAt: m.firstUpAt,
    },
  };
}

describe('a glance says what the report says', () => {
  const files = readdirSync(examples).filter((f) => /\.(ya?ml|json)$/.test(f));
  it('there are example scenarios to check against', () => expect(files.length).toBeGreaterThan(5));
  const seen = { steal: false, swapped: false, down: false };
  for (const file of files) {
    it(`${file}: at every event time, and between two`, () => {
      const world = createWorld(parseScenarioText(readFileSync(join(examples, file), 'utf8'), file));
      const until = world.scenario.until;
      const check = (when: string) => {
        const glance = world.glance();
        expect(glance, `${file} ${when}`).toEqual(expectedGlance(world.report()));
        seen.steal ||= glance.vms.some((vm) => vm.stealPercent > 0);
        seen.swapped ||= glance.vms.some((vm) => vm.swappedPercent > 0);
        seen.down ||= glance.vms.some((vm) => vm.reason === 'az-down' || vm.reason === 'region-down' || vm.reason === 'host-failed');
      };
      for (let next = 0 as number | null; next !== null && next <= until; next = world.nextEventTime()) {
        // Half way to the next event time first: the world as it stands, with more time accumulated.
        if (next > world.time + 1) {
          world.runUntil((world.time + next) / 2);
          check(`at ${world.time} s (between event times)`);
        }
        world.runUntil(next);
        check(`at ${next} s`);
      }
      world.runUntil(until);
      check('at the end');
    });
  }
  it('the examples reach steal time, swapping and faults, so those fields were compared non-zero', () => {
    expect(seen).toEqual({ steal: true, swapped: true, down: true });
  });
});

describe('a glance reuses what did not change', () => {
  const scenario = {
    name: 'Three VMs',
    seed: 1,
    regions: [{ id: 'us-east-1', azs: [{ id: 'us-east-1a', hosts: [{ cores: 16, memoryGiB: 64 }] }] }],
    actions: [{ at: 0, launch: { name: 'vm', count: 3, vcpu: 2, memoryGiB: 4, region: 'us-east-1' } }],
  };

  it('the same list while nothing about a VM changed, even as the clock moves', () => {
    const world = createWorld(scenario);
    world.runUntil(60);
    const before = world.glance();
    world.runUntil(120);
    const after = world.glance();
    expect(after.time).toBe(120);
    expect(after.vms).toBe(before.vms);
  });

  it('a new entry for the one VM an action changed, the same objects for the other two', () => {
    const world = createWorld(scenario);
    world.runUntil(60);
    const before = world.glance();
    expect(world.apply({ kind: 'load', vm: 'vm-2', busy: 0.9 }).ok).toBe(true);
    const after = world.glance();
    expect(after.vms).not.toBe(before.vms);
    expect(after.vms[0]).toBe(before.vms[0]);
    expect(after.vms[1]).not.toBe(before.vms[1]);
    expect(after.vms[1].busy).toBe(0.9);
    expect(after.vms[2]).toBe(before.vms[2]);
  });

  it('a stop shows at once: the VM is no longer serving, and says why', () => {
    const world = createWorld(scenario);
    world.runUntil(60);
    world.glance();
    expect(world.apply({ kind: 'stop', vm: 'vm-3' }).ok).toBe(true);
    const vm3 = world.glance().vms[2];
    expect(vm3).toMatchObject({ name: 'vm-3', state: 'stopping', serving: false, reason: 'stopping' });
  });
});
