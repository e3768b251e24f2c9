/**
 * CpuLab: a guest's loop under six ways of running it. The reader picks a workload and a technique,
 * steps through one pass instruction by instruction and sees where control goes (guest, hypervisor,
 * host) and what the engine charges; a table compares every technique on the same loop. Everything
 * shown comes from the engine's CPU model (sim/cpu).
 */
import React, { useEffect, useMemo, useState } from 'react';
import { cpu } from '@site/sim';
import { WidgetFrame } from '../shared/Frame';
import { useUrlState } from '../shared/urlState';
import { ShareLinkButton } from '../shared/ShareLinkButton';
import { Comparison } from './Comparison';
import { StepView } from './StepView';
import { ScenarioText } from './ScenarioText';
import { defaultLabState, labIterations, labStateSchema, stepSentence, type LabState } from './labState';
import shared from '../shared/widget.module.css';
import styles from './styles.module.css';

export interface CpuLabProps {
  id?: string;
  /** The workload and technique the lab opens on. */
  workload?: cpu.WorkloadId;
  technique?: cpu.TechniqueId;
}

/** The lab's own scenario for a built-in workload: every technique, 1000 passes, default costs. */
export function labScenario(workload: cpu.WorkloadId): cpu.CpuScenario {
  return cpu.parseCpuScenario({ name: cpu.workloads[workload].label, workload, iterations: labIterations });
}

export default function CpuLab({ id = 'cpu-lab', workload = defaultLabState.workload, technique = defaultLabState.technique }: CpuLabProps): React.JSX.Element {
  const fallback = useMemo<LabState>(() => ({ workload, technique, step: 0 }), [workload, technique]);
  const url = useUrlState<LabState>(id, labStateSchema, fallback);
  const [state, setState] = useState<LabState>(fallback);
  const [loaded, setLoaded] = useState<{ source: string; scenario: cpu.CpuScenario } | null>(null);
  useEffect(() => {
    if (url.loaded) setState(url.initial);
  }, [url.loaded, url.initial]);

  const scenario = loaded?.scenario ?? labScenario(state.workload);
  const report = useMemo(() => cpu.runCpuScenario(scenario), [scenario]);
  const techniques = report.results.map((r) => r.technique);
  const technique_ = techniques.includes(state.technique) ? state.technique : techniques[0];
  const result = report.results.find((r) => r.technique === technique_)!;
  const steps = result.steps;
  const at = Math.min(state.step, steps.length - 1);
  const step = steps[at];

  const set = (patch: Partial<LabState>) => setState((s) => ({ ...s, ...patch }));
  const go = (to: number) => set({ step: Math.max(0, Math.min(steps.length - 1, to)) });
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(steps.length - 1);
    else return;
    e.preventDefault();
  };

  const perPass = (n: number) => (n / report.iterations).toLocaleString('en-US', { maximumFractionDigits: 2 });
  const summary =
    `${result.label}, ${report.workload.toLowerCase()}. ${stepSentence(step, steps.length)} ` +
    `Over ${report.iterations.toLocaleString('en-US')} passes: ${perPass(result.cycles)} cycles a pass, ${result.slowdown.toFixed(2)} times bare metal, ` +
    `${perPass(result.hypervisorEntries)} hypervisor ${result.hypervisorEntries === report.iterations ? 'entry' : 'entries'} a pass${result.wrongResults ? `, ${result.wrongResults.toLocaleString('en-US')} wrong results` : ''}.`;

  return (
    <WidgetFrame
      id={id}
      title="CPU virtualization lab"
      description={
        <>
          A guest runs a short loop. Pick how the machine runs it, then step through one pass: each instruction shows where control goes (the guest on the CPU,
          the hypervisor, or a host program) and what it costs. Cycle costs are the engine's own round figures, not measurements of a real CPU.
        </>
      }
      notice={url.notice}
      summary={summary}
    >
      <div className={shared.controls}>
        <label>
          Workload
          <select
            value={loaded ? 'file' : state.workload}
            onChange={(e) => {
              setLoaded(null);
              set({ workload: e.target.value as cpu.WorkloadId, step: 0 });
            }}
          >
            {cpu.workloadIds.map((w) => (
              <option key={w} value={w}>
                {cpu.workloads[w].label}
              </option>
            ))}
            {loaded ? <option value="file">From {loaded.source}</option> : null}
          </select>
        </label>
        <label>
          Technique
          <select value={technique_} onChange={(e) => set({ technique: e.target.value as cpu.TechniqueId, step: 0 })}>
            {report.results.map((r) => (
              <option key={r.technique} value={r.technique}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <ShareLinkButton
          id={id}
          state={{ ...state, technique: technique_, step: at }}
          disabledReason={loaded ? 'A loaded scenario is not in the link.' : undefined}
        />
      </div>

      <div className={styles.stepper} role="group" aria-label="Step through one pass of the loop">
        <button type="button" className={shared.button} onClick={() => go(0)} disabled={at === 0}>
          First
        </button>
        <button type="button" className={shared.button} onClick={() => go(at - 1)} disabled={at === 0}>
          Previous step
        </button>
        <button type="button" className={shared.button} onClick={() => go(at + 1)} disabled={at === steps.length - 1}>
          Next step
        </button>
        <span className={styles.position}>
          Step {at + 1} of {steps.length}
        </span>
      </div>

      <div className={styles.layout}>
        {/* A keyboard-operable list: arrow keys move the step (aria-current marks it); its buttons are for pointers. */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions, jsx-a11y/no-noninteractive-tabindex */}
        <ol className={styles.program} aria-label="The loop body: choose an instruction (arrow keys move)" tabIndex={0} onKeyDown={onKey}>
          {steps.map((s) => (
            <li
              key={s.index}
              aria-current={s.index === at ? 'step' : undefined}
              className={`${styles.line} ${s.index === at ? styles.active : ''} ${s.correct ? '' : styles.wrongLine}`}
            >
              <button type="button" className={styles.lineButton} onClick={() => go(s.index)} tabIndex={-1}>
                <span className={styles.ring}>{s.instruction.ring === 'kernel' ? 'kernel' : 'user'}</span> <code>{s.instruction.text}</code>{' '}
                <span className={styles.badge}>{s.event}</span>
              </button>
            </li>
          ))}
        </ol>
        <StepView step={step} />
      </div>

      <Comparison report={report} selected={technique_} />
      <ScenarioText
        id={id}
        onLoad={(source, s) => {
          setLoaded({ source, scenario: s });
          set({ step: 0 });
        }}
      />
    </WidgetFrame>
  );
}
