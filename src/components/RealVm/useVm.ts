/**
 * The view's side of a VmController: its engine state, machine and saved state, plus the machine's
 * serial console as text and boot stage, redrawn on every change. Shared by RealVm and the
 * two-VM experiment.
 */
import { useEffect, useState } from 'react';
import type { BootStage, EmulatorFactory, LabState, MachineSpec, SavedState, V86Machine, VmController } from '@site/src/vm';
import type { LoadProgress } from '@site/src/vm/browser';
import { SerialConsole } from '@site/src/vm/serial';

export type Phase = 'idle' | 'loading' | 'ready' | 'failed';

/** Loads the emulator; `first` is the power-on it is loaded for, so what that one needs can be fetched at once. */
export type FactoryLoader = (base: string, onProgress: (p: LoadProgress) => void, first?: MachineSpec) => Promise<EmulatorFactory<V86Machine>>;

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
    // The console keeps a bounded tail of the text and tracks the latest boot's stage itself, and
    // tells its listeners once per batch of output: each call here is cheap.
    const show = () => {
      setText(machine.console.text);
      setStage(machine.console.stage);
    };
    show();
    return machine.console.onChange(show);
  }, [machine]);

  return { ...view, text, stage };
}

/**
 * An emulator factory that loads v86 and the images on the first power-on only (the reader's
 * Start), reporting the load; later power-ons reuse what was loaded.
 */
export function lazyFactory(
  base: string,
  load: FactoryLoader,
  onPhase: (p: Phase) => void,
  onProgress: (p: LoadProgress) => void,
): EmulatorFactory<V86Machine> {
  let loading: Promise<EmulatorFactory<V86Machine>> | null = null;
  return async (spec) => {
    if (!loading) {
      // Asked for before the panel renders its loading view (which shows the terminal): see loaders.ts.
      loading = load(base, onProgress, spec);
      loading.catch(() => (loading = null));
      onPhase('loading');
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

/**
 * The stage of the latest boot shown in `text` (a reset line starts a new boot; a resume line means
 * the machine is in userland until its prompt): what SerialConsole.stage tracks as output comes.
 */
export function latestBootStage(text: string): BootStage {
  const console = new SerialConsole();
  console.push(text);
  return console.stage;
}
