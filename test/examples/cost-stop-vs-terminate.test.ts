import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, vm } from './helpers';

describe('cost-stop-vs-terminate.yaml', () => {
  // 4 vCPU in Singapore: 0.12 / 2 x 4 = 0.24 $/h. 100 GiB gp3: 0.096 x 100 = 9.6 $/month.
  // All three run from 30 s. At 1830 s app-2 stops (stopped at 1850) and app-3 terminates (1840).
  //   app-1: compute 7170 s = 0.478;  disk 7200 s = 9.6 x 7200 / 2 628 000 = 0.0263014
  //   app-2: compute 1800 s = 0.12;   disk 7200 s = 0.0263014 (a stopped VM keeps its disk)
  //   app-3: compute 1800 s = 0.12;   disk 1840 s = 0.0067215
  const r = run('cost-stop-vs-terminate.yaml');

  it('ends with one VM of each kind', () => {
    expect(r.vms.map((v) => [v.name, v.state, v.host])).toEqual([
      ['app-1', 'running', 'ap-southeast-1a-h1'],
      ['app-2', 'stopped', null],
      ['app-3', 'terminated', null],
    ]);
  });

  it('bills each VM by hand', () => {
    expect(compute('ap-southeast-1', 4, 7170)).toBeCloseTo(0.478, 10);
    expect(vm(r, 'app-1').costUsd).toBeCloseTo(compute('ap-southeast-1', 4, 7170) + disk('ap-southeast-1', 100, 7200), usd);
    expect(vm(r, 'app-2').costUsd).toBeCloseTo(compute('ap-southeast-1', 4, 1800) + disk('ap-southeast-1', 100, 7200), usd);
    expect(vm(r, 'app-3').costUsd).toBeCloseTo(compute('ap-southeast-1', 4, 1800) + disk('ap-southeast-1', 100, 1840), usd);
    expect(vm(r, 'app-1').costUsd).toBeCloseTo(0.504301, usd);
    expect(vm(r, 'app-2').costUsd).toBeCloseTo(0.146301, usd);
    expect(vm(r, 'app-3').costUsd).toBeCloseTo(0.126721, usd);
  });

  it('adds up: 0.718 of compute and 0.059324 of disk', () => {
    expect(r.metrics.cost.computeUsd).toBeCloseTo(0.718, usd);
    expect(r.metrics.cost.diskUsd).toBeCloseTo(0.059324, usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(0.777324, usd);
    expect(r.metrics.cost.unpricedRegions).toEqual([]);
  });

  it('keeps billing a stopped VM for its disk only', () => {
    // From 1850 s on app-2 costs 9.6 $/month, i.e. 9.6 / 730 per hour, and nothing for compute.
    const before = vm(at('cost-stop-vs-terminate.yaml', 3600), 'app-2').costUsd;
    const after = vm(r, 'app-2').costUsd;
    expect(after - before).toBeCloseTo((9.6 / 730) * 1, usd);
    const terminated = vm(at('cost-stop-vs-terminate.yaml', 3600), 'app-3').costUsd;
    expect(vm(r, 'app-3').costUsd).toBe(terminated);
  });
});
