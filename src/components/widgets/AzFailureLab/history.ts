/**
 * The lab's run, recorded once as it goes forward, so that any time can be shown without replaying
 * from 0:00. Between two engine events nothing in the world changes but the clock and what the
 * clock accumulates (up and down time), so the record keeps what the lab shows at each event time
 * (a knot) and reads any other time from the knot before it and the one after.
 *
 * The engine has no snapshot to go back to, and its world only runs forward: the record is built by
 * one world run forward event time by event time, and reading back is a binary search over knots.
 */
import { createWorld, type DatabaseReport, type Glance, type Report, type ScenarioInput, type SimEvent, type World } from '@site/sim';
import { deriveLabView, type AzView, type LabView } from './view';

/** Everything the lab draws at one time, read from the engine's report. */
export interface LabFrame {
  time: number;
  view: LabView;
  database: DatabaseReport | null;
  /** The engine's trace up to this time. */
  events: readonly SimEvent[];
  /** When the service first came up (the report's metrics.firstUpAt). */
  firstUpAt: number | null;
  regions: Report['regions'];
  hostIds: string[];
  /** The VMs that exist (not terminated), in the report's order. */
  vmNames: string[];
}

/** What the lab shows from a report of the engine: the reference the record is checked against. */
export function frameOf(report: Report): LabFrame {
  return { ...stateOf(report), events: report.events };
}

/** The frame's state from a report, or from a glance at the world (the report's fields a frame shows). */
function stateOf(report: Pick<Glance, 'time' | 'regions' | 'vms' | 'metrics' | 'database' | 'hosts'>): Omit<LabFrame, 'events'> {
  return {
    time: report.time,
    view: deriveLabView(report),
    database: report.database,
    firstUpAt: report.metrics.firstUpAt,
    regions: report.regions,
    hostIds: report.hosts.map((h) => h.id),
    vmNames: existingVmNames(report.vms),
  };
}

/** The names of the VMs that are not terminated, in one pass (no intermediate list of a thousand VMs). */
function existingVmNames(vms: Glance['vms']): string[] {
  const names: string[] = [];
  for (const vm of vms) if (vm.state !== 'terminated') names.push(vm.name);
  return names;
}

/** The lab at an event time, once every event due then has run. */
interface Knot {
  state: Omit<LabFrame, 'events'>;
  /** The engine's up and down seconds at this time (rounded by its report). */
  upSeconds: number;
  downSeconds: number;
  /** Length of the trace at this time. */
  events: number;
  /**
   * Length of the trace just after this time: the engine notes the service going up or down when
   * the clock leaves a time, so those events appear only for later times.
   */
  eventsAfter: number;
}

/** The report's rounding (sim/host.ts round): the same digits as a fresh engine run shows. */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameData = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameAz = (a: AzView, b: AzView) => a.id === b.id && a.up === b.up && sameList(a.statuses, b.statuses) && sameData(a.reasons, b.reasons);

/**
 * The knot's state, reusing the previous knot's parts wherever they are unchanged: a long run has
 * many event times at which little the lab shows changes (a group's periodic check, a traffic
 * point), and each would otherwise hold its own copy of every VM's status.
 */
function sharedWith(previous: Omit<LabFrame, 'events'>, next: Omit<LabFrame, 'events'>): Omit<LabFrame, 'events'> {
  // Each AZ apart: an AZ whose VMs did not change keeps its object, so a view can skip it by identity.
  const eachAz = next.view.azs.map((az, i) => (previous.view.azs[i] && sameAz(previous.view.azs[i], az) ? previous.view.azs[i] : az));
  const azs = eachAz.length === previous.view.azs.length && eachAz.every((az, i) => az === previous.view.azs[i]) ? previous.view.azs : eachAz;
  return {
    ...next,
    view: { ...next.view, azs },
    database: sameData(previous.database, next.database) ? previous.database : next.database,
    regions: sameData(previous.regions, next.regions) ? previous.regions : next.regions,
    hostIds: sameList(previous.hostIds, next.hostIds) ? previous.hostIds : next.hostIds,
    vmNames: sameList(previous.vmNames, next.vmNames) ? previous.vmNames : next.vmNames,
  };
}

export class LabHistory {
  private readonly world: World;
  private readonly knots: Knot[] = [];
  private done = false;
  private lastTrace: readonly SimEvent[] | null = null;

  constructor(
    scenario: ScenarioInput,
    /** The last time the lab shows (the scenario's or the lab's `until`). */
    readonly until: number,
  ) {
    this.world = createWorld(scenario);
    this.record(0);
  }

  /** Whether the whole run up to `until` is recorded. */
  get complete(): boolean {
    return this.done;
  }

  /** How many event times are recorded (for the benchmark and tests). */
  get recordedKnots(): number {
    return this.knots.length;
  }

  /** Records the next event time (or `until`); false when the run is already recorded to the end. */
  recordNext(): boolean {
    if (this.done) return false;
    const next = this.world.nextEventTime();
    this.record(next === null || next > this.until ? this.until : next);
    return true;
  }

  /** What the lab shows at `time` (0 ≤ time ≤ until), recording forward only as far as needed. */
  frameAt(time: number): LabFrame {
    if (!(time >= 0 && time <= this.until)) throw new RangeError(`LabHistory.frameAt: time ${time} is outside 0..${this.until}`);
    // A time between knots needs the knot after it; a knot's own time does not (a new design shows
    // 0:00 without running on to the next event, which idle time records).
    while (!this.done && this.knots[this.knots.length - 1].state.time < time) this.recordNext();
    const i = this.knotAtOrBefore(time);
    const at = this.knots[i];
    if (at.state.time === time) return { ...at.state, events: this.traceUpTo(at.events) };
    // Strictly between two knots: the world is as at the earlier one; only accumulated time differs.
    const after = this.knots[i + 1];
    const dt = time - at.state.time;
    const up = after.upSeconds > at.upSeconds ? at.upSeconds + dt : at.upSeconds;
    const down = after.downSeconds > at.downSeconds ? at.downSeconds + dt : at.downSeconds;
    // The first interval the service is up in sets firstUpAt to its start, as soon as the clock moves into it.
    const firstUpAt = after.state.firstUpAt;
    const window = firstUpAt === null ? 0 : up + down;
    const view: LabView = {
      ...at.state.view,
      time,
      availabilityPercent: window > 0 ? round((up / window) * 100, 3) : 0,
      downtimeSeconds: round(down, 3),
    };
    return { ...at.state, time, view, firstUpAt, events: this.traceUpTo(at.eventsAfter) };
  }

  /**
   * The first `count` events of the trace. Playing asks for the same count tick after tick (the trace
   * only grows at event times), so the last copy is kept and handed out again.
   */
  private traceUpTo(count: number): readonly SimEvent[] {
    if (this.lastTrace?.length !== count) this.lastTrace = this.world.events.slice(0, count);
    return this.lastTrace;
  }

  /** The next time something happens after `time` (for "step to next event"), or `until`. */
  nextChangeAfter(time: number): number {
    while (!this.done && this.knots[this.knots.length - 1].state.time <= time) this.recordNext();
    const i = this.knotAtOrBefore(time);
    return i + 1 < this.knots.length ? this.knots[i + 1].state.time : this.until;
  }

  private knotAtOrBefore(time: number): number {
    let lo = 0;
    let hi = this.knots.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.knots[mid].state.time <= time) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private record(time: number): void {
    this.world.runUntil(time);
    // A glance, not a report: a knot needs each VM's status, not its cost, storage or refusals.
    const report = this.world.glance();
    const trace = this.world.events;
    const previous = this.knots[this.knots.length - 1];
    if (previous) {
      // Trace entries stamped after the previous knot all belong to this one (none fall in between).
      let first = trace.length;
      while (first > 0 && trace[first - 1].time > previous.state.time) first--;
      previous.eventsAfter = first;
    }
    this.knots.push({
      state: previous ? sharedWith(previous.state, stateOf(report)) : stateOf(report),
      upSeconds: report.metrics.upSeconds,
      downSeconds: report.metrics.downtimeSeconds,
      events: trace.length,
      eventsAfter: trace.length,
    });
    if (time >= this.until) this.done = true;
  }
}
