/**
 * The real VM as an instrument: a guest in the page, four experiments that time what the CPU model
 * is about (ordinary work, system calls, fresh pages) and read the CPU the guest sees, each result
 * beside the engine's prediction for full emulation. The engine's control plane launches the VM as
 * in every other real-VM panel; v86 runs it.
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { VmController } from '@site/src/vm/controller';
import { promptPattern } from '@site/src/vm/serial';
import type { V86Machine } from '@site/src/vm/v86-emulator';
import type { LoadProgress } from '@site/src/vm/browser';
import { useVmBase } from '../RealVm/vmBase';
import { lazyFactory, useVm, type FactoryLoader, type Phase } from '../RealVm/useVm';
import { stageText } from '../RealVm/BootProgress';
import { MachinePanel } from '../RealVm/MachinePanel';
import type { TerminalProps } from '../RealVm/terminal-props';
import { copyText } from '../RealVm/clipboard';
import ActionMessage, { type ActionOutcome } from '../RealVm/ActionMessage';
import { loadV86, XtermTerminal } from '../RealVm/loaders';
import shared from '@site/src/components/widgets/shared/widget.module.css';
import {
  computeCommand,
  cpuinfoCommand,
  emulationPrediction,
  extraSyscalls,
  fewSyscallsCommand,
  formatSeconds,
  freshPages,
  freshPagesCommand,
  InstructionMeter,
  loopPasses,
  manySyscallsCommand,
  parseCpuinfo,
  realSeconds,
  reusedPagesCommand,
  timeJsLoop,
  type CpuInfo,
} from './measure';
import styles from './styles.module.css';

export interface CpuExperimentsProps {
  id?: string;
  loadFactory?: FactoryLoader;
  Terminal?: React.ComponentType<TerminalProps>;
}

type ExperimentId = 'compute' | 'syscalls' | 'pages' | 'cpuinfo';

interface Results {
  compute?: { guestSeconds: number; jsSeconds: number; instructions: number | null };
  syscalls?: { perCall: number; instructionsPerCall: number | null };
  pages?: { perPage: number; instructionsPerPage: number | null };
  cpuinfo?: CpuInfo;
}

/** A command's output and the guest instructions it took (null when the emulator has no counter, as in tests). */
async function runTimed(machine: V86Machine, command: string, timeoutMs = 240_000): Promise<{ output: string; instructions: number | null }> {
  const counter = (machine.v86 as { get_instruction_counter?: () => number } | null)?.get_instruction_counter;
  const meter = counter ? new InstructionMeter(() => counter.call(machine.v86)) : null;
  const timer = meter ? setInterval(() => meter.sample(), 250) : null;
  const from = machine.console.mark();
  machine.send(`${command}\n`);
  try {
    const output = await machine.console.waitFor(new RegExp(`${command.startsWith('time') ? 'real[\\s\\S]*' : ''}${promptPattern.source}`), {
      from,
      timeoutMs,
    });
    return { output, instructions: meter ? meter.sample() : null };
  } catch (error) {
    throw new Error(
      `no answer from the guest within ${timeoutMs / 1000} s (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): if a command is still running in the terminal, press Ctrl+C there and try again`,
    );
  } finally {
    if (timer) clearInterval(timer);
  }
}

function seconds(output: string, command: string): number {
  const s = realSeconds(output);
  if (s === null) throw new Error(`the guest printed no time for: ${command}`);
  return s;
}

const experiments: Array<{ id: ExperimentId; title: string; commands: string[]; button: string; what: React.ReactNode }> = [
  {
    id: 'compute',
    title: '1. Ordinary work: a counting loop in the guest, then in this page',
    commands: [computeCommand],
    button: 'Time the loop in the guest and in JavaScript',
    what: (
      <>
        The guest's shell counts to {loopPasses.toLocaleString('en-US')}; then this page's JavaScript counts to the same number. Both run on your CPU, but the
        guest's instructions go through v86, which translates them into WebAssembly.
      </>
    ),
  },
  {
    id: 'syscalls',
    title: '2. System calls: one byte at a time, then all at once',
    commands: [manySyscallsCommand, fewSyscallsCommand],
    button: 'Time both and work out one system call',
    what: (
      <>
        Both copy the same bytes. The first makes a <code>read</code> and a <code>write</code> system call per byte; the second makes two in all. The
        difference, divided by the {extraSyscalls.toLocaleString('en-US')} extra calls, is the cost of one.
      </>
    ),
  },
  {
    id: 'pages',
    title: '3. Fresh pages: one big buffer, then a small one reused',
    commands: [freshPagesCommand, reusedPagesCommand],
    button: 'Time both and work out one fresh page',
    what: (
      <>
        Both read the same amount. The first needs an 8 MiB buffer, {(freshPages + 16).toLocaleString('en-US')} pages the kernel has never mapped: each first
        touch is a page fault and a page-table write. The second reuses 16 pages.
      </>
    ),
  },
  {
    id: 'cpuinfo',
    title: '4. The CPU the guest sees',
    commands: [cpuinfoCommand],
    button: 'Read the guest’s CPU',
    what: (
      <>
        The vendor, the model and the feature flags of the CPU that v86 presents. A CPU with hardware virtualization lists <code>vmx</code> (Intel VT-x) or{' '}
        <code>svm</code> (AMD-V).
      </>
    ),
  },
];

function CopyButton({ command }: { command: string }): React.JSX.Element {
  const [status, setStatus] = useState('');
  return (
    <>
      <button
        type="button"
        className={shared.button}
        aria-label={`Copy: ${command}`}
        onClick={() => void copyText(command).then((ok) => setStatus(ok ? 'Copied' : 'Copy failed: select the command instead'))}
      >
        Copy
      </button>
      <span role="status" className={styles.status}>
        {status}
      </span>
    </>
  );
}

export default function CpuExperiments({ id = 'cpu-experiments', loadFactory = loadV86, Terminal = XtermTerminal }: CpuExperimentsProps): React.JSX.Element {
  const base = useVmBase();
  const [phase, setPhase] = useState<Phase>('idle');
  const [, setProgress] = useState<LoadProgress | null>(null);
  const controller = useMemo(
    () => new VmController<V86Machine>(lazyFactory(base, loadFactory, setPhase, setProgress), { name: 'cpu-lab' }),
    [base, loadFactory],
  );
  const vm = useVm(controller);
  const model = useMemo(() => emulationPrediction(), []);
  const [results, setResults] = useState<Results>({});
  const [working, setWorking] = useState<ExperimentId | null>(null);
  const [message, setMessage] = useState<ActionOutcome | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      void controller.dispose();
    };
  }, [controller]);

  const say = (ok: boolean, text: string) => alive.current && setMessage({ ok, text });

  const start = async () => {
    setMessage(null);
    const out = await controller.start({ memoryMiB: 64, boot: 'saved' });
    say(out.ok, out.ok ? `the engine placed ${controller.vmName} on ${controller.host}; the machine is starting in this tab` : out.reason);
  };
  const stop = async () => {
    setWorking(null);
    const out = await controller.stop();
    say(out.ok, out.ok ? `${controller.vmName} stopped` : out.reason);
  };

  const measure = async (which: ExperimentId) => {
    const m = controller.emulator;
    if (!m) return say(false, 'the VM is not running: press "Start the VM" first');
    setWorking(which);
    setMessage(null);
    try {
      await m.console.waitFor(promptPattern, { timeoutMs: 180_000 });
      if (which === 'compute') {
        // Best of two in the guest: the first run also pays for v86 translating the loop's code.
        const a = await runTimed(m, computeCommand);
        const b = await runTimed(m, computeCommand);
        const [best, other] = seconds(a.output, computeCommand) <= seconds(b.output, computeCommand) ? [a, b] : [b, a];
        const jsSeconds = timeJsLoop(loopPasses, () => performance.now());
        void other;
        if (alive.current)
          setResults((r) => ({ ...r, compute: { guestSeconds: seconds(best.output, computeCommand), jsSeconds, instructions: best.instructions } }));
      } else if (which === 'syscalls') {
        const many = await runTimed(m, manySyscallsCommand);
        const few = await runTimed(m, fewSyscallsCommand);
        const perCall = (seconds(many.output, manySyscallsCommand) - seconds(few.output, fewSyscallsCommand)) / extraSyscalls;
        const ipc = many.instructions !== null && few.instructions !== null ? (many.instructions - few.instructions) / extraSyscalls : null;
        if (alive.current) setResults((r) => ({ ...r, syscalls: { perCall, instructionsPerCall: ipc } }));
      } else if (which === 'pages') {
        const fresh = await runTimed(m, freshPagesCommand);
        const reused = await runTimed(m, reusedPagesCommand);
        const perPage = (seconds(fresh.output, freshPagesCommand) - seconds(reused.output, reusedPagesCommand)) / freshPages;
        const ipp = fresh.instructions !== null && reused.instructions !== null ? (fresh.instructions - reused.instructions) / freshPages : null;
        if (alive.current) setResults((r) => ({ ...r, pages: { perPage, instructionsPerPage: ipp } }));
      } else {
        const out = await runTimed(m, cpuinfoCommand, 60_000);
        if (alive.current) setResults((r) => ({ ...r, cpuinfo: parseCpuinfo(out.output) }));
      }
    } catch (error) {
      say(false, error instanceof Error ? error.message.split('\n')[0] : String(error));
    } finally {
      if (alive.current) setWorking(null);
    }
  };

  const running = vm.machine !== null;
  const c = results.compute;
  const mips = c?.instructions ? c.instructions / c.guestSeconds : null;
  const ratio = c ? c.guestSeconds / c.jsSeconds : null;
  const info = results.cpuinfo;
  const summary = working
    ? `Measuring: ${experiments.find((e) => e.id === working)!.title.replace(/^\d\. /, '')}…`
    : `${vm.vm}: ${vm.state}${vm.host ? ` on ${vm.host}` : ''}. ${stageText(vm.stage, running)} ` +
      [
        c ? `Loop: ${formatSeconds(c.guestSeconds)} in the guest, ${formatSeconds(c.jsSeconds)} in JavaScript.` : '',
        results.syscalls ? `One system call: ${formatSeconds(results.syscalls.perCall)}.` : '',
        results.pages ? `One fresh page: ${formatSeconds(results.pages.perPage)}.` : '',
        info ? `CPU: ${info.model ?? 'unknown'}, ${info.vmx || info.svm ? 'with' : 'no'} vmx or svm flag.` : '',
      ]
        .filter(Boolean)
        .join(' ');
  const headingId = `${id}-title`;

  return (
    <section className={shared.widget} aria-labelledby={headingId} id={id} data-widget={id}>
      <h3 id={headingId} className={shared.title}>
        Measure emulation on the real VM
      </h3>
      <p className={shared.description}>
        A Linux guest in this tab, run by v86: full emulation. Each experiment types its commands into the guest and reads the times it prints. Nothing loads
        before you press Start (about 9 MB, plus 12 MB of saved state).
      </p>
      <div className={shared.controls} role="group" aria-label="The VM">
        <button type="button" className={shared.button} onClick={() => void start()}>
          Start the VM
        </button>
        <button type="button" className={shared.button} onClick={() => void stop()}>
          Stop the VM
        </button>
      </div>
      <p className={shared.summary} aria-live="polite" aria-atomic="true" data-testid="live-summary">
        {summary}
      </p>
      <ActionMessage message={message} />
      {phase === 'failed' ? <p role="alert">Loading the emulator failed: reload the page and try again.</p> : null}
      <ol className={styles.list}>
        {experiments.map((e) => (
          <li key={e.id} className={styles.experiment} data-experiment={e.id}>
            <p className={styles.title}>{e.title}</p>
            <p className={styles.what}>{e.what}</p>
            {e.commands.map((cmd) => (
              <div key={cmd} className={styles.line}>
                <code className={styles.command}>{cmd}</code>
                <CopyButton command={cmd} />
              </div>
            ))}
            <button type="button" className={shared.button} disabled={!running || working !== null} onClick={() => void measure(e.id)}>
              {e.button}
            </button>
          </li>
        ))}
      </ol>

      <table className={styles.results} data-testid="cpu-results">
        <caption>Measured in this tab, beside the engine's CPU model for full emulation (engine's costs, {model.clockGHz} GHz)</caption>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Measured here</th>
            <th scope="col">Engine: full emulation</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Counting loop: guest vs JavaScript</th>
            <td data-testid="compute-ratio">
              {c && ratio
                ? `${formatSeconds(c.guestSeconds)} vs ${formatSeconds(c.jsSeconds)}: ${Math.round(ratio).toLocaleString('en-US')}× slower`
                : 'not measured'}
            </td>
            <td>{`${model.computeSlowdown}× slower than the bare CPU`}</td>
          </tr>
          <tr>
            <th scope="row">Guest instructions a second</th>
            <td data-testid="mips">
              {mips
                ? `${(mips / 1e6).toFixed(0)} million (${Math.round(c!.instructions! / loopPasses).toLocaleString('en-US')} guest instructions a pass)`
                : c
                  ? 'not counted'
                  : 'not measured'}
            </td>
            <td>{`${(model.guestInstructionsPerSecond / 1e6).toFixed(0)} million`}</td>
          </tr>
          <tr>
            <th scope="row">One system call</th>
            <td data-testid="syscall">
              {results.syscalls
                ? `${formatSeconds(results.syscalls.perCall)}${results.syscalls.instructionsPerCall ? ` (${Math.round(results.syscalls.instructionsPerCall).toLocaleString('en-US')} guest instructions)` : ''}`
                : 'not measured'}
            </td>
            <td>
              {formatSeconds(model.syscallSeconds)} (hardware-assisted: {formatSeconds(model.syscallSecondsHardware)})
            </td>
          </tr>
          <tr>
            <th scope="row">One fresh page (fault and mapping)</th>
            <td data-testid="page">
              {results.pages
                ? `${formatSeconds(results.pages.perPage)}${results.pages.instructionsPerPage ? ` (${Math.round(results.pages.instructionsPerPage).toLocaleString('en-US')} guest instructions)` : ''}`
                : 'not measured'}
            </td>
            <td>
              {formatSeconds(model.pageFaultSeconds)} (hardware-assisted, nested paging: {formatSeconds(model.pageFaultSecondsHardware)})
            </td>
          </tr>
          <tr>
            <th scope="row">CPU the guest sees</th>
            <td data-testid="cpuinfo">
              {info
                ? `${info.vendor ?? '?'} ${info.model ?? '?'}; vmx: ${info.vmx ? 'yes' : 'no'}, svm: ${info.svm ? 'yes' : 'no'}, hypervisor flag: ${info.hypervisor ? 'yes' : 'no'}`
                : 'not read'}
            </td>
            <td>no vmx or svm: an emulator offers no hardware virtualization</td>
          </tr>
        </tbody>
      </table>

      {c || results.syscalls || results.pages ? (
        <div className={styles.note} data-testid="honest-note">
          <p>
            <strong>Why the figures differ from the model.</strong>{' '}
            {c
              ? `The loop ratio is not the emulator's slowdown alone: the guest's shell interprets its loop, ${mips ? `about ${Math.round(c.instructions! / loopPasses).toLocaleString('en-US')} guest instructions a pass` : 'thousands of instructions a pass'}, while your browser compiles the JavaScript loop to a few machine instructions. The guest-instructions-a-second row is the fairer comparison with the model. `
              : ''}
            {results.syscalls || results.pages
              ? 'The model charges only the kernel entry (100 cycles) and the fault (100) at 10 host cycles per guest cycle; a real read or write runs the whole Linux system-call path, and a fresh page is also zeroed and mapped by the kernel. v86 also counts time in its own slices and your computer runs other programs, so repeat a measurement before trusting it.'
              : ''}
          </p>
        </div>
      ) : null}
      {info && !info.vmx && !info.svm ? (
        <p className={styles.note} data-testid="cpuinfo-note">
          The guest sees {info.model ? `a “${info.model}”` : 'the CPU v86 presents'}, not your processor, and no <code>vmx</code> or <code>svm</code>: it could
          not run a hypervisor with hardware assistance itself.{info.hypervisor ? ' The hypervisor flag tells it that it runs in a virtual machine.' : ''}
        </p>
      ) : null}

      <MachinePanel view={vm} Terminal={Terminal} className={styles.machine} nameClassName={styles.name} />
    </section>
  );
}
