/**
 * The view's side of a VmController: its engine state, machine and saved state, plus the machine's
 * serial console as text and boot stage, redrawn on every change. Shared by RealVm and the
 * two-VM experiment.
 */
import { useEffect, useState } from 'react';
import type { BootStage, EmulatorFactory, LabState, SavedState, V86Machine, VmController } from '@site/src/vm';
import type { LoadProgress } from '@site/src/vm/browser';
import { bootStage, promptPattern, type BootStage as Stage } from '@site/src/vm/serial';
import { resetLine, resumeLine } from '@site/src/vm/v86-emulator';

export type Phase = 'idle' | 'loading' | 'ready' | 'failed';

export type FactoryLoader = (base: string, onProgress: (p: LoadProgress) => void) => Promise<EmulatorFactory<V86Machine>>;

export interface VmView {
  vm: string;
  state: LabState;
  host: string | undefined;
  memoryMiB: number | undefined;
  machine: V86Machine | null;
  saved: SavedState | null;
  /** The console's cleaned text (kept after power-off, with a line saying so). */
  text: string;
  stage: BootStage | null;
}

/** Appended to the console text when the engine has the machine powered off (stop, terminate). */
export const offLine = '\n[infralab: machine powered off]\n';
const keepChars = 20000;

function snapshot(c: VmController<V86Machine>): Omit<VmView, 'text' | 'stage'> {
  return { vm: c.vmName, state: c.state, host: c.host, memoryMiB: c.memoryMiB, machine: c.emulator, saved: c.savedState };
}

export function useVm(controller: VmController<V86Machine> | null): VmView {
  const [view, setView] = useState<Omit<VmView, 'text' | 'stage'>>(() =>
    controller ? snapshot(controller) : { vm: 'lab-1', state: 'not launched', host: undefined, memoryMiB: undefined, machine: null, saved: null },
  );
  const [text, setText] = useState('');
  const [stage, setStage] = useState<BootStage | null>(null);

  useEffect(() => {
    if (!controller) return;
    let shown = controller.emulator;
    const sync = () => {
      const next = snapshot(controller);
      if (shown && !next.machine) {
        // Keep the last output, and say the machine behind it is gone.
        setText((t) => `${t}${offLine}`);
        setStage(null);
      }
      shown = next.machine;
      setView(next);
    };
    sync();
    return controller.subscribe(sync);
  }, [controller]);

  const machine = view.machine;
  useEffect(() => {
    if (!machine) return;
    const show = () => {
      const all = machine.console.text;
      setText(all.slice(-keepChars));
      setStage(latestBootStage(all));
    };
    show();
    return machine.console.onChange(show);
  }, [machine]);

  return { ...view, text, stage };
}

/**
 * The stage of the machine's latest boot. A reboot resets the same console, so only the output
 * after the last reset line counts. An instant start resumes a state saved inside init, after the
 * firmware, the kernel and init's first line: its output starts with the resume line and the
 * machine is in userland until the prompt.
 */
export function latestBootStage(text: string): Stage {
  const reset = text.lastIndexOf(resetLine);
  const boot = reset >= 0 ? text.slice(reset + resetLine.length) : text;
  const resumed = boot.indexOf(resumeLine.trim());
  if (resumed >= 0) return new RegExp(promptPattern.source.replace(/\$$/, '')).test(boot.slice(resumed)) ? 'shell' : 'userland';
  return bootStage(boot);
}

/**
 * An emulator factory that loads v86 and the images on the first power-on only (the reader's
 * Start), reporting the load; later power-ons reuse what was loaded.
 */
export function lazyFactory(base: string, load: FactoryLoader, onPhase: (p: Phase) => void, onProgress: (p: LoadProgress) => void): EmulatorFactory<V86Machine> {
  let loading: Promise<EmulatorFactory<V86Machine>> | null = null;
  return async (spec) => {
    if (!loading) {
      onPhase('loading');
      loading = load(base, onProgress);
      loading.catch(() => (loading = null));
    }
    let factory: EmulatorFactory<V86Machine>;
    try {
      factory = await loading;
    } catch (error) {
      onPhase('failed');
      throw error;
    }
    // Still loading while the factory fetches what this start needs on top (the saved state).
    try {
      const machine = await factory(spec);
      onPhase('ready');
      return machine;
    } catch (error) {
      onPhase('failed');
      throw error;
    }
  };
}
