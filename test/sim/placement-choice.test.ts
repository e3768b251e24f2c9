/**
 * The host chooseHost picks, against the placement rule scanned plainly: every host of every AZ
 * looked at, AZs in the documented order, with no load index and no shortcuts. Random worlds (AZs,
 * hosts, what each host has given, failed hosts and AZs) and random requests (pack or balance, a
 * pinned AZ, a group's AZs with their member counts, a host to avoid, hosts and AZs to stay off).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '@site/sim';
import { chooseHost, type PlacementRequest } from '@site/sim/placement';
import type { AzState, HostState, RegionState } from '@site/sim/types';
import { buildTopology } from '@site/sim/world';

// ---------------------------------------------------------------------------------------------
// The rule, written out here.

/** Room for the VM: vCPU, memory (with the hypervisor's per-VM overhead) and local disk, each within capacity. */
function hasRoom(host: HostState, req: PlacementRequest): boolean {
  const eps = 1e-9;
  return (
    host.allocatedVcpu + req.size.vcpu <= host.capacityVcpu + eps &&
    host.allocatedMemoryGiB + req.size.memoryGiB + host.hypervisor.perVmOverheadMemoryGiB <= host.capacityMemoryGiB + eps &&
    host.allocatedDiskGiB + req.size.instanceStoreGiB <= host.diskGiB + eps
  );
}

const candidate = (host: HostState, req: PlacementRequest) => host.health === 'up' && !req.excludeHosts?.has(host.id) && hasRoom(host, req);

/** The larger of the CPU and memory shares given (a host with no capacity counts as full). */
function load(host: HostState): number {
  const cpu = host.capacityVcpu > 0 ? host.allocatedVcpu / host.capacityVcpu : 1;
  const mem = host.capacityMemoryGiB > 0 ? host.allocatedMemoryGiB / host.capacityMemoryGiB : 1;
  return Math.max(cpu, mem);
}

/** In one AZ: pack takes the first candidate in declared order, balance the least loaded (ties: declared order); the avoided host only if nothing else. */
function scanAz(az: AzState, req: PlacementRequest): HostState | null {
  const hosts = az.hosts.filter((h) => candidate(h, req));
  const others = hosts.filter((h) => h.id !== req.avoid);
  const pool = others.length > 0 ? others : hosts;
  if (pool.length === 0) return null;
  if (req.policy.placement === 'pack') return pool[0];
  return pool.reduce((best, h) => (load(h) < load(best) ? h : best));
}

const usable = (region: RegionState, az: AzState, req: PlacementRequest) => region.health === 'up' && az.health === 'up' && !req.excludeAzs?.has(az.id);

/** The whole rule: a pinned AZ; a group's AZs by fewest members then declared order; pack in declared order; balance round-robin. */
function plainChoice(region: RegionState, req: PlacementRequest): { host: HostState | null; cursor: number } {
  const cursor = region.spreadCursor;
  if (region.health !== 'up') return { host: null, cursor };
  if (req.az !== undefined) {
    const az = region.azs.find((a) => a.id === req.az);
    return { host: az && usable(region, az, req) ? scanAz(az, req) : null, cursor };
  }
  if (req.groupAzs) {
    const order = req.groupAzs
      .map((g) => ({ members: g.members, az: region.azs.find((a) => a.id === g.az) }))
      .filter((g): g is { members: number; az: AzState } => g.az !== undefined && usable(region, g.az, req))
      .sort((a, b) => a.members - b.members || a.az.index - b.az.index);
    for (const g of order) {
      const host = scanAz(g.az, req);
      if (host) return { host, cursor };
    }
    return { host: null, cursor };
  }
  const n = region.azs.length;
  if (req.policy.placement === 'pack') {
    for (const az of region.azs) {
      if (!usable(region, az, req)) continue;
      const host = az.hosts.find((h) => candidate(h, req));
      if (host) return { host, cursor };
    }
    return { host: null, cursor };
  }
  for (let k = 0; k < n; k++) {
    const index = (cursor + k) % n;
    const az = region.azs[index];
    if (!usable(region, az, req)) continue;
    const host = scanAz(az, { ...req, avoid: undefined });
    if (host) return { host, cursor: (index + 1) % n };
  }
  return { host: null, cursor };
}

// ---------------------------------------------------------------------------------------------
// Random worlds.

const letters = ['a', 'b', 'c', 'd'];

const worldArb = fc.record({
  placement: fc.constantFrom<'pack' | 'balance'>('pack', 'balance'),
  azs: fc.array(
    fc.array(
      fc.record({
        cores: fc.integer({ min: 2, max: 16 }),
        memoryGiB: fc.integer({ min: 4, max: 64 }),
        diskGiB: fc.constantFrom(10, 100),
        hypervisor: fc.constantFrom<'type1' | 'type2'>('type1', 'type2'),
        // What the host has given already, as shares of its capacity, and whether it has failed.
        cpuTaken: fc.integer({ min: 0, max: 8 }),
        memTaken: fc.integer({ min: 0, max: 8 }),
        failed: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    { minLength: 1, maxLength: 4 },
  ),
  azFailed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  regionFailed: fc.boolean(),
  spreadCursor: fc.integer({ min: 0, max: 3 }),
});

const requestArb = fc.record({
  vcpu: fc.integer({ min: 1, max: 6 }),
  memoryGiB: fc.integer({ min: 1, max: 16 }),
  instanceStoreGiB: fc.constantFrom(0, 0, 40),
  mode: fc.constantFrom('free', 'pinned', 'group'),
  pinned: fc.constantFrom(...letters, 'z'),
  // A group's AZs may name one twice, or one the region does not have.
  group: fc.array(fc.record({ az: fc.constantFrom(...letters, 'z'), members: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 5 }),
  avoid: fc.option(fc.tuple(fc.constantFrom(...letters), fc.integer({ min: 1, max: 6 })), { nil: undefined }),
  excludeHosts: fc.array(fc.tuple(fc.constantFrom(...letters), fc.integer({ min: 1, max: 6 })), { maxLength: 4 }),
  excludeAzs: fc.array(fc.constantFrom(...letters), { maxLength: 2 }),
});

type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;
type RequestSpec = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

const azId = (letter: string) => `us-east-1${letter}`;
const hostId = ([letter, n]: [string, number]) => `${azId(letter)}-h${n}`;

function buildRegion(spec: WorldSpec): RegionState {
  const scenario = parseScenario({
    policy: { placement: spec.placement },
    regions: [
      {
        id: 'us-east-1',
        azs: spec.azs.map((hosts, i) => ({
          id: azId(letters[i]),
          hosts: hosts.map((h) => ({ count: 1, cores: h.cores, memoryGiB: h.memoryGiB, diskGiB: h.diskGiB, hypervisor: h.hypervisor })),
        })),
      },
    ],
  });
  const region = buildTopology(scenario).regions.get('us-east-1')!;
  region.azs.forEach((az, i) => {
    az.hosts.forEach((host, j) => {
      const h = spec.azs[i][j];
      host.allocatedVcpu = Math.floor((host.capacityVcpu * h.cpuTaken) / 8);
      host.allocatedMemoryGiB = Math.floor((host.capacityMemoryGiB * h.memTaken) / 8);
      if (h.failed) host.health = 'failed';
      az.loadIndex.update(host);
    });
    if (spec.azFailed[i]) az.health = 'failed';
  });
  if (spec.regionFailed) region.health = 'failed';
  region.spreadCursor = spec.spreadCursor % region.azs.length;
  return region;
}

function buildRequest(region: RegionState, placement: 'pack' | 'balance', spec: RequestSpec): PlacementRequest {
  return {
    size: { vcpu: spec.vcpu, memoryGiB: spec.memoryGiB, instanceStoreGiB: spec.instanceStoreGiB },
    region,
    policy: { placement, cpuOvercommit: 1, memoryOvercommit: 1 },
    az: spec.mode === 'pinned' ? azId(spec.pinned) : undefined,
    groupAzs: spec.mode === 'group' ? spec.group.map((g) => ({ az: azId(g.az), members: g.members })) : undefined,
    avoid: spec.avoid && spec.mode !== 'free' ? hostId(spec.avoid) : undefined,
    excludeHosts: new Set(spec.excludeHosts.map(hostId)),
    excludeAzs: new Set(spec.excludeAzs.map(azId)),
  };
}

describe('chooseHost against a plain scan of the rule', () => {
  it('picks the same host (or none) and leaves the round-robin in the same place, on random worlds and requests', () => {
    fc.assert(
      fc.property(worldArb, requestArb, (worldSpec, requestSpec) => {
        const region = buildRegion(worldSpec);
        const req = buildRequest(region, worldSpec.placement, requestSpec);
        const expected = plainChoice(region, req);
        const host = chooseHost(req);
        expect(host?.id ?? null).toBe(expected.host?.id ?? null);
        expect(region.spreadCursor).toBe(expected.cursor);
      }),
      { numRuns: 2000 },
    );
  });

  it('places a whole group the same way as the plain scan, member after member, as the group counts them', () => {
    fc.assert(
      fc.property(worldArb, requestArb, fc.integer({ min: 1, max: 40 }), (worldSpec, requestSpec, members) => {
        const region = buildRegion({ ...worldSpec, regionFailed: false });
        const counts = requestSpec.group.map((g) => ({ az: azId(g.az), members: g.members }));
        const size = { vcpu: requestSpec.vcpu, memoryGiB: requestSpec.memoryGiB, instanceStoreGiB: 0 };
        const policy = { placement: worldSpec.placement, cpuOvercommit: 1, memoryOvercommit: 1 };
        for (let i = 0; i < members; i++) {
          const req: PlacementRequest = { size, region, policy, groupAzs: counts };
          const expected = plainChoice(region, req).host;
          const host = chooseHost(req);
          expect(host?.id ?? null).toBe(expected?.id ?? null);
          if (!host) return;
          // As the group does: the host gives the VM its share, and the first entry of its AZ counts one more.
          host.allocatedVcpu += size.vcpu;
          host.allocatedMemoryGiB += size.memoryGiB + host.hypervisor.perVmOverheadMemoryGiB;
          region.azs.find((a) => a.id === host.az)!.loadIndex.update(host);
          counts.find((c) => c.az === host.az)!.members++;
        }
      }),
      { numRuns: 500 },
    );
  });
});
