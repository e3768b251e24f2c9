/**
 * Reading scenario text: strict JSON for a `.json` source, YAML otherwise, then the same checks as
 * an object (./parse.ts). Every problem names its line. A module of its own so that pages that
 * never read text (most widgets) do not carry the YAML parser: the bundler drops it when unused.
 */
import { LineCounter, parseDocument } from 'yaml';
import { createWorld } from './index';
import { lineAndColumn, scanJson } from './json';
import { limits } from './limits';
import { parseScenario, scenarioWarnings, ScenarioError, type ScenarioIssue } from './parse';
import type { Report } from './report';
import type { Scenario } from './scenario';

/** YAML aliases expanded at most this many times (a file of nested aliases can otherwise grow without bound). */
const maxAliasCount = 1000;

type Keys = (string | number)[];

/** `regions[0].azs[1].id` -> ['regions', 0, 'azs', 1, 'id']. */
function keysOf(path: string): Keys {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[2]));
}

/** Adds the line of each issue's field (or of the nearest enclosing field the file has). */
function withLines(issues: ScenarioIssue[], lineOf: (keys: Keys) => number | undefined): ScenarioIssue[] {
  return issues.map((issue) => {
    if (issue.line !== undefined || !issue.path || issue.path.startsWith('line ')) return issue;
    const keys = keysOf(issue.path);
    for (let n = keys.length; n >= 0; n--) {
      const line = lineOf(keys.slice(0, n));
      if (line !== undefined) return { ...issue, line };
    }
    return issue;
  });
}

interface Parsed {
  value: unknown;
  lineOf(keys: Keys): number | undefined;
}

function readJson(text: string, source: string): Parsed {
  const problem = scanJson(text);
  if (problem) {
    const { line, column } = lineAndColumn(text, problem.offset);
    throw new ScenarioError(source, [{ path: `line ${line}, column ${column}`, message: `JSON syntax: ${problem.message}` }]);
  }
  return {
    value: JSON.parse(text),
    lineOf(keys) {
      const want = JSON.stringify(keys);
      let found: number | undefined;
      scanJson(text, (path, offset) => {
        if (found === undefined && path.length === keys.length && JSON.stringify(path) === want) found = offset;
      });
      return found === undefined ? undefined : lineAndColumn(text, found).line;
    },
  };
}

function readYaml(text: string, source: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      source,
      doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '',
        message: `YAML syntax: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (e) {
    // The yaml package refuses a document whose aliases expand past maxAliasCount: the file's fault.
    throw new ScenarioError(source, [
      { path: '', message: `YAML: ${(e as Error).message.split('\n')[0]} (aliases may expand at most ${maxAliasCount} times)` },
    ]);
  }
  return {
    value,
    lineOf(keys) {
      const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
      if (!node || typeof node !== 'object' || !node.range) return undefined;
      return lineCounter.linePos(node.range[0]).line;
    },
  };
}

export interface ReadOptions {
  /** Run to this time instead of the scenario's `until` (checked against the same limits; issues name `--until`). */
  until?: number;
}

/**
 * Reads scenario text: the scenario, and warnings about what is legal but probably not meant (an
 * action after the end of the run), each naming its line. Throws ScenarioError.
 */
export function readScenarioText(text: string, source = 'scenario', options: ReadOptions = {}): { scenario: Scenario; warnings: ScenarioIssue[] } {
  if (text.length > limits.inputBytes) {
    throw new ScenarioError(source, [
      {
        path: '',
        message: `the file is ${text.length.toLocaleString('en-US')} characters: the engine reads at most ${limits.inputBytes.toLocaleString('en-US')}`,
      },
    ]);
  }
  // A byte order mark is legal at the start of a UTF-8 file and means nothing here.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ScenarioError(source, [{ path: '', message: 'the file is empty: expected a scenario with at least `regions`' }]);
  const parsed = /\.json$/i.test(source) ? readJson(body, source) : readYaml(body, source);
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ScenarioError(source, [{ path: '', message: 'expected a scenario: a mapping with at least `regions`' }]);
  }
  let scenario: Scenario;
  try {
    scenario = parseScenario(value, source);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(source, withLines(e.issues, parsed.lineOf));
    throw e;
  }
  if (options.until !== undefined) {
    try {
      scenario = parseScenario({ ...scenario, until: options.until }, source);
    } catch (e) {
      if (e instanceof ScenarioError)
        throw new ScenarioError(
          '--until',
          e.issues.map((i) => ({ ...i, path: i.path === 'until' ? '' : i.path })),
        );
      throw e;
    }
  }
  return { scenario, warnings: withLines(scenarioWarnings(scenario), parsed.lineOf) };
}

/** Parses scenario text: strict JSON for a `.json` source, YAML otherwise. Throws ScenarioError. */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  return readScenarioText(text, source).scenario;
}

/** Runs scenario text (YAML or JSON) to its `until` and returns the report. */
export function runScenarioText(text: string, source = 'scenario'): Report {
  return createWorld(parseScenarioText(text, source), source).run().report();
}
export { parseCpuScenarioText } from './cpu/text';
