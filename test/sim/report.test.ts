import { describe, expect, it } from 'vitest';
import { createWorld, runScenario, type ScenarioInput } from '@site/sim';

const frankfurt = (hosts: { cores: number; memoryGiB: number }[] = [{ cores: 8, memoryGiB: 32 }]) => [
  {
    id: 'eu-central-1',
    azs: [
      { id: 'eu-central-1a', hosts },
      { id: 'eu-central-1b', hosts: [{ cores: 8, memoryGiB: 32 }] },
    ],
  },
];

const sample = (): ScenarioInput => ({
  name: 'Report sample',
  seed: 42,
  until: 300,
  regions: frankfurt(),
  database: { region: 'eu-central-1', az: 'eu-central-1a', standby: { az: 'eu-central-1b' } },
  actions: [
    { at: 0, launch: { name: 'web', vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } },
    { at: 0, group: { name: 'api', desired: 2, vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } },
  ],
});

describe('the shape of a report', () => {
  const r = runScenario(sample());

  it('has the documented top-level fields', () => {
    expect(Object.keys(r).sort()).toEqual(['database', 'events', 'groups', 'hosts', 'latency', 'metrics', 'regions', 'scenario', 'seed', 'time', 'vms']);
    expect([r.scenario, r.seed, r.time]).toEqual(['Report sample', 42, 300]);
  });

  it('regions carry their catalog name and country, and the health of each AZ', () => {
    expect(r.regions).toEqual([
      {
        id: 'eu-central-1',
        name: 'Europe (Frankfurt)',
        country: 'Germany',
        health: 'up',
        azs: [
          { id: 'eu-central-1a', health: 'up' },
          { id: 'eu-central-1b', health: 'up' },
        ],
      },
    ]);
  });

  it('a VM entry has its state, whether and why it serves, where it is, its size, load, steal, legal actions and cost', () => {
    expect(Object.keys(r.vms[0]).sort()).toEqual(
      [
        'az',
        'busy',
        'computeUsd',
        'costUsd',
        'diskGiB',
        'diskUsd',
        'group',
        'host',
        'hourlyUsd',
        'legalActions',
        'memoryGiB',
        'name',
        'reason',
        'refusals',
        'region',
        'serving',
        'spreadGroup',
        'state',
        'stealPercent',
        'storage',
        'vcpu',
        'workingSet',
        'balloonGiB',
        'swappedGiB',
        'swappedPercent',
      ].sort(),
    );
    expect(r.vms[0]).toMatchObject({
      name: 'web-1',
      state: 'running',
      serving: true,
      reason: null,
      host: 'eu-central-1a-h1',
      az: 'eu-central-1a',
      region: 'eu-central-1',
      vcpu: 2,
      memoryGiB: 4,
      diskGiB: 8,
      group: null,
      busy: 0.25,
    });
  });

  it('a host entry has its hardware, hypervisor reserve, capacity, allocation and contention', () => {
    expect(Object.keys(r.hosts[0]).sort()).toEqual(
      [
        'allocatedMemoryGiB',
        'allocatedVcpu',
        'az',
        'capacityMemoryGiB',
        'capacityVcpu',
        'cores',
        'demandCores',
        'diskGiB',
        'freeDiskGiB',
        'freeMemoryGiB',
        'freeVcpu',
        'health',
        'hypervisor',
        'id',
        'memoryGiB',
        'perVmOverheadMemoryGiB',
        'region',
        'reservedCores',
        'reservedMemoryGiB',
        'stealPercent',
        'supplyCores',
        'vms',
        'memory',
      ].sort(),
    );
  });

  it('a group entry counts members and serving members', () => {
    expect(r.groups).toEqual([{ name: 'api', desired: 2, members: 2, serving: 2, azs: ['eu-central-1a', 'eu-central-1b'] }]);
  });

  it('the database entry and the metrics have their documented fields', () => {
    expect(Object.keys(r.database!).sort()).toEqual(
      [
        'available',
        'failingOver',
        'failoverStartedAt',
        'failovers',
        'lostWrites',
        'name',
        'primary',
        'replica',
        'rpoSeconds',
        'standby',
        'writeLatencyMs',
      ].sort(),
    );
    expect(Object.keys(r.metrics).sort()).toEqual(
      [
        'availabilityPercent',
        'cost',
        'downtimeSeconds',
        'firstUpAt',
        'requests',
        'residencyViolations',
        'runningVms',
        'serviceUp',
        'servingVms',
        'traffic',
        'upSeconds',
      ].sort(),
    );
  });

  it('without a database the entry is null', () => {
    expect(runScenario({ regions: frankfurt(), until: 10 }).database).toBeNull();
  });

  it('is plain JSON: it survives a round trip through JSON unchanged', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('events can be left out', () => {
    const w = createWorld(sample());
    w.run();
    expect(w.report({ events: false }).events).toEqual([]);
    expect(w.report().events.length).toBeGreaterThan(0);
  });

  it('a stopped VM: no host, its AZ kept, not serving because it is stopped', () => {
    const stopped = runScenario({ ...sample(), actions: [...sample().actions!, { at: 100, stop: { vm: 'web-1' } }] });
    expect(stopped.vms[0]).toMatchObject({ state: 'stopped', serving: false, reason: 'stopped', host: null, az: 'eu-central-1a' });
  });
});

describe('a report is a snapshot', () => {
  it('reading a report changes nothing: two reports in a row are equal and the clock does not move', () => {
    const w = createWorld(sample());
    w.runUntil(100);
    expect(w.report()).toEqual(w.report());
    expect(w.report().time).toBe(100);
  });

  it('an earlier report does not change as the world runs on (its failover list stays empty)', () => {
    const w = createWorld(sample());
    w.runUntil(100);
    const before = w.report();
    const frozen = JSON.stringify(before);
    w.apply({ kind: 'fail', az: 'eu-central-1a' });
    w.runUntil(300);
    expect(w.report().database!.failovers).toHaveLength(1);
    expect(before.database!.failovers).toEqual([]);
    expect(JSON.stringify(before) === frozen, 'the earlier report changed').toBe(true);
  });
});

describe('rounding: numbers are rounded once, in the report', () => {
  it('availability to 3 decimals: up 30–230 s, crashed 230–330 s → 200 / 300 = 66.666…% → 66.667', () => {
    const m = runScenario({ ...sample(), database: undefined, actions: [sample().actions![0], { at: 230, crash: { vm: 'web-1' } }], until: 330 }).metrics;
    expect(m.availabilityPercent).toBe(66.667);
  });

  it('cost to 6 decimals (micro-dollars): 1 vCPU in Frankfurt running 1 s = 0.0575 / 3600 = 0.0000159722 → 0.000016; 31 s of 8 GiB disk = 0.7616 × 31 / 2 628 000 = 0.0000089838 → 0.000009; total 0.000024956 → 0.000025', () => {
    const r = runScenario({ regions: frankfurt(), until: 31, actions: [{ at: 0, launch: { name: 'vm', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } }] });
    expect(r.metrics.cost).toMatchObject({ computeUsd: 0.000016, diskUsd: 0.000009, totalUsd: 0.000025 });
    expect(r.vms[0].costUsd).toBe(0.000025);
  });

  it('steal to 1 decimal: seven busy 1-vCPU VMs on 3 cores get 3/7 of their demand: (1 − 3/7) × 100 = 57.142… → 57.1', () => {
    const r = runScenario({
      regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 3, memoryGiB: 32 }] }] }],
      policy: { cpuOvercommit: 4 },
      until: 60,
      actions: [{ at: 0, launch: { name: 'vm', count: 7, vcpu: 1, memoryGiB: 1, region: 'eu-central-1', busy: 1 } }],
    });
    expect([r.hosts[0].demandCores, r.hosts[0].stealPercent, r.vms[0].stealPercent]).toEqual([7, 57.1, 57.1]);
  });

  it('sums that binary floating point cannot hold exactly come out clean: 3 × 0.1 GiB allocated = 0.3; 3 × 1 vCPU × 0.1 busy = 0.3 cores asked', () => {
    const r = runScenario({
      regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 8, memoryGiB: 32 }] }] }],
      until: 60,
      actions: [{ at: 0, launch: { name: 'vm', count: 3, vcpu: 1, memoryGiB: 0.1, region: 'eu-central-1', busy: 0.1 } }],
    });
    expect([r.hosts[0].allocatedMemoryGiB, r.hosts[0].demandCores]).toEqual([0.3, 0.3]);
  });

  it('capacities with fractional overcommit: 3 cores × 1.1 = 3.3 vCPUs; (11 − 1) × 1.1 = 11 GiB', () => {
    const r = runScenario({
      regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 3, memoryGiB: 11 }] }] }],
      policy: { cpuOvercommit: 1.1, memoryOvercommit: 1.1 },
      until: 10,
    });
    expect([r.hosts[0].capacityVcpu, r.hosts[0].capacityMemoryGiB]).toEqual([3.3, 11]);
  });

  it('write latency to 3 decimals: 0.1 ms + 0.2 ms round trip = 0.3 ms', () => {
    const r = runScenario({ ...sample(), database: { ...sample().database!, writeMs: 0.1 }, network: { interAzRttMs: 0.2 }, until: 10 });
    expect(r.database!.writeLatencyMs).toBe(0.3);
  });
});
