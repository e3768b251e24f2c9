/**
 * The CPU experiments as lessons embed them: an island (src/components/Island), like the real VM.
 * Nothing of the emulator loads before the reader presses Start. The component is ./CpuExperiments.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../Island';
import type CpuExperimentsComponent from './CpuExperiments';

type Props = ComponentProps<typeof CpuExperimentsComponent>;

export default island<Props>(
  'CPU experiments on the real VM',
  async () => (await import('./CpuExperiments')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./CpuExperiments') as { default: React.ComponentType<Props> }).default : undefined,
);
