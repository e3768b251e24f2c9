/**
 * What the engine says about an engine question: run its scenario for one variant and read the
 * outcome the way the question says. Used by the validator (to compare with the author's key) and by
 * the page's "show me" replay; never to compute a key.
 */
import { createWorld, type EventKind, type Report } from '@site/sim';
import { resolve } from './concrete';
import type { EngineQuestion, ParamValue, Params } from './schema';

export interface EngineReading {
  /** When the outcome was read, in seconds. */
  at: number;
  report: Report;
  /** choice and numeric asks */
  value?: ParamValue;
  /** claims asks: whether each option holds */
  holds?: Record<string, boolean>;
  /** ordering asks: item ids as the engine orders them */
  order?: string[];
}

function readingTime(q: EngineQuestion, p: Params, until: number): number {
  return q.at === undefined ? until : resolve(q.at, p);
}

function read(q: EngineQuestion, p: Params, report: Report): Omit<EngineReading, 'at' | 'report'> {
  const ask = q.ask;
  switch (ask.type) {
    case 'choice':
    case 'numeric':
      return { value: ask.read(report, p) };
    case 'claims':
      return { holds: Object.fromEntries(ask.options.map((o) => [o.id, o.holds(report, p)])) };
    case 'ordering':
      return { order: ask.read(report, p) };
  }
}

/** Runs the question's scenario for the parameters and reads the outcome at the question's time. */
export function observe(q: EngineQuestion, p: Params, source = q.id): EngineReading {
  const sim = createWorld(q.scenario(p), source);
  const at = readingTime(q, p, sim.scenario.until);
  sim.runUntil(at);
  const report = sim.report();
  return { at, report, ...read(q, p, report) };
}

/** Event kinds after which the world looks different enough to show a snapshot. */
const notable: ReadonlySet<EventKind> = new Set<EventKind>([
  'vm-crashed',
  'vm-recovered',
  'host-failed',
  'host-recovered',
  'az-failed',
  'az-recovered',
  'region-failed',
  'region-recovered',
  'db-failover-complete',
  'stopped',
  'terminated',
  'rebooting',
  'rebooted',
  'insufficient-capacity',
  'group-replacing',
  'service-down',
]);

export interface Replay {
  reading: EngineReading;
  /** Snapshots of the world (without events) at the moments that matter, in time order. */
  moments: { time: number; report: Report }[];
}

/** The whole story of one variant: the reading (with every event up to it) and snapshots on the way. */
export function replay(q: EngineQuestion, p: Params, maxMoments = 6): Replay {
  const reading = observe(q, p);
  const chosen = q.moments
    ? q.moments(p)
    : (() => {
        const firstUp = reading.report.events.find((e) => e.kind === 'service-up' || e.kind === 'running')?.time;
        const times = reading.report.events.filter((e) => notable.has(e.kind)).map((e) => e.time);
        return [...(firstUp === undefined ? [] : [firstUp]), ...times];
      })();
  const times = [...new Set([...chosen.filter((t) => t >= 0 && t < reading.at), reading.at])].sort((a, b) => a - b);
  const kept = times.length > maxMoments ? [...times.slice(0, maxMoments - 1), reading.at] : times;
  const sim = createWorld(q.scenario(p), q.id);
  const moments = kept.map((time) => {
    sim.runUntil(time);
    return { time, report: sim.report({ events: false }) };
  });
  return { reading, moments };
}
