import React, { useEffect, useRef, useState } from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { ExampleScenario } from '@site/src/plugins/example-scenarios';
import { formatClock } from '@site/sim';
import styles from '@site/src/components/widgets/shared/widget.module.css';
import { runWithProgress, type FromWorker, type RunResult } from './runWithProgress';

type Result = RunResult | null;

/** Runs scenario text with the engine, in the page, as the CLI does in Node. */
export function runText(text: string, source: string): RunResult {
  return runWithProgress(text, source);
}

/** A timeline longer than this shows its first events and says how many more the report holds. */
const shownEvents = 1000;

export default function ScenarioRunner(): React.JSX.Element {
  const examples = usePluginData('infralab-example-scenarios') as ExampleScenario[];
  const scenariosUrl = useBaseUrl('/scenarios/');
  const [file, setFile] = useState(examples[0]?.file ?? '');
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [running, setRunning] = useState<{ time: number; until: number } | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [showJson, setShowJson] = useState(false);
  const worker = useRef<Worker | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  /** Runs off the main thread where the browser can, so a long scenario never freezes the page. */
  function run(): void {
    setResult(null);
    setCancelled(null);
    setShowJson(false);
    if (typeof Worker === 'undefined') {
      setResult(runText(text, source));
      return;
    }
    worker.current?.terminate();
    const w = new Worker(new URL('./run.worker.ts', import.meta.url));
    worker.current = w;
    setRunning({ time: 0, until: 0 });
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.kind === 'progress') setRunning({ time: e.data.time, until: e.data.until });
      else {
        w.terminate();
        worker.current = null;
        setRunning(null);
        setResult(e.data.result);
      }
    };
    w.onerror = (e) => {
      w.terminate();
      worker.current = null;
      setRunning(null);
      setResult({ ok: false, source, issues: [{ path: '', message: `the engine failed: ${e.message || 'the worker stopped'}` }] });
    };
    w.postMessage({ text, source });
    requestAnimationFrame(() => cancelButton.current?.focus());
  }

  function cancel(): void {
    worker.current?.terminate();
    worker.current = null;
    setCancelled(running && running.until > 0 ? `Cancelled at ${formatClock(running.time)} of ${formatClock(running.until)} virtual time.` : 'Cancelled.');
    setRunning(null);
  }

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
      <h2 id="runner-title" className={styles.title}>
        Run a scenario file
      </h2>
      <div className={styles.controls}>
        <label>
          Example
          <select value={file} onChange={(e) => setFile(e.target.value)}>
            {examples.map((x) => (
              <option key={x.file} value={x.file}>
                {x.name} ({x.file})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={styles.button} onClick={() => void loadExample(file)}>
          Load example
        </button>
        <label>
          Or open a file
          <input type="file" accept=".yaml,.yml,.json" onChange={(e) => void onUpload(e)} />
        </label>
      </div>
      {loadError ? (
        <p role="alert" className={styles.notice}>
          {loadError}
        </p>
      ) : null}
      <label style={{ display: 'block' }}>
        Scenario (YAML or JSON)
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={14}
          spellCheck={false}
          style={{ width: '100%', fontFamily: 'var(--ifm-font-family-monospace)' }}
        />
      </label>
      <div className={styles.controls}>
        <button type="button" className={styles.button} onClick={run} disabled={text.trim() === '' || running !== null}>
          Run
        </button>
        {running ? (
          <>
            <label>
              Virtual time run{' '}
              <progress max={running.until || 1} value={running.time}>
                {running.until ? `${Math.floor((100 * running.time) / running.until)}%` : 'starting'}
              </progress>
            </label>
            <button ref={cancelButton} type="button" className={styles.button} onClick={cancel}>
              Cancel
            </button>
          </>
        ) : null}
      </div>
      <div aria-live="polite" data-testid="live-summary" className={styles.summary}>
        {running
          ? running.until
            ? `Running: ${formatClock(running.time)} of ${formatClock(running.until)} virtual time.`
            : 'Running: reading the scenario.'
          : cancelled
            ? cancelled
            : result === null
              ? 'Load or paste a scenario, then run it.'
              : result.ok
                ? `Ran to ${formatClock(result.report.time)}: ${result.report.metrics.servingVms} VM(s) serving, availability ${result.report.metrics.availabilityPercent}%, ${result.report.events.length} events.`
                : `${result.issues.length} problem(s) in ${result.source}.`}
      </div>
      {result && !result.ok ? (
        <ul className={styles.refusal}>
          {result.issues.map((i, k) => (
            <li key={k}>
              <code>{result.source}</code>: {i.path ? <code>{i.path}</code> : null} {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {result && result.ok ? (
        <>
          <h3>Timeline</h3>
          <ol style={{ maxHeight: '20rem', overflowY: 'auto' }}>
            {result.report.events.slice(0, shownEvents).map((e, k) => (
              <li key={k}>
                <code>{formatClock(e.time)}</code> {e.message}
              </li>
            ))}
          </ol>
          {result.report.events.length > shownEvents ? (
            <p>
              The first {shownEvents.toLocaleString('en')} of {result.report.events.length.toLocaleString('en')} events; the report below holds them all.
            </p>
          ) : null}
          <details onToggle={(e) => setShowJson(e.currentTarget.open)}>
            <summary>The report as JSON ({Math.ceil(result.json.length / 1024).toLocaleString('en')} KB)</summary>
            {showJson ? <pre data-testid="report-json">{JSON.stringify(result.report, null, 2)}</pre> : null}
          </details>
        </>
      ) : null}
    </section>
  );
}
