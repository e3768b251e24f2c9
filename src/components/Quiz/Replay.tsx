/**
 * "Show me": replays an engine question's scenario in the page with the engine, and shows the
 * moments that matter: a table of VMs (state, serving and why not) and the timeline of events. A
 * question of the CPU model shows what the model read and the question's own readings.
 * When the reader's answer differs from the engine's, it says so and marks the VMs that make the
 * difference.
 */
import React, { useMemo, useState } from 'react';
import clsx from 'clsx';
import type { Report, SimEvent } from '@site/sim';
import { formatChoice, textValues } from '@site/quizzes/concrete';
import { replay } from '@site/quizzes/outcome';
import type { EngineQuestion, Params } from '@site/quizzes/schema';
import { fillTemplate } from '@site/quizzes/variants';
import styles from './styles.module.css';

export interface ReplayProps {
  question: EngineQuestion;
  params: Params;
  /** The reader's answer as text, and whether it was right. */
  answer: { text: string; correct: boolean } | null;
  id: string;
}

/** Events that happen together (six VMs launched at 0 s) are shown as one line. */
export function compactTimeline(events: SimEvent[]): { time: number; text: string }[] {
  const out: { time: number; kind: string; messages: string[]; vms: string[] }[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (last && last.time === e.time && last.kind === e.kind && e.vm) {
      last.messages.push(e.message);
      last.vms.push(e.vm);
    } else out.push({ time: e.time, kind: e.kind, messages: [e.message], vms: e.vm ? [e.vm] : [] });
  }
  return out.map((g) => ({
    time: g.time,
    text:
      g.messages.length === 1 ? g.messages[0] : `${g.vms.length} VMs ${g.kind === 'launched' ? 'launched (pending)' : `are ${g.kind}`}: ${g.vms.join(', ')}`,
  }));
}

function engineValueText(q: EngineQuestion, value: unknown, p: Params): string {
  if (q.ask.type === 'choice') return formatChoice(q.ask, value as string | number, p);
  if (q.ask.type === 'numeric') return `${value}${q.ask.unit ? ` ${q.ask.unit}` : ''}`;
  return String(value);
}

function momentLabel(time: number, events: SimEvent[], readingAt: number): string {
  const here = events.filter((e) => e.time === time && !['launched', 'running', 'service-up', 'traffic-changed'].includes(e.kind));
  // The event's first clause ("AZ us-east-1a failed"), so the buttons stay short.
  const what = here[0]?.message.split(/[:;(]/)[0].trim();
  return `${time} s${time === readingAt ? ' (when the question asks)' : ''}${what ? `: ${what}` : ''}`;
}

function VmTable({ report, caption, mark, id }: { report: Report; caption: string; mark: boolean; id: string }): React.JSX.Element {
  if (report.vms.length === 0) return <p className={styles.detail}>No VMs in this world at {report.time} s.</p>;
  return (
    <table className={styles.table} tabIndex={0}>
      <caption id={id}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">VM</th>
          <th scope="col">AZ</th>
          <th scope="col">Host</th>
          <th scope="col">State</th>
          <th scope="col">Serving</th>
        </tr>
      </thead>
      <tbody>
        {report.vms.map((vm) => (
          <tr key={vm.name} className={clsx(!vm.serving && mark && styles.rowMarked)}>
            <th scope="row">{vm.name}</th>
            <td>{vm.az ?? '—'}</td>
            <td>{vm.host ?? '—'}</td>
            <td>{vm.state}</td>
            <td className={vm.serving ? styles['verdict-ok'] : styles['verdict-bad']}>
              <span aria-hidden="true">{vm.serving ? '✓ ' : '✗ '}</span>
              {vm.serving ? 'serving' : `not serving (${vm.reason})`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WorldSummary({ report }: { report: Report }): React.JSX.Element | null {
  const down = [
    ...report.regions.filter((r) => r.health === 'failed').map((r) => `region ${r.id}`),
    ...report.regions.flatMap((r) => r.azs.filter((a) => a.health === 'failed' && r.health !== 'failed').map((a) => `AZ ${a.id}`)),
    ...report.hosts.filter((h) => h.health === 'failed').map((h) => `host ${h.id}`),
  ];
  const db = report.database;
  const m = report.metrics;
  return (
    <ul className={styles.summary}>
      <li>Down: {down.length ? down.join(', ') : 'nothing'}</li>
      <li>
        Service: {m.serviceUp ? 'up' : 'down'}, {m.servingVms} VM(s) serving
        {m.requests ? `, ${m.requests.droppedPercent}% of requests dropped so far` : ''}
      </li>
      {db && (
        <li>
          Database: {db.available ? 'available' : db.failingOver ? 'failing over' : 'unavailable'}, primary in {db.primary.az}
          {db.standby ? `, standby in ${db.standby.az}` : ', no standby'}, a write takes {db.writeLatencyMs} ms, {db.lostWrites} writes lost
        </li>
      )}
    </ul>
  );
}

export default function Replay({ question, params, answer, id }: ReplayProps): React.JSX.Element {
  const result = useMemo(() => {
    try {
      return { ok: true as const, story: replay(question, params) };
    } catch (e) {
      return { ok: false as const, message: (e as Error).message };
    }
  }, [question, params]);
  const last = result.ok ? result.story.moments.length - 1 : 0;
  const [shown, setShown] = useState(last);

  if (!result.ok) {
    return (
      <div className={styles.replay} id={id} role="alert">
        The engine could not replay this question: {result.message}
      </div>
    );
  }
  const { reading, moments } = result.story;
  const texts = textValues(question, params);
  const measured = 'error' in reading.measured ? [{ label: 'The question’s readings failed', value: reading.measured.error }] : reading.measured;
  const wrong = answer !== null && !answer.correct;
  const engineText =
    reading.value !== undefined
      ? engineValueText(question, reading.value, params)
      : reading.order
        ? reading.order
            .map((i) => (question.ask.type === 'ordering' ? fillTemplate(question.ask.items.find((x) => x.id === i)?.text ?? i, texts) : i))
            .join(' → ')
        : null;
  // What the engine read, and the question's own readings: the same for both models.
  const verdict = (
    <>
      {engineText !== null && (
        <p>
          {reading.model === 'cloud' ? `At ${reading.at} s the engine reads` : 'The CPU model reads'}: <strong>{engineText}</strong>.
          {answer ? ` You answered: ${answer.text}.` : ''}
        </p>
      )}
      {question.ask.type === 'claims' && reading.holds && (
        <ul className={styles.checks}>
          {question.ask.options.map((o) => (
            <li key={o.id} className={reading.holds![o.id] ? styles['verdict-ok'] : styles['verdict-bad']}>
              <span aria-hidden="true">{reading.holds![o.id] ? '✓ ' : '✗ '}</span>
              <strong>{reading.holds![o.id] ? 'Holds' : 'Does not hold'}:</strong> {fillTemplate(o.text, texts)}
            </li>
          ))}
        </ul>
      )}
      {wrong && question.explainWrong && engineText !== null && (
        <p className={styles.consequence}>{fillTemplate(question.explainWrong, { ...texts, answer: answer!.text, engine: engineText })}</p>
      )}
      {measured.length > 0 && (
        <table className={styles.table} tabIndex={0}>
          <caption id={`${id}-measured`}>What the engine measured</caption>
          <tbody>
            {measured.map((m) => (
              <tr key={m.label}>
                <th scope="row">{m.label}</th>
                <td>{m.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );

  // The CPU model runs a guest program, not a world: no VMs, no clock, no timeline to show.
  if (reading.model === 'cpu') {
    return (
      <div className={styles.replay} id={id}>
        <h4 className={styles.replayTitle}>The CPU model’s run of this variant</h4>
        <ul className={styles.summary}>
          {reading.report.map((run, i) => (
            <li key={i}>
              {run.workload}, {run.iterations.toLocaleString('en')} {run.iterations === 1 ? 'pass' : 'passes'} of the loop, under{' '}
              {run.results.map((r) => r.label.charAt(0).toLowerCase() + r.label.slice(1)).join('; ')}
            </li>
          ))}
        </ul>
        <p className={styles.detail}>Cycle costs are the engine’s own figures; the page-walk lengths (4 and 24 references) are x86’s.</p>
        {verdict}
      </div>
    );
  }

  const moment = moments[Math.min(shown, moments.length - 1)];
  const timeline = compactTimeline(reading.report.events);
  return (
    <div className={styles.replay} id={id}>
      <h4 className={styles.replayTitle}>The engine’s run of this variant</h4>
      {verdict}
      <WorldSummary report={moment.report} />
      {moments.length > 1 && (
        <div role="group" aria-label="Moment to show" className={styles.moments}>
          {moments.map((m, i) => (
            <button
              key={m.time}
              type="button"
              className={clsx(styles.moment, i === shown && styles.momentOn)}
              aria-pressed={i === shown}
              onClick={() => setShown(i)}
            >
              {momentLabel(m.time, reading.report.events, reading.at)}
            </button>
          ))}
        </div>
      )}
      <VmTable report={moment.report} caption={`VMs at ${moment.time} s`} mark={wrong} id={`${id}-vms`} />
      <details className={styles.timeline} open>
        <summary>
          Timeline of engine events up to {reading.at} s ({timeline.length})
        </summary>
        <ol>
          {timeline.map((e, i) => (
            <li key={i}>
              <span className={styles.time}>{e.time} s</span> {e.text}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
