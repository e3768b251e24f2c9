import { describe, expect, it } from 'vitest';
import { createWorld, diskMonthlyUsd, hoursPerMonth, priceTable, runScenario, vmHourlyUsd, type ScenarioInput } from '@site/sim';

// Frankfurt list prices in the shipped table: m5.large (2 vCPU) 0.115 USD/h, gp3 0.0952 USD per GB-month.
// A month is 730 h = 2 628 000 s.

describe('prices', () => {
  it('an hour of compute is priced per vCPU at the m5.large rate: 2 vCPU in Frankfurt = 0.115, 4 vCPU = 0.23, 1 vCPU in N. Virginia = 0.096 / 2 = 0.048', () => {
    expect(vmHourlyUsd('eu-central-1', 2)).toBeCloseTo(0.115, 12);
    expect(vmHourlyUsd('eu-central-1', 4)).toBeCloseTo(0.23, 12);
    expect(vmHourlyUsd('us-east-1', 1)).toBeCloseTo(0.048, 12);
  });

  it('a month of 100 GiB gp3 in Frankfurt is 100 × 0.0952 = 9.52 USD', () => {
    expect(diskMonthlyUsd('eu-central-1', 100)).toBeCloseTo(9.52, 12);
  });

  it('a month is 730 hours; the reference instance is the 2-vCPU m5.large', () => {
    expect(hoursPerMonth).toBe(730);
    expect(priceTable.referenceInstance).toMatchObject({ name: 'm5.large', vcpu: 2 });
  });

  it('a region without a price (sa-east-1) gives undefined, not 0', () => {
    expect(vmHourlyUsd('sa-east-1', 2)).toBeUndefined();
    expect(diskMonthlyUsd('sa-east-1', 100)).toBeUndefined();
  });
});

/**
 * One 2-vCPU VM with a 100 GiB disk in Frankfurt, launched at 0: pending 30 s, running from 30 s.
 * At 3630 s (one hour of running) it is stopped or terminated; the run goes on to 7230 s.
 */
function costAfter(verb: 'stop' | 'terminate') {
  const scenario: ScenarioInput = {
    until: 7230,
    regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 8, memoryGiB: 32 }] }] }],
    actions: [
      { at: 0, launch: { name: 'vm', vcpu: 2, memoryGiB: 8, diskGiB: 100, region: 'eu-central-1' } },
      { at: 3630, [verb]: { vm: 'vm-1' } },
    ],
  };
  const r = runScenario(scenario);
  return { ...r.metrics.cost, vm: r.vms[0].costUsd };
}

describe('cost of a run: compute only while running, disk until terminated', () => {
  it('stopped after an hour: compute 1 h × 0.115 = 0.115; the disk is billed all 7230 s: 9.52 × 7230 / 2 628 000 = 0.026191', () => {
    const c = costAfter('stop');
    expect(c.computeUsd).toBeCloseTo(0.115, 6);
    expect(c.diskUsd).toBeCloseTo((9.52 * 7230) / 2_628_000, 6);
    expect(c.totalUsd).toBeCloseTo(0.115 + (9.52 * 7230) / 2_628_000, 6);
    expect(c.unpricedRegions).toEqual([]);
  });

  it('terminated after an hour: the same compute; the disk only until terminated at 3640 s (10 s shutting down): 9.52 × 3640 / 2 628 000 = 0.013186', () => {
    const c = costAfter('terminate');
    expect(c.computeUsd).toBeCloseTo(0.115, 6);
    expect(c.diskUsd).toBeCloseTo((9.52 * 3640) / 2_628_000, 6);
  });

  it('stop costs more than terminate by the disk of the remaining 3590 s: 9.52 × 3590 / 2 628 000 = 0.013005', () => {
    expect(costAfter('stop').totalUsd - costAfter('terminate').totalUsd).toBeCloseTo((9.52 * 3590) / 2_628_000, 6);
  });

  it("the VM's own cost in the report is the run's total (it is the only VM)", () => {
    const c = costAfter('stop');
    expect(c.vm).toBe(c.totalUsd);
  });

  it('a pending VM costs no compute yet: after its 30 s of pending, only 30 s of disk = 9.52 × 30 / 2 628 000', () => {
    const w = createWorld({ regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 8, memoryGiB: 32 }] }] }] });
    w.apply({ kind: 'launch', name: 'vm', count: 1, vcpu: 2, memoryGiB: 8, diskGiB: 100, region: 'eu-central-1', busy: 0.25 });
    w.runUntil(30);
    expect(w.report().metrics.cost.computeUsd).toBe(0);
    expect(w.report().metrics.cost.diskUsd).toBeCloseTo((9.52 * 30) / 2_628_000, 6);
  });

  it('a run in a region with no price costs 0 and names that region', () => {
    const r = runScenario({
      until: 600,
      regions: [{ id: 'sa-east-1', azs: [{ id: 'sa-east-1a', hosts: [{ cores: 8, memoryGiB: 32 }] }] }],
      actions: [{ at: 0, launch: { name: 'vm', vcpu: 2, memoryGiB: 8, region: 'sa-east-1' } }],
    });
    expect(r.metrics.cost).toEqual({ computeUsd: 0, diskUsd: 0, totalUsd: 0, unpricedRegions: ['sa-east-1'] });
  });
});
