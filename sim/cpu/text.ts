/**
 * Reading CPU scenario text: strict JSON for a `.json` source, YAML otherwise, with line numbers
 * for syntax errors, then the schema's checks (./scenario.ts).
 */
import { parseDocument } from 'yaml';
import { CpuScenarioError, parseCpuScenario, type CpuScenario } from './scenario';

export function parseCpuScenarioText(text: string, source = 'cpu scenario'): CpuScenario {
  if (text.trim() === '') throw new CpuScenarioError(source, [{ path: '', message: 'the file is empty: expected a CPU scenario with at least `workload`' }]);
  if (/\.json$/i.test(source)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const message = (e as Error).message;
      const at = /at position (\d+)/.exec(message);
      const before = text.slice(0, at ? Number(at[1]) : text.length).split('\n');
      throw new CpuScenarioError(source, [
        {
          path: `line ${before.length}, column ${before[before.length - 1].length + 1}`,
          message: `JSON syntax: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
        },
      ]);
    }
    return parseCpuScenario(value, source);
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new CpuScenarioError(
      source,
      doc.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '',
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      })),
    );
  }
  const value = doc.toJS();
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new CpuScenarioError(source, [{ path: '', message: 'expected a CPU scenario: a mapping with at least `workload`' }]);
  return parseCpuScenario(value, source);
}
