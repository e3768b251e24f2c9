import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, vm, host, placements, events } from './helpers';

describe('vm-lifecycle.yaml', () => {
  // One AZ, two hosts of 4 cores / 16 GiB (type 1: 4 vCPU, 15 GiB each); balance = least loaded.
  //   0    app-1 -> h1 (tie), app-2 -> h2 (h1 is loaded); running at 30.
  //   100  stop app-1: stopping until 120, then stopped; h1 is free again.
  //   130  batch-1 (4 vCPU) -> h1, the only host with 4 vCPUs free; running at 160.
  //   200  start app-1: its AZ's h1 is full, h2 has 2 vCPUs free -> pending on h2, running at 230.
  //   300  reboot app-2: stays on h2, not serving until 360.
  //   400  start app-2: refused, it is running.
  //   500  terminate batch-1: shutting-down until 510, then terminated.
  //   600  stop batch-1: refused, it is terminated.
  // The service is app-*, minServing 2: down 100..230 (130 s) and 300..360 (60 s).
  const file = 'vm-lifecycle.yaml';
  const r = run(file);

  it('places the two app VMs on different hosts', () => {
    expect(placements(at(file, 60))).toEqual({ 'app-1': 'eu-west-1a-h1', 'app-2': 'eu-west-1a-h2' });
  });

  it('releases the host when stopped, keeping the disk and the AZ', () => {
    const s = at(file, 150);
    expect(vm(s, 'app-1')).toMatchObject({ state: 'stopped', host: null, az: 'eu-west-1a', serving: false, reason: 'stopped' });
    expect(vm(s, 'app-1').legalActions.sort()).toEqual(['start', 'terminate']);
    expect(vm(s, 'batch-1')).toMatchObject({ state: 'pending', host: 'eu-west-1a-h1' });
  });

  it('starts the stopped VM on another host of its AZ', () => {
    const s = at(file, 250);
    expect(vm(s, 'app-1')).toMatchObject({ state: 'running', host: 'eu-west-1a-h2', serving: true });
    expect(
      events(r, 'running')
        .filter((e) => e.vm === 'app-1')
        .map((e) => [e.time, e.host]),
    ).toEqual([
      [30, 'eu-west-1a-h1'],
      [230, 'eu-west-1a-h2'],
    ]);
  });

  it('keeps a rebooting VM on its host, not serving for 60 s', () => {
    const s = at(file, 330);
    expect(vm(s, 'app-2')).toMatchObject({ state: 'running', host: 'eu-west-1a-h2', serving: false, reason: 'rebooting' });
    expect(events(r, 'rebooted').map((e) => [e.time, e.vm, e.host])).toEqual([[360, 'app-2', 'eu-west-1a-h2']]);
  });

  it('refuses illegal actions and says why, changing nothing', () => {
    const refused = events(r, 'refused');
    expect(refused.map((e) => [e.time, e.vm])).toEqual([
      [400, 'app-2'],
      [600, 'batch-1'],
    ]);
    expect(refused[0].message).toMatch(/cannot start app-2 while it is running/);
    expect(refused[0].message).toMatch(/stopped/);
    expect(refused[1].message).toMatch(/terminated/);
    expect(vm(r, 'app-2')).toMatchObject({ state: 'running', serving: true, host: 'eu-west-1a-h2' });
  });

  it('ends with batch-1 terminated and off its host for good', () => {
    expect(vm(r, 'batch-1')).toMatchObject({ state: 'terminated', host: null, serving: false, legalActions: [] });
    expect(events(r, 'terminated').map((e) => [e.time, e.vm])).toEqual([[510, 'batch-1']]);
    expect(host(r, 'eu-west-1a-h1').vms).toEqual([]);
    expect(host(r, 'eu-west-1a-h2').vms.sort()).toEqual(['app-1', 'app-2']);
  });

  it('counts 190 s of downtime between 30 s and 900 s: 680/870 = 78.161%', () => {
    expect(r.metrics.firstUpAt).toBe(30);
    expect(r.metrics.downtimeSeconds).toBe(130 + 60);
    expect(r.metrics.upSeconds).toBe(870 - 190);
    expect(r.metrics.availabilityPercent).toBe(78.161);
  });

  it('bills compute only while running, disk until terminated', () => {
    // app-1 runs 30..100 and 230..900 = 740 s; app-2 runs 30..900 = 870 s (a reboot is still running);
    // batch-1 (4 vCPU) runs 160..500 = 340 s. Disks: app-1, app-2 0..900; batch-1 130..510 = 380 s.
    const a1 = compute('eu-west-1', 2, 740) + disk('eu-west-1', 8, 900);
    const a2 = compute('eu-west-1', 2, 870) + disk('eu-west-1', 8, 900);
    const b1 = compute('eu-west-1', 4, 340) + disk('eu-west-1', 8, 380);
    expect(vm(r, 'app-1').costUsd).toBeCloseTo(a1, usd);
    expect(vm(r, 'app-2').costUsd).toBeCloseTo(a2, usd);
    expect(vm(r, 'batch-1').costUsd).toBeCloseTo(b1, usd);
    // 0.107 x 1610/3600 + 0.214 x 340/3600 = 0.0680639; disks 0.704 x 2180 / 2 628 000 = 0.000584
    expect(r.metrics.cost.totalUsd).toBeCloseTo(0.068648, usd);
  });
});
