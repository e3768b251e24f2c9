/** What the VM panels load on demand, shared by RealVm and the noisy-neighbour pair. */
import { lazy } from 'react';
import type { FactoryLoader } from './useVm';

/** The terminal (xterm and its stylesheet), loaded when a machine first runs. */
export const XtermTerminal = lazy(() => import('./XtermTerminal'));

/** v86 and the guest images, loaded on the first power-on. */
export const loadV86: FactoryLoader = (base, onProgress) => import('@site/src/vm/browser').then((m) => m.loadMachineFactory(base, onProgress));
