/** How the labs print the engine's numbers. Formatting only: every number comes from a report. */
import { formatClock as formatSimClock, type VmReport } from '@site/sim';

/** 13.5 → "13.5", 14 → "14", 1/3 → "0.33". */
export function formatNumber(x: number, digits = 2): string {
  return String(Math.round(x * 10 ** digits) / 10 ** digits);
}

export function formatGiB(x: number): string {
  return `${formatNumber(x)} GiB`;
}

/** A virtual time in words ("2 min 5 s"): the engine's one clock format, spoken. */
export const formatClock = (seconds: number): string => formatSimClock(seconds, 'words');

/** The engine's events without a repeat: a refused launch is recorded as its refusal and again as refused. */
export function withoutRepeats<E extends { time: number; message: string }>(events: readonly E[]): E[] {
  return events.filter((e, i) => i === 0 || e.time !== events[i - 1].time || e.message !== events[i - 1].message);
}

/** Dollars to the engine's precision (six decimals), so a few seconds of billing still show. */
export function formatUsd(x: number): string {
  return `$${x.toFixed(6)}`;
}

export function formatPercent(x: number): string {
  return `${formatNumber(x, 1)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The engine's reason a VM does not serve, in words. */
export function servingText(vm: Pick<VmReport, 'serving' | 'reason'>): string {
  if (vm.serving) return 'serving';
  return `not serving: ${String(vm.reason).replace(/-/g, ' ')}`;
}
