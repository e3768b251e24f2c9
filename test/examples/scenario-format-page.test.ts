import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cpu } from '@site/sim';
import { parseCpuScenarioText, runScenarioText } from '@site/sim/text';
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

  const isCpu = (b: { meta: string }) => /title="A CPU scenario"/.test(b.meta);

  it.each(blocks.filter((b) => !isCpu(b)).map((b) => [b.label, b] as const))('%s runs through the engine without error', (_label, b) => {
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

  describe('CPU scenarios', () => {
    const section = page.slice(page.indexOf('## CPU scenarios'), page.indexOf('\n## ', page.indexOf('## CPU scenarios') + 3));
    const cpuBlocks = blocks.filter(isCpu);

    it('the section has an example, and the CPU model runs it', () => {
      expect(cpuBlocks).toHaveLength(1);
      const report = cpu.runCpuScenario(parseCpuScenarioText(cpuBlocks[0].body, 'scenario-format.md.yaml'));
      expect(report.results.map((r) => r.technique)).toEqual(['trap-emulate', 'binary-translation', 'hw-nested', 'emulation']);
    });

    it('names every field, workload, technique, instruction kind and cost the schema accepts', () => {
      const names = [
        ...Object.keys(cpu.cpuScenarioSchema.shape),
        ...cpu.workloadIds,
        ...cpu.techniqueIds,
        ...cpu.instructionKinds,
        ...Object.keys(cpu.defaultCosts),
      ];
      for (const n of names) expect(section, n).toContain(`\`${n}\``);
    });

    it('states the limits the schema enforces', () => {
      const words = (n: number) => n.toLocaleString('en');
      for (const n of [
        cpu.cpuLimits.bodyLength,
        cpu.cpuLimits.iterations,
        cpu.cpuLimits.cycleCost,
        cpu.cpuLimits.emulationFactor,
        cpu.cpuLimits.clockGHz.min,
        cpu.cpuLimits.clockGHz.max,
      ])
        expect(section).toContain(words(n));
    });
  });
});
