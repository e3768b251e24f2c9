/**
 * Two real VMs on one engine host: a timed loop in one, a CPU burner in the other, the measured
 * slowdown next to the engine's model of CPU contention for the same situation. Both v86 machines
 * run in this tab, on its one main thread: that thread is the host's one core.
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { LabHost, memoryChoices, VmController, type MemoryMiB } from '@site/src/vm/controller';
import { modelledContention, neighbourNames, sharedHostScenario } from '@site/src/vm/neighbours';
import { promptPattern } from '@site/src/vm/serial';
import type { V86Machine } from '@site/src/vm/v86-emulator';
import type { LoadProgress } from '@site/src/vm/browser';
import { useVmBase } from './vmBase';
import { lazyFactory, useVm, type FactoryLoader, type Phase, type VmView } from './useVm';
import { MachinePanel } from './MachinePanel';
import type { TerminalProps } from './terminal-props';
import shared from '@site/src/components/widgets/shared/widget.module.css';
import ActionMessage, { type ActionOutcome } from './ActionMessage';
import styles from './neighbour.module.css';
import { loadV86, XtermTerminal } from './loaders';

/** A loop of shell arithmetic that takes a few seconds in the emulated CPU. */
export const loopCount = 20000;
export const loopCommand = `time sh -c 'i=0; while [ $i -lt ${loopCount} ]; do i=$((i+1)); done'`;
export const burnerCommand = 'while :; do :; done &';
export const stopBurnerCommand = 'kill $!';
const realTime = /real\s+(\d+)m\s*(\d+(?:\.\d+)?)s/;

/** Runs the timed loop and returns its duration in seconds: busybox time's "real", or the wall clock. */
export async function timeLoop(machine: V86Machine, timeoutMs = 120_000): Promise<number> {
  const from = machine.console.mark();
  const t0 = performance.now();
  machine.send(`${loopCommand}\n`);
  let out: string;
  try {
    out = await machine.console.waitFor(new RegExp(`${realTime.source}[\\s\\S]*${promptPattern.source}`), { from, timeoutMs });
  } catch (error) {
    throw new Error(
      `no timing came back within ${timeoutMs / 1000} s (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): if you typed in that terminal, or a command is still running there, press Ctrl+C in it and try again`,
    );
  }
  const m = realTime.exec(out);
  return m ? Number(m[1]) * 60 + Number(m[2]) : (performance.now() - t0) / 1000;
}

/** Runs of the loop behind each figure: the figure is their median, so one disturbed run does not decide it. */
export const trials = 3;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** A measured figure: the median of its runs, and whether its runs alternated with the other situation's. */
export interface Timing {
  median: number;
  runs: number[];
  interleaved: boolean;
}

export interface NoisyNeighbourProps {
  id?: string;
  loadFactory?: FactoryLoader;
  Terminal?: React.ComponentType<TerminalProps>;
}

type Step = 'alone' | 'burner' | 'together' | 'quiet' | 'interleaved';

export default function NoisyNeighbour({ id = 'noisy-neighbour', loadFactory = loadV86, Terminal = XtermTerminal }: NoisyNeighbourProps): React.JSX.Element {
  const base = useVmBase();
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [memory, setMemory] = useState<MemoryMiB>(64);
  const { timed, noisy } = useMemo(() => {
    const lab = new LabHost(sharedHostScenario);
    const factory = lazyFactory(base, loadFactory, setPhase, setProgress);
    return {
      timed: new VmController<V86Machine>(factory, { lab, name: neighbourNames.timed }),
      noisy: new VmController<V86Machine>(factory, { lab, name: neighbourNames.noisy }),
    };
  }, [base, loadFactory]);
  const a = useVm(timed);
  const b = useVm(noisy);
  const model = useMemo(() => modelledContention(sharedHostScenario, memory), [memory]);
  const [alone, setAlone] = useState<Timing | null>(null);
  const [together, setTogether] = useState<Timing | null>(null);
  const [burning, setBurning] = useState(false);
  const [working, setWorking] = useState<Step | null>(null);
  const [round, setRound] = useState(0);
  /** The machine whose first (slower, still being translated by v86) run of the loop was done and left out. */
  const warmed = useRef<V86Machine | null>(null);
  const [message, setMessage] = useState<ActionOutcome | null>(null);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      void timed.dispose();
      void noisy.dispose();
    };
  }, [timed, noisy]);

  const report = (ok: boolean, text: string) => alive.current && setMessage({ ok, text });

  const startBoth = async () => {
    setMessage(null);
    for (const c of [timed, noisy]) {
      const out = await c.start({ memoryMiB: memory, boot: 'saved' });
      if (!out.ok) return report(false, `${c.vmName}: ${out.reason}`);
    }
    report(true, `the engine placed ${timed.vmName} and ${noisy.vmName} on ${timed.host}; both machines are booting in this tab`);
  };

  const stopBoth = async () => {
    setWorking(null);
    setBurning(false);
    const outs = await Promise.all([timed.stop(), noisy.stop()]);
    const refused = outs.flatMap((o) => (o.ok ? [] : [o.reason]));
    report(refused.length === 0, refused.length ? refused.join('; ') : 'both VMs stopped: the host is released');
  };

  /** Waits for each machine's shell, then runs the step. */
  const step = async (which: Step) => {
    const ma = timed.emulator;
    const mb = noisy.emulator;
    if (!ma || !mb) return report(false, 'both VMs must be running: press "Start both VMs" first');
    setWorking(which);
    setMessage(null);
    try {
      await Promise.all([ma, mb].map((m) => m.console.waitFor(promptPattern, { timeoutMs: 180_000 })));
      const burner = (on: boolean) => {
        mb.send(`${on ? burnerCommand : stopBurnerCommand}\n`);
        noisy.setLoad(on ? 1 : 0.25);
        setBurning(on);
      };
      const warmUp = async () => {
        // The first run of the loop is slower while v86 translates it to WebAssembly: not counted.
        if (warmed.current === ma) return;
        await timeLoop(ma);
        warmed.current = ma;
      };
      if (which === 'burner' || which === 'quiet') burner(which === 'burner');
      else if (which === 'interleaved') {
        // Alone and together in turn, so that whatever else slows the computer down meanwhile
        // weighs on both figures alike; each figure is the median of its runs.
        timed.setLoad(1);
        if (burning) burner(false);
        await warmUp();
        const runs = { alone: [] as number[], together: [] as number[] };
        for (let r = 1; r <= trials && alive.current; r++) {
          setRound(r);
          runs.alone.push(await timeLoop(ma));
          burner(true);
          runs.together.push(await timeLoop(ma));
          burner(false);
        }
        timed.setLoad(0.25);
        if (!alive.current) return;
        setAlone({ median: median(runs.alone), runs: runs.alone, interleaved: true });
        setTogether({ median: median(runs.together), runs: runs.together, interleaved: true });
      } else {
        timed.setLoad(1);
        await warmUp();
        const runs: number[] = [];
        for (let r = 1; r <= trials && alive.current; r++) {
          setRound(r);
          runs.push(await timeLoop(ma));
        }
        timed.setLoad(0.25);
        if (!alive.current) return;
        (which === 'alone' ? setAlone : setTogether)({ median: median(runs), runs, interleaved: false });
      }
    } catch (error) {
      report(false, error instanceof Error ? error.message.split('\n')[0] : String(error));
    } finally {
      if (alive.current) {
        setWorking(null);
        setRound(0);
      }
    }
  };

  /**
   * A step button. It is never `disabled`: a disabled button loses the focus the reader pressed it
   * with, so it is marked aria-disabled, stays focusable, and says nothing happens when pressed.
   */
  const stepButton = (which: Step, label: string, ready: boolean) => (
    <button type="button" className={shared.button} aria-disabled={!ready} onClick={() => (ready ? void step(which) : undefined)}>
      {label}
    </button>
  );

  const both = a.machine !== null && b.machine !== null;
  // Interleaved, each round timed both situations one after the other: the slowdown is the median of
  // the rounds' own ratios, so a change in the computer's load between rounds cancels out.
  const pairedRounds = alone?.interleaved && together?.interleaved && alone.runs.length === together.runs.length;
  const measured = alone && together ? (pairedRounds ? median(together.runs.map((t, i) => t / alone.runs[i])) : together.median / alone.median) : null;
  const idle = both && working === null;
  const workText =
    working === 'interleaved'
      ? `timing the loop alone and with the neighbour burning, in turn: round ${round} of ${trials}`
      : working === 'alone' || working === 'together'
        ? `timing the loop: run ${round} of ${trials}`
        : working === 'burner'
          ? 'starting the burner'
          : 'stopping the burner';
  const launched = a.state !== 'not launched' || b.state !== 'not launched';
  const summary =
    `${line(a)} ${line(b)} ` +
    (measured
      ? `Measured slowdown ${measured.toFixed(2)}×, engine model ${model.slowdown.toFixed(2)}×.`
      : `Memory of each VM: ${memory} MiB. No slowdown measured yet.`);
  const headingId = `${id}-title`;
  return (
    <section className={`${shared.widget} ${styles.neighbours}`} aria-labelledby={headingId} id={id} data-widget={id}>
      <h3 id={headingId} className={shared.title}>
        Two real VMs on one host: a noisy neighbour
      </h3>
      <p className={shared.description}>
        Both machines run in this browser tab, on its one main thread: that thread is the host's one core, and v86 gives each machine turns on it. The engine
        holds both VMs on one host with one core and CPU overcommit 2.
      </p>
      <fieldset className={styles.fieldset} disabled={launched}>
        <legend>Memory of each VM (fixed at launch)</legend>
        {memoryChoices.map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-memory`} value={m} checked={memory === m} onChange={() => setMemory(m)} /> {m} MiB
          </label>
        ))}
      </fieldset>
      <div className={shared.controls} role="group" aria-label="Both VMs">
        <button type="button" className={shared.button} onClick={() => void startBoth()}>
          Start both VMs
        </button>
        <button type="button" className={shared.button} onClick={() => void stopBoth()}>
          Stop both VMs
        </button>
      </div>
      <ol className={styles.steps}>
        <li>{stepButton('alone', 'Time the loop alone', idle && !burning)}</li>
        <li>{stepButton('burner', `Start the CPU burner in ${noisy.vmName}`, idle && !burning)}</li>
        <li>{stepButton('together', 'Time the loop with the neighbour burning', idle && burning)}</li>
        <li>{stepButton('quiet', 'Stop the burner', idle && burning)}</li>
      </ol>
      <div className={shared.controls} role="group" aria-label="Both measurements at once">
        {stepButton('interleaved', `Measure both, interleaved (${trials} rounds)`, idle)}
      </div>
      <p className={styles.commands}>
        Each figure is the median of {trials} runs, after one run that is left out (v86 translates the loop to WebAssembly the first time). The interleaved
        measurement alternates the two situations, round by round, so that whatever else your computer does meanwhile weighs on both alike; its slowdown is the
        median of the rounds&rsquo; own ratios.
      </p>
      <p className={styles.commands}>
        The loop (in {timed.vmName}): <code>{loopCommand}</code>. The burner (in {noisy.vmName}): <code>{burnerCommand}</code>, stopped with{' '}
        <code>{stopBurnerCommand}</code>.
      </p>
      <p className={shared.summary} aria-live="polite" aria-atomic="true" data-testid="live-summary">
        {working ? `Working: ${workText}…` : summary}
      </p>
      <ActionMessage message={message} />
      <p className={styles.fetched}>
        {phase === 'idle'
          ? 'Fetched on Start: nothing yet.'
          : progress
            ? `Fetched on Start: ${(progress.loadedBytes / 1048576).toFixed(1)} MB.`
            : 'Loading the emulator…'}
      </p>
      <table className={styles.results}>
        <caption>The loop in {timed.vmName}, measured here and modelled by the engine</caption>
        <thead>
          <tr>
            <th scope="col">Situation</th>
            <th scope="col">Measured</th>
            <th scope="col">Engine model</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Alone (neighbour idle)</th>
            <td data-testid="alone">{timingText(alone)}</td>
            <td>share of a core {model.shareAlone}</td>
          </tr>
          <tr>
            <th scope="row">Neighbour burning CPU</th>
            <td data-testid="together">{timingText(together)}</td>
            <td>
              share {model.shareWithNeighbour}, steal {model.stealPercent}%
            </td>
          </tr>
          <tr>
            <th scope="row">Slowdown</th>
            <td data-testid="slowdown">{measured === null ? 'not measured' : `${measured.toFixed(2)}×`}</td>
            <td data-testid="model-slowdown">{model.slowdown.toFixed(2)}×</td>
          </tr>
        </tbody>
      </table>
      {measured !== null && measured < model.slowdown * 0.75 ? (
        <p className={styles.commands} data-testid="why-not-slower">
          The loop slowed down less than the model says{measured < 1 ? ', or even sped up' : ''}. v86 is not a hypervisor's scheduler: it runs a guest for a
          slice of about a millisecond, then hands the thread back and waits for a message from a helper worker before the next slice. Alone, the tab goes idle
          during each wait, and your operating system may give the core to another program or slow it down; with the neighbour burning, the thread never idles,
          so the timed VM's turns come back sooner. The other programs on your computer are noisy neighbours too, and the engine's model leaves all of that out.
        </p>
      ) : null}
      <div className={styles.pair}>
        {[
          { view: a, c: timed },
          { view: b, c: noisy },
        ].map(({ view, c }) => (
          <MachinePanel key={c.launchName} view={view} Terminal={Terminal} className={styles.machine} nameClassName={styles.name} />
        ))}
      </div>
    </section>
  );
}

function timingText(t: Timing | null): string {
  if (!t) return 'not measured';
  return `${t.median.toFixed(2)} s (median of ${t.runs.map((r) => r.toFixed(2)).join(', ')}${t.interleaved ? '; interleaved' : ''})`;
}

function line(v: VmView): string {
  return `${v.vm}: ${v.state}${v.host ? ` on ${v.host}` : ''}.`;
}
