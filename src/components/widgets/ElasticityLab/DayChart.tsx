import React from 'react';
import { dayHours, hourSeconds, perVmRps, type DayRun } from './day';
import styles from './styles.module.css';

// A narrow viewBox keeps the text readable when the chart shrinks to a phone's width.
const width = 560;
const height = 300;
const m = { left: 56, right: 26, top: 30, bottom: 46 };

function niceMax(x: number): number {
  const step = 10 ** Math.floor(Math.log10(Math.max(1, x)));
  for (const k of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (k * step >= x) return k * step;
  return 10 * step;
}

/** Demand (the curve the reader chose) against the capacity of each plan (serving VMs × what one VM serves). */
export function DayChart({ demand, owned, rented, label }: { demand: number[]; owned: DayRun; rented: DayRun; label: string }): React.JSX.Element {
  const capacity = (run: DayRun) => run.serving.map(([t, vms]) => [t, vms * perVmRps] as [number, number]);
  const ownedCap = capacity(owned);
  const rentedCap = capacity(rented);
  const top = niceMax(Math.max(...demand, ...ownedCap.map((p) => p[1]), ...rentedCap.map((p) => p[1])) * 1.05);
  const x = (t: number) => m.left + (t / (dayHours * hourSeconds)) * (width - m.left - m.right);
  const y = (rps: number) => height - m.bottom - (rps / top) * (height - m.top - m.bottom);
  const stepLine = (points: [number, number][]) => {
    let d = '';
    points.forEach(([t, v], i) => {
      d += i === 0 ? `M${x(t)} ${y(v)}` : `H${x(t)}V${y(v)}`;
    });
    return `${d}H${x(dayHours * hourSeconds)}`;
  };
  const demandPoints = demand.map((rps, h) => [h * hourSeconds, rps] as [number, number]);
  const demandLine = stepLine(demandPoints);
  const demandArea = `${demandLine}V${y(0)}H${x(0)}Z`;
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((k) => k * top);
  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} className={styles.chartSvg}>
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={m.left} x2={width - m.right} y1={y(v)} y2={y(v)} className={styles.gridLine} />
            <text x={m.left - 6} y={y(v) + 4} textAnchor="end" className={styles.axisText}>
              {v}
            </text>
          </g>
        ))}
        {[0, 6, 12, 18, 24].map((h) => (
          <text key={h} x={x(h * hourSeconds)} y={height - m.bottom + 16} textAnchor="middle" className={styles.axisText}>
            {String(h).padStart(2, '0')}:00
          </text>
        ))}
        <text x={(m.left + width - m.right) / 2} y={height - 4} textAnchor="middle" className={styles.axisText}>
          hour of the day
        </text>
        <text x={4} y={16} className={styles.axisText}>
          requests per second
        </text>
        <path d={demandArea} className={styles.demandArea} />
        <path d={demandLine} className={styles.demandLine} />
        <path d={stepLine(ownedCap)} className={styles.ownedLine} />
        <path d={stepLine(rentedCap)} className={styles.rentedLine} />
        <line x1={m.left} x2={m.left} y1={m.top} y2={y(0)} className={styles.axis} />
        <line x1={m.left} x2={width - m.right} y1={y(0)} y2={y(0)} className={styles.axis} />
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          <li>
            <svg width="28" height="12" aria-hidden="true">
              <rect x="0" y="1" width="28" height="10" className={styles.demandArea} />
              <line x1="0" x2="28" y1="1.5" y2="1.5" className={styles.demandLine} />
            </svg>
            demand
          </li>
          <li>
            <svg width="28" height="12" aria-hidden="true">
              <line x1="0" x2="28" y1="6" y2="6" className={styles.ownedLine} />
            </svg>
            owned capacity (dashed)
          </li>
          <li>
            <svg width="28" height="12" aria-hidden="true">
              <line x1="0" x2="28" y1="6" y2="6" className={styles.rentedLine} />
            </svg>
            rented capacity (solid)
          </li>
        </ul>
        Capacity is the VMs serving, as the engine reports them, times {perVmRps} requests per second each.
      </figcaption>
    </figure>
  );
}
