import React, { useState } from 'react';
import type { cpu } from '@site/sim';
import shared from '../shared/widget.module.css';
import styles from './styles.module.css';

const maxChars = 20_000;

export const exampleScenario = `# A CPU scenario: the guest's loop and what to run it under
name: POPF after every system call
workload:
  body:
    - { kind: compute, text: "mov eax, 3" }
    - { kind: syscall, text: "int 0x80" }
    - { kind: popf, text: "popf" }
iterations: 1000
techniques: [trap-emulate, binary-translation, hw-nested, emulation]
costs:
  vmExit: 500   # a newer CPU's exit
`;

/**
 * Loads a CPU scenario (YAML or JSON) into the lab: pasted or from a file. The engine's parser
 * checks it and its issues (source, field path, what was expected) are listed.
 */
export function ScenarioText({ id, onLoad }: { id: string; onLoad(source: string, scenario: cpu.CpuScenario): void }): React.JSX.Element {
  const [text, setText] = useState(exampleScenario);
  const [problem, setProblem] = useState<{ source: string; issues: cpu.CpuScenarioIssue[] } | null>(null);

  const run = async (body: string, source: string) => {
    if (body.length > maxChars)
      return setProblem({ source, issues: [{ path: '', message: `the text is ${body.length} characters long; expected at most ${maxChars}` }] });
    try {
      // The YAML reader loads with the first scenario, not with the lab.
      const { parseCpuScenarioText } = await import('@site/sim/text');
      const scenario = parseCpuScenarioText(body, source);
      setProblem(null);
      onLoad(source, scenario);
    } catch (e) {
      const issues = (e as { issues?: cpu.CpuScenarioIssue[] }).issues;
      setProblem({ source, issues: issues ?? [{ path: '', message: (e as Error).message }] });
    }
  };

  const pick = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    const body = await file.text();
    setText(body.slice(0, maxChars));
    await run(body, file.name);
  };

  return (
    <details className={styles.file}>
      <summary>Load a CPU scenario (YAML or JSON)</summary>
      <p className={styles.help}>
        Fields: <code>workload</code> (<code>compute</code>, <code>syscalls</code>, <code>page-faults</code>, <code>io</code>, a <code>body</code> of up to 64
        instructions, or{' '}
        <code>
          generate: {'{'} mix, length {'}'}
        </code>{' '}
        drawn with <code>seed</code>), <code>iterations</code>, <code>techniques</code>, <code>clockGHz</code> and <code>costs</code> (any of the engine's cycle
        costs). Instruction kinds: compute, syscall, page-fault, pte-write, tlb-miss, io, popf. Every field, default and limit:{' '}
        <a href="/docs/reference/scenario-format#cpu-scenarios">CPU scenarios</a>.
      </p>
      <label className={styles.block}>
        Scenario text
        <textarea id={`${id}-scenario`} rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <div className={shared.controls}>
        <button type="button" className={shared.button} onClick={() => void run(text, 'pasted scenario')}>
          Run this scenario
        </button>
        <label>
          Or a file
          <input type="file" accept=".yaml,.yml,.json" onChange={(e) => void pick(e)} />
        </label>
      </div>
      {problem ? (
        <div role="alert" className={shared.refusal}>
          <p>The engine refused {problem.source}:</p>
          <ul>
            {problem.issues.map((i, n) => (
              <li key={n}>
                {i.path ? <code>{i.path}</code> : null} {i.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </details>
  );
}
