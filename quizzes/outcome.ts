/**
 * What the engine says about an engine question: run its scenario for one variant (a world on the
 * cloud engine's clock, or a guest program on the CPU model) and read the outcome the way the
 * question says. Used by the validator (to compare with the author's key) and by the page's "show me"
 * replay; never to compute a key.
 */
import { cpu, createWorld, type EventKind, type Report } from '@site/sim';
import { resolve } from './concrete';
import type { Ask, CloudQuestion, CpuRuns, EngineQuestion, ParamValue, Params } from './schema';

/** What a reading of either model has. */
interface Reading {
  /** choice and numeric asks */
  value?: ParamValue;
  /** claims asks: whether each option holds */
  holds?: Record<string, boolean>;
  /** ordering asks: item ids as the engine orders them */
  order?: string[];
  /** The question's extra readings (its `measures`), or the error they threw. */
  measured: { label: string; value: string }[] | { error: string };
}

/** The CPU model's reading: it has no clock to read at, only the runs of the programs. */
export interface CpuReading extends Reading {
  model: 'cpu';
  report: CpuRuns;
}

export interface CloudReading extends Reading {
  model: 'cloud';
  /** When the outcome was read, in seconds. */
  at: number;
  report: Report;
}

export type EngineReading = CloudReading | CpuReading;

function readingTime(q: CloudQuestion, p: Params, until: number): number {
  return q.at === undefined ? until : resolve(q.at, p);
}

/** Reads an ask from the report `R` of the model the ask was written for (the caller passes that one). */
function read<R>(ask: Ask, p: Params, report: R): Omit<Reading, 'measured'> {
  type Reader<T> = (r: R, p: Params) => T;
  switch (ask.type) {
    case 'choice':
    case 'numeric':
      return { value: (ask.read as Reader<ParamValue>)(report, p) };
    case 'claims':
      return { holds: Object.fromEntries(ask.options.map((o) => [o.id, (o.holds as Reader<boolean>)(report, p)])) };
    case 'ordering':
      return { order: (ask.read as Reader<string[]>)(report, p) };
  }
}

function measure<R>(measures: ((r: R, p: Params) => { label: string; value: string }[]) | undefined, report: R, p: Params): Reading['measured'] {
  if (!measures) return [];
  try {
    return measures(report, p);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Runs the question's scenario for the parameters and reads the outcome (for the cloud, at the question's time). */
export function observe(q: EngineQuestion, p: Params, source = q.id): EngineReading {
  if (q.model === 'cpu') {
    const scenarios = q.scenario(p);
    const report = (Array.isArray(scenarios) ? scenarios : [scenarios]).map((s, i, all) =>
      cpu.runCpu(s, all.length > 1 ? `${source} (scenario ${i + 1})` : source),
    );
    return { model: 'cpu', report, ...read(q.ask, p, report), measured: measure(q.measures, report, p) };
  }
  const sim = createWorld(q.scenario(p), source);
  const at = readingTime(q, p, sim.scenario.until);
  sim.runUntil(at);
  const report = sim.report();
  return { model: 'cloud', at, report, ...read(q.ask, p, report), measured: measure(q.measures, report, p) };
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
  /** Snapshots of the world (without events) at the moments that matter, in time order; none for the CPU model. */
  moments: { time: number; report: Report }[];
}

/** The whole story of one variant: the reading (with every event up to it) and snapshots on the way. */
export function replay(q: EngineQuestion, p: Params, maxMoments = 6): Replay {
  const reading = observe(q, p);
  if (q.model === 'cpu' || reading.model === 'cpu') return { reading, moments: [] };
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
