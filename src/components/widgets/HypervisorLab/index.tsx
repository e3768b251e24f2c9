/**
 * The hypervisor lab as lessons embed it: an island (src/components/Island) whose code and engine load
 * when the reader comes near it. The component itself is ./HypervisorLab.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../../Island';
import type HypervisorLabComponent from './HypervisorLab';

type Props = ComponentProps<typeof HypervisorLabComponent>;

export default island<Props>(
  'hypervisor lab',
  async () => (await import('./HypervisorLab')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./HypervisorLab') as { default: React.ComponentType<Props> }).default : undefined,
);
