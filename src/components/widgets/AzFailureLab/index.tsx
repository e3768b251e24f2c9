/**
 * The AZ failure lab as lessons embed it: an island (src/components/Island) whose code and engine
 * load when the reader reaches for it (a pointer over it, focus in it), or when it comes near if a
 * share link carries its state. The component itself is ./AzFailureLab.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../../Island';
import { linkHasWidgetState } from '../shared/linkState';
import type AzFailureLabComponent from './AzFailureLab';

type Props = ComponentProps<typeof AzFailureLabComponent>;

export default island<Props>(
  'AZ failure lab',
  async () => (await import('./AzFailureLab')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./AzFailureLab') as { default: React.ComponentType<Props> }).default : undefined,
  { showsReaderState: linkHasWidgetState },
);
