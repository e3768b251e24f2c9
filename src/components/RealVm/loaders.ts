/** What the VM panels load on demand, shared by RealVm and the noisy-neighbour pair. */
import { lazy } from 'react';
import { startLoad } from '@site/src/vm/manifest';
import type { FactoryLoader } from './useVm';

/**
 * Settles once a machine's downloads have been asked for (at once when no machine is loading). The
 * terminal's chunk is the largest script of a panel: run while v86 and the state arrive, not before
 * they are asked for.
 */
let machineRequested: Promise<void> = Promise.resolve();

const loadTerminal = () => machineRequested.then(() => import('./XtermTerminal'));

/** The terminal (xterm and its stylesheet); a panel shows it from the first Start. */
export const XtermTerminal = lazy(loadTerminal);

/**
 * v86 and the guest images, loaded on the first power-on. The downloads start at once (startLoad),
 * beside the loader's own chunk, rather than once that chunk has arrived and the panel has rendered
 * its loading view; the terminal's chunk is asked for after them, so its script runs while they arrive.
 */
export const loadV86: FactoryLoader = (base, onProgress, first) => {
  const started = startLoad(base, first);
  // Asked for once the manifest has named the rest (or failed: the terminal then shows the error).
  machineRequested = started.manifest.then(
    () => undefined,
    () => undefined,
  );
  return import('@site/src/vm/browser').then((m) => m.loadMachineFactory(base, onProgress, { first, started }));
};
