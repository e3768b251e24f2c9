/**
 * RealVm: a real Linux machine in the page. The engine (through VmController) decides every
 * lifecycle action and shows its refusals; v86 runs the guest once the engine's VM is running.
 * Nothing is downloaded until the reader presses Start: then the images (~9 MB) and v86 load.
 * The console is a plain <pre> with a line input (a real terminal comes later).
 */
import React, { useCallback, useEffect, useRef, useState } from 'react';
import type { Outcome } from '@site/sim';
import { bootStageLabels, VmController, type BootStage, type EmulatorFactory, type LabAction, type LabState, type V86Machine } from '@site/src/vm';
import { loadMachineFactory, type LoadProgress } from '@site/src/vm/browser';
import { useVmBase } from './vmBase';
import shared from '@site/src/components/widgets/shared/widget.module.css';
import styles from './styles.module.css';

export interface RealVmProps {
  id?: string;
  /** Where the emulator comes from; tests pass a fake. Called on the first power-on only. */
  loadFactory?: (base: string, onProgress: (p: LoadProgress) => void) => Promise<EmulatorFactory<V86Machine>>;
}

type Phase = 'idle' | 'loading' | 'ready' | 'failed';

const stages: BootStage[] = ['firmware', 'kernel', 'userland', 'shell'];
const actions: Array<{ action: LabAction; label: string }> = [
  { action: 'start', label: 'Start' },
  { action: 'stop', label: 'Stop' },
  { action: 'reboot', label: 'Reboot' },
  { action: 'terminate', label: 'Terminate' },
];
/** Appended to the console when the engine has the machine powered off (stop, terminate). */
export const offLine = '\n[infralab: machine powered off]\n';
/** How much console text is kept on screen. */
const keepChars = 20000;

export default function RealVm({ id = 'real-vm', loadFactory = loadMachineFactory }: RealVmProps): React.JSX.Element {
  const base = useVmBase();
  const controller = useRef<VmController<V86Machine> | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [state, setState] = useState<LabState>('not launched');
  const [host, setHost] = useState<string | undefined>(undefined);
  const [machine, setMachine] = useState<V86Machine | null>(null);
  const [text, setText] = useState('');
  const [stage, setStage] = useState<BootStage | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [line, setLine] = useState('');
  const pre = useRef<HTMLPreElement>(null);

  // Follow the machine's console; a new machine (start after stop) brings a new console.
  useEffect(() => {
    if (!machine) return;
    const show = () => {
      setText(machine.console.text.slice(-keepChars));
      setStage(machine.console.stage);
    };
    show();
    return machine.console.onChange(show);
  }, [machine]);

  useEffect(() => {
    if (pre.current) pre.current.scrollTop = pre.current.scrollHeight;
  }, [text]);

  useEffect(() => () => void controller.current?.dispose(), []);

  const shown = useRef<V86Machine | null>(null);
  const sync = useCallback((c: VmController<V86Machine>) => {
    setState(c.state);
    setHost(c.host);
    if (shown.current && !c.emulator) {
      // Keep the last output on screen, and say the machine behind it is gone.
      setText((t) => `${t}${offLine}`);
      setStage(null);
    }
    shown.current = c.emulator;
    setMachine(c.emulator);
  }, []);

  const act = useCallback(
    async (action: LabAction) => {
      setBusy(true);
      setMessage(null);
      try {
        let c = controller.current;
        if (!c) {
          // The world is cheap and pure; the emulator and images load only when the engine has
          // accepted a start and wants a machine powered on.
          let load: Promise<EmulatorFactory<V86Machine>> | null = null;
          c = new VmController<V86Machine>(async (spec) => {
            if (!load) {
              setPhase('loading');
              load = loadFactory(base, setProgress);
              load.catch(() => (load = null));
            }
            let factory: EmulatorFactory<V86Machine>;
            try {
              factory = await load;
            } catch (error) {
              setPhase('failed');
              throw error;
            }
            setPhase('ready');
            return factory(spec);
          });
          controller.current = c;
          c.subscribe(() => sync(c!));
        }
        const outcome: Outcome = await c.act(action);
        sync(c);
        setMessage(outcome.ok ? { ok: true, text: outcome.message } : { ok: false, text: outcome.reason });
      } catch (error) {
        setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
      } finally {
        setBusy(false);
      }
    },
    [base, sync, loadFactory],
  );

  const send = (event: React.FormEvent) => {
    event.preventDefault();
    if (!machine) return;
    machine.send(`${line}\n`);
    setLine('');
  };

  const headingId = `${id}-title`;
  const stageIndex = stage ? stages.indexOf(stage) : -1;
  return (
    <section className={styles.vm} aria-labelledby={headingId} id={id} data-widget={id}>
      <h3 id={headingId} className={styles.title}>
        A real Linux VM in your browser
      </h3>
      <p className={styles.description}>
        The engine is the control plane: it decides whether each action is legal. The v86 emulator is the data plane: it runs a Debian Linux kernel and a
        busybox userland, with one vCPU and 128 MiB. Start downloads about 9 MB.
      </p>
      <div className={styles.controls} role="group" aria-label="Lifecycle actions">
        {actions.map(({ action, label }) => (
          <button key={action} type="button" className={shared.button} disabled={busy} onClick={() => void act(action)}>
            {label}
          </button>
        ))}
      </div>
      <p className={styles.state} data-testid="vm-state">
        lab-1: {state}
        {host ? ` on ${host}` : ''}
        {phase === 'loading' && progress ? ` (loading ${(progress.loadedBytes / 1048576).toFixed(1)} of ${(progress.totalBytes / 1048576).toFixed(1)} MB)` : ''}
      </p>
      {message ? (
        <p role="status" className={message.ok ? styles.ok : styles.refusal}>
          {message.ok ? message.text : `Not done: ${message.text}`}
        </p>
      ) : null}
      <ol className={styles.stages} aria-label="Boot stages">
        {stages.map((s, i) => (
          <li key={s} className={i < stageIndex ? styles.done : i === stageIndex ? styles.current : undefined} aria-current={i === stageIndex ? 'step' : undefined}>
            {bootStageLabels[s]}
          </li>
        ))}
      </ol>
      <pre ref={pre} className={styles.console} data-testid="serial-console" tabIndex={0} aria-label="Serial console output">
        {text || (machine ? '' : 'The machine is off.')}
      </pre>
      <form className={styles.input} onSubmit={send}>
        <label htmlFor={`${id}-line`}>Command</label>
        <input id={`${id}-line`} value={line} onChange={(e) => setLine(e.target.value)} disabled={!machine} autoComplete="off" spellCheck={false} placeholder="echo $((6*7))" />
        <button type="submit" className={shared.button} disabled={!machine}>
          Send
        </button>
      </form>
    </section>
  );
}
