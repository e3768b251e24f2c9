/**
 * The CPU virtualization lab as lessons embed it: an island (src/components/Island) whose code and
 * engine load when the reader comes near it. The component itself is ./CpuLab.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../../Island';
import type CpuLabComponent from './CpuLab';

type Props = ComponentProps<typeof CpuLabComponent>;

export default island<Props>(
  'CPU virtualization lab',
  async () => (await import('./CpuLab')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./CpuLab') as { default: React.ComponentType<Props> }).default : undefined,
);
