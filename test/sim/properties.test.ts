/**
 * Properties of the engine over random worlds: random topologies drawn from the region catalog and
 * random sequences of actions. Every expectation is recomputed here from the documented model, never
 * read back from the engine's own helpers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorld, regionCatalog, type ActionInput, type Report, type ScenarioInput, type VmState } from '@site/sim';
import { runScenarioText } from '@site/sim/text';

// ---------------------------------------------------------------------------------------------
// The model, written out here: hypervisor defaults, capacity, which states hold a host, the lifecycle.

type HypervisorType = 'type1' | 'type2';
type HypervisorSpec = HypervisorType | { type: HypervisorType; reservedCores?: number; reservedMemoryGiB?: number; perVmOverheadMemoryGiB?: number };
interface HostSpec {
  cores: number;
  memoryGiB: number;
  diskGiB: number;
  hypervisor: HypervisorSpec;
}
interface Topology {
  regions: { id: string; azs: { id: string; hosts: HostSpec[] }[] }[];
  policy: { placement: 'pack' | 'spread'; cpuOvercommit: number; memoryOvercommit: number };
  seed: number;
  jitter: number;
}

const hypervisorDefaults: Record<HypervisorType, { reservedCores: number; reservedMemoryGiB: number; perVmOverheadMemoryGiB: number }> = {
  type1: { reservedCores: 0, reservedMemoryGiB: 1, perVmOverheadMemoryGiB: 0 },
  type2: { reservedCores: 2, reservedMemoryGiB: 4, perVmOverheadMemoryGiB: 0.5 },
};

/** What a host may give: (cores − reserved) × cpuOvercommit vCPUs, (memory − reserved) × memoryOvercommit GiB, its disk. */
function expectedHost(spec: HostSpec, policy: Topology['policy']) {
  const h =
    typeof spec.hypervisor === 'string'
      ? hypervisorDefaults[spec.hypervisor]
      : { ...hypervisorDefaults[spec.hypervisor.type], ...definedFields(spec.hypervisor) };
  return {
    vcpu: Math.max(0, spec.cores - h.reservedCores) * policy.cpuOvercommit,
    memoryGiB: Math.max(0, spec.memoryGiB - h.reservedMemoryGiB) * policy.memoryOvercommit,
    diskGiB: spec.diskGiB,
    overheadGiB: h.perVmOverheadMemoryGiB,
  };
}

function definedFields<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== undefined && k !== 'type')) as Partial<T>;
}

/**
 * A VM holds its host's resources from placement until it is stopped or terminated. A VM shutting
 * down holds one if it was running, none if it was terminated from stopped.
 */
const holdsHost = (state: VmState) => state === 'pending' || state === 'running' || state === 'stopping' || state === 'shutting-down';
const needsHost = (state: VmState) => state === 'pending' || state === 'running' || state === 'stopping';

/** The EC2 lifecycle: from each state, the states it may move to next (a stopping instance may be terminated). */
const legalNext: Record<VmState, VmState[]> = {
  pending: ['running', 'shutting-down'],
  running: ['stopping', 'shutting-down'],
  stopping: ['stopped', 'shutting-down'],
  stopped: ['pending', 'shutting-down'],
  'shutting-down': ['terminated'],
  terminated: [],
};

/** Trace events that put a VM into a lifecycle state. */
const stateOfEvent: Record<string, VmState | undefined> = {
  launched: 'pending',
  running: 'running',
  stopping: 'stopping',
  stopped: 'stopped',
  'shutting-down': 'shutting-down',
  terminated: 'terminated',
};

// ---------------------------------------------------------------------------------------------
// Random worlds.

const catalog = regionCatalog.filter((r) => r.zones.length >= 3);

const hypervisorArb: fc.Arbitrary<HypervisorSpec> = fc.oneof(
  fc.constantFrom<HypervisorType>('type1', 'type2'),
  fc.record(
    {
      type: fc.constantFrom<HypervisorType>('type1', 'type2'),
      reservedCores: fc.integer({ min: 0, max: 4 }),
      reservedMemoryGiB: fc.constantFrom(0, 0.5, 2, 8),
      perVmOverheadMemoryGiB: fc.constantFrom(0, 0.25, 1),
    },
    { requiredKeys: ['type'] },
  ),
);

/** What a hypervisor spec keeps of its host, with the defaults written out above. */
function reserveOf(spec: HypervisorSpec): { cores: number; memoryGiB: number } {
  const h = typeof spec === 'string' ? hypervisorDefaults[spec] : { ...hypervisorDefaults[spec.type], ...definedFields(spec) };
  return { cores: h.reservedCores, memoryGiB: h.reservedMemoryGiB };
}

// A host keeps at least what its hypervisor reserves (the engine refuses a reserve larger than the host).
const hostArb = (minCores: number, minMemory: number): fc.Arbitrary<HostSpec> =>
  hypervisorArb.chain((hypervisor) => {
    const reserve = reserveOf(hypervisor);
    return fc.record({
      cores: fc.integer({ min: Math.max(minCores, reserve.cores), max: 32 }),
      memoryGiB: fc.integer({ min: Math.max(minMemory, Math.ceil(reserve.memoryGiB)), max: 128 }),
      diskGiB: fc.integer({ min: 50, max: 1000 }),
      hypervisor: fc.constant(hypervisor),
    });
  });

function topologyArb(minCores = 1, minMemory = 2): fc.Arbitrary<Topology> {
  const regionArb = (code: string) =>
    fc
      .shuffledSubarray(catalog.find((r) => r.code === code)!.zones, { minLength: 1, maxLength: 3 })
      .chain((zones) => fc.tuple(...zones.map((id) => fc.array(hostArb(minCores, minMemory), { minLength: 1, maxLength: 4 }).map((hosts) => ({ id, hosts })))))
      .map((azs) => ({ id: code, azs }));
  return fc.record({
    regions: fc.uniqueArray(fc.constantFrom(...catalog.map((r) => r.code)), { minLength: 1, maxLength: 3 }).chain((codes) => fc.tuple(...codes.map(regionArb))),
    policy: fc.record({
      placement: fc.constantFrom<'pack' | 'spread'>('pack', 'spread'),
      cpuOvercommit: fc.constantFrom(1, 1.5, 2, 4),
      memoryOvercommit: fc.constantFrom(1, 1.2, 1.5),
    }),
    seed: fc.integer({ min: 0, max: 1000 }),
    jitter: fc.constantFrom(0, 0.2),
  });
}

/** An intent, resolved against the world when it is applied (VM names exist only at run time). */
type Op =
  | {
      op: 'launch';
      name: 'web' | 'api';
      count: number;
      vcpu: number;
      memoryGiB: number;
      diskGiB: number;
      instanceStoreGiB: number;
      region: number;
      az: number | null;
    }
  | { op: 'group'; name: 'g' | 'h'; desired: number; vcpu: number; memoryGiB: number; region: number; allAzs: boolean }
  | { op: 'life'; verb: 'start' | 'stop' | 'reboot' | 'terminate' | 'crash'; vm: number }
  /** A fault on a host, AZ or region: by index, or (nearVm) the one under a placed VM, so that faults often hit something. */
  | { op: 'fault'; verb: 'fail' | 'recover'; level: 'host' | 'az' | 'region'; index: number; nearVm: boolean }
  | { op: 'recover-vm'; vm: number }
  | { op: 'scale'; group: number; desired: number };

interface Step {
  dt: number;
  op: Op;
}

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('launch' as const),
      name: fc.constantFrom<'web' | 'api'>('web', 'api'),
      count: fc.integer({ min: 1, max: 3 }),
      vcpu: fc.integer({ min: 1, max: 4 }),
      memoryGiB: fc.integer({ min: 1, max: 24 }).map((x) => x / 2),
      diskGiB: fc.integer({ min: 8, max: 100 }),
      instanceStoreGiB: fc.constantFrom(0, 0, 25, 75, 300),
      region: fc.nat(),
      az: fc.option(fc.nat(), { nil: null }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('group' as const),
      name: fc.constantFrom<'g' | 'h'>('g', 'h'),
      desired: fc.integer({ min: 0, max: 4 }),
      vcpu: fc.integer({ min: 1, max: 4 }),
      memoryGiB: fc.integer({ min: 1, max: 8 }),
      region: fc.nat(),
      allAzs: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('life' as const),
      verb: fc.constantFrom('start', 'stop', 'reboot', 'terminate', 'crash') as fc.Arbitrary<'start' | 'stop' | 'reboot' | 'terminate' | 'crash'>,
      vm: fc.nat(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('fault' as const),
      verb: fc.constantFrom<'fail' | 'recover'>('fail', 'recover'),
      level: fc.constantFrom<'host' | 'az' | 'region'>('host', 'host', 'az', 'region'),
      index: fc.nat(),
      nearVm: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('recover-vm' as const), vm: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('scale' as const), group: fc.nat(), desired: fc.integer({ min: 0, max: 5 }) }) },
);

/** Time between steps: sometimes none, often long enough for a launch to settle (pending lasts 30 s). */
const dtArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) },
  { weight: 3, arbitrary: fc.integer({ min: 30, max: 150 }) },
);

const stepsArb = fc.array(fc.record({ dt: dtArb, op: opArb }), { minLength: 3, maxLength: 30, size: 'max' });

// ---------------------------------------------------------------------------------------------
// Running a random world.

function scenarioOf(t: Topology, until: number): ScenarioInput {
  return { seed: t.seed, until, regions: t.regions, policy: t.policy, timings: { jitter: t.jitter } };
}

const allAzs = (t: Topology) => t.regions.flatMap((r) => r.azs.map((az) => ({ ...az, region: r.id })));
/** Host ids as the documented naming gives them: <az>-h<n>, numbered per AZ. */
const allHosts = (t: Topology) => allAzs(t).flatMap((az) => az.hosts.map((spec, i) => ({ id: `${az.id}-h${i + 1}`, az: az.id, region: az.region, spec })));

interface Applied {
  at: number;
  input: ActionInput;
  before: Report;
  after: Report;
}

/**
 * Runs the steps on a fresh world and returns each applied action with the reports just before and
 * just after it (same instant). `options.skip` lets a property leave out actions it does not cover.
 */
function runSteps(t: Topology, steps: Step[], options: { skip?: (input: ActionInput, r: Report) => boolean; onStep?: (r: Report) => void } = {}) {
  const world = createWorld(scenarioOf(t, 1_000_000));
  const regions = t.regions.map((r) => r.id);
  const azs = allAzs(t);
  const hosts = allHosts(t);
  const groupsCreated: string[] = [];
  const applied: Applied[] = [];
  let time = 0;
  for (const { dt, op } of steps) {
    time += dt;
    world.runUntil(time);
    const before = world.report();
    options.onStep?.(before);
    const names = before.vms.map((v) => v.name);
    const placed = before.vms.filter((v) => v.host !== null).map((v) => hosts.find((h) => h.id === v.host)!);
    const input = resolve(op, { regions, azs, hosts, names, placed, groupsCreated, t });
    if (!input || options.skip?.(input, before)) continue;
    world.apply(input);
    if (input.kind === 'group' && !groupsCreated.includes(input.name)) groupsCreated.push(input.name);
    const after = world.report();
    options.onStep?.(after);
    applied.push({ at: time, input, before, after });
  }
  return { world, applied, time, groupsCreated };
}

function resolve(
  op: Op,
  ctx: {
    regions: string[];
    azs: ReturnType<typeof allAzs>;
    hosts: ReturnType<typeof allHosts>;
    names: string[];
    placed: ReturnType<typeof allHosts>;
    groupsCreated: string[];
    t: Topology;
  },
): ActionInput | null {
  const pick = <T>(xs: T[], i: number) => (xs.length === 0 ? undefined : xs[i % xs.length]);
  switch (op.op) {
    case 'launch': {
      const region = ctx.t.regions[op.region % ctx.t.regions.length];
      const az = op.az === null ? undefined : region.azs[op.az % region.azs.length].id;
      return {
        kind: 'launch',
        name: op.name,
        count: op.count,
        vcpu: op.vcpu,
        memoryGiB: op.memoryGiB,
        diskGiB: op.diskGiB,
        instanceStoreGiB: op.instanceStoreGiB,
        region: region.id,
        az,
      };
    }
    case 'group': {
      if (ctx.groupsCreated.includes(op.name)) return { kind: 'scale', group: op.name, desired: op.desired };
      const region = ctx.t.regions[op.region % ctx.t.regions.length];
      return {
        kind: 'group',
        name: op.name,
        desired: op.desired,
        vcpu: op.vcpu,
        memoryGiB: op.memoryGiB,
        region: region.id,
        azs: op.allAzs ? undefined : [region.azs[0].id],
      };
    }
    case 'life': {
      const vm = pick(ctx.names, op.vm);
      return vm === undefined ? null : { kind: op.verb, vm };
    }
    case 'recover-vm': {
      const vm = pick(ctx.names, op.vm);
      return vm === undefined ? null : { kind: 'recover', vm };
    }
    case 'fault': {
      const near = op.nearVm ? pick(ctx.placed, op.index) : undefined;
      const id = near
        ? { host: near.id, az: near.az, region: near.region }[op.level]
        : op.level === 'host'
          ? pick(ctx.hosts, op.index)!.id
          : op.level === 'az'
            ? pick(ctx.azs, op.index)!.id
            : pick(ctx.regions, op.index)!;
      return { kind: op.verb, [op.level]: id } as ActionInput;
    }
    case 'scale': {
      const group = pick(ctx.groupsCreated, op.group);
      return group === undefined ? null : { kind: 'scale', group, desired: op.desired };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Checks.

/** No host is given more than its capacity, and what it says it gave matches the VMs placed on it. */
function checkAllocation(t: Topology, r: Report): void {
  const problems: string[] = [];
  const reportedHosts = new Map(r.hosts.map((h) => [h.id, h]));
  const byHost = new Map<string, Report['vms']>();
  for (const vm of r.vms) {
    if (!holdsHost(vm.state)) {
      if (vm.host !== null) problems.push(`${vm.name} is ${vm.state} but holds ${vm.host}`);
      continue;
    }
    if (vm.host === null) {
      if (needsHost(vm.state)) problems.push(`${vm.name} is ${vm.state} but has no host`);
    } else byHost.set(vm.host, [...(byHost.get(vm.host) ?? []), vm]);
  }
  for (const host of allHosts(t)) {
    const cap = expectedHost(host.spec, t.policy);
    const reported = reportedHosts.get(host.id)!;
    const onHost = byHost.get(host.id) ?? [];
    const vcpu = onHost.reduce((s, v) => s + v.vcpu, 0);
    const memory = onHost.reduce((s, v) => s + v.memoryGiB + cap.overheadGiB, 0);
    // Root volumes are on the network: only instance stores take the host's disk.
    const disk = onHost.reduce((s, v) => s + (v.storage.instanceStore?.sizeGiB ?? 0), 0);
    const near = (a: number, b: number) => Math.abs(a - b) < 1e-3;
    if (!near(reported.capacityVcpu, cap.vcpu) || !near(reported.capacityMemoryGiB, cap.memoryGiB)) {
      problems.push(`${host.id}: capacity reported ${reported.capacityVcpu} vCPU / ${reported.capacityMemoryGiB} GiB, expected ${cap.vcpu} / ${cap.memoryGiB}`);
    }
    if (vcpu > cap.vcpu + 1e-9) problems.push(`${host.id}: ${vcpu} vCPUs placed, capacity ${cap.vcpu}`);
    if (memory > cap.memoryGiB + 1e-9) problems.push(`${host.id}: ${memory} GiB placed, capacity ${cap.memoryGiB}`);
    if (disk > cap.diskGiB + 1e-9) problems.push(`${host.id}: ${disk} GiB of instance store placed, ${cap.diskGiB} on the host`);
    if (!near(reported.freeDiskGiB, cap.diskGiB - disk))
      problems.push(`${host.id}: books say ${reported.freeDiskGiB} GiB of disk free, its VMs leave ${cap.diskGiB - disk}`);
    if (reported.allocatedVcpu !== vcpu || !near(reported.allocatedMemoryGiB, memory)) {
      problems.push(`${host.id}: books say ${reported.allocatedVcpu} vCPU / ${reported.allocatedMemoryGiB} GiB, its VMs hold ${vcpu} / ${memory}`);
    }
    const listed = [...reported.vms].sort().join(',');
    const held = onHost
      .map((v) => v.name)
      .sort()
      .join(',');
    if (listed !== held) problems.push(`${host.id}: lists [${listed}], VMs on it [${held}]`);
  }
  expect(problems, `at ${r.time} s`).toEqual([]);
}

/** Which VMs of a report sit under a host, an AZ or a region (by where the test knows each host is). */
function under(t: Topology, r: Report, target: { host?: string; az?: string; region?: string; vm?: string }): Set<string> {
  const hosts = new Map(allHosts(t).map((h) => [h.id, h]));
  return new Set(
    r.vms
      .filter((v) => {
        if (target.vm !== undefined) return v.name === target.vm;
        const h = v.host === null ? undefined : hosts.get(v.host);
        return h !== undefined && (h.id === target.host || h.az === target.az || h.region === target.region);
      })
      .map((v) => v.name),
  );
}

const servingOf = (r: Report) => new Map(r.vms.map((v) => [v.name, v.serving]));

const runs = { numRuns: 120 };
/** Generous: the CPU work is about 2 s in all, but this machine is shared. */
const timeout = 60_000;

describe('properties over random worlds', () => {
  it(
    'a host is never given more than (cores − reserved) × cpuOvercommit vCPUs, (memory − reserved) × memoryOvercommit GiB, or its disk; its books match its VMs',
    () => {
      fc.assert(
        fc.property(topologyArb(), stepsArb, (t, steps) => {
          const { world, time } = runSteps(t, steps, { onStep: (r) => checkAllocation(t, r) });
          world.runUntil(time + 500);
          checkAllocation(t, world.report());
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'only legal lifecycle transitions appear in the trace, starting from pending, ending in the state reported',
    () => {
      fc.assert(
        fc.property(topologyArb(), stepsArb, (t, steps) => {
          const { world, time } = runSteps(t, steps);
          world.runUntil(time + 500);
          const r = world.report();
          for (const vm of r.vms) {
            const states = r.events.filter((e) => e.vm === vm.name && stateOfEvent[e.kind]).map((e) => stateOfEvent[e.kind]!);
            expect(states[0], `${vm.name} starts pending`).toBe('pending');
            for (let i = 1; i < states.length; i++) {
              expect(legalNext[states[i - 1]], `${vm.name}: ${states[i - 1]} -> ${states[i]}`).toContain(states[i]);
            }
            expect(states.at(-1)).toBe(vm.state);
          }
          for (let i = 1; i < r.events.length; i++) expect(r.events[i].time).toBeGreaterThanOrEqual(r.events[i - 1].time);
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'determinism: two worlds built apart from the same steps give the same report, byte for byte; so does a scenario file of those actions, after a trip through JSON text',
    () => {
      fc.assert(
        fc.property(topologyArb(), stepsArb, (t, steps) => {
          const first = runSteps(t, steps);
          const second = runSteps(t, steps);
          first.world.runUntil(first.time + 300);
          second.world.runUntil(second.time + 300);
          const stepped = JSON.stringify(first.world.report());
          expect(JSON.stringify(second.world.report())).toBe(stepped);

          // The reader's actions as a file would hold them, each at the second it was taken.
          const timed: ScenarioInput = {
            ...scenarioOf(t, first.time + 300),
            actions: first.applied.map(({ at, input }) => {
              const { kind, ...args } = input;
              return { at, [kind]: args };
            }),
          };
          expect(JSON.stringify(runScenarioText(JSON.stringify(timed), 'replay.json'))).toBe(stepped);
        }),
        { numRuns: 60 },
      );
    },
    timeout,
  );

  it(
    'a fault reaches exactly what sits under it: after failing X, a VM serves iff it served before and is not under X',
    () => {
      fc.assert(
        fc.property(topologyArb(), stepsArb, (t, steps) => {
          const { applied } = runSteps(t, steps);
          for (const { input, before, after } of applied) {
            if (input.kind !== 'fail' && input.kind !== 'crash' && input.kind !== 'recover') continue;
            const hit = under(t, before, input);
            const was = servingOf(before);
            for (const vm of after.vms) {
              if (input.kind === 'recover') {
                // A recovery touches nothing outside its target, and stops nothing inside it.
                if (!hit.has(vm.name)) expect(vm.serving, `${vm.name} outside ${JSON.stringify(input)}`).toBe(was.get(vm.name));
                else if (was.get(vm.name)) expect(vm.serving).toBe(true);
              } else {
                expect(vm.serving, `${vm.name} after ${JSON.stringify(input)}`).toBe(was.get(vm.name)! && !hit.has(vm.name));
              }
            }
          }
        }),
        runs,
      );
    },
    timeout,
  );

  it(
    'after everything recovers and enough time passes, every group is back to its desired count with all members serving',
    () => {
      // Bigger hosts here, and groups of 1 vCPU / 1 GiB members over all the AZs of their region.
      const groupSteps = fc.array(
        fc.record({
          dt: dtArb,
          op: fc.oneof(
            opArb,
            fc.record({
              op: fc.constant('group' as const),
              name: fc.constantFrom<'g' | 'h'>('g', 'h'),
              desired: fc.integer({ min: 0, max: 3 }),
              vcpu: fc.constant(1),
              memoryGiB: fc.constant(1),
              region: fc.nat(),
              allAzs: fc.constant(true),
            }),
          ),
        }),
        { minLength: 3, maxLength: 30, size: 'max' },
      );
      fc.assert(
        fc.property(topologyArb(8, 16), groupSteps, (t, steps) => {
          const { world, time } = runSteps(t, steps, {
            // Groups here are the small, all-AZ kind.
            skip: (input) =>
              (input.kind === 'group' && (input.vcpu !== 1 || input.memoryGiB !== 1 || input.azs !== undefined)) ||
              (input.kind === 'scale' && input.desired > 3),
          });
          // Recover every region, AZ and host that is down, then every crash; clear the standalone VMs away.
          let now = time;
          const recoverAll = () => {
            const r = world.report();
            for (const region of r.regions) {
              if (region.health === 'failed') world.apply({ kind: 'recover', region: region.id });
              for (const az of region.azs) if (az.health === 'failed') world.apply({ kind: 'recover', az: az.id });
            }
            for (const host of r.hosts) if (host.health === 'failed') world.apply({ kind: 'recover', host: host.id });
            for (const vm of world.report().vms) if (vm.reason === 'crashed') world.apply({ kind: 'recover', vm: vm.name });
            for (const vm of world.report().vms) {
              if (vm.group === null && (vm.state === 'pending' || vm.state === 'running' || vm.state === 'stopped'))
                world.apply({ kind: 'terminate', vm: vm.name });
            }
          };
          recoverAll();
          now += 100;
          world.runUntil(now);
          recoverAll(); // VMs that were stopping are stopped now and can be terminated
          now += 1000;
          world.runUntil(now);

          const r = world.report();
          for (const g of r.groups) {
            // Enough room? Each member needs 1 vCPU and 1 GiB + overhead (its 8 GiB root volume is not on the host).
            const region = r.vms.find((v) => v.group === g.name)?.region ?? t.regions.find((reg) => reg.azs.some((az) => az.id === g.azs[0]))!.id;
            const slots = allHosts(t)
              .filter((h) => h.region === region)
              .reduce((s, h) => {
                const cap = expectedHost(h.spec, t.policy);
                return s + Math.min(Math.floor(cap.vcpu + 1e-9), Math.floor((cap.memoryGiB + 1e-9) / (1 + cap.overheadGiB)));
              }, 0);
            const wanted = r.groups
              .filter((other) => other.azs[0] !== undefined && t.regions.find((reg) => reg.id === region)!.azs.some((az) => az.id === other.azs[0]))
              .reduce((s, x) => s + x.desired, 0);
            if (wanted > slots) continue;
            expect({ group: g.name, members: g.members, serving: g.serving }).toEqual({ group: g.name, members: g.desired, serving: g.desired });
          }
        }),
        runs,
      );
    },
    timeout,
  );
});
