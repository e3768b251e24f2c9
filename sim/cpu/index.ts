/**
 * The CPU virtualization model's public face: a guest's loop under trap-and-emulate, binary
 * translation, paravirtualization, hardware assistance with shadow or nested paging, and full
 * emulation; where control goes for each instruction, what it costs, and whether it is right.
 */
import { parseCpuScenario, type CpuScenarioInput } from './scenario';
import { runCpuScenario, type CpuReport } from './run';

export { defaultCosts, sourcedCosts, type CycleCosts } from './costs';
export {
  instructionKinds,
  kindLabels,
  kindClass,
  workloads,
  workloadIds,
  generateBody,
  type Instruction,
  type InstructionKind,
  type Ring,
  type Workload,
  type WorkloadId,
  type Mix,
} from './program';
export { techniqueIds, techniqueLabels, eventKinds, handle, nativeCycles, type TechniqueId, type Place, type EventKind, type Handling } from './techniques';
export {
  cpuScenarioSchema,
  cpuWorkloadSchema,
  cpuLimits,
  parseCpuScenario,
  CpuScenarioError,
  type CpuScenario,
  type CpuScenarioInput,
  type CpuScenarioIssue,
  type CpuWorkloadInput,
} from './scenario';
export { runCpuScenario, runTechnique, traceBody, bodyOf, type CpuReport, type CpuStep, type TechniqueResult } from './run';

/** Checks and runs a CPU scenario object in one call. */
export function runCpu(input: CpuScenarioInput, source = 'cpu scenario'): CpuReport {
  return runCpuScenario(parseCpuScenario(input, source));
}
