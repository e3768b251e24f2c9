/**
 * The world's rules: what an action or a scheduled completion does to the state. Time does not pass
 * here; the runner (./runner.ts) owns the clock and the queue and calls `apply` and `handle` at the
 * right instant. Each concern (faults, groups, replication, residency) gets a narrow context.
 */
import type { Scheduled, SimEvent } from './events';
import { applyFault, applyRecovery, refreshImpairment, vmsUnder, type FaultContext, type FaultTarget } from './faults';
import { evaluateScaling, reconcileGroup, requestGroupCheck, type GroupContext } from './groups';
import { allocate, memoryFootprint, release, type Size } from './host';
import { changeWorkingSet, joinMemory, leaveMemory, settleMemory, type MemoryContext } from './memory';
import { azById, chooseHost, type PlacementRequest } from './placement';
import { completeFailover, updateDatabase, type DatabaseContext } from './replication';
import { noteResidency, type ResidencyContext } from './residency-check';
import { fullAzs, spreadGroupPlaces, spreadShortfall, takePlace, type SpreadGroupPlaces } from './spread-group';
import type { Action } from './scenario';
import type { GroupState, HostState, Outcome, RegionState, Vm } from './types';
import { deleteRootVolume, erasureMessage, eraseInstanceStore, writeData } from './storage';
import { describeSize, holdsHost, newVm, refusal, settlesTo } from './vm';
import type { Context, WorldState } from './world';
import { assertNever } from './util';

/** The clock as the rules see it: a context that can also read back the last event, and keeps the books. */
export interface RulesClock extends Context {
  /**
   * Appends an event the caller has stamped with the clock's time (time first, as `record` writes
   * it): the per-VM lifecycle events, recorded by the thousand when a fleet launches, are then
   * made once instead of once here and copied by the runner.
   */
  recordStamped(event: SimEvent): void;
  lastEvent(): SimEvent | undefined;
  /** Called after anything that may change whether a VM serves or what it is billed (its state, a fault under it). */
  vmChanged(vm: Vm): void;
}

/**
 * The clock as one concern sees it. A class, its `time` a getter on the prototype that every world
 * shares. A getter added to each context object with Object.defineProperties (a closure per world)
 * gives each object a hidden class of its own; V8 makes hidden classes in the old generation, and
 * this one points at the world through its getter, so a dropped world survived every minor garbage
 * collection until a full one. At a thousand VMs per new design, minor collections then copied
 * whole worlds, tens of milliseconds each (`npm run bench`: the AZ lab's new-design figures).
 */
class ConcernClock implements Context {
  constructor(private readonly clock: RulesClock) {}

  get time(): number {
    return this.clock.time;
  }

  record(event: Omit<SimEvent, 'time'>): void {
    this.clock.record(event);
  }

  schedule(time: number, item: Scheduled): void {
    this.clock.schedule(time, item);
  }
}

export class WorldRules {
  private readonly faults: FaultContext;
  private readonly groupContext: GroupContext;
  private readonly residency: ResidencyContext;
  private readonly database: DatabaseContext | null;
  private readonly memory: MemoryContext;

  constructor(
    private readonly world: WorldState,
    private readonly clock: RulesClock,
  ) {
    const withClock = <T extends object>(extra: T): T & Context => Object.assign(new ConcernClock(clock), extra);
    this.faults = withClock({ topology: world, vms: world.vms });
    this.residency = withClock({ rule: world.scenario.residency, violations: world.residencyViolations });
    this.groupContext = withClock({
      policy: world.scenario.policy,
      detectionSeconds: world.scenario.timings.detectionSeconds,
      region: (id: string) => world.regions.get(id)!,
      vm: (name: string) => world.vms.get(name)!,
      launch: (vm: Vm, host: HostState) => {
        world.vms.set(vm.name, vm);
        this.placeOn(vm, host);
      },
      terminate: (vm: Vm) => this.beginTransition(vm, 'shutting-down'),
    });
    this.memory = withClock({ vms: world.vms, kill: (vm: Vm, reason: string) => this.oomKill(vm, reason) });
    const spec = world.scenario.database;
    this.database = spec
      ? withClock({ spec, topology: world, noteResidency: (what: string, region: string) => noteResidency(this.residency, what, region) })
      : null;
  }

  /** What a world does at time 0, before any action: note where its database lives. */
  start(): void {
    const db = this.world.db;
    if (db) {
      noteResidency(this.residency, `database ${db.name}`, db.primary.region);
      if (db.replica) noteResidency(this.residency, `database ${db.name} replica`, db.replica.region);
    }
  }

  /** A completion or timed input fell due. */
  handle(item: Scheduled): void {
    const w = this.world;
    switch (item.type) {
      case 'action':
        this.apply(w.scenario.actions[item.index].action);
        return;
      case 'settle':
        return this.settle(item.vm, item.token);
      case 'reboot-done':
        return this.rebootDone(item.vm, item.token);
      case 'group-check': {
        const group = w.groups.get(item.group);
        if (group) {
          group.checksAt.delete(this.clock.time);
          reconcileGroup(this.groupContext, group);
        }
        return;
      }
      case 'scale-check': {
        const group = w.groups.get(item.group);
        if (group) evaluateScaling(this.groupContext, group, w.trafficRps);
        return;
      }
      case 'db-failover-done':
        if (w.db && this.database) completeFailover(this.database, w.db, item.token);
        return;
      case 'traffic':
        w.trafficRps = item.rps;
        this.clock.record({ kind: 'traffic-changed', message: `demand is now ${item.rps} requests per second` });
        return;
      default:
        return assertNever(item);
    }
  }

  /** Applies one action now. A refused action changes nothing and says why. */
  apply(action: Action): Outcome {
    const outcome = this.dispatch(action);
    if (outcome.ok) return outcome;
    const last = this.clock.lastEvent();
    // An insufficient-capacity event already says it; don't repeat it as a refusal.
    const said = last !== undefined && last.time === this.clock.time && last.message === outcome.reason;
    if (!said) this.clock.record({ kind: 'refused', message: outcome.reason, vm: 'vm' in action ? action.vm : undefined });
    return outcome;
  }

  private dispatch(action: Action): Outcome {
    switch (action.kind) {
      case 'launch':
        return this.launch(action);
      case 'group':
        return this.createGroup(action);
      case 'start':
        return this.start_(action.vm);
      case 'stop':
        return this.lifecycleStep(action.vm, 'stop');
      case 'reboot':
        return this.lifecycleStep(action.vm, 'reboot');
      case 'terminate':
        return this.lifecycleStep(action.vm, 'terminate');
      case 'crash':
        return this.afterFault({ vm: action.vm }, applyFault(this.faults, { vm: action.vm }));
      case 'fail': {
        const outcome = applyFault(this.faults, action as FaultTarget);
        if (outcome.ok && action.host !== undefined) this.eraseInstanceStoresOn(action.host);
        return this.afterFault(action, outcome);
      }
      case 'recover':
        return this.afterFault(action, applyRecovery(this.faults, action as FaultTarget));
      case 'write':
        return this.write(action);
      case 'load':
        return this.setLoad(action.vm, action.busy, action.workingSet);
      case 'scale': {
        const group = this.world.groups.get(action.group);
        if (!group) return { ok: false, reason: `no group named ${action.group}` };
        group.desired = action.desired;
        this.clock.record({ kind: 'group-scaled', group: group.name, message: `${group.name}: desired count set to ${action.desired}` });
        reconcileGroup(this.groupContext, group);
        return { ok: true, message: `${group.name} desired ${action.desired}` };
      }
      default:
        return assertNever(action);
    }
  }

  private afterFault(target: FaultTarget, outcome: Outcome): Outcome {
    if (outcome.ok) this.afterTopologyChange(target);
    return outcome;
  }

  private launch(a: Extract<Action, { kind: 'launch' }>): Outcome {
    const w = this.world;
    const region = w.regions.get(a.region);
    if (!region) return { ok: false, reason: `no region ${a.region} in this world` };
    if (a.az !== undefined && !region.azs.some((z) => z.id === a.az)) return { ok: false, reason: `no AZ ${a.az} in ${a.region}` };
    if (w.groups.has(a.name)) return { ok: false, reason: `${a.name} is a group's name` };
    const size = { vcpu: a.vcpu, memoryGiB: a.memoryGiB, instanceStoreGiB: a.instanceStoreGiB };
    const cursor = region.spreadCursor;
    const first = (w.launchCounters.get(a.name) ?? 0) + 1;
    // Two lists side by side rather than a [vm, host] pair per VM: a launch may place thousands.
    const placedVms: Vm[] = [];
    const placedHosts: HostState[] = [];
    const packCursor = { az: 0, host: 0 };
    const spread = a.spreadGroup === undefined ? null : spreadGroupPlaces(w.vms.values(), a.spreadGroup);
    // One request for the whole launch: only a spread group's full AZs change from one VM to the next.
    const request: PlacementRequest = { size, region, policy: w.scenario.policy, az: a.az, packCursor, ...spreadLimits(spread) };
    for (let i = 0; i < a.count; i++) {
      if (spread && i > 0) request.excludeAzs = fullAzs(spread);
      const host = chooseHost(request);
      if (!host) break;
      const vm = newVm(`${a.name}-${first + i}`, a, a.az);
      if (spread) {
        vm.spreadGroup = spread.name;
        takePlace(spread, host.id, host.az);
      }
      this.occupy(host, vm);
      placedVms.push(vm);
      placedHosts.push(host);
    }
    const where = a.az ?? a.region;
    if (placedVms.length < a.count) {
      // Why the next one did not fit, asked before the tentative placements are undone.
      const short = spread ? spreadShortfall(region, a.az, spread, size) : { refused: false, reason: shortResource(region, a.az, size) };
      // All or nothing: undo the tentative placements.
      for (let i = 0; i < placedVms.length; i++) this.vacate(placedHosts[i], placedVms[i]);
      region.spreadCursor = cursor;
      const down = outageBlocking(region, a.az);
      if (down) return { ok: false, reason: `cannot launch in ${where}: ${down}; nothing was launched` };
      if (short.refused)
        return { ok: false, reason: `cannot launch ${a.count} × ${a.name} in ${where} (room for ${placedVms.length}): ${short.reason}; nothing was launched` };
      const reason = `insufficient capacity: ${a.count} × ${describeSize(size)} do not fit in ${where} (room for ${placedVms.length}; ${short.reason}); nothing was launched`;
      this.clock.record({ kind: 'insufficient-capacity', message: reason, region: a.region, az: a.az });
      return { ok: false, reason };
    }
    w.launchCounters.set(a.name, first + a.count - 1);
    for (let i = 0; i < placedVms.length; i++) {
      w.vms.set(placedVms[i].name, placedVms[i]);
      this.enterPending(placedVms[i], placedHosts[i]);
    }
    return { ok: true, message: `launched ${a.count} × ${describeSize(size)} in ${where}` };
  }

  /** Gives a VM its share of a host, and tells the AZ's load index. */
  private occupy(host: HostState, vm: Vm): void {
    allocate(host, vm);
    this.world.azs.get(host.az)!.loadIndex.update(host);
  }

  private vacate(host: HostState, vm: Vm): void {
    release(host, vm);
    this.world.azs.get(host.az)!.loadIndex.update(host);
  }

  /** Puts a VM on a host and starts its pending period. */
  private placeOn(vm: Vm, host: HostState): void {
    this.occupy(host, vm);
    this.enterPending(vm, host);
  }

  private enterPending(vm: Vm, host: HostState): void {
    const { scenario } = this.world;
    vm.host = host.id;
    vm.az = host.az;
    vm.state = 'pending';
    vm.token++;
    // A member restarted by hand is healthy again: its old "unhealthy since" must not get it replaced.
    refreshImpairment(this.world, vm, this.clock.time);
    this.clock.vmChanged(vm);
    // Without a rule there is nothing to note: skip naming the VM, a string per VM placed.
    if (this.residency.rule) noteResidency(this.residency, `VM ${vm.name}`, host.region);
    this.clock.recordStamped({
      time: this.clock.time,
      kind: 'launched',
      vm: vm.name,
      host: host.id,
      az: host.az,
      region: host.region,
      message: `${vm.name} is pending on ${host.id}`,
    });
    this.clock.schedule(this.clock.time + this.duration(scenario.timings.pendingSeconds), { type: 'settle', vm: vm.name, token: vm.token });
  }

  /** A lifecycle duration, with the scenario's jitter drawn from the seeded generator. */
  private duration(base: number): number {
    const jitter = this.world.scenario.timings.jitter;
    if (jitter === 0 || base === 0) return base;
    return Math.round(base * (1 + jitter * (2 * this.world.random.next() - 1)) * 10) / 10;
  }

  private createGroup(a: Extract<Action, { kind: 'group' }>): Outcome {
    const w = this.world;
    const region = w.regions.get(a.region);
    if (!region) return { ok: false, reason: `no region ${a.region} in this world` };
    if (w.groups.has(a.name) || w.launchCounters.has(a.name)) return { ok: false, reason: `the name ${a.name} is taken` };
    const azs = a.azs ?? region.azs.map((z) => z.id);
    const missing = azs.find((id) => !region.azs.some((z) => z.id === id));
    if (missing) return { ok: false, reason: `no AZ ${missing} in ${a.region}` };
    const group: GroupState = {
      name: a.name,
      desired: a.scaling ? Math.min(Math.max(a.desired, a.scaling.min), a.scaling.max) : a.desired,
      vcpu: a.vcpu,
      memoryGiB: a.memoryGiB,
      diskGiB: a.diskGiB,
      instanceStoreGiB: a.instanceStoreGiB,
      region: a.region,
      azs,
      busy: a.busy,
      workingSet: a.workingSet,
      nextIndex: 1,
      scaling: a.scaling,
      members: new Set(),
      checksAt: new Set(),
      retryAt: null,
      rebalancing: null,
    };
    w.groups.set(group.name, group);
    this.clock.record({
      kind: 'group-created',
      group: group.name,
      region: a.region,
      message: `group ${group.name} wants ${group.desired} × ${describeSize(a)} across ${azs.join(', ')}`,
    });
    reconcileGroup(this.groupContext, group);
    if (group.scaling) this.clock.schedule(this.clock.time + group.scaling.intervalSeconds, { type: 'scale-check', group: group.name });
    return { ok: true, message: `group ${group.name} created` };
  }

  private start_(name: string): Outcome {
    const w = this.world;
    const vm = w.vms.get(name);
    if (!vm) return { ok: false, reason: `no VM named ${name}` };
    const why = refusal(vm, 'start');
    if (why) return { ok: false, reason: why };
    const region = w.regions.get(vm.region)!;
    // A stopped VM holds no host, so the places of its spread group are those of the others.
    const spread = vm.spreadGroup === undefined ? null : spreadGroupPlaces(w.vms.values(), vm.spreadGroup);
    const host = chooseHost({ size: vm, region, policy: w.scenario.policy, az: vm.az, avoid: vm.lastHost, ...spreadLimits(spread) });
    if (!host) {
      const down = outageBlocking(region, vm.az);
      if (down) return { ok: false, reason: `cannot start ${name} in ${vm.az}: ${down}; it stays stopped` };
      const short = spread ? spreadShortfall(region, vm.az, spread, vm) : { refused: false, reason: shortResource(region, vm.az, vm) };
      if (short.refused) return { ok: false, reason: `cannot start ${name}: ${short.reason}; it stays stopped` };
      const reason = `insufficient capacity: no host in ${vm.az} has room for ${name} (${describeSize(vm)}; ${short.reason}); it stays stopped`;
      this.clock.record({ kind: 'insufficient-capacity', vm: name, az: vm.az, region: vm.region, message: reason });
      return { ok: false, reason };
    }
    this.placeOn(vm, host);
    return { ok: true, message: `${name} is starting on ${host.id}` };
  }

  private lifecycleStep(name: string, action: 'stop' | 'reboot' | 'terminate'): Outcome {
    const vm = this.world.vms.get(name);
    if (!vm) return { ok: false, reason: `no VM named ${name}` };
    const why = refusal(vm, action);
    if (why) return { ok: false, reason: why };
    if (action === 'reboot') {
      vm.rebootingUntil = this.clock.time + this.duration(this.world.scenario.timings.rebootSeconds);
      vm.token++;
      // The reboot restarts the guest now: a crash before it is gone, a crash during it outlasts it.
      vm.crashed = false;
      refreshImpairment(this.world, vm, this.clock.time);
      this.clock.vmChanged(vm);
      this.clock.recordStamped({
        time: this.clock.time,
        kind: 'rebooting',
        vm: name,
        host: vm.host,
        message: `${name} is rebooting on ${vm.host} (same host, memory cleared)`,
      });
      this.clock.schedule(vm.rebootingUntil, { type: 'reboot-done', vm: name, token: vm.token });
      return { ok: true, message: `${name} rebooting` };
    }
    this.beginTransition(vm, action === 'stop' ? 'stopping' : 'shutting-down');
    return { ok: true, message: `${name} ${vm.state}` };
  }

  /** Moves a VM into stopping or shutting-down and schedules where it settles. */
  private beginTransition(vm: Vm, state: 'stopping' | 'shutting-down'): void {
    const { scenario, groups } = this.world;
    const wasRunning = vm.state === 'running';
    vm.state = state;
    if (state === 'shutting-down' && vm.group) groups.get(vm.group)?.members.delete(vm.name);
    vm.rebootingUntil = undefined;
    vm.token++;
    this.clock.vmChanged(vm);
    const seconds = state === 'stopping' ? scenario.timings.stoppingSeconds : scenario.timings.shuttingDownSeconds;
    this.clock.recordStamped({ time: this.clock.time, kind: state, vm: vm.name, host: vm.host, message: `${vm.name} is ${state}` });
    if (wasRunning && vm.host) {
      const host = this.world.hosts.get(vm.host)!;
      leaveMemory(host, vm);
      settleMemory(this.memory, host);
    }
    if (state === 'stopping' && vm.group) {
      refreshImpairment(this.world, vm, this.clock.time);
      const group = groups.get(vm.group);
      if (group) requestGroupCheck(this.clock, group, this.clock.time + scenario.timings.detectionSeconds);
    }
    this.clock.schedule(this.clock.time + this.duration(seconds), { type: 'settle', vm: vm.name, token: vm.token });
  }

  private settle(name: string, token: number): void {
    const w = this.world;
    const vm = w.vms.get(name);
    if (!vm || vm.token !== token) return;
    const next = settlesTo[vm.state];
    if (!next) return;
    vm.state = next;
    if (!holdsHost(next) && vm.host) {
      this.noteStorageOnLeaving(vm, next === 'terminated' ? 'terminated' : 'stopped');
      this.vacate(w.hosts.get(vm.host)!, vm);
      vm.lastHost = vm.host;
      vm.host = undefined;
    }
    if (next === 'stopped' || next === 'terminated') vm.crashed = false;
    if (next === 'terminated') vm.impairedSince = undefined;
    this.clock.vmChanged(vm);
    const host = vm.host ? ` on ${vm.host}` : '';
    this.clock.recordStamped({
      time: this.clock.time,
      kind: next as 'running' | 'stopped' | 'terminated',
      vm: name,
      host: vm.host,
      az: vm.az,
      message: `${name} is ${next}${host}`,
    });
    if (next === 'running') {
      refreshImpairment(w, vm, this.clock.time);
      const host = w.hosts.get(vm.host!)!;
      joinMemory(host, vm);
      settleMemory(this.memory, host);
    }
    // A member launched to rebalance the AZs runs: the group may now let one of the crowded AZ go.
    const rebalanced = next === 'running' && vm.group !== undefined ? w.groups.get(vm.group) : undefined;
    if (rebalanced?.rebalancing === vm.name) requestGroupCheck(this.clock, rebalanced, this.clock.time);
    if (vm.group && next === 'terminated') {
      const group = w.groups.get(vm.group);
      if (group) requestGroupCheck(this.clock, group, this.clock.time);
    }
  }

  private rebootDone(name: string, token: number): void {
    const vm = this.world.vms.get(name);
    if (!vm || vm.token !== token) return;
    vm.rebootingUntil = undefined;
    this.clock.vmChanged(vm);
    this.clock.recordStamped({
      time: this.clock.time,
      kind: 'rebooted',
      vm: name,
      host: vm.host,
      message: vm.crashed
        ? `${name} finished rebooting on ${vm.host}, but its guest crashed during the reboot: it does not serve`
        : `${name} is back up on ${vm.host}`,
    });
    refreshImpairment(this.world, vm, this.clock.time);
  }

  private write(a: Extract<Action, { kind: 'write' }>): Outcome {
    const vm = this.world.vms.get(a.vm);
    if (!vm) return { ok: false, reason: `no VM named ${a.vm}` };
    const outcome = writeData(this.world, vm, a.to, a.gib);
    if (outcome.ok) this.clock.record({ kind: 'data-written', vm: vm.name, host: vm.host, message: outcome.message });
    return outcome;
  }

  /** A VM leaves its host for good (stopped) or is terminated: its instance store goes, and at termination its root volume. */
  private noteStorageOnLeaving(vm: Vm, cause: 'stopped' | 'terminated'): void {
    if (vm.instanceStoreGiB > 0) {
      const lost = eraseInstanceStore(vm);
      this.clock.record({ kind: 'instance-store-erased', vm: vm.name, host: vm.host, message: erasureMessage(vm, lost, cause) });
    }
    if (cause === 'terminated') {
      const gone = deleteRootVolume(vm);
      this.clock.record({
        kind: 'volume-deleted',
        vm: vm.name,
        message: `${vm.name}'s ${vm.diskGiB} GiB root volume was deleted with it${gone > 0 ? ` (${gone} GiB of data)` : ''}; its billing ends`,
      });
    }
  }

  /** A failed host takes the instance stores on its local disk with it. */
  private eraseInstanceStoresOn(hostId: string): void {
    for (const name of this.world.hosts.get(hostId)!.vms) {
      const vm = this.world.vms.get(name)!;
      if (vm.instanceStoreGiB === 0) continue;
      const lost = eraseInstanceStore(vm);
      this.clock.record({ kind: 'instance-store-erased', vm: vm.name, host: hostId, message: erasureMessage(vm, lost, 'host-failed') });
    }
  }

  private setLoad(target: string, busy: number | undefined, workingSet: number | undefined): Outcome {
    const w = this.world;
    const matched = this.namedBy(target);
    if (matched.length === 0) return { ok: false, reason: `no VM named ${target} or ${target}-N` };
    const group = w.groups.get(target);
    const said: string[] = [];
    if (busy !== undefined) {
      for (const vm of matched) vm.busy = busy;
      if (group) group.busy = busy;
      said.push(`busy ${Math.round(busy * 100)}% of its vCPUs`);
    }
    const touched = new Set<HostState>();
    if (workingSet !== undefined) {
      for (const vm of matched) {
        const host = vm.host ? w.hosts.get(vm.host) : undefined;
        changeWorkingSet(host, vm, workingSet);
        if (host && vm.state === 'running') touched.add(host);
      }
      if (group) group.workingSet = workingSet;
      said.push(`working set ${Math.round(workingSet * 100)}% of its memory`);
    }
    this.clock.record({ kind: 'load-changed', vm: target, message: `${target}: ${said.join(', ')}` });
    for (const host of touched) settleMemory(this.memory, host);
    return { ok: true, message: `load set on ${matched.length} VM(s)` };
  }

  /** The out-of-memory killer ended a VM: its process is gone, so it stops (and a group replaces it). */
  private oomKill(vm: Vm, reason: string): void {
    this.clock.record({ kind: 'oom-killed', vm: vm.name, host: vm.host, az: vm.az, message: reason });
    this.beginTransition(vm, 'stopping');
  }

  /** The VM called `target`, and the VMs of a launch or group called `target` (target-1, target-2, ...). */
  private namedBy(target: string): Vm[] {
    const w = this.world;
    const out: Vm[] = [];
    const exact = w.vms.get(target);
    if (exact) out.push(exact);
    const last = Math.max(w.launchCounters.get(target) ?? 0, (w.groups.get(target)?.nextIndex ?? 1) - 1);
    for (let i = 1; i <= last; i++) {
      const vm = w.vms.get(`${target}-${i}`);
      if (vm) out.push(vm);
    }
    return out;
  }

  /** After a fault or a recovery: what sits under it follows, the database reacts, groups look again. */
  private afterTopologyChange(target: FaultTarget): void {
    const w = this.world;
    const names = target.vm !== undefined ? [target.vm] : vmsUnder(w, target);
    const hosts = new Set<HostState>();
    for (const name of names) {
      const vm = w.vms.get(name)!;
      refreshImpairment(w, vm, this.clock.time);
      this.clock.vmChanged(vm);
      if (vm.host) hosts.add(w.hosts.get(vm.host)!);
    }
    // A host that comes back holds its guests' memory again (and a failed one holds none).
    if (target.vm === undefined) for (const host of hosts) settleMemory(this.memory, host);
    if (w.db && this.database) updateDatabase(this.database, w.db);
    for (const group of w.groups.values()) requestGroupCheck(this.clock, group, this.clock.time + w.scenario.timings.detectionSeconds);
  }
}

/** What a spread placement group keeps a placement off: its VMs' hosts, and the AZs where it is full. */
function spreadLimits(places: SpreadGroupPlaces | null): Pick<PlacementRequest, 'excludeHosts' | 'excludeAzs'> {
  return places ? { excludeHosts: places.hosts, excludeAzs: fullAzs(places) } : {};
}

/** Which resource ran out for one more VM of this size, in the words the lessons use. */
function shortResource(region: RegionState, az: string | undefined, size: Size): string {
  const hosts = region.azs.filter((z) => z.health === 'up' && (az === undefined || z.id === az)).flatMap((z) => z.hosts.filter((h) => h.health === 'up'));
  const cpu = hosts.some((h) => h.allocatedVcpu + size.vcpu <= h.capacityVcpu + 1e-9);
  const mem = hosts.some((h) => h.allocatedMemoryGiB + memoryFootprint(h, size) <= h.capacityMemoryGiB + 1e-9);
  const disk = hosts.some((h) => h.allocatedDiskGiB + size.instanceStoreGiB <= h.diskGiB + 1e-9);
  if (!cpu) return `no host has ${size.vcpu} vCPU free`;
  if (!mem) return `no host has ${size.memoryGiB} GiB of memory free`;
  if (!disk) return `no host has ${size.instanceStoreGiB} GiB of local disk free for an instance store`;
  return size.instanceStoreGiB > 0
    ? 'no single host has enough vCPU, memory and local disk free together'
    : 'no single host has enough vCPU and memory free together';
}

/** Why nothing can be placed in a region (or one of its AZs) because of an outage, or null. */
function outageBlocking(region: RegionState, az: string | undefined): string | null {
  if (region.health === 'failed') return `region ${region.id} is down`;
  if (az !== undefined) return azById(region, az)?.health === 'failed' ? `AZ ${az} is down` : null;
  return region.azs.every((z) => z.health === 'failed') ? `every AZ of ${region.id} is down` : null;
}
