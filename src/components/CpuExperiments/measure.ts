/**
 * The CPU experiments on the real VM, as data: the commands typed into the guest, how their output
 * is read, and what the engine's CPU model predicts for the same work under full emulation. Pure:
 * the page (CpuExperiments.tsx), the benchmark (bench/cpu-emulation.ts) and the tests share it.
 */
import { cpu } from '@site/sim';

/** Passes of the shell loop: a few seconds in the emulated guest. */
export const loopPasses = 3000;
export const computeCommand = `time sh -c 'i=0; while [ $i -lt ${loopPasses} ]; do i=$((i+1)); done'`;

/** dd with 1-byte blocks makes a read and a write system call per byte; one big block does the same copying in 2. */
export const syscallBytes = 20000;
export const manySyscallsCommand = `time dd if=/dev/zero of=/dev/null bs=1 count=${syscallBytes}`;
export const fewSyscallsCommand = `time dd if=/dev/zero of=/dev/null bs=${syscallBytes} count=1`;
/** System calls the first command makes beyond the second: a read and a write per byte, minus the big block's two. */
export const extraSyscalls = 2 * syscallBytes - 2;

/** One 8 MiB block: dd's buffer is 2048 fresh 4 KiB pages, each faulted in; 128 blocks of 64 KiB reuse 16 pages. */
export const freshMiB = 8;
export const freshPages = (freshMiB * 1024) / 4 - 16;
export const freshPagesCommand = `time dd if=/dev/zero of=/dev/null bs=${freshMiB}M count=1`;
export const reusedPagesCommand = `time dd if=/dev/zero of=/dev/null bs=64k count=${freshMiB * 16}`;

export const cpuinfoCommand = "grep -E 'vendor_id|model name|flags' /proc/cpuinfo";

const realTime = /real\s+(\d+)m\s*(\d+(?:\.\d+)?)s/;

/** busybox time's "real" line, in seconds; null when the output has none. */
export function realSeconds(output: string): number | null {
  const m = realTime.exec(output);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export interface CpuInfo {
  vendor: string | null;
  model: string | null;
  flags: string[];
  /** Intel VT-x and AMD-V: the flags a CPU shows when it offers hardware virtualization. */
  vmx: boolean;
  svm: boolean;
  /** The CPUID bit a hypervisor (or emulator) sets to tell the guest it is virtual. */
  hypervisor: boolean;
}

export function parseCpuinfo(output: string): CpuInfo {
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(output)?.[1].trim() ?? null;
  const flags = (field('flags') ?? '').split(/\s+/).filter(Boolean);
  return {
    vendor: field('vendor_id'),
    model: field('model name'),
    flags,
    vmx: flags.includes('vmx'),
    svm: flags.includes('svm'),
    hypervisor: flags.includes('hypervisor'),
  };
}

/**
 * The JavaScript twin of the shell loop: count to `passes` by ones. Returns the count so the
 * compiler cannot drop the loop.
 */
export function countTo(passes: number): number {
  let i = 0;
  while (i < passes) i = i + 1;
  return i;
}

/** Seconds one run of countTo(passes) takes, from `repeats` runs timed together (a single run is below the timer's resolution). */
export function timeJsLoop(passes: number, now: () => number, repeats = 20000): number {
  let sink = 0;
  const t0 = now();
  for (let r = 0; r < repeats; r++) sink += countTo(passes + (r & 1));
  const seconds = (now() - t0) / 1000 / repeats;
  if (sink < passes * repeats) throw new Error('the JavaScript loop did not run');
  return seconds;
}

/** A running count of guest instructions from v86's 32-bit counter, read often enough that a wrap is not missed. */
export class InstructionMeter {
  private last: number;
  private total = 0;
  constructor(private readonly read: () => number) {
    this.last = read() >>> 0;
  }
  /** Call at least once per 2^32 guest instructions (a few seconds at most). */
  sample(): number {
    const now = this.read() >>> 0;
    this.total += (now - this.last + 2 ** 32) % 2 ** 32;
    this.last = now;
    return this.total;
  }
}

/** What the engine's CPU model says for the same work under full emulation, at its default costs and clock. */
export function emulationPrediction() {
  const report = cpu.runCpu({
    workload: { body: [{ kind: 'compute' }, { kind: 'syscall' }, { kind: 'page-fault' }] },
    iterations: 1,
    techniques: ['emulation', 'hw-nested'],
  });
  const [emu, hw] = report.results;
  const byKind = (r: typeof emu, k: cpu.InstructionKind) => r.steps.find((s) => s.instruction.kind === k)!.cycles;
  const seconds = (cycles: number) => cycles / (report.clockGHz * 1e9);
  return {
    clockGHz: report.clockGHz,
    /** Host cycles per guest instruction of ordinary work. */
    emulationFactor: report.costs.emulationFactor,
    /** Guest instructions a second the model's emulator runs. */
    guestInstructionsPerSecond: (report.clockGHz * 1e9) / byKind(emu, 'compute'),
    /** How much slower the compute loop runs emulated than on the bare CPU. */
    computeSlowdown: byKind(emu, 'compute') / report.costs.instruction,
    syscallSeconds: seconds(byKind(emu, 'syscall')),
    syscallSecondsHardware: seconds(byKind(hw, 'syscall')),
    pageFaultSeconds: seconds(byKind(emu, 'page-fault')),
    pageFaultSecondsHardware: seconds(byKind(hw, 'page-fault')),
  };
}

/** A duration for a table cell: µs below a millisecond, ms below a second, else s. */
export function formatSeconds(s: number): string {
  if (s < 1e-6) return `${(s * 1e9).toFixed(1)} ns`;
  if (s < 1e-3) return `${(s * 1e6).toFixed(s < 1e-5 ? 2 : 1)} µs`;
  if (s < 1) return `${(s * 1e3).toFixed(1)} ms`;
  return `${s.toFixed(2)} s`;
}
