/**
 * The noisy-neighbour pair as lessons embed it: an island (src/components/Island), like the real
 * VM. The component itself is ./NoisyNeighbourPair.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../Island';
import type NoisyNeighbourPair from './NoisyNeighbourPair';

type Props = ComponentProps<typeof NoisyNeighbourPair>;

export default island<Props>(
  'noisy-neighbour pair',
  async () => (await import('./NoisyNeighbourPair')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./NoisyNeighbourPair') as { default: React.ComponentType<Props> }).default : undefined,
);
