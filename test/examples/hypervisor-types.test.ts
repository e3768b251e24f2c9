import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, host, events } from './helpers';

describe('hypervisor-types.yaml', () => {
  // Type 1 defaults: reserve 0 cores, 1 GiB, no per-VM overhead -> 16 vCPU, 63 GiB.
  // Type 2 defaults: reserve 2 cores, 4 GiB, 0.5 GiB per VM     -> 14 vCPU, 60 GiB.
  // 8 x 1 vCPU / 7.5 GiB: type 1 needs 8 vCPU and 60 GiB <= 63: fits.
  //                       type 2 needs 8 vCPU and 8 x 8 = 64 GiB > 60: refused (room for 60/8 = 7).
  // 7 of them on type 2: 7 vCPU, 56 GiB: fits.
  const r = run('hypervisor-types.yaml');

  it('fits eight VMs on the type 1 host', () => {
    const bare = r.vms.filter((v) => v.name.startsWith('bare-'));
    expect(bare.map((v) => v.name)).toEqual(['bare-1', 'bare-2', 'bare-3', 'bare-4', 'bare-5', 'bare-6', 'bare-7', 'bare-8']);
    expect(new Set(bare.map((v) => v.host))).toEqual(new Set(['us-east-1a-h1']));
    expect(host(r, 'us-east-1a-h1')).toMatchObject({
      hypervisor: 'type1',
      reservedCores: 0,
      reservedMemoryGiB: 1,
      perVmOverheadMemoryGiB: 0,
      capacityVcpu: 16,
      capacityMemoryGiB: 63,
      allocatedVcpu: 8,
      allocatedMemoryGiB: 60,
    });
  });

  it('refuses eight on the type 2 host, whole, because of the per-VM overhead', () => {
    const refusal = events(r, 'insufficient-capacity');
    expect(refusal).toHaveLength(1);
    expect(refusal[0].time).toBe(0);
    expect(refusal[0].message).toMatch(/room for 7/);
    expect(refusal[0].message).toMatch(/nothing was launched/);
  });

  it('fits seven there, numbered from 1 since the refused launch named nobody', () => {
    const hosted = r.vms.filter((v) => v.name.startsWith('hosted-'));
    expect(hosted.map((v) => v.name)).toEqual(['hosted-1', 'hosted-2', 'hosted-3', 'hosted-4', 'hosted-5', 'hosted-6', 'hosted-7']);
    expect(hosted.every((v) => v.host === 'us-east-1b-h1' && v.state === 'running')).toBe(true);
    expect(host(r, 'us-east-1b-h1')).toMatchObject({
      hypervisor: 'type2',
      reservedCores: 2,
      reservedMemoryGiB: 4,
      perVmOverheadMemoryGiB: 0.5,
      capacityVcpu: 14,
      capacityMemoryGiB: 60,
      allocatedVcpu: 7,
      allocatedMemoryGiB: 56,
    });
  });

  it('costs 8 VMs from 30 s and 7 from 90 s, at 1 vCPU each', () => {
    // compute: 8 x 0.048 x 570/3600 + 7 x 0.048 x 510/3600 = 0.0608 + 0.0476 = 0.1084
    // disk: (8 x 600 + 7 x 540) s x 8 GiB x 0.08 / 2 628 000 = 0.0020895
    const c = 8 * compute('us-east-1', 1, 570) + 7 * compute('us-east-1', 1, 510);
    expect(c).toBeCloseTo(0.1084, 10);
    expect(r.metrics.cost.computeUsd).toBeCloseTo(c, usd);
    expect(r.metrics.cost.totalUsd).toBeCloseTo(c + 8 * disk('us-east-1', 8, 600) + 7 * disk('us-east-1', 8, 540), usd);
  });
});
