import { describe, expect, it } from 'vitest';
import { compute, disk, usd, run, vm, placements, events } from './helpers';

describe('residency-eu.yaml', () => {
  // Allowed: EU. eu-central-1 (Germany) and eu-west-1 (Ireland) are in the EU; eu-west-2 (London,
  // United Kingdom) and us-east-1 (United States) are not.
  // The replica is flagged when the world is built (0 s); edge-1 when it is placed (120 s).
  const r = run('residency-eu.yaml');

  it('flags the replica in the US and the VM in London, and nothing else', () => {
    expect(r.metrics.residencyViolations).toEqual([
      { what: 'database db replica', region: 'us-east-1', jurisdictions: ['United States of America'], since: 0 },
      { what: 'VM edge-1', region: 'eu-west-2', jurisdictions: ['United Kingdom'], since: 120 },
    ]);
    expect(events(r, 'residency-violation').map((e) => [e.time, e.region])).toEqual([
      [0, 'us-east-1'],
      [120, 'eu-west-2'],
    ]);
  });

  it('places the two api VMs in Frankfurt and Ireland', () => {
    expect(placements(r)).toEqual({ 'api-1': 'eu-central-1a-h1', 'api-2': 'eu-west-1a-h1', 'edge-1': 'eu-west-2a-h1' });
  });

  it('prices each VM at its own region', () => {
    // api-1 0.115, api-2 0.107, edge-1 0.111 $/h per 2 vCPU; api-* run 30..600, edge-1 150..600.
    expect(vm(r, 'api-1').costUsd).toBeCloseTo(compute('eu-central-1', 2, 570) + disk('eu-central-1', 8, 600), usd);
    expect(vm(r, 'api-2').costUsd).toBeCloseTo(compute('eu-west-1', 2, 570) + disk('eu-west-1', 8, 600), usd);
    expect(vm(r, 'edge-1').costUsd).toBeCloseTo(compute('eu-west-2', 2, 450) + disk('eu-west-2', 8, 480), usd);
    // (65.55 + 60.99 + 49.95) / 3600 = 0.049025 of compute
    expect(r.metrics.cost.computeUsd).toBeCloseTo(0.049025, usd);
  });
});
