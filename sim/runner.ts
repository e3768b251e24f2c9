/**
 * The runner: owns the virtual clock, the event queue and the trace; hands the world's rules
 * (./rules.ts) a narrow context, runs what falls due in order, and accounts for the time between.
 * Everything is deterministic: the same scenario gives the same trace.
 */
import { accrue, billVm, createAccounting, vmCost } from './accounting';
import type { SimEvent, Scheduled } from './events';
import { WorldGlance, type Glance } from './glance';
import { issuesText, parseAction, ScenarioError } from './parse';
import { EventQueue } from './queue';
import { createRandom } from './random';
import { createDatabase } from './replication';
import { buildMetrics, buildReport, buildVmReport, type Metrics, type Report, type ReportSource, type VmReport } from './report';
import { WorldRules, type RulesClock } from './rules';
import type { Action, ActionInput, Scenario } from './scenario';
import { requestCapacity, ServiceTracker } from './service';
import type { Outcome } from './types';
import { buildTopology, type WorldState } from './world';

/** A world as its users see it: read it, act on it, let time pass. Nothing in it can be changed directly. */
export interface World {
  /** The virtual clock, in seconds. */
  readonly time: number;
  readonly scenario: Readonly<Scenario>;
  /** The trace so far. */
  readonly events: readonly SimEvent[];
  /** Applies an action now (`{ kind, ...args }`, defaults filled in); a refusal changes nothing and says why. */
  apply(action: ActionInput | Action): Outcome;
  /** Runs every scheduled event up to and including `time`, then sets the clock to `time`. */
  runUntil(time: number): void;
  /** Runs the next scheduled event; false when none is left. */
  step(): boolean;
  /** When the next scheduled event falls due, or null when nothing is scheduled. */
  nextEventTime(): number | null;
  /** Runs the scenario to its `until`. */
  run(): World;
  /** The report of the world as it is now. */
  report(options?: { events?: boolean }): Report;
  /** One VM's report, or undefined when no VM has that name. */
  vm(name: string): VmReport | undefined;
  /** What a view redraws each frame (./glance.ts): the report's status fields, without per-VM costs, storage or refusals. */
  glance(): Glance;
  /** The report's metrics as they are now, without a report of every host and VM (for a view that reads them often). */
  metrics(): Metrics;
}

/**
 * The runner's clock as the rules see it. A class, its `time` a getter on the prototype shared by
 * every world, for the reason given at ConcernClock (./rules.ts): with the getter on the object
 * itself (an object literal's `get time()`), a world outlived the minor garbage collections after
 * it was dropped, as it did with the rules' contexts; both had to go for a world to die young.
 */
class RunnerClock implements RulesClock {
  readonly record: RulesClock['record'];
  readonly recordStamped: RulesClock['recordStamped'];
  readonly schedule: RulesClock['schedule'];
  readonly lastEvent: RulesClock['lastEvent'];
  readonly vmChanged: RulesClock['vmChanged'];

  constructor(
    private readonly runner: { readonly time: number },
    verbs: Omit<RulesClock, 'time'>,
  ) {
    this.record = verbs.record;
    this.recordStamped = verbs.recordStamped;
    this.schedule = verbs.schedule;
    this.lastEvent = verbs.lastEvent;
    this.vmChanged = verbs.vmChanged;
  }

  get time(): number {
    return this.runner.time;
  }
}

export class Runner implements World {
  private now = 0;
  private readonly queue = new EventQueue<Scheduled>();
  private readonly trace: SimEvent[] = [];
  private readonly state: WorldState;
  private readonly rules: WorldRules;
  private readonly account = createAccounting();
  private readonly service: ServiceTracker;
  /** Whether the service was up when last looked at, to record when it goes up or down. */
  private serviceWasUp = false;
  private readonly glances = new WorldGlance();

  constructor(readonly scenario: Scenario) {
    this.state = {
      ...buildTopology(scenario),
      scenario,
      random: createRandom(scenario.seed),
      vms: new Map(),
      groups: new Map(),
      launchCounters: new Map(),
      db: scenario.database ? createDatabase(scenario.database) : null,
      trafficRps: 0,
      residencyViolations: [],
    };
    const clock = new RunnerClock(this, {
      record: (event) => this.record(event),
      recordStamped: (event) => this.trace.push(event),
      schedule: (time, item) => this.queue.push(time, item),
      lastEvent: () => this.trace[this.trace.length - 1],
      vmChanged: (vm) => {
        billVm(this.account, vm, this.now);
        this.service.update(vm);
      },
    });
    this.service = new ServiceTracker(this.state);
    this.rules = new WorldRules(this.state, clock);
    scenario.actions.forEach((a, index) => this.queue.push(a.at, { type: 'action', index }, true));
    for (const point of scenario.traffic?.curve ?? []) this.queue.push(point.at, { type: 'traffic', rps: point.rps });
    this.rules.start();
  }

  get time(): number {
    return this.now;
  }

  get events(): readonly SimEvent[] {
    return this.trace;
  }

  private record(event: Omit<SimEvent, 'time'>): void {
    this.trace.push({ time: this.now, ...event });
  }

  apply(action: ActionInput | Action): Outcome {
    let parsed: Action;
    try {
      parsed = parseAction(action);
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, reason: issuesText(e.issues) };
      throw e;
    }
    return this.rules.apply(parsed);
  }

  runUntil(until: number): void {
    for (let t = this.queue.peekTime(); t !== undefined && t <= until; t = this.queue.peekTime()) {
      const next = this.queue.pop()!;
      this.advanceTo(next.time);
      this.rules.handle(next.item);
    }
    this.advanceTo(until);
  }

  nextEventTime(): number | null {
    return this.queue.peekTime() ?? null;
  }

  step(): boolean {
    const next = this.queue.pop();
    if (!next) return false;
    this.advanceTo(next.time);
    this.rules.handle(next.item);
    return true;
  }

  run(): this {
    this.runUntil(this.scenario.until);
    return this;
  }

  report(options: { events?: boolean } = {}): Report {
    return buildReport(this.source(), options);
  }

  vm(name: string): VmReport | undefined {
    return buildVmReport(this.source(), name);
  }

  glance(): Glance {
    return this.glances.read({ world: this.state, time: this.now, account: this.account, service: this.service.state() });
  }

  metrics(): Metrics {
    return buildMetrics({ world: this.state, account: this.account, service: this.service.state() });
  }

  private source(): ReportSource {
    return {
      world: this.state,
      time: this.now,
      events: this.trace,
      account: this.account,
      service: this.service.state(),
      vmCost: (name) => vmCost(this.account, name, this.now),
    };
  }

  /**
   * Moves the clock forward to `t`. Everything due at the current second has run, so the service's
   * state now is final for this second: note a change, then account the interval up to `t`.
   */
  private advanceTo(t: number): void {
    if (t <= this.now) return;
    const service = this.service.state();
    if (service.up !== this.serviceWasUp) {
      this.serviceWasUp = service.up;
      const db = this.state.db;
      this.record({
        kind: service.up ? 'service-up' : 'service-down',
        message: service.up
          ? `service is up (${service.serving} VM(s) serving)`
          : `service is down (${service.serving} VM(s) serving${db && !db.available ? ', database unavailable' : ''})`,
      });
    }
    const traffic = this.scenario.traffic ? { demandRps: this.state.trafficRps, capacityRps: requestCapacity(this.state, service) } : null;
    accrue(this.account, t, { serviceUp: service.up, traffic });
    this.now = t;
  }
}
