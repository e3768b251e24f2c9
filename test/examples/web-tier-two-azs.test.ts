import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, at, vm, host, placements, serving } from './helpers';

describe('web-tier-two-azs.yaml', () => {
  // eu-central-1a: 2 type 1 hosts (16 vCPU, 64 - 1 = 63 GiB each);
  // eu-central-1b: 2 type 2 hosts with reservedCores 2, reservedMemoryGiB 8 (14 vCPU, 56 GiB), +0.5 GiB per VM.
  // balance: round-robin a, b, a, b, ...; within an AZ the least-loaded host, ties to the first.
  //   web-1 -> a-h1, web-2 -> b-h1, web-3 -> a-h2 (h1 is loaded), web-4 -> b-h2,
  //   web-5 -> a-h1 (h1 and h2 equally loaded: first), web-6 -> b-h1.
  const r = run('web-tier-two-azs.yaml');

  it('spreads the six VMs over both AZs and all four hosts', () => {
    expect(placements(r)).toEqual({
      'web-1': 'eu-central-1a-h1',
      'web-2': 'eu-central-1b-h1',
      'web-3': 'eu-central-1a-h2',
      'web-4': 'eu-central-1b-h2',
      'web-5': 'eu-central-1a-h1',
      'web-6': 'eu-central-1b-h1',
    });
  });

  it('gives type 2 hosts less room and charges each VM overhead memory', () => {
    expect(host(r, 'eu-central-1a-h1')).toMatchObject({ hypervisor: 'type1', capacityVcpu: 16, capacityMemoryGiB: 63, allocatedMemoryGiB: 8 });
    // 2 VMs x (4 + 0.5) GiB = 9 GiB on a host that offers 64 - 8 = 56 GiB and 16 - 2 = 14 vCPUs.
    expect(host(r, 'eu-central-1b-h1')).toMatchObject({ hypervisor: 'type2', capacityVcpu: 14, capacityMemoryGiB: 56, allocatedMemoryGiB: 9 });
  });

  it('loses the three VMs of eu-central-1a while it is down, and only those', () => {
    const during = at('web-tier-two-azs.yaml', 1200);
    expect(serving(during)).toEqual(['web-2', 'web-4', 'web-6']);
    for (const name of ['web-1', 'web-3', 'web-5']) expect(vm(during, name).reason).toBe('az-down');
    expect(serving(r)).toHaveLength(6);
  });

  it('stays up throughout: three serving VMs are enough (minServing defaults to 1)', () => {
    expect(r.metrics.firstUpAt).toBe(30);
    expect(r.metrics.availabilityPercent).toBe(100);
    expect(r.metrics.downtimeSeconds).toBe(0);
  });

  it('costs six 2 vCPU VMs for 3570 s running and 3600 s of disk', () => {
    // compute: 6 x 0.115 $/h x 3570/3600 = 0.684250; disk: 6 x 8 GiB x 0.0952 x 3600 / (730 x 3600) = 0.006260
    const c = 6 * compute('eu-central-1', 2, 3600 - 30);
    const d = 6 * disk('eu-central-1', 8, 3600);
    expect(c).toBeCloseTo(0.68425, 6);
    expect(r.metrics.cost.computeUsd).toBeCloseTo(c, usd);
    expect(r.metrics.cost.diskUsd).toBeCloseTo(d, usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(0.69051, usd);
  });
});
