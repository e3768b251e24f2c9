/**
 * Reading scenario text: strict JSON for a `.json` source, YAML otherwise, each with line numbers,
 * then the same checks as an object (./parse.ts). A module of its own so that pages that never read
 * text (most widgets) do not carry the YAML parser: the bundler drops it when nothing uses it.
 */
import { parseDocument } from 'yaml';
import { createWorld } from './index';
import { parseScenario, ScenarioError } from './parse';
import type { Report } from './report';
import type { Scenario } from './scenario';

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** Parses JSON strictly, with the line and column of a syntax error. */
function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const what = message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    throw new ScenarioError(source, [{ path: lineAndColumn(text, offset), message: `JSON syntax: ${what}` }]);
  }
}

/** Parses scenario text: strict JSON for a `.json` source, YAML otherwise, each with line numbers. */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  if (text.trim() === '') throw new ScenarioError(source, [{ path: '', message: 'the file is empty: expected a scenario with at least `regions`' }]);
  if (/\.json$/i.test(source)) return parseScenario(parseJson(text, source), source);
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      source,
      doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '',
        message: `YAML syntax: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    );
  }
  const value = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ScenarioError(source, [{ path: '', message: 'expected a scenario: a mapping with at least `regions`' }]);
  }
  return parseScenario(value, source);
}


/** Runs scenario text (YAML or JSON) to its `until` and returns the report. */
export function runScenarioText(text: string, source = 'scenario'): Report {
  return createWorld(parseScenarioText(text, source), source).run().report();
}
export { parseCpuScenarioText } from './cpu/text';
