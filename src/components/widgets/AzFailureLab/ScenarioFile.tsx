import React, { useState } from 'react';
import { ScenarioError, type Scenario, type ScenarioIssue } from '@site/sim';
import { useExampleFiles } from './exampleFiles';
import { labFileLimits } from './scenario';
import shared from '../shared/widget.module.css';
import styles from './styles.module.css';

const maxChars = 200_000;

interface Props {
  id: string;
  onLoad(source: string, scenario: Scenario): void;
}

/** Why a valid scenario is too long or too large for the lab, or null. */
export function beyondLab(scenario: Scenario): ScenarioIssue | null {
  const elsewhere = 'run it on the scenario runner page (/scenarios) instead';
  if (scenario.until > labFileLimits.until) {
    return { path: 'until', message: `${scenario.until} s is longer than this lab plays (at most ${labFileLimits.until} s, a week); ${elsewhere}` };
  }
  const hosts = scenario.regions.reduce((n, r) => n + r.azs.reduce((m, az) => m + az.hosts.reduce((k, h) => k + h.count, 0), 0), 0);
  if (hosts > labFileLimits.hosts)
    return { path: 'regions', message: `${hosts} hosts are more than this lab shows (at most ${labFileLimits.hosts}); ${elsewhere}` };
  return null;
}

/**
 * Runs a scenario file (YAML or JSON) in the lab: one of the site's examples (examples/scenarios/,
 * served at /scenarios/ and listed by the example-scenarios plugin), a file of the reader's, or
 * pasted text. The engine's parser checks it; its issues (file, field path, what was expected) are shown.
 */
export function ScenarioFile({ id, onLoad }: Props): React.JSX.Element {
  const { examples, url } = useExampleFiles();
  const [example, setExample] = useState(examples[0]?.file ?? '');
  const [text, setText] = useState('');
  const [source, setSource] = useState('pasted scenario');
  const [problem, setProblem] = useState<{ source: string; issues: ScenarioIssue[] } | null>(null);

  const fetchExample = async () => {
    if (!example) return;
    try {
      const res = await fetch(url(example));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const body = await res.text();
      setText(body);
      setSource(example);
      await run(body, example);
    } catch (e) {
      setProblem({ source: example, issues: [{ path: '', message: `could not load the example: ${(e as Error).message}` }] });
    }
  };

  const run = async (body: string, name: string) => {
    if (body.length > maxChars) {
      setProblem({ source: name, issues: [{ path: '', message: `the file is ${body.length} characters long; expected at most ${maxChars}` }] });
      return;
    }
    let parseScenarioText: typeof import('@site/sim/text').parseScenarioText;
    try {
      // The YAML reader loads with the first file, not with the lab.
      ({ parseScenarioText } = await import('@site/sim/text'));
    } catch (e) {
      setProblem({
        source: name,
        issues: [{ path: '', message: `the scenario reader could not be loaded (${(e as Error).message}); reload the page and try again` }],
      });
      return;
    }
    try {
      const scenario = parseScenarioText(body, name);
      const tooBig = beyondLab(scenario);
      if (tooBig) {
        setProblem({ source: name, issues: [tooBig] });
        return;
      }
      setProblem(null);
      onLoad(name, scenario);
    } catch (e) {
      if (e instanceof ScenarioError) setProblem({ source: e.source, issues: e.issues });
      else setProblem({ source: name, issues: [{ path: '', message: `the engine could not read it: ${(e as Error).message}` }] });
    }
  };

  const pick = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    const body = await file.text();
    setText(body.slice(0, maxChars));
    setSource(file.name);
    await run(body, file.name);
  };

  return (
    <details className={styles.fileBox}>
      <summary>Load a scenario file</summary>
      <p className={styles.help}>
        Load one of the site&apos;s example scenarios, pick a file of your own (YAML or JSON) or paste one. The lab runs it with the engine; the faults you add
        go on its timeline.
      </p>
      {examples.length > 0 ? (
        <div className={shared.controls}>
          <label>
            Example
            <select value={example} onChange={(e) => setExample(e.currentTarget.value)}>
              {examples.map((x) => (
                <option key={x.file} value={x.file}>
                  {x.name} ({x.file})
                </option>
              ))}
            </select>
          </label>
          <button type="button" className={shared.button} onClick={() => void fetchExample()}>
            Load this scenario file
          </button>
        </div>
      ) : null}
      <div className={shared.controls}>
        <label>
          Your own file
          <input type="file" accept=".yaml,.yml,.json,text/yaml,application/json" onChange={(e) => void pick(e)} />
        </label>
      </div>
      <label className={styles.block} htmlFor={`${id}-yaml`}>
        Or paste the scenario
      </label>
      <textarea
        id={`${id}-yaml`}
        className={styles.textarea}
        rows={8}
        value={text}
        spellCheck={false}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setSource('pasted scenario');
        }}
      />
      <div className={shared.controls}>
        <button type="button" className={shared.button} onClick={() => void run(text, source)} disabled={text.trim() === ''}>
          Run this scenario
        </button>
      </div>
      {problem ? (
        <div role="alert" className={shared.refusal}>
          <p className={styles.flush}>
            The engine cannot run <strong>{problem.source}</strong>:
          </p>
          <ul className={styles.issues}>
            {problem.issues.map((issue, i) => (
              <li key={i}>
                {issue.path ? <code>{issue.path}</code> : null}
                {issue.path ? ': ' : ''}
                {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </details>
  );
}
