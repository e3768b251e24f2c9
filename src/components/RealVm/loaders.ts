/** What the VM panels load on demand, shared by RealVm and the noisy-neighbour pair. */
import { lazy } from 'react';
import type { FactoryLoader } from './useVm';

const loadTerminal = () => import('./XtermTerminal');

/** The terminal (xterm and its stylesheet), loaded when a machine first runs. */
export const XtermTerminal = lazy(loadTerminal);

/**
 * v86 and the guest images, loaded on the first power-on. The terminal is needed the moment the
 * machine runs, so its chunk is fetched at Start too, once the machine's own downloads (the
 * manifest, then v86 and the state) have been asked for: its script then runs while they arrive.
 */
export const loadV86: FactoryLoader = (base, onProgress, first) =>
  import('@site/src/vm/browser').then((m) => {
    const factory = m.loadMachineFactory(base, onProgress, first);
    // A failed fetch here is retried, and reported, when the terminal itself renders.
    loadTerminal().catch(() => undefined);
    return factory;
  });
