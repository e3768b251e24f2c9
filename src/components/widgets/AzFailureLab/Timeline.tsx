import React from 'react';
import { formatClock, type SimEvent } from '@site/sim';
import shared from '../shared/widget.module.css';
import styles from './styles.module.css';

/** The lab's time on screen, to the whole second (play moves in steps of a fraction of one). */
export const clock = (seconds: number): string => formatClock(Math.round(seconds));

const day = 86400;

/** A round tick spacing that puts at most eight ticks on the axis, however long the run. */
export function tickStep(until: number): number {
  const steps = [60, 300, 600, 1800, 3600, 7200, 21600, 43200, day, 2 * day, 7 * day, 14 * day, 30 * day];
  const fits = steps.find((s) => until / s <= 8);
  if (fits !== undefined) return fits;
  return 10 ** Math.ceil(Math.log10(until / 8 / day)) * day;
}

/** The same time in words, for the slider's value as a screen reader speaks it. */
export const spokenClock = (seconds: number): string => formatClock(Math.round(seconds), 'words');

/** The service's down periods so far, read from the engine's service-down / service-up events. */
export function downPeriods(events: readonly SimEvent[], now: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let since: number | null = null;
  for (const e of events) {
    if (e.kind === 'service-down' && since === null) since = e.time;
    if (e.kind === 'service-up' && since !== null) {
      out.push({ from: since, to: e.time });
      since = null;
    }
  }
  if (since !== null) out.push({ from: since, to: now });
  return out;
}

export const speeds = [
  { label: '15 s per second', perSecond: 15 },
  { label: '1 min per second', perSecond: 60 },
  { label: '5 min per second', perSecond: 300 },
];
export const defaultSpeed = 60;

interface Props {
  id: string;
  until: number;
  time: number;
  faults: { at: number; op: 'fail' | 'recover'; target: string }[];
  events: readonly SimEvent[];
  playing: boolean;
  speed: number;
  onSpeed(perSecond: number): void;
  onScrub(time: number): void;
  onPlay(): void;
  onPause(): void;
  onStep(): void;
  onRestart(): void;
}

export function Timeline(p: Props): React.JSX.Element {
  // Positions in percent of the width: the strip stretches to any width without distorting its text.
  const x = (t: number) => `${(t / p.until) * 100}%`;
  const down = downPeriods(p.events, p.time);
  const step = tickStep(p.until);
  const ticks = Array.from({ length: Math.floor(p.until / step) + 1 }, (_, i) => i * step);
  const tickText = (t: number) => (p.until > 4 * day ? `${Math.round(t / day)}d` : p.until > 7200 ? `${Math.round(t / 3600)}h` : `${Math.round(t / 60)}m`);
  const label =
    `Timeline from 0:00 to ${clock(p.until)}, now ${clock(p.time)}. ` +
    (p.faults.length ? `Faults: ${p.faults.map((f) => `${clock(f.at)} ${f.op} ${f.target}`).join('; ')}. ` : 'No faults scheduled. ') +
    (down.length ? `Service down so far: ${down.map((d) => `${clock(d.from)}–${clock(d.to)}`).join(', ')}.` : 'Service not down so far.');
  return (
    <div className={styles.timeline}>
      <div className={styles.timelineBox}>
        <svg role="img" aria-label={label} className={styles.timelineSvg}>
          <rect x="0" y={8} width="100%" height={16} className={styles.track} />
          {down.map((d) => (
            <rect key={d.from} x={x(d.from)} y={8} width={`${Math.max(0.2, ((d.to - d.from) / p.until) * 100)}%`} height={16} className={styles.downBand} />
          ))}
          {ticks.map((t, i) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={24} y2={29} className={styles.tick} />
              <text x={x(t)} y={42} textAnchor={i === 0 ? 'start' : t === p.until ? 'end' : 'middle'} className={styles.tickLabel}>
                {tickText(t)}
              </text>
            </g>
          ))}
          {p.faults.map((f, i) => (
            <svg key={i} x={x(f.at)} y={0} overflow="visible">
              <path d={f.op === 'fail' ? 'M0 8l-5 -7h10Z' : 'M0 24l-5 7h10Z'} className={f.op === 'fail' ? styles.failMark : styles.recoverMark}>
                <title>{`${clock(f.at)} ${f.op} ${f.target}`}</title>
              </path>
            </svg>
          ))}
          <line x1={x(p.time)} x2={x(p.time)} y1={4} y2={28} className={styles.cursor} />
        </svg>
      </div>
      <div className={shared.controls}>
        <label className={styles.scrub}>
          Virtual time: {clock(p.time)} of {clock(p.until)}
          <input
            type="range"
            min={0}
            max={p.until}
            step={10}
            value={p.time}
            aria-valuetext={spokenClock(p.time)}
            onChange={(e) => p.onScrub(Number(e.currentTarget.value))}
          />
        </label>
      </div>
      <div className={shared.controls}>
        {p.playing ? (
          <button type="button" className={shared.button} onClick={p.onPause}>
            Pause
          </button>
        ) : (
          <button type="button" className={shared.button} onClick={p.onPlay} disabled={p.time >= p.until}>
            Play
          </button>
        )}
        <button type="button" className={shared.button} onClick={p.onStep} disabled={p.time >= p.until}>
          Step to next event
        </button>
        <button type="button" className={shared.button} onClick={() => p.onScrub(p.until)} disabled={p.time >= p.until}>
          Run to the end
        </button>
        <button type="button" className={shared.button} onClick={p.onRestart} disabled={p.time === 0}>
          Back to 0:00
        </button>
        <label>
          Speed
          <select value={p.speed} onChange={(e) => p.onSpeed(Number(e.currentTarget.value))} id={`${p.id}-speed`}>
            {speeds.map((s) => (
              <option key={s.perSecond} value={s.perSecond}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
