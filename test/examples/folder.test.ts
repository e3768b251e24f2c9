import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { priceTable } from '@site/sim';
import { parseScenarioText } from '@site/sim/text';
import { dir, price, root, run, text } from './helpers';

describe('the examples folder', () => {
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort();

  it('holds at least 8 scenarios, at least one of them JSON', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
  });

  it('has nothing but scenario files', () => {
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it.each(files)('%s has its own test file, test/examples/<name>.test.ts, describing it (a new example cannot slip in untested)', (file) => {
    const testFile = join(root, 'test', 'examples', `${file.replace(/\.(ya?ml|json)$/i, '')}.test.ts`);
    expect(existsSync(testFile), testFile).toBe(true);
    expect(readFileSync(testFile, 'utf8')).toContain(`describe('${file}'`);
  });

  it.each(files)('%s has a name and a description saying what it teaches', (file) => {
    const s = parseScenarioText(text(file), file);
    expect(s.name).not.toBe('Untitled scenario');
    expect(s.name.length).toBeGreaterThan(5);
    expect(s.description?.length ?? 0).toBeGreaterThan(60);
  });

  it.each(files)('%s runs the same twice, byte for byte', (file) => {
    expect(JSON.stringify(run(file))).toBe(JSON.stringify(run(file)));
  });

  it('prices used in these tests match sim/data/prices.ts', () => {
    expect(priceTable.referenceInstance.vcpu).toBe(2);
    for (const [region, p] of Object.entries(price)) {
      expect(priceTable.regions[region], region).toEqual({ instanceHourUsd: p.hour2vcpu, gp3GbMonthUsd: p.gp3 });
    }
  });
});
