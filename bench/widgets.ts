/** Widget benchmarks: one reader action at 1 000 VMs, as the widgets do it (engine + report + view). */
import { performance } from 'node:perf_hooks';
import { hypervisorLabBenchWorld, hypervisorLabFrame } from './fixtures/hypervisor-lab';
import { benchmarkScenario, labViewAt } from '@site/src/components/widgets/AzFailureLab/view';
import type { Figure } from './engine';

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const frameMs = 1000 / 60;

export function widgetFigures(): Figure[] {
  const bench = hypervisorLabBenchWorld(1000);
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    const vm = `vm-${(i % 1000) + 1}`;
    const t0 = performance.now();
    hypervisorLabFrame(bench, { kind: 'load', vm, busy: i % 2 ? 0.9 : 0.25 });
    samples.push(performance.now() - t0);
  }
  const scenario = benchmarkScenario(1000);
  const scrub: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    labViewAt(scenario, 600 + i * 60);
    scrub.push(performance.now() - t0);
  }
  return [
    {
      name: 'hypervisor lab, 1 000 VMs: action + report + render (median)',
      value: round(percentile(samples, 0.5)),
      unit: 'ms',
      target: { value: frameMs, better: 'lower' },
    },
    { name: '  ... p95', value: round(percentile(samples, 0.95)), unit: 'ms', target: { value: frameMs, better: 'lower' } },
    {
      name: 'AZ failure lab, 1 000 VMs: scrub = replay + report + view (median)',
      value: round(percentile(scrub, 0.5)),
      unit: 'ms',
      target: { value: frameMs, better: 'lower' },
    },
  ];
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
