/**
 * RealVm: a real Linux machine in the page. The engine (through VmController) decides every
 * lifecycle action and shows its refusals; v86 runs the guest once the engine's VM is running.
 * Nothing of the emulator is in the page's bundle: Start loads v86 and the images, and the first
 * running machine loads the terminal (xterm.js) as its own chunk.
 */
import React, { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Outcome } from '@site/sim';
// The controller's own module, not src/vm's index: the index also names the data plane and the
// two-VM model, which this page chunk does not need.
import { memoryChoices, VmController, type BootMode, type LabAction, type MemoryMiB } from '@site/src/vm/controller';
import type { V86Machine } from '@site/src/vm/v86-emulator';
import type { LoadProgress } from '@site/src/vm/browser';
import { useVmBase } from './vmBase';
import { lazyFactory, useVm, type FactoryLoader, type Phase } from './useVm';
import BootProgress, { stageText } from './BootProgress';
import { RunningVmContext, type RunningVm } from './context';
import { copyText } from './clipboard';
import type { TerminalProps } from './terminal-props';
import shared from '@site/src/components/widgets/shared/widget.module.css';
import ActionMessage, { type ActionOutcome } from './ActionMessage';
import styles from './styles.module.css';
import { loadV86, XtermTerminal } from './loaders';

export { offLine } from './useVm';

export interface RealVmProps {
  id?: string;
  /** Where the emulator comes from; tests pass a fake. Called on the first power-on only. */
  loadFactory?: FactoryLoader;
  /** The terminal view; tests pass a light one (xterm needs a real layout engine). */
  Terminal?: React.ComponentType<TerminalProps>;
  /** Experiments placed inside the VM's panel (they can type into its shell). */
  children?: React.ReactNode;
}

const actions: Array<{ action: LabAction; label: string }> = [
  { action: 'start', label: 'Start' },
  { action: 'stop', label: 'Stop' },
  { action: 'reboot', label: 'Reboot' },
  { action: 'terminate', label: 'Terminate' },
];
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const lastLines = (text: string, n: number) => text.split('\n').slice(-n).join('\n');

export default function RealVm({ id = 'real-vm', loadFactory = loadV86, Terminal = XtermTerminal, children }: RealVmProps): React.JSX.Element {
  const base = useVmBase();
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const controller = useMemo(() => new VmController<V86Machine>(lazyFactory(base, loadFactory, setPhase, setProgress)), [base, loadFactory]);
  const vm = useVm(controller);
  // 64 MiB by default: the size the site ships an instant-start state for (static/vm/manifest.json).
  const [memory, setMemory] = useState<MemoryMiB>(64);
  const [boot, setBoot] = useState<BootMode>('saved');
  const [message, setMessage] = useState<ActionOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const [screenReader, setScreenReader] = useState(false);
  const running = vm.machine !== null;

  useEffect(() => () => void controller.dispose(), [controller]);

  const perform = useCallback(async (task: () => Promise<Outcome>) => {
    setBusy(true);
    setMessage(null);
    try {
      const outcome = await task();
      setMessage(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.reason });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }, []);

  const machineRef = useRef(vm.machine);
  machineRef.current = vm.machine;
  const runningVm: RunningVm = useMemo(
    () => ({
      vm: vm.vm,
      running,
      run: (command: string) => {
        const m = machineRef.current;
        if (!m) return false;
        m.send(`${command}\n`);
        return true;
      },
    }),
    [vm.vm, running],
  );

  const copyOutput = async () => {
    const ok = await copyText(vm.text);
    setCopied(ok ? 'Output copied.' : 'Could not copy: select the text under "Last lines of output" instead.');
  };

  const launched = vm.state !== 'not launched';
  const headingId = `${id}-title`;
  const summary = `${vm.vm}: ${vm.state}${vm.host ? ` on ${vm.host}` : ''}, ${launched ? `${vm.memoryMiB} MiB` : `${memory} MiB at launch`}. ${stageText(vm.stage, running)}`;
  return (
    <section className={`${shared.widget} ${styles.vm}`} aria-labelledby={headingId} id={id} data-widget={id}>
      <h3 id={headingId} className={shared.title}>
        A real Linux VM in your browser
      </h3>
      <p className={shared.description}>
        The engine is the control plane: it decides whether each action is legal and where the VM runs. The v86 emulator is the data plane: it runs a Linux
        kernel built from Debian's kernel source for this machine, and a busybox userland, with one vCPU. Nothing loads before Start. An instant start downloads
        the emulator and a machine state saved during boot (about 4.8 MB, the kernel already in its memory); a boot from scratch downloads the emulator, the
        firmware, the kernel and the initrd (about 4.9 MB).
      </p>
      <div className={styles.choices}>
        <fieldset className={styles.fieldset} disabled={launched && vm.state !== 'terminated'}>
          <legend>Memory (fixed at launch)</legend>
          {memoryChoices.map((m) => (
            <label key={m}>
              <input type="radio" name={`${id}-memory`} value={m} checked={memory === m} onChange={() => setMemory(m)} /> {m} MiB
            </label>
          ))}
          <p className={styles.note}>
            Only 64 MiB has an instant-start state; 32 and 128 MiB boot from scratch. The kernel, built for this machine, leaves about 22 MiB available at 32
            MiB: enough for the shell and the disk.
          </p>
        </fieldset>
        <fieldset className={styles.fieldset}>
          <legend>How Start boots</legend>
          <label>
            <input type="radio" name={`${id}-boot`} value="saved" checked={boot === 'saved'} onChange={() => setBoot('saved')} /> Instant start (resume a state
            saved during boot)
          </label>
          <label>
            <input type="radio" name={`${id}-boot`} value="scratch" checked={boot === 'scratch'} onChange={() => setBoot('scratch')} /> Boot from scratch
            (firmware, kernel, init)
          </label>
        </fieldset>
      </div>
      <div className={shared.controls} role="group" aria-label="Lifecycle actions">
        {actions.map(({ action, label }) => (
          // Never disabled: the controller queues actions, and Stop must always be reachable.
          <button key={action} type="button" className={shared.button} onClick={() => void perform(() => controller.act(action, { memoryMiB: memory, boot }))}>
            {label}
          </button>
        ))}
        {vm.state === 'terminated' ? (
          <button type="button" className={shared.button} disabled={busy} onClick={() => void perform(() => controller.launchNew({ memoryMiB: memory, boot }))}>
            Launch a new VM
          </button>
        ) : null}
      </div>
      <p className={styles.state} data-testid="vm-state">
        {vm.vm}: {vm.state}
        {vm.host ? ` on ${vm.host}` : ''}
        {launched ? `, ${vm.memoryMiB} MiB` : ''}
        {vm.machine?.bootedFrom === 'saved' ? ' (instant start: resumed from a state saved during boot)' : ''}
        {vm.machine?.bootedFrom === 'scratch'
          ? boot === 'saved'
            ? ' (booting from scratch: there is no instant-start state for this memory size)'
            : ' (booting from scratch)'
          : ''}
      </p>
      <p className={shared.summary} aria-live="polite" aria-atomic="true" data-testid="live-summary">
        {summary}
      </p>
      <ActionMessage message={message} />
      <p className={styles.fetched} data-testid="fetched">
        {phase === 'idle'
          ? 'Fetched on Start: nothing yet.'
          : phase === 'failed'
            ? 'Loading the emulator failed.'
            : progress
              ? `Fetched on Start: ${mb(progress.loadedBytes)}${phase === 'loading' ? ` of ${mb(progress.totalBytes)}` : ''}.`
              : 'Loading the emulator…'}
      </p>
      <BootProgress stage={vm.stage} on={running} id={id} />
      <details className={styles.details}>
        <summary>Why does the kernel print &ldquo;BIOS Error&rdquo; and &ldquo;BIOS bug&rdquo;?</summary>
        <p className={styles.note}>
          Lines such as <code>ACPI BIOS Error (bug): A valid RSDP was not found</code> and <code>BIOS bug, MP table errors detected</code> are the kernel
          reporting what the emulated PC lacks: v86 gives its firmware no ACPI tables and only a minimal multiprocessor table. The kernel falls back to the
          older ways of finding the machine&rsquo;s devices and boots normally; on a real server the same lines would point at a firmware bug. A reboot with
          instant start resumes the state saved during boot (seconds); from scratch it runs the firmware and the whole kernel boot again (tens of seconds in an
          emulator).
        </p>
      </details>
      {running || phase === 'loading' ? (
        <Suspense fallback={<p>Loading the terminal…</p>}>
          <Terminal machine={vm.machine} label={`Terminal of ${vm.vm}: type commands for its shell`} screenReader={screenReader} />
        </Suspense>
      ) : (
        <p className={styles.off} data-testid="machine-off">
          The machine is off.
        </p>
      )}
      <div className={shared.controls} role="group" aria-label="Machine state and output">
        <button type="button" className={shared.button} disabled={busy || !running} onClick={() => void perform(() => controller.save())}>
          Save state
        </button>
        <button type="button" className={shared.button} disabled={busy} onClick={() => void perform(() => controller.restore())}>
          Restore state
        </button>
        <button type="button" className={shared.button} disabled={!vm.text} onClick={() => void copyOutput()}>
          Copy output
        </button>
        <label className={styles.check}>
          <input type="checkbox" checked={screenReader} onChange={(e) => setScreenReader(e.target.checked)} /> Screen reader mode for the terminal
        </label>
      </div>
      <p className={styles.saved} data-testid="saved-state">
        {vm.saved
          ? `Saved state: ${mb(vm.saved.bytes)} of ${vm.saved.vm} (${vm.saved.memoryMiB} MiB of RAM, the CPU, the devices and the disk).`
          : 'No saved state.'}{' '}
        {copied ? <span role="status">{copied}</span> : null}
      </p>
      <details className={styles.details}>
        <summary>Last lines of output (text)</summary>
        <pre className={styles.console} data-testid="serial-console">
          {lastLines(vm.text, 15) || 'No output yet.'}
        </pre>
      </details>
      <RunningVmContext.Provider value={runningVm}>{children}</RunningVmContext.Provider>
    </section>
  );
}
