/**
 * The runner: owns the virtual clock, the event queue and the world, applies actions and settles
 * what they start. Everything is deterministic: the same scenario gives the same trace.
 */
import { accrue, createAccounting, type Accounting } from './accounting';
import type { SimEvent, Scheduled } from './events';
import { applyFault, applyRecovery, impairment, refreshImpairment, refreshImpairments, type FaultTarget } from './faults';
import { evaluateScaling, reconcileGroup, requestGroupCheck, scheduleGroupChecks } from './groups';
import { allocate, hostCapacity, memoryFootprint, release, type Size } from './host';
import { buildReport, type Report } from './report';
import { resolveHypervisor } from './hypervisor';
import { chooseHost } from './placement';
import { LoadIndex } from './load-index';
import { EventQueue } from './queue';
import { createRandom, type Random } from './random';
import { findRegion } from './regions';
import { createDatabase, completeFailover, updateDatabase } from './replication';
import { noteResidency, type ResidencyViolation } from './residency-check';
import type { Action, Scenario } from './scenario';
import type { AzState, DatabaseState, GroupState, HostState, RegionState, Vm } from './types';
import { describeSize, holdsHost, isMemberName, newVm, refusal, settlesTo } from './vm';

export type Outcome = { ok: true; message: string } | { ok: false; reason: string };

export class Simulation {
  readonly scenario: Scenario;
  time = 0;
  readonly random: Random;
  readonly queue = new EventQueue<Scheduled>();
  readonly regions = new Map<string, RegionState>();
  readonly azs = new Map<string, AzState>();
  readonly hosts = new Map<string, HostState>();
  readonly vms = new Map<string, Vm>();
  readonly groups = new Map<string, GroupState>();
  readonly launchCounters = new Map<string, number>();
  readonly db: DatabaseState | null;
  readonly events: SimEvent[] = [];
  readonly account: Accounting;
  trafficRps = 0;
  readonly residencyViolations: ResidencyViolation[] = [];

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.random = createRandom(scenario.seed);
    let order = 0;
    for (const r of scenario.regions) {
      const catalog = findRegion(r.id);
      const region: RegionState = {
        id: r.id,
        name: catalog?.name ?? r.id,
        country: catalog?.country ?? 'unknown',
        health: 'up',
        azs: [],
        spreadCursor: 0,
      };
      r.azs.forEach((a, index) => {
        const az: AzState = { id: a.id, region: r.id, index, health: 'up', hosts: [], loadIndex: new LoadIndex([]) };
        let n = 0;
        for (const spec of a.hosts) {
          for (let i = 0; i < spec.count; i++) {
            const hypervisor = resolveHypervisor(spec.hypervisor);
            const capacity = hostCapacity({ ...spec, hypervisor }, scenario.policy);
            const host: HostState = {
              id: `${a.id}-h${++n}`,
              az: a.id,
              region: r.id,
              cores: spec.cores,
              memoryGiB: spec.memoryGiB,
              diskGiB: spec.diskGiB,
              hypervisor,
              health: 'up',
              capacityVcpu: capacity.vcpu,
              capacityMemoryGiB: capacity.memoryGiB,
              order: order++,
              allocatedVcpu: 0,
              allocatedMemoryGiB: 0,
              allocatedDiskGiB: 0,
              vms: new Set(),
              loadIndex: null,
            };
            az.hosts.push(host);
            this.hosts.set(host.id, host);
          }
        }
        az.loadIndex = new LoadIndex(az.hosts);
        for (const host of az.hosts) host.loadIndex = az.loadIndex;
        region.azs.push(az);
        this.azs.set(az.id, az);
      });
      this.regions.set(region.id, region);
    }
    this.db = scenario.database ? createDatabase(scenario.database) : null;
    this.account = createAccounting();
    scenario.actions.forEach((a, index) => this.queue.push(a.at, { type: 'action', index }, true));
    for (const point of scenario.traffic?.curve ?? []) this.queue.push(point.at, { type: 'traffic', rps: point.rps });
    if (this.db) {
      noteResidency(this, `database ${this.db.name}`, this.db.primary.region);
      if (this.db.replica) noteResidency(this, `database ${this.db.name} replica`, this.db.replica.region);
    }
  }

  record(event: Omit<SimEvent, 'time'>): void {
    this.events.push({ time: this.time, ...event });
  }

  /** A lifecycle duration, with the scenario's jitter drawn from the seeded generator. */
  duration(base: number): number {
    const jitter = this.scenario.timings.jitter;
    if (jitter === 0 || base === 0) return base;
    return Math.round(base * (1 + jitter * (2 * this.random.next() - 1)) * 10) / 10;
  }

  /** Runs every scheduled event up to and including `until`, then sets the clock to `until`. */
  runUntil(until: number): void {
    for (let t = this.queue.peekTime(); t !== undefined && t <= until; t = this.queue.peekTime()) {
      const next = this.queue.pop()!;
      accrue(this, next.time);
      this.time = next.time;
      this.handle(next.item);
    }
    accrue(this, until);
    this.time = Math.max(this.time, until);
  }

  /** When the next scheduled event falls due, or null when nothing is scheduled. */
  nextEventTime(): number | null {
    return this.queue.peekTime() ?? null;
  }

  /** Runs the next scheduled event; false when none is left. */
  step(): boolean {
    const next = this.queue.pop();
    if (!next) return false;
    accrue(this, next.time);
    this.time = next.time;
    this.handle(next.item);
    return true;
  }

  /** The report of the world as it is now. */
  report(options: { events?: boolean } = {}): Report {
    return buildReport(this, options);
  }

  /** Runs the scenario to its end. */
  run(): this {
    this.runUntil(this.scenario.until);
    return this;
  }

  private handle(item: Scheduled): void {
    switch (item.type) {
      case 'action':
        this.apply(this.scenario.actions[item.index].action);
        return;
      case 'settle':
        return this.settle(item.vm, item.token);
      case 'reboot-done':
        return this.rebootDone(item.vm, item.token);
      case 'group-check': {
        const group = this.groups.get(item.group);
        if (group) {
          group.checksAt.delete(this.time);
          reconcileGroup(this, group);
        }
        return;
      }
      case 'scale-check': {
        const group = this.groups.get(item.group);
        if (group) evaluateScaling(this, group);
        return;
      }
      case 'db-failover-done':
        if (this.db) completeFailover(this, this.db, item.token);
        return;
      case 'traffic':
        this.trafficRps = item.rps;
        this.record({ kind: 'traffic-changed', message: `demand is now ${item.rps} requests per second` });
        return;
      default:
        return assertNever(item);
    }
  }

  /** Applies one action now. A refused action changes nothing and says why. */
  apply(action: Action): Outcome {
    const outcome = this.dispatch(action);
    if (outcome.ok) return outcome;
    const last = this.events[this.events.length - 1];
    // An insufficient-capacity event already says it; don't repeat it as a refusal.
    const said = last !== undefined && last.time === this.time && last.message === outcome.reason;
    if (!said) this.record({ kind: 'refused', message: outcome.reason, vm: 'vm' in action ? action.vm : undefined });
    return outcome;
  }

  private dispatch(action: Action): Outcome {
    switch (action.kind) {
      case 'launch':
        return this.launch(action);
      case 'group':
        return this.createGroup(action);
      case 'start':
        return this.start(action.vm);
      case 'stop':
        return this.lifecycleStep(action.vm, 'stop');
      case 'reboot':
        return this.lifecycleStep(action.vm, 'reboot');
      case 'terminate':
        return this.lifecycleStep(action.vm, 'terminate');
      case 'crash':
        return applyFault(this, { vm: action.vm });
      case 'fail':
        return applyFault(this, action as FaultTarget);
      case 'recover':
        return applyRecovery(this, action as FaultTarget);
      case 'load':
        return this.setLoad(action.vm, action.busy);
      case 'scale': {
        const group = this.groups.get(action.group);
        if (!group) return { ok: false, reason: `no group named ${action.group}` };
        group.desired = action.desired;
        this.record({ kind: 'group-scaled', group: group.name, message: `${group.name}: desired count set to ${action.desired}` });
        reconcileGroup(this, group);
        return { ok: true, message: `${group.name} desired ${action.desired}` };
      }
      default:
        return assertNever(action);
    }
  }

  private launch(a: Extract<Action, { kind: 'launch' }>): Outcome {
    const region = this.regions.get(a.region);
    if (!region) return { ok: false, reason: `no region ${a.region} in this world` };
    if (a.az !== undefined && !region.azs.some((z) => z.id === a.az)) return { ok: false, reason: `no AZ ${a.az} in ${a.region}` };
    if (this.groups.has(a.name)) return { ok: false, reason: `${a.name} is a group's name` };
    const size = { vcpu: a.vcpu, memoryGiB: a.memoryGiB, diskGiB: a.diskGiB };
    const cursor = region.spreadCursor;
    const first = (this.launchCounters.get(a.name) ?? 0) + 1;
    const placed: Array<[Vm, HostState]> = [];
    const packCursor = { az: 0, host: 0 };
    for (let i = 0; i < a.count; i++) {
      const host = chooseHost({ size, region, policy: this.scenario.policy, az: a.az, packCursor });
      if (!host) break;
      const vm = newVm(`${a.name}-${first + i}`, a, a.az);
      allocate(host, vm);
      placed.push([vm, host]);
    }
    const where = a.az ?? a.region;
    if (placed.length < a.count) {
      const short = shortResource(region, a.az, size);
      // All or nothing: undo the tentative placements.
      for (const [vm, host] of placed) release(host, vm);
      region.spreadCursor = cursor;
      const down = outageBlocking(region, a.az);
      if (down) return { ok: false, reason: `cannot launch in ${where}: ${down}; nothing was launched` };
      const reason = `insufficient capacity: ${a.count} × ${describeSize(size)} do not fit in ${where} (room for ${placed.length}; ${short}); nothing was launched`;
      this.record({ kind: 'insufficient-capacity', message: reason, region: a.region, az: a.az });
      return { ok: false, reason };
    }
    this.launchCounters.set(a.name, first + a.count - 1);
    for (const [vm, host] of placed) {
      this.vms.set(vm.name, vm);
      this.enterPending(vm, host);
    }
    return { ok: true, message: `launched ${a.count} × ${describeSize(size)} in ${where}` };
  }

  /** Puts a VM on a host and starts its pending period. */
  placeOn(vm: Vm, host: HostState): void {
    allocate(host, vm);
    this.enterPending(vm, host);
  }

  private enterPending(vm: Vm, host: HostState): void {
    vm.host = host.id;
    vm.az = host.az;
    vm.state = 'pending';
    vm.token++;
    noteResidency(this, `VM ${vm.name}`, host.region);
    this.record({ kind: 'launched', vm: vm.name, host: host.id, az: host.az, region: host.region, message: `${vm.name} is pending on ${host.id}` });
    this.queue.push(this.time + this.duration(this.scenario.timings.pendingSeconds), { type: 'settle', vm: vm.name, token: vm.token });
  }

  private createGroup(a: Extract<Action, { kind: 'group' }>): Outcome {
    const region = this.regions.get(a.region);
    if (!region) return { ok: false, reason: `no region ${a.region} in this world` };
    if (this.groups.has(a.name) || this.launchCounters.has(a.name)) return { ok: false, reason: `the name ${a.name} is taken` };
    const azs = a.azs ?? region.azs.map((z) => z.id);
    const missing = azs.find((id) => !region.azs.some((z) => z.id === id));
    if (missing) return { ok: false, reason: `no AZ ${missing} in ${a.region}` };
    const group: GroupState = {
      name: a.name,
      desired: a.scaling ? Math.min(Math.max(a.desired, a.scaling.min), a.scaling.max) : a.desired,
      vcpu: a.vcpu,
      memoryGiB: a.memoryGiB,
      diskGiB: a.diskGiB,
      region: a.region,
      azs,
      busy: a.busy,
      nextIndex: 1,
      scaling: a.scaling,
      members: new Set(),
      checksAt: new Set(),
      retryAt: null,
    };
    this.groups.set(group.name, group);
    this.record({ kind: 'group-created', group: group.name, region: a.region, message: `group ${group.name} wants ${group.desired} × ${describeSize(a)} across ${azs.join(', ')}` });
    reconcileGroup(this, group);
    if (group.scaling) this.queue.push(this.time + group.scaling.intervalSeconds, { type: 'scale-check', group: group.name });
    return { ok: true, message: `group ${group.name} created` };
  }

  private start(name: string): Outcome {
    const vm = this.vms.get(name);
    if (!vm) return { ok: false, reason: `no VM named ${name}` };
    const why = refusal(vm, 'start');
    if (why) return { ok: false, reason: why };
    const region = this.regions.get(vm.region)!;
    const host = chooseHost({ size: vm, region, policy: this.scenario.policy, az: vm.az });
    if (!host) {
      const down = outageBlocking(region, vm.az);
      if (down) return { ok: false, reason: `cannot start ${name} in ${vm.az}: ${down}; it stays stopped` };
      const reason = `insufficient capacity: no host in ${vm.az} has room for ${name} (${describeSize(vm)}; ${shortResource(region, vm.az, vm)}); it stays stopped`;
      this.record({ kind: 'insufficient-capacity', vm: name, az: vm.az, region: vm.region, message: reason });
      return { ok: false, reason };
    }
    this.placeOn(vm, host);
    return { ok: true, message: `${name} is starting on ${host.id}` };
  }

  private lifecycleStep(name: string, action: 'stop' | 'reboot' | 'terminate'): Outcome {
    const vm = this.vms.get(name);
    if (!vm) return { ok: false, reason: `no VM named ${name}` };
    const why = refusal(vm, action);
    if (why) return { ok: false, reason: why };
    if (action === 'reboot') {
      vm.rebootingUntil = this.time + this.duration(this.scenario.timings.rebootSeconds);
      vm.token++;
      this.record({ kind: 'rebooting', vm: name, host: vm.host, message: `${name} is rebooting on ${vm.host} (same host, memory cleared)` });
      this.queue.push(vm.rebootingUntil, { type: 'reboot-done', vm: name, token: vm.token });
      return { ok: true, message: `${name} rebooting` };
    }
    this.beginTransition(vm, action === 'stop' ? 'stopping' : 'shutting-down');
    return { ok: true, message: `${name} ${vm.state}` };
  }

  /** Moves a VM into stopping or shutting-down and schedules where it settles. */
  beginTransition(vm: Vm, state: 'stopping' | 'shutting-down'): void {
    vm.state = state;
    if (state === 'shutting-down' && vm.group) this.groups.get(vm.group)?.members.delete(vm.name);
    vm.rebootingUntil = undefined;
    vm.token++;
    const seconds = state === 'stopping' ? this.scenario.timings.stoppingSeconds : this.scenario.timings.shuttingDownSeconds;
    this.record({ kind: state, vm: vm.name, host: vm.host, message: `${vm.name} is ${state}` });
    if (state === 'stopping' && vm.group) {
      refreshImpairment(this, vm);
      requestGroupCheck(this, vm.group, this.time + this.scenario.timings.detectionSeconds);
    }
    this.queue.push(this.time + this.duration(seconds), { type: 'settle', vm: vm.name, token: vm.token });
  }

  private settle(name: string, token: number): void {
    const vm = this.vms.get(name);
    if (!vm || vm.token !== token) return;
    const next = settlesTo[vm.state];
    if (!next) return;
    vm.state = next;
    if (!holdsHost(next) && vm.host) {
      release(this.hosts.get(vm.host)!, vm);
      vm.host = undefined;
    }
    if (next === 'stopped' || next === 'terminated') vm.crashed = false;
    if (next === 'terminated') vm.impairedSince = undefined;
    const host = vm.host ? ` on ${vm.host}` : '';
    this.record({ kind: next as 'running' | 'stopped' | 'terminated', vm: name, host: vm.host, az: vm.az, message: `${name} is ${next}${host}` });
    if (next === 'running') refreshImpairment(this, vm);
    if (vm.group && next === 'terminated') requestGroupCheck(this, vm.group, this.time);
  }

  private rebootDone(name: string, token: number): void {
    const vm = this.vms.get(name);
    if (!vm || vm.token !== token) return;
    vm.rebootingUntil = undefined;
    vm.crashed = false;
    this.record({ kind: 'rebooted', vm: name, host: vm.host, message: `${name} is back up on ${vm.host}` });
    refreshImpairment(this, vm);
  }

  private setLoad(target: string, busy: number): Outcome {
    const matched = [...this.vms.values()].filter((vm) => vm.name === target || isMemberName(vm.name, target));
    if (matched.length === 0) return { ok: false, reason: `no VM named ${target} or ${target}-N` };
    for (const vm of matched) vm.busy = busy;
    const group = this.groups.get(target);
    if (group) group.busy = busy;
    this.record({ kind: 'load-changed', vm: target, message: `${target}: busy ${Math.round(busy * 100)}% of its vCPUs` });
    return { ok: true, message: `load set on ${matched.length} VM(s)` };
  }

  /** Whether a VM serves now: running, not crashed or rebooting, and everything under it up. */
  serving(vm: Vm): boolean {
    return vm.state === 'running' && vm.rebootingUntil === undefined && impairment(this, vm) === null;
  }

  afterTopologyChange(): void {
    refreshImpairments(this);
    if (this.db) updateDatabase(this, this.db);
    scheduleGroupChecks(this);
  }
}

/** Which resource ran out for one more VM of this size, in the words the lessons use. */
function shortResource(region: RegionState, az: string | undefined, size: Size): string {
  const hosts = region.azs.filter((z) => z.health === 'up' && (az === undefined || z.id === az)).flatMap((z) => z.hosts.filter((h) => h.health === 'up'));
  const cpu = hosts.some((h) => h.allocatedVcpu + size.vcpu <= h.capacityVcpu + 1e-9);
  const mem = hosts.some((h) => h.allocatedMemoryGiB + memoryFootprint(h, size) <= h.capacityMemoryGiB + 1e-9);
  const disk = hosts.some((h) => h.allocatedDiskGiB + size.diskGiB <= h.diskGiB + 1e-9);
  if (!cpu) return `no host has ${size.vcpu} vCPU free`;
  if (!mem) return `no host has ${size.memoryGiB} GiB of memory free`;
  if (!disk) return `no host has ${size.diskGiB} GiB of disk free`;
  return 'no single host has enough vCPU, memory and disk free together';
}

/** Why nothing can be placed in a region (or one of its AZs) because of an outage, or null. */
function outageBlocking(region: RegionState, az: string | undefined): string | null {
  if (region.health === 'failed') return `region ${region.id} is down`;
  if (az !== undefined) return region.azs.find((z) => z.id === az)?.health === 'failed' ? `AZ ${az} is down` : null;
  return region.azs.every((z) => z.health === 'failed') ? `every AZ of ${region.id} is down` : null;
}

function assertNever(x: never): never {
  throw new Error(`unhandled: ${JSON.stringify(x)}`);
}
