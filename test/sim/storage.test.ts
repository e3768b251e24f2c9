/**
 * Storage as EC2 and EBS have it, worked by hand from the documented defaults (pending 30 s,
 * stopping 20 s, shutting-down 10 s, reboot 60 s) and the shipped us-east-1 prices (m5.large
 * 0.096 USD an hour for 2 vCPU; gp3 0.08 USD per GB-month; a month is 730 h = 2 628 000 s).
 * The root volume is on the network; the instance store is on the host's local disk.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, parseScenario, priceTable, runScenario, ScenarioError, type ScenarioInput, type World } from '@site/sim';

const region = 'us-east-1';
const az = 'us-east-1a';

function world(hostDiskGiB = 1024, hosts = 1): World {
  return createWorld({ regions: [{ id: region, azs: [{ id: az, hosts: [{ count: hosts, cores: 8, memoryGiB: 32, diskGiB: hostDiskGiB }] }] }] });
}

const launch = (extra: { diskGiB?: number; instanceStoreGiB?: number } = {}) =>
  ({ kind: 'launch', name: 'vm', vcpu: 2, memoryGiB: 8, region, ...extra }) as const;
const write = (to: 'instance-store' | 'root-volume', gib: number) => ({ kind: 'write', vm: 'vm-1', to, gib }) as const;
const vm = (w: World) => w.report().vms[0];

describe('the instance store: kept at reboot, erased at stop, termination and host failure', () => {
  it('a reboot keeps the 30 GiB written to it: the VM stays on its host', () => {
    const w = world();
    w.apply(launch({ instanceStoreGiB: 75 }));
    w.runUntil(30);
    expect(w.apply(write('instance-store', 30)).ok).toBe(true);
    w.apply({ kind: 'reboot', vm: 'vm-1' });
    w.runUntil(90);
    expect(vm(w).storage.instanceStore).toEqual({ sizeGiB: 75, dataGiB: 30, host: 'us-east-1a-h1' });
  });

  it('a stop erases it when the VM leaves its host (at 30 + 20 s), not before; the root volume keeps its 12 GiB', () => {
    const w = world();
    w.apply(launch({ instanceStoreGiB: 75, diskGiB: 100 }));
    w.runUntil(30);
    w.apply(write('instance-store', 30));
    w.apply(write('root-volume', 12));
    w.apply({ kind: 'stop', vm: 'vm-1' });
    w.runUntil(49);
    expect(vm(w).storage.instanceStore?.dataGiB).toBe(30);
    w.runUntil(50);
    expect(vm(w).state).toBe('stopped');
    expect(vm(w).storage).toEqual({
      rootVolume: { sizeGiB: 100, dataGiB: 12, state: 'in-use', billed: true },
      instanceStore: { sizeGiB: 75, dataGiB: 0, host: null },
    });
  });

  it('erasure is in the trace with what was lost', () => {
    const w = world();
    w.apply(launch({ instanceStoreGiB: 75, diskGiB: 100 }));
    w.runUntil(30);
    w.apply(write('instance-store', 30));
    w.apply({ kind: 'stop', vm: 'vm-1' });
    w.runUntil(50);
    const erased = w.report().events.filter((e) => e.kind === 'instance-store-erased');
    expect(erased).toEqual([
      {
        time: 50,
        kind: 'instance-store-erased',
        vm: 'vm-1',
        host: 'us-east-1a-h1',
        message: "vm-1's instance store (75 GiB on the host) was erased: vm-1 stopped and left its host; 30 GiB of data lost",
      },
    ]);
  });

  it('a host failure erases it at once; the root volume keeps its data; a stop and start brings an empty store on the other host', () => {
    const w = world(1024, 2);
    w.apply(launch({ instanceStoreGiB: 75, diskGiB: 100 }));
    w.runUntil(30);
    w.apply(write('instance-store', 30));
    w.apply(write('root-volume', 12));
    w.apply({ kind: 'fail', host: 'us-east-1a-h1' });
    expect(vm(w).storage.instanceStore?.dataGiB).toBe(0);
    expect(vm(w).storage.rootVolume.dataGiB).toBe(12);
    w.apply({ kind: 'stop', vm: 'vm-1' });
    w.runUntil(50);
    w.apply({ kind: 'start', vm: 'vm-1' });
    w.runUntil(80);
    expect(vm(w).storage).toEqual({
      rootVolume: { sizeGiB: 100, dataGiB: 12, state: 'in-use', billed: true },
      instanceStore: { sizeGiB: 75, dataGiB: 0, host: 'us-east-1a-h2' },
    });
  });

  it('an AZ outage does not erase it (only the host failing does, in the engine)', () => {
    const w = world();
    w.apply(launch({ instanceStoreGiB: 75 }));
    w.runUntil(30);
    w.apply(write('instance-store', 30));
    w.apply({ kind: 'fail', az });
    expect(vm(w).storage.instanceStore?.dataGiB).toBe(30);
  });
});

describe('writes', () => {
  it('are refused with the reason: no instance store, not running, full', () => {
    const w = world();
    w.apply(launch({ diskGiB: 20 }));
    expect(w.apply(write('root-volume', 1))).toEqual({
      ok: false,
      reason: "cannot write to vm-1's root volume: it is pending; data is written by a running guest",
    });
    w.runUntil(30);
    expect(w.apply(write('instance-store', 1))).toEqual({ ok: false, reason: 'vm-1 has no instance store: it was launched with instanceStoreGiB 0' });
    expect(w.apply(write('root-volume', 15)).ok).toBe(true);
    expect(w.apply(write('root-volume', 6))).toEqual({ ok: false, reason: "vm-1's root volume is full: 15 of 20 GiB used, no room for 6 GiB more" });
    expect(w.apply(write('root-volume', 5)).ok).toBe(true);
    w.apply({ kind: 'crash', vm: 'vm-1' });
    expect(w.apply({ kind: 'write', vm: 'vm-1', to: 'root-volume', gib: 0.5 })).toMatchObject({ ok: false });
  });

  it('name a launched VM in a scenario file, or the file is refused with the path', () => {
    const bad: ScenarioInput = {
      regions: [{ id: region, azs: [{ id: az, hosts: [{ cores: 8, memoryGiB: 32 }] }] }],
      actions: [{ at: 5, write: { vm: 'web-1', to: 'instance-store', gib: 1 } }],
    };
    expect(() => parseScenario(bad)).toThrow(ScenarioError);
    expect(() => parseScenario(bad)).toThrow(/actions\[0\]\.write\.vm/);
    const wrongDisk = { ...bad, actions: [{ at: 5, write: { vm: 'web-1', to: 'ssd', gib: 1 } }] } as unknown as ScenarioInput;
    expect(() => parseScenario(wrongDisk)).toThrow(/actions\[0\]\.write\.to: expected "instance-store" or "root-volume"/);
  });
});

describe('host disk holds instance stores only', () => {
  it('a start is not refused for host disk when the VM has only a root volume: a 500 GiB volume on a 100 GiB host', () => {
    const w = world(100);
    expect(w.apply(launch({ diskGiB: 500 })).ok).toBe(true);
    w.runUntil(30);
    w.apply({ kind: 'stop', vm: 'vm-1' });
    w.runUntil(50);
    // Another VM fills the host's whole local disk with its instance store while vm-1 is stopped.
    expect(w.apply({ kind: 'launch', name: 'scratch', vcpu: 2, memoryGiB: 8, region, instanceStoreGiB: 100 }).ok).toBe(true);
    expect(w.apply({ kind: 'start', vm: 'vm-1' })).toEqual({ ok: true, message: 'vm-1 is starting on us-east-1a-h1' });
  });

  it('a start needs room for its instance store: refused with the local disk named, while its volume is still billed', () => {
    const w = world(100);
    w.apply(launch({ instanceStoreGiB: 60 }));
    w.runUntil(30);
    w.apply({ kind: 'stop', vm: 'vm-1' });
    w.runUntil(50);
    w.apply({ kind: 'launch', name: 'scratch', vcpu: 2, memoryGiB: 8, region, instanceStoreGiB: 50 });
    const outcome = w.apply({ kind: 'start', vm: 'vm-1' });
    expect(outcome).toEqual({
      ok: false,
      reason:
        'insufficient capacity: no host in us-east-1a has room for vm-1 (2 vCPU / 8 GiB; no host has 60 GiB of local disk free for an instance store); it stays stopped',
    });
    expect(vm(w).hourlyUsd).toBeCloseTo((8 * 0.08) / 730, 6);
  });
});

describe('billing: the root volume until terminated, the instance store never apart', () => {
  // 2 vCPU with a 100 GiB root volume and a 75 GiB instance store; launched at 0, running 30–3630,
  // stopped at 3650, run to 7250. Compute: 3600 s × 0.096 / 3600 = 0.096. Volume: 100 × 0.08 = 8 USD
  // a month, billed all 7250 s: 8 × 7250 / 2 628 000 = 0.022070. The instance store adds nothing.
  const scenario = (verb: 'stop' | 'terminate', instanceStoreGiB: number): ScenarioInput => ({
    until: 7250,
    regions: [{ id: region, azs: [{ id: az, hosts: [{ cores: 8, memoryGiB: 32 }] }] }],
    actions: [
      { at: 0, launch: { name: 'vm', vcpu: 2, memoryGiB: 8, diskGiB: 100, instanceStoreGiB, region } },
      { at: 3630, [verb]: { vm: 'vm-1' } },
    ],
  });

  it('stopped: the volume is billed while stopped, 8 × 7250 / 2 628 000 = 0.022070 USD; compute 0.096', () => {
    const c = runScenario(scenario('stop', 75)).metrics.cost;
    expect(c.computeUsd).toBeCloseTo(0.096, 6);
    expect(c.diskUsd).toBeCloseTo((8 * 7250) / 2_628_000, 6);
  });

  it('the instance store costs nothing apart: the same run without one costs the same', () => {
    expect(runScenario(scenario('stop', 75)).metrics.cost).toEqual(runScenario(scenario('stop', 0)).metrics.cost);
  });

  it('terminated: the volume is deleted at 3640 s and billed until then, 8 × 3640 / 2 628 000 = 0.011081 USD', () => {
    const r = runScenario(scenario('terminate', 75));
    expect(r.metrics.cost.diskUsd).toBeCloseTo((8 * 3640) / 2_628_000, 6);
    expect(r.vms[0].storage.rootVolume).toEqual({ sizeGiB: 100, dataGiB: 0, state: 'deleted', billed: false });
    expect(r.events.filter((e) => e.kind === 'volume-deleted').map((e) => e.time)).toEqual([3640]);
  });

  it("the gp3 price is labelled with its own source and date, apart from the instance hours'", () => {
    expect(priceTable.sources.gp3GbMonthUsd.asOf).toBe('2025-10-28');
    expect(priceTable.sources.instanceHourUsd.asOf).toBe('2024-10-10');
    expect(priceTable.sources.gp3GbMonthUsd.source).toContain('ebs.json');
    expect(priceTable.sources.instanceHourUsd.source).toContain('vms.csv');
  });
});
