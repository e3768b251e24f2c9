import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarioText } from '@site/sim/text';
import { root, text } from './helpers';

// The examples on the public "Scenario format" page are run here too.
describe('docs/reference/scenario-format.md', () => {
  const page = readFileSync(join(root, 'docs', 'reference', 'scenario-format.md'), 'utf8');
  const blocks = [...page.matchAll(/^```(yaml|json)([^\n]*)\n([\s\S]*?)^```$/gm)].map((m, i) => ({
    lang: m[1],
    meta: m[2],
    body: m[3],
    label: `block ${i + 1} (${m[1]}${m[2]})`,
  }));

  it('shows at least two full examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks.map((b) => [b.label, b] as const))('%s runs through the engine without error', (_label, b) => {
    const r = runScenarioText(b.body, `scenario-format.md.${b.lang}`);
    expect(r.time).toBeGreaterThan(0);
  });

  it.each(blocks.filter((b) => /title="examples\/scenarios\//.test(b.meta)).map((b) => [b.label, b] as const))(
    '%s is the example file it names, word for word',
    (_label, b) => {
      const file = /title="examples\/scenarios\/([^"]+)"/.exec(b.meta)![1];
      expect(b.body).toBe(text(file));
    },
  );
});
