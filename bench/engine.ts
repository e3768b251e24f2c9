/** Engine benchmarks: figures and ratios to targets, printed; nothing here passes or fails. */
import { performance } from 'node:perf_hooks';
import { EventQueue } from '@site/sim/queue';
import { createWorld, parseScenario, regionCatalog, type ScenarioInput } from '@site/sim';

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: { value: number; better: 'higher' | 'lower' };
}

function best<T>(runs: number, fn: () => T): { ms: number; result: T } {
  let bestMs = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    bestMs = Math.min(bestMs, performance.now() - t0);
  }
  return { ms: bestMs, result };
}

/**
 * The classic "hold" model of an event queue in a running simulation: a queue of 10 000 pending
 * events; each step pops the earliest and schedules a new one a random delay later.
 */
function queueEventsPerSecond(): Figure {
  const pending = 10_000;
  const steps = 5_000_000;
  const delays = new Float64Array(1 << 16);
  let x = 12345;
  for (let i = 0; i < delays.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    delays[i] = (x % 3600) + 1;
  }
  const { ms } = best(3, () => {
    const q = new EventQueue<number>();
    for (let i = 0; i < pending; i++) q.push(delays[i], i);
    for (let i = 0; i < steps; i++) {
      const e = q.pop()!;
      q.push(e.time + delays[i & 0xffff], e.item);
    }
    return q.size;
  });
  return {
    name: 'event queue: hold model (pop + push), 10k pending',
    value: Math.round(steps / (ms / 1000)),
    unit: 'events/s',
    target: { value: 5_000_000, better: 'higher' },
  };
}

/** 1 000 hosts in 3 AZs of one region (334 + 333 + 333). */
export function bigTopology(hostsTotal = 1000): ScenarioInput['regions'] {
  const zones = regionCatalog.find((r) => r.code === 'us-east-1')!.zones.slice(0, 3);
  return [
    {
      id: 'us-east-1',
      azs: zones.map((id, i) => ({
        id,
        hosts: [{ count: Math.floor(hostsTotal / 3) + (i < hostsTotal % 3 ? 1 : 0), cores: 48, memoryGiB: 192, hypervisor: 'type1' as const }],
      })),
    },
  ];
}

function placement(policy: 'balance' | 'pack'): Figure {
  const { ms, result } = best(5, () => {
    const world = createWorld({ regions: bigTopology(), policy: { placement: policy }, actions: [] });
    world.apply({ kind: 'launch', name: 'vm', count: 10_000, vcpu: 2, memoryGiB: 8, diskGiB: 8, region: 'us-east-1', busy: 0.25 });
    return world.vm('vm-10000') !== undefined && world.vm('vm-10001') === undefined ? 10_000 : -1;
  });
  if (result !== 10_000) throw new Error(`placement bench placed ${result} VMs, expected 10000`);
  return { name: `place 10 000 VMs on 1 000 hosts (${policy})`, value: Math.round(ms * 10) / 10, unit: 'ms', target: { value: 50, better: 'lower' } };
}

function azOutageDay(): Figure[] {
  const scenario: ScenarioInput = {
    name: '1 000 hosts, 24 h, an AZ outage',
    until: 86_400,
    regions: bigTopology(),
    actions: [
      { at: 0, group: { name: 'web', desired: 3000, vcpu: 4, memoryGiB: 16, region: 'us-east-1' } },
      { at: 0, launch: { name: 'batch', count: 3000, vcpu: 2, memoryGiB: 8, region: 'us-east-1' } },
      { at: 6 * 3600, fail: { az: 'us-east-1a' } },
      { at: 8 * 3600, recover: { az: 'us-east-1a' } },
      { at: 12 * 3600, fail: { region: 'us-east-1' } },
      { at: 12 * 3600 + 900, recover: { region: 'us-east-1' } },
    ],
  };
  const { ms, result } = best(3, () => {
    const world = createWorld(scenario).run();
    const report = world.report();
    return { events: report.events.length, vms: report.vms.length };
  });
  return [
    { name: '1 000-host 24 h AZ-outage scenario: wall time', value: Math.round(ms), unit: 'ms' },
    { name: '  ... engine events in its trace', value: result.events, unit: 'events' },
    { name: '  ... VMs ever created (incl. replacements)', value: result.vms, unit: 'VMs' },
  ];
}

/**
 * A long, busy day: 10 000 VMs on 1 000 hosts and 20 000 reader actions at 20 000 distinct seconds
 * (every 17 s, VM j's load changes, another VM stops and starts 50 s later, a third reboots), so
 * the clock advances some 40 000 times. What a run costs per clock step is what this measures.
 */
export function longRunScenario(): ScenarioInput {
  const vms = 10_000;
  const rounds = 5_000;
  const name = (k: number) => `vm-${(k % vms) + 1}`;
  const actions: Record<string, unknown>[] = [{ at: 0, launch: { name: 'vm', count: vms, vcpu: 2, memoryGiB: 8, region: 'us-east-1', busy: 0.25 } }];
  for (let j = 0; j < rounds; j++) {
    const t = 60 + 17 * j;
    actions.push({ at: t + 1, load: { vm: name(j * 7919), busy: (j % 10) / 10 } });
    actions.push({ at: t + 3, stop: { vm: name(j * 104_729) } });
    actions.push({ at: t + 7, reboot: { vm: name(j * 1_299_709 + 5) } });
    actions.push({ at: t + 53, start: { vm: name(j * 104_729) } });
  }
  return { name: '10 000 VMs, 20 000 actions, 24 h', until: 86_400, regions: bigTopology(), service: { minServing: 9_000 }, actions };
}

function longRun(): Figure[] {
  const input = longRunScenario();
  const parsed = best(3, () => parseScenario(input));
  const { ms, result } = best(3, () => {
    const report = createWorld(parsed.result).run().report({ events: false });
    return { vms: report.vms.length, up: report.metrics.upSeconds };
  });
  if (result.vms !== 10_000) throw new Error(`long-run bench has ${result.vms} VMs, expected 10000`);
  return [
    { name: '10 000 VMs × 20 000 actions over 24 h: run + report', value: Math.round(ms), unit: 'ms', target: { value: 1000, better: 'lower' } },
    { name: '  ... checking that scenario (parseScenario)', value: Math.round(parsed.ms), unit: 'ms' },
  ];
}

export function engineFigures(): Figure[] {
  return [queueEventsPerSecond(), placement('balance'), placement('pack'), ...azOutageDay(), ...longRun()];
}
