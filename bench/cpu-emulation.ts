/**
 * The CPU experiments of the CPU virtualization lesson, measured under Node: the same commands in
 * the same guest (v86 from the instant-start state), the same JavaScript loop, and v86's count of
 * guest instructions. Figures only: a shared machine's load moves them, so each is given as the
 * lowest and highest of `runs` and the lesson quotes them as ranges with their date.
 * Standalone: npx tsx bench/cpu-emulation.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { V86 } from 'v86';
import type { Figure } from './engine';
import { format } from './format';
import { promptPattern } from '../src/vm/serial';
import { stateForV86 } from '../src/vm/state-file';
import { createV86Machine, type V86Machine } from '../src/vm/v86-emulator';
import { shippedFile, shippedImages } from '../scripts/vm-image/shipped';
import {
  computeCommand,
  cpuinfoCommand,
  emulationPrediction,
  extraSyscalls,
  fewSyscallsCommand,
  freshPages,
  freshPagesCommand,
  InstructionMeter,
  loopPasses,
  manySyscallsCommand,
  parseCpuinfo,
  realSeconds,
  reusedPagesCommand,
  timeJsLoop,
} from '../src/components/CpuExperiments/measure';

const root = join(__dirname, '..');
const dir = join(root, 'static', 'vm');
const runs = Number(process.env.BENCH_CPU_RUNS ?? 3);

async function timed(m: V86Machine, command: string): Promise<{ seconds: number; instructions: number }> {
  const meter = new InstructionMeter(() => m.v86.get_instruction_counter());
  const timer = setInterval(() => meter.sample(), 250);
  const from = m.console.mark();
  m.send(`${command}\n`);
  try {
    const out = await m.console.waitFor(new RegExp(`${command.startsWith('time') ? 'real[\\s\\S]*' : ''}${promptPattern.source}`), {
      from,
      timeoutMs: 600_000,
    });
    const seconds = realSeconds(out);
    if (command.startsWith('time') && seconds === null) throw new Error(`no time printed for ${command}:\n${out}`);
    return { seconds: seconds ?? 0, instructions: meter.sample() };
  } finally {
    clearInterval(timer);
  }
}

async function output(m: V86Machine, command: string): Promise<string> {
  const from = m.console.mark();
  m.send(`${command}\n`);
  return m.console.waitFor(promptPattern, { from, timeoutMs: 60_000 });
}

const range = (name: string, xs: number[], unit: string, digits = 0): Figure[] => {
  const r = (x: number) => Number(x.toFixed(digits));
  return [
    { name: `${name} (lowest of ${xs.length})`, value: r(Math.min(...xs)), unit },
    { name: `${name} (highest of ${xs.length})`, value: r(Math.max(...xs)), unit },
  ];
};

export async function benchCpuEmulation(): Promise<string> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    cmdline: string;
    states?: Array<{ memoryMiB: number; path: string; rawBytes: number }>;
  };
  const images = shippedImages(manifest.cmdline);
  const state = manifest.states?.find((s) => s.memoryMiB === 64);
  if (!state) return '  skipped: no 64 MiB instant-start state in static/vm/manifest.json';
  // As the page hands it to v86 (which decompresses a zstd state while restoring).
  const saved = await stateForV86(shippedFile(state.path), state);
  const m = createV86Machine(
    V86,
    images,
    { wasm_path: join(root, 'node_modules', 'v86', 'build', 'v86.wasm') },
    { memoryMiB: 64, disk: { id: 'bench-cpu', sizeGiB: 1, boots: 1 }, boot: 'saved' },
    saved,
  );
  const loop = { guest: [] as number[], js: [] as number[], ratio: [] as number[], mips: [] as number[], perPass: [] as number[] };
  const sys = { us: [] as number[], instr: [] as number[] };
  const page = { us: [] as number[], instr: [] as number[] };
  let cpuLine = '';
  try {
    await m.console.waitFor(promptPattern, { timeoutMs: 180_000 });
    const info = parseCpuinfo(await output(m, cpuinfoCommand));
    cpuLine = `  guest CPU: ${info.vendor} ${info.model}; vmx ${info.vmx ? 'yes' : 'no'}, svm ${info.svm ? 'yes' : 'no'}, hypervisor flag ${info.hypervisor ? 'yes' : 'no'}`;
    await timed(m, computeCommand); // warm: v86 translates the loop's code on its first runs
    for (let i = 0; i < runs; i++) {
      const g = await timed(m, computeCommand);
      const js = timeJsLoop(loopPasses, () => performance.now());
      loop.guest.push(g.seconds);
      loop.js.push(js * 1e9);
      loop.ratio.push(g.seconds / js);
      loop.mips.push(g.instructions / g.seconds / 1e6);
      loop.perPass.push(g.instructions / loopPasses);
      const many = await timed(m, manySyscallsCommand);
      const few = await timed(m, fewSyscallsCommand);
      sys.us.push(((many.seconds - few.seconds) / extraSyscalls) * 1e6);
      sys.instr.push((many.instructions - few.instructions) / extraSyscalls);
      const fresh = await timed(m, freshPagesCommand);
      const reused = await timed(m, reusedPagesCommand);
      page.us.push(((fresh.seconds - reused.seconds) / freshPages) * 1e6);
      page.instr.push((fresh.instructions - reused.instructions) / freshPages);
    }
  } finally {
    await m.destroy();
  }
  const model = emulationPrediction();
  const figures: Figure[] = [
    ...range(`cpu: shell loop of ${loopPasses} passes in the guest`, loop.guest, 's', 2),
    ...range('cpu: the same loop in JavaScript (Node)', loop.js, 'ns', 0),
    ...range('cpu: guest loop ÷ JavaScript loop', loop.ratio, '×', 0),
    ...range('cpu: guest instructions a second (v86 count)', loop.mips, 'million', 0),
    ...range('cpu: guest instructions a loop pass (busybox sh)', loop.perPass, 'instructions', 0),
    ...range('cpu: one system call in the guest', sys.us, 'µs', 1),
    ...range('cpu: guest instructions a system call', sys.instr, 'instructions', 0),
    ...range('cpu: one fresh page in the guest', page.us, 'µs', 0),
    ...range('cpu: guest instructions a fresh page', page.instr, 'instructions', 0),
    { name: 'cpu: engine, full emulation: guest instructions a second', value: model.guestInstructionsPerSecond / 1e6, unit: 'million' },
    { name: 'cpu: engine, full emulation: one system call', value: Number((model.syscallSeconds * 1e6).toFixed(3)), unit: 'µs' },
    { name: 'cpu: engine, full emulation: one page fault', value: Number((model.pageFaultSeconds * 1e6).toFixed(3)), unit: 'µs' },
  ];
  return [cpuLine, ...figures.map(format)].join('\n');
}

if (require.main === module) {
  benchCpuEmulation().then(
    (text) => {
      console.log(text);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
