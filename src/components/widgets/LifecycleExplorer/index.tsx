/**
 * The lifecycle explorer as lessons embed it: an island (src/components/Island) whose code and engine load
 * when the reader comes near it. The component itself is ./LifecycleExplorer.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../../Island';
import type LifecycleExplorerComponent from './LifecycleExplorer';

type Props = ComponentProps<typeof LifecycleExplorerComponent>;

export default island<Props>(
  'lifecycle explorer',
  async () => (await import('./LifecycleExplorer')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./LifecycleExplorer') as { default: React.ComponentType<Props> }).default : undefined,
);
