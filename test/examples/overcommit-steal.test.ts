import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, vm, host, serving, events } from './helpers';

describe('overcommit-steal.yaml', () => {
  // One 8-core type 1 host, cpuOvercommit 2: 8 x 2 = 16 vCPUs to sell. Four 4 vCPU VMs take all 16
  // (pack, one host), so the 1 vCPU `extra` at 10 s has room for 0 and is refused.
  // Steal: demand = sum of vcpu x busy over running, uncrashed VMs; supply = 8 cores.
  //   busy 0.25: 4 x 4 x 0.25 = 4 cores <= 8: nobody waits.
  //   busy 0.75: 4 x 4 x 0.75 = 12 cores > 8: share 8/12 = 2/3, steal 1/3 = 33.3%.
  //   app-4 crashed (1500 s until its reboot completes at 1860 s): 3 x 4 x 0.75 = 9: steal 1 - 8/9 = 11.1%.
  const file = 'overcommit-steal.yaml';

  it('sells twice the cores and refuses what does not fit', () => {
    const r = run(file);
    expect(host(r, 'ap-southeast-1a-h1')).toMatchObject({ capacityVcpu: 16, allocatedVcpu: 16, vms: ['app-1', 'app-2', 'app-3', 'app-4'] });
    expect(r.vms.map((v) => v.name)).toEqual(['app-1', 'app-2', 'app-3', 'app-4']);
    const refusal = events(r, 'insufficient-capacity');
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toMatchObject({ time: 10 });
    expect(refusal[0].message).toMatch(/room for 0/);
  });

  it('has no steal time while demand fits the cores', () => {
    const r = at(file, 599);
    expect(host(r, 'ap-southeast-1a-h1')).toMatchObject({ demandCores: 4, supplyCores: 8, stealPercent: 0 });
    expect(r.vms.every((v) => v.stealPercent === 0)).toBe(true);
  });

  it('makes every VM wait a third of the time when they ask for 12 of 8 cores', () => {
    const r = at(file, 1000);
    expect(host(r, 'ap-southeast-1a-h1')).toMatchObject({ demandCores: 12, supplyCores: 8, stealPercent: 33.3 });
    expect(r.vms.map((v) => v.stealPercent)).toEqual([33.3, 33.3, 33.3, 33.3]);
    expect(r.vms.every((v) => v.busy === 0.75 && v.serving)).toBe(true);
  });

  it('keeps a crash inside its VM, and the crashed VM gives its CPU back', () => {
    const r = at(file, 1600);
    expect(vm(r, 'app-4')).toMatchObject({ serving: false, reason: 'crashed', stealPercent: 0, host: 'ap-southeast-1a-h1' });
    expect(serving(r)).toEqual(['app-1', 'app-2', 'app-3']);
    expect(host(r, 'ap-southeast-1a-h1')).toMatchObject({ demandCores: 9, stealPercent: 11.1 });
  });

  it('brings the VM back on the same host with a reboot, and the contention with it', () => {
    const rebooting = at(file, 1830);
    expect(vm(rebooting, 'app-4')).toMatchObject({ serving: false, host: 'ap-southeast-1a-h1' });
    const r = run(file);
    expect(events(r, 'rebooted').map((e) => [e.time, e.vm])).toEqual([[1860, 'app-4']]);
    expect(serving(r)).toEqual(['app-1', 'app-2', 'app-3', 'app-4']);
    expect(host(r, 'ap-southeast-1a-h1')).toMatchObject({ demandCores: 12, stealPercent: 33.3 });
  });

  it('stays up and costs four 4 vCPU VMs from 30 s to 2400 s', () => {
    const r = run(file);
    expect(r.metrics.availabilityPercent).toBe(100);
    // compute: 4 x 0.24 $/h x 2370/3600 = 0.632; disk: 4 x 8 GiB x 0.096 x 2400 / 2 628 000 = 0.0028055
    const c = 4 * compute('ap-southeast-1', 4, 2370);
    expect(c).toBeCloseTo(0.632, 10);
    expect(r.metrics.cost.computeUsd).toBeCloseTo(c, usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(c + 4 * disk('ap-southeast-1', 8, 2400), usd);
  });
});
