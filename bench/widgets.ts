/**
 * Widget benchmarks: each reader action that steps or scrubs a widget, at 1 000 VMs where the widget
 * holds VMs, as the widget does it (engine or record + view + render). The goal: p95 under
 * 8 ms, so a frame (16.7 ms at 60 Hz) always has room to paint. Figures and ratios; nothing fails.
 * Rendering is React's server renderer drawing every part afresh (the most a frame can cost: in the
 * page, memoized parts are skipped), with React's production build unless NODE_ENV says otherwise.
 */
import { reactBuild } from './fixtures/react-build';
import { performance } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { cpu, createRandom, createWorld } from '@site/sim';
import { applyAction } from '@site/src/components/widgets/shared/actionLog';
import { readLabFrame } from '@site/src/components/widgets/HypervisorLab/labFrame';
import { hypervisorLabBenchWorld, hypervisorLabFrame } from './fixtures/hypervisor-lab';
import { azFailureLabRender, benchmarkDesign, benchmarkScenario } from './fixtures/az-failure-lab';
import { LabHistory } from '@site/src/components/widgets/AzFailureLab/history';
import { labViewAt } from '@site/src/components/widgets/AzFailureLab/view';
import { labUntil } from '@site/src/components/widgets/AzFailureLab/scenario';
import { StepView } from '@site/src/components/widgets/CpuLab/StepView';
import { curveNames, dayOf, defaultConfig, type DayConfig } from '@site/src/components/widgets/ElasticityLab/day';
import type { Figure } from './engine';
import { percentile, round } from './format';

/** The goal for one step or scrub: half a 60 Hz frame, leaving the other half to paint. */
const goalMs = 8;

/** "render" in a figure's name, with the React build that rendered it when that is not the production one. */
const render = reactBuild() === 'production' ? 'render' : 'render (React development build)';

/**
 * Wall time of one action, and this process's CPU time over it: on a machine shared with other work
 * the wall time includes waiting for a core, the CPU time much less so.
 */
interface Sample {
  wallMs: number;
  cpuMs: number;
}

function timed(fn: () => unknown): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

/** Garbage collection while `fn` runs: minor collections (scavenges) and the others (mark-compact), each with their pauses in all. */
function collections(fn: () => void): { minor: { count: number; ms: number }; major: { count: number; ms: number } } {
  const profiler = new GCProfiler();
  profiler.start();
  fn();
  const stats = profiler.stop()?.statistics ?? [];
  const sum = (list: typeof stats) => ({ count: list.length, ms: round(list.reduce((total, s) => total + s.cost, 0) / 1000) });
  return {
    minor: sum(stats.filter((s) => s.gcType === 'Scavenge' || s.gcType === 'MinorMarkSweep')),
    major: sum(stats.filter((s) => s.gcType !== 'Scavenge' && s.gcType !== 'MinorMarkSweep')),
  };
}

/** Median and p95 of `samples` as figures against the goal: wall time, then CPU time. */
function medianAndP95(name: string, samples: Sample[]): Figure[] {
  const target = { value: goalMs, better: 'lower' as const };
  const wall = samples.map((s) => s.wallMs);
  const cpuTime = samples.map((s) => s.cpuMs);
  return [
    { name: `${name} (median of ${samples.length})`, value: round(percentile(wall, 0.5)), unit: 'ms', target },
    { name: '  ... p95', value: round(percentile(wall, 0.95)), unit: 'ms', target },
    { name: '  ... CPU time, median', value: round(percentile(cpuTime, 0.5)), unit: 'ms', target },
    { name: '  ... CPU time, p95', value: round(percentile(cpuTime, 0.95)), unit: 'ms', target },
  ];
}

function hypervisorLabFigures(): Figure[] {
  const bench = hypervisorLabBenchWorld(1000);
  const load = (i: number) => ({ kind: 'load' as const, vm: `vm-${(i % 1000) + 1}`, busy: i % 2 ? 0.9 : 0.25 });
  const samples: Sample[] = [];
  for (let i = 0; i < 200; i++) samples.push(timed(() => hypervisorLabFrame(bench, load(i))));
  // What the frame reads, apart from the render: the lab's frame (a glance) against the full report it replaced.
  const frames: Sample[] = [];
  const reports: Sample[] = [];
  for (let i = 0; i < 200; i++) {
    frames.push(timed(() => (applyAction(bench.world, load(i)), readLabFrame(bench.world, null))));
    reports.push(timed(() => (applyAction(bench.world, load(i + 1)), bench.world.report())));
  }
  return [
    ...medianAndP95(`hypervisor lab, 1 000 VMs: action + frame + ${render}`, samples.slice(10)),
    ...medianAndP95('hypervisor lab, 1 000 VMs: action + frame (glance)', frames.slice(10)),
    ...medianAndP95('hypervisor lab, before: action + full report', reports.slice(10)),
  ];
}

/** One world of the AZ lab's benchmark run forward event time by event time: reading each as a glance, or as a report. */
function azFailureLabReads(scenario: ReturnType<typeof benchmarkScenario>): { glances: Sample[]; reports: Sample[] } {
  const glances: Sample[] = [];
  const reports: Sample[] = [];
  for (let run = 0; run < 3; run++) {
    const world = createWorld(scenario);
    for (let next: number | null = 0; next !== null && next <= labUntil; next = world.nextEventTime()) {
      world.runUntil(next);
      glances.push(timed(() => world.glance()));
      reports.push(timed(() => world.report({ events: false })));
    }
  }
  return { glances, reports };
}

function azFailureLabFigures(): Figure[] {
  const scenario = benchmarkScenario(1000);
  const minServing = benchmarkDesign(1000).minServing;
  const frame = (history: LabHistory, t: number) => azFailureLabRender(scenario, labUntil, history.frameAt(t), minServing);

  // Before the record: every move back rebuilt the world and replayed it from 0:00.
  const replay: Sample[] = [];
  for (let i = 0; i < 15; i++) replay.push(timed(() => labViewAt(scenario, 600 + i * 60)));

  // A new design: the record starts (time-0 actions run, 1 000 VMs launched).
  const starts: Sample[] = [];
  for (let i = 0; i < 5; i++) starts.push(timed(() => frame(new LabHistory(scenario, labUntil), 0)));
  // The first five designs include compiling the code they run; the next ones show it warm, with and
  // without the render.
  const warmStarts: Sample[] = [];
  const warmRecords: Sample[] = [];
  // The p95 of a new design was garbage collection: its count and pauses over these 60 designs.
  const designsGc = collections(() => {
    for (let i = 0; i < 30; i++) {
      warmStarts.push(timed(() => frame(new LabHistory(scenario, labUntil), 0)));
      warmRecords.push(timed(() => new LabHistory(scenario, labUntil).frameAt(0)));
    }
  });

  // Playing at 1 min per second from 0:00 on a fresh record: 600 ticks of 6 s, some of which record an event time.
  const play: Sample[] = [];
  const playing = new LabHistory(scenario, labUntil);
  for (let t = 6; t <= labUntil; t += 6) play.push(timed(() => frame(playing, t)));

  // "Step to next event" from 0:00 on fresh records: each step records the next event time.
  const stepThrough = (history: LabHistory, into: Sample[]) => {
    for (let t = 0; t < labUntil; ) {
      let next = t;
      into.push(
        timed(() => {
          next = history.nextChangeAfter(t);
          frame(history, next);
        }),
      );
      t = next;
    }
  };
  const steps: Sample[] = [];
  for (let run = 0; run < 5; run++) stepThrough(new LabHistory(scenario, labUntil), steps);

  // Scrubbing the slider (10 s steps) back and forth over a run recorded to the end.
  const recorded = new LabHistory(scenario, labUntil);
  const recordAll = timed(() => {
    while (recorded.recordNext());
  });
  const random = createRandom(20);
  const scrubTimes = Array.from({ length: 300 }, () => random.int(0, labUntil / 10) * 10);
  const scrubFrame = scrubTimes.map((t) => timed(() => recorded.frameAt(t)));
  // A static render keeps no React memo; the grid's paths are still cached per AZ's list of statuses, as in the page.
  const scrub = scrubTimes.map((t) => timed(() => frame(recorded, t)));
  // Once idle time has recorded the run, a step only reads it.
  const recordedSteps: Sample[] = [];
  for (let run = 0; run < 5; run++) stepThrough(recorded, recordedSteps);

  const reads = azFailureLabReads(scenario);
  return [
    ...medianAndP95('AZ failure lab, 1 000 VMs: scrub = frame from the record', scrubFrame),
    ...medianAndP95(`AZ failure lab, 1 000 VMs: scrub + ${render} (no React memo)`, scrub),
    ...medianAndP95(`AZ failure lab, 1 000 VMs: play tick (+6 s), recording + ${render}`, play),
    ...medianAndP95(`AZ failure lab, 1 000 VMs: step, recording + ${render}`, steps),
    ...medianAndP95(`AZ failure lab, 1 000 VMs: step, recorded run + ${render}`, recordedSteps),
    ...medianAndP95(`AZ failure lab, 1 000 VMs: new design (0:00) + ${render}`, starts),
    ...medianAndP95(`AZ failure lab, 1 000 VMs: new design (0:00) + ${render}, designs 6-35`, warmStarts),
    ...medianAndP95('AZ failure lab, 1 000 VMs: new design (0:00), record + frame only', warmRecords),
    { name: `  ... minor GC over those 60 designs (${designsGc.minor.count} collections)`, value: designsGc.minor.ms, unit: 'ms' },
    { name: `  ... full GC over those 60 designs (${designsGc.major.count} collections)`, value: designsGc.major.ms, unit: 'ms' },
    { name: `AZ failure lab, 1 000 VMs: record the rest (idle time, ${recorded.recordedKnots} event times)`, value: round(recordAll.wallMs), unit: 'ms' },
    ...medianAndP95('AZ failure lab, 1 000 VMs: read an event time (glance)', reads.glances),
    ...medianAndP95('AZ failure lab, before: read an event time (report)', reads.reports),
    ...medianAndP95('AZ failure lab, before: replay from 0:00 + report + view', replay),
  ];
}

/** The CPU lab holds no VMs: a step shows one instruction of a run computed once per technique. */
function cpuLabFigures(): Figure[] {
  const report = cpu.runCpuScenario(cpu.parseCpuScenario({ name: 'bench', workload: 'syscalls', iterations: 1000 }));
  const steps = report.results.flatMap((r) => r.steps);
  const samples = steps.map((step) => timed(() => renderToStaticMarkup(createElement(StepView, { step }))));
  return medianAndP95(`CPU lab: step (${render} one instruction)`, samples);
}

/**
 * The elasticity lab holds up to 60 VMs over a simulated day: a change runs the day of the plan it
 * touches (dayOf: the other plan's day is kept), as the widget does, without React's render. Before:
 * both days ran on every change, each reading a full report after every one of the ~1,400 scaling checks.
 */
function elasticityLabFigures(): Figure[] {
  // A reader's changes, one setting at a time, alternating between the plans: each re-runs one day.
  let config: DayConfig = defaultConfig;
  const onePlan = Array.from({ length: 40 }, (_, i) => {
    config = { ...config, ...(i % 2 ? { owned: 4 + (i % 30) } : { target: 40 + 5 * (i % 30) }) };
    const changed = config;
    return timed(() => {
      dayOf(changed, 'owned');
      dayOf(changed, 'rented');
    });
  });
  // A new curve changes what both plans' days depend on: both re-run.
  const bothPlans = Array.from({ length: 40 }, (_, i) => ({ ...defaultConfig, curve: curveNames[i % curveNames.length], max: 20 + (i % 30) })).map((changed) =>
    timed(() => {
      dayOf(changed, 'owned');
      dayOf(changed, 'rented');
    }),
  );
  return [
    ...medianAndP95("Elasticity lab: one plan's setting changed (its day re-run)", onePlan.slice(5)),
    ...medianAndP95('Elasticity lab: curve changed (both days re-run)', bothPlans.slice(5)),
  ];
}

export function widgetFigures(): Figure[] {
  return [...hypervisorLabFigures(), ...azFailureLabFigures(), ...cpuLabFigures(), ...elasticityLabFigures()];
}
