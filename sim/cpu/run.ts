/**
 * Running a CPU scenario: the loop body under each technique, instruction by instruction (the
 * step-through), then the totals over every pass of the loop. Pure: the same scenario gives the same
 * report.
 */
import { defaultCosts, type CycleCosts } from './costs';
import { generateBody, instructionKinds, workloads, type Instruction, type InstructionKind } from './program';
import type { CpuScenario } from './scenario';
import { eventKinds, handle, nativeCycles, techniqueLabels, type EventKind, type Handling, type TechniqueId } from './techniques';

export interface CpuStep extends Handling {
  index: number;
  instruction: Instruction;
  native: number;
  /** The guest's interrupt flag after this step: what the guest believes, and what is true. */
  interrupts: { believed: boolean; actual: boolean };
}

export interface TechniqueResult {
  technique: TechniqueId;
  label: string;
  /** One pass of the loop, step by step. */
  steps: CpuStep[];
  /** Totals over every pass. */
  instructions: number;
  events: Record<EventKind, number>;
  /** Traps, VM exits and hypercalls: every time control reached the hypervisor. */
  hypervisorEntries: number;
  cycles: number;
  nativeCycles: number;
  /** cycles / nativeCycles */
  slowdown: number;
  /** Page-walk memory references, over every pass. */
  walkReferences: number;
  /** Instructions that did not do what the guest meant. */
  wrongResults: number;
  seconds: number;
  byKind: Record<InstructionKind, { count: number; cycles: number; hypervisorEntries: number }>;
}

export interface CpuReport {
  name: string;
  workload: string;
  body: Instruction[];
  iterations: number;
  costs: CycleCosts;
  clockGHz: number;
  nativeCycles: number;
  results: TechniqueResult[];
}

/** The loop body a scenario's workload names. */
export function bodyOf(scenario: Pick<CpuScenario, 'workload' | 'seed'>): { label: string; body: Instruction[] } {
  const w = scenario.workload;
  if (typeof w === 'string') return { label: workloads[w].label, body: workloads[w].body };
  if ('body' in w) {
    return {
      label: 'Custom program',
      body: w.body.map((i) => ({
        kind: i.kind,
        ring: i.ring ?? (i.kind === 'pte-write' || i.kind === 'io' || i.kind === 'popf' ? 'kernel' : 'user'),
        text: i.text ?? i.kind,
      })),
    };
  }
  return { label: `Generated program (seed ${scenario.seed})`, body: generateBody(w.generate.mix, w.generate.length, scenario.seed) };
}

const entersHypervisor = (e: EventKind) => e === 'trap' || e === 'vm-exit' || e === 'hypercall';

/** One pass of `body` under `technique`, instruction by instruction. */
export function traceBody(technique: TechniqueId, body: Instruction[], costs: CycleCosts = defaultCosts): CpuStep[] {
  // Interrupts start on; a kernel entry turns them off (the CPU does), POPF in the kernel turns them back on.
  let believed = true;
  let actual = true;
  return body.map((instruction, index) => {
    const h = handle(technique, instruction, costs);
    if (instruction.kind === 'syscall' || instruction.kind === 'page-fault') {
      believed = false;
      actual = false;
    } else if (instruction.kind === 'popf') {
      believed = true;
      actual = h.correct ? true : actual;
    }
    return { ...h, index, instruction, native: nativeCycles(instruction.kind, costs), interrupts: { believed, actual } };
  });
}

export function runTechnique(technique: TechniqueId, body: Instruction[], iterations: number, costs: CycleCosts, clockGHz: number): TechniqueResult {
  const steps = traceBody(technique, body, costs);
  const events = Object.fromEntries(eventKinds.map((e) => [e, 0])) as Record<EventKind, number>;
  const byKind = Object.fromEntries(instructionKinds.map((k) => [k, { count: 0, cycles: 0, hypervisorEntries: 0 }])) as TechniqueResult['byKind'];
  let cycles = 0;
  let native = 0;
  let walkReferences = 0;
  let wrong = 0;
  for (const s of steps) {
    events[s.event] += iterations;
    const k = byKind[s.instruction.kind];
    k.count += iterations;
    k.cycles += s.cycles * iterations;
    if (entersHypervisor(s.event)) k.hypervisorEntries += iterations;
    cycles += s.cycles * iterations;
    native += s.native * iterations;
    walkReferences += s.walkReferences * iterations;
    if (!s.correct) wrong += iterations;
  }
  return {
    technique,
    label: techniqueLabels[technique],
    steps,
    instructions: body.length * iterations,
    events,
    hypervisorEntries: events.trap + events['vm-exit'] + events.hypercall,
    cycles,
    nativeCycles: native,
    slowdown: native === 0 ? 1 : cycles / native,
    walkReferences,
    wrongResults: wrong,
    seconds: cycles / (clockGHz * 1e9),
    byKind,
  };
}

/** Runs a parsed scenario: every technique it names over its workload. */
export function runCpuScenario(scenario: CpuScenario): CpuReport {
  const costs: CycleCosts = { ...defaultCosts, ...Object.fromEntries(Object.entries(scenario.costs).filter(([, v]) => v !== undefined)) };
  const { label, body } = bodyOf(scenario);
  const results = scenario.techniques.map((t) => runTechnique(t, body, scenario.iterations, costs, scenario.clockGHz));
  const nativeTotal = body.reduce((t, i) => t + nativeCycles(i.kind, costs), 0) * scenario.iterations;
  return {
    name: scenario.name,
    workload: label,
    body,
    iterations: scenario.iterations,
    costs,
    clockGHz: scenario.clockGHz,
    nativeCycles: nativeTotal,
    results,
  };
}
