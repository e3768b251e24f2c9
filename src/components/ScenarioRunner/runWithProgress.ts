/**
 * Runs scenario text through the engine event by event, saying how far virtual time got every few
 * thousand events, so a long run can show progress and be cancelled. Stepping event by event and
 * then running to the end does exactly what run() does (no extra accrual points), so the report
 * is byte-identical to the CLI's. The same code runs in the Web Worker (the page) and in the tests.
 */
import { createWorld, ScenarioError, type Report, type ScenarioIssue } from '@site/sim';
import { parseScenarioText } from '@site/sim/text';

export type RunResult = { ok: true; report: Report; json: string } | { ok: false; source: string; issues: ScenarioIssue[] };

/** Events run between two progress reports. */
export const eventsPerReport = 2000;

export function runWithProgress(text: string, source: string, onProgress: (virtualTime: number, until: number) => void = () => {}): RunResult {
  try {
    const world = createWorld(parseScenarioText(text, source), source);
    const until = world.scenario.until;
    let events = 0;
    for (let next = world.nextEventTime(); next !== null && next <= until; next = world.nextEventTime()) {
      world.step();
      if (++events % eventsPerReport === 0) onProgress(world.time, until);
    }
    world.runUntil(until);
    onProgress(until, until);
    const report = world.report();
    return { ok: true, report, json: JSON.stringify(report) };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, source: e.source, issues: e.issues };
    return { ok: false, source, issues: [{ path: '', message: `the engine failed: ${(e as Error).message}` }] };
  }
}

/** What the worker and the page say to each other. */
export type ToWorker = { text: string; source: string };
export type FromWorker = { kind: 'progress'; time: number; until: number } | { kind: 'done'; result: RunResult };
