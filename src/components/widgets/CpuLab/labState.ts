/**
 * What the CPU lab remembers and puts in its share link: the workload, the technique and the step.
 * A loaded scenario file is not in the link (it can be long); the link holds the built-in choices.
 */
import * as z from 'zod/mini';
import { cpu } from '@site/sim';

export const labStateSchema = z.strictObject({
  workload: z.enum(cpu.workloadIds),
  technique: z.enum(cpu.techniqueIds),
  step: z.number().check(z.int(), z.minimum(0), z.maximum(cpu.cpuLimits.bodyLength - 1)),
});
export type LabState = z.infer<typeof labStateSchema>;

export const defaultLabState: LabState = { workload: 'syscalls', technique: 'trap-emulate', step: 0 };

/** Passes of the loop the lab's totals are for. */
export const labIterations = 1000;

const placeNames: Record<cpu.Place, string> = { guest: 'the guest', hypervisor: 'the hypervisor', host: 'a host program' };
const eventNames: Record<cpu.EventKind, string> = {
  direct: 'runs directly on the CPU',
  translated: 'runs as translated code',
  trap: 'traps to the hypervisor',
  'vm-exit': 'causes a VM exit',
  hypercall: 'is a hypercall',
  emulated: 'is emulated in software',
  'silent-fail': 'runs on the CPU and silently does the wrong thing',
};

export function placeName(p: cpu.Place): string {
  return placeNames[p];
}

export function eventName(e: cpu.EventKind): string {
  return eventNames[e];
}

export const cycles = (n: number): string => `${n.toLocaleString('en-US')} cycle${n === 1 ? '' : 's'}`;

/** The sentence the live region speaks for a step: where control goes, what it costs, whether it is right. */
export function stepSentence(step: cpu.CpuStep, total: number): string {
  const route = step.path.map(placeName).join(' → ');
  const flag = step.correct
    ? ''
    : ` Wrong result: the guest believes interrupts are ${step.interrupts.believed ? 'on' : 'off'}; they are ${step.interrupts.actual ? 'on' : 'off'}.`;
  return (
    `Step ${step.index + 1} of ${total}: ${step.instruction.text} (${step.instruction.ring} mode) ${eventName(step.event)}. ` +
    `Control: ${route}. ${cycles(step.cycles)} in the engine (${cycles(step.native)} on bare metal).${flag}`
  );
}
