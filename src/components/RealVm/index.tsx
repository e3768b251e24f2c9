/**
 * The real VM as lessons embed it: an island (src/components/Island). Its controller, the engine
 * and the panel load when the reader reaches for it (a pointer over it, focus in it; a press of
 * Start before they arrive is kept); the emulator, the images and the terminal load only on Start.
 * The component itself is ./RealVm.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../Island';
import type RealVmComponent from './RealVm';

type Props = ComponentProps<typeof RealVmComponent>;

export default island<Props>(
  'real VM',
  async () => (await import('./RealVm')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./RealVm') as { default: React.ComponentType<Props> }).default : undefined,
);
