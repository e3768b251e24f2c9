import React from 'react';
import type { Config, Control } from '@site/quizzes/schema';
import type { TaskVerdict } from '@site/quizzes/task';
import styles from './styles.module.css';

/** The task's controls: real inputs, one per setting. */
export default function Task(props: { controls: Control[]; config: Config; onChange: (config: Config) => void; name: string }): React.JSX.Element {
  const { controls, config, onChange, name } = props;
  const set = (id: string, value: Config[string]) => onChange({ ...config, [id]: value });
  return (
    <div className={styles.controls}>
      {controls.map((c) => {
        const id = `${name}-${c.id}`;
        switch (c.type) {
          case 'count':
            return (
              <div key={c.id} className={styles.control}>
                <label htmlFor={id}>{c.label}</label>
                <input
                  id={id}
                  type="number"
                  inputMode="numeric"
                  min={c.min}
                  max={c.max}
                  step={1}
                  value={String(config[c.id])}
                  onChange={(e) => {
                    const n = Math.round(Number(e.target.value));
                    set(c.id, Number.isFinite(n) ? Math.min(c.max, Math.max(c.min, n)) : c.min);
                  }}
                />
                <span className={styles.hintText}>
                  {c.min} to {c.max}
                </span>
              </div>
            );
          case 'choice':
            return (
              <div key={c.id} className={styles.control}>
                <label htmlFor={id}>{c.label}</label>
                <select id={id} value={String(config[c.id])} onChange={(e) => set(c.id, e.target.value)}>
                  {c.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            );
          case 'toggle':
            return (
              <div key={c.id} className={styles.control}>
                <input id={id} type="checkbox" checked={config[c.id] === true} onChange={(e) => set(c.id, e.target.checked)} />
                <label htmlFor={id}>{c.label}</label>
              </div>
            );
        }
      })}
    </div>
  );
}

/** What the engine did with the reader's configuration: each condition, and each outage run (or each CPU model run). */
export function TaskOutcome({ verdict }: { verdict: TaskVerdict }): React.JSX.Element {
  const run = verdict.run;
  return (
    <div className={styles.replay}>
      <h4 className={styles.replayTitle}>What the engine did</h4>
      <ul className={styles.checks}>
        {verdict.checks.map((c) => (
          <li key={c.id} className={c.ok ? styles['verdict-ok'] : styles['verdict-bad']}>
            <span aria-hidden="true">{c.ok ? '✓ ' : '✗ '}</span>
            <strong>{c.ok ? 'Met' : 'Not met'}:</strong> {c.label}
            {c.detail ? <span className={styles.detail}> ({c.detail})</span> : null}
          </li>
        ))}
      </ul>
      {run && 'runs' in run && (
        <table className={styles.table} tabIndex={0}>
          <caption>Your configuration, run by the CPU model</caption>
          <thead>
            <tr>
              <th scope="col">Program</th>
              <th scope="col">Technique</th>
              <th scope="col">Entries into the hypervisor</th>
              <th scope="col">Wrong results</th>
              <th scope="col">Slowdown</th>
            </tr>
          </thead>
          <tbody>
            {run.runs.flatMap((r, i) =>
              r.results.map((t) => (
                <tr key={`${i}-${t.technique}`}>
                  <th scope="row">{r.workload}</th>
                  <td>{t.label}</td>
                  <td>{t.hypervisorEntries.toLocaleString('en')}</td>
                  <td>{t.wrongResults.toLocaleString('en')}</td>
                  <td>{t.slowdown.toFixed(2)}× bare metal</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      {run && 'baseline' in run && (
        <table className={styles.table} tabIndex={0}>
          <caption>Your configuration, run as it is and with each AZ down</caption>
          <thead>
            <tr>
              <th scope="col">AZ down</th>
              <th scope="col">VMs serving at the end</th>
              <th scope="col">Service down for</th>
              <th scope="col">Database</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          <tbody>
            {[{ az: 'none', report: run.baseline }, ...run.outages].map(({ az, report }) => (
              <tr key={az}>
                <th scope="row">{az}</th>
                <td>{report.metrics.servingVms}</td>
                <td>{report.metrics.downtimeSeconds} s</td>
                <td>
                  {report.database
                    ? `${report.database.available ? 'available' : 'unavailable'}${report.database.lostWrites ? `, ${report.database.lostWrites} writes lost` : ''}`
                    : 'none'}
                </td>
                <td>${report.metrics.cost.totalUsd.toFixed(3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
