import type { Figure } from './engine';

/** One line per figure, with its ratio to the target when it has one (a target of 0 has no ratio). */
export function format(f: Figure): string {
  const value = f.value.toLocaleString('en-US');
  let vs = '';
  if (f.target && f.target.value === 0) {
    const met = f.target.better === 'higher' ? f.value >= 0 : f.value <= 0;
    vs = `  target ${f.target.better === 'higher' ? '>=' : '<='} 0 ${f.unit}: ${met ? 'met' : 'NOT met'}`;
  } else if (f.target) {
    const ratio = f.target.better === 'higher' ? f.value / f.target.value : f.target.value / f.value;
    const op = f.target.better === 'higher' ? '>=' : '<=';
    // A value of 0 against a lower-is-better target has no finite ratio: it is met, and said so without one.
    const times = Number.isFinite(ratio) ? `${ratio.toFixed(2)}x ` : '';
    vs = `  target ${op} ${f.target.value.toLocaleString('en-US')} ${f.unit}: ${times}${ratio >= 1 ? 'met' : 'NOT met'}`;
  }
  return `${f.name.padEnd(52)} ${value.padStart(14)} ${f.unit}${vs}`;
}

/** The sample at fraction `p` of the sorted samples (0.5: the median, 0.95: the p95). */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** A figure's value to two decimals. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
