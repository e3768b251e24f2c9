import React, { useEffect, useState } from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { ScenarioError, type Report, type ScenarioIssue } from '@site/sim';
import { runScenarioText } from '@site/sim/text';
import type { ExampleScenario } from '@site/src/plugins/example-scenarios';
import styles from '@site/src/components/widgets/shared/widget.module.css';

type Result = { ok: true; report: Report; json: string } | { ok: false; source: string; issues: ScenarioIssue[] } | null;

/** Runs scenario text with the engine, in the page, as the CLI does in Node. */
export function runText(text: string, source: string): Exclude<Result, null> {
  try {
    const report = runScenarioText(text, source);
    return { ok: true, report, json: JSON.stringify(report) };
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, source: e.source, issues: e.issues };
    return { ok: false, source, issues: [{ path: '', message: `the engine failed: ${(e as Error).message}` }] };
  }
}

function clock(s: number): string {
  const m = Math.floor(s / 60);
  const sec = Math.round((s % 60) * 10) / 10;
  return `${m}:${String(sec).padStart(2, '0')}`;
}

export default function ScenarioRunner(): React.JSX.Element {
  const examples = usePluginData('infralab-example-scenarios') as ExampleScenario[];
  const scenariosUrl = useBaseUrl('/scenarios/');
  const [file, setFile] = useState(examples[0]?.file ?? '');
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    // The engine check in the browser suite calls this to compare browser and Node runs.
    (window as unknown as { infralabRunScenarioText?: typeof runText }).infralabRunScenarioText = runText;
  }, []);

  async function loadExample(name: string): Promise<void> {
    setLoadError(null);
    try {
      const res = await fetch(`${scenariosUrl}${encodeURIComponent(name)}`);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      setText(await res.text());
      setResult(null);
    } catch (e) {
      setLoadError(`Could not load ${name}: ${(e as Error).message}`);
    }
  }

  async function onUpload(e: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const f = e.target.files?.[0];
    if (!f) return;
    if (f.size > 1_000_000) {
      setLoadError(`${f.name} is ${f.size} bytes; scenario files up to 1 MB are accepted.`);
      return;
    }
    setFile(f.name);
    setText(await f.text());
    setResult(null);
  }

  const source = file || 'pasted scenario';
  return (
    <section className={styles.widget} aria-labelledby="runner-title" data-widget="scenario-runner">
      <h2 id="runner-title" className={styles.title}>Run a scenario file</h2>
      <div className={styles.controls}>
        <label>
          Example
          <select value={file} onChange={(e) => setFile(e.target.value)}>
            {examples.map((x) => (
              <option key={x.file} value={x.file}>{x.name} ({x.file})</option>
            ))}
          </select>
        </label>
        <button type="button" className={styles.button} onClick={() => void loadExample(file)}>Load example</button>
        <label>
          Or open a file
          <input type="file" accept=".yaml,.yml,.json" onChange={(e) => void onUpload(e)} />
        </label>
      </div>
      {loadError ? <p role="alert" className={styles.notice}>{loadError}</p> : null}
      <label style={{ display: 'block' }}>
        Scenario (YAML or JSON)
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={14} spellCheck={false} style={{ width: '100%', fontFamily: 'var(--ifm-font-family-monospace)' }} />
      </label>
      <div className={styles.controls}>
        <button type="button" className={styles.button} onClick={() => setResult(runText(text, source))} disabled={text.trim() === ''}>Run</button>
      </div>
      <div aria-live="polite" data-testid="live-summary" className={styles.summary}>
        {result === null
          ? 'Load or paste a scenario, then run it.'
          : result.ok
            ? `Ran to ${clock(result.report.time)}: ${result.report.metrics.servingVms} VM(s) serving, availability ${result.report.metrics.availabilityPercent}%, ${result.report.events.length} events.`
            : `${result.issues.length} problem(s) in ${result.source}.`}
      </div>
      {result && !result.ok ? (
        <ul className={styles.refusal}>
          {result.issues.map((i, k) => (
            <li key={k}><code>{result.source}</code>: {i.path ? <code>{i.path}</code> : null} {i.message}</li>
          ))}
        </ul>
      ) : null}
      {result && result.ok ? (
        <>
          <h3>Timeline</h3>
          <ol style={{ maxHeight: '20rem', overflowY: 'auto' }}>
            {result.report.events.map((e, k) => (
              <li key={k}><code>{clock(e.time)}</code> {e.message}</li>
            ))}
          </ol>
          <details>
            <summary>The report as JSON</summary>
            <pre data-testid="report-json">{JSON.stringify(result.report, null, 2)}</pre>
          </details>
        </>
      ) : null}
    </section>
  );
}
