/**
 * The elasticity lab as lessons embed it: an island (src/components/Island) whose code and engine
 * load when the reader reaches for it (a pointer over it, focus in it), or when it comes near if a
 * share link carries its state. The component itself is ./ElasticityLab.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../../Island';
import { linkHasWidgetState } from '../shared/linkState';
import type ElasticityLabComponent from './ElasticityLab';

type Props = ComponentProps<typeof ElasticityLabComponent>;

export default island<Props>(
  'elasticity lab',
  async () => (await import('./ElasticityLab')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./ElasticityLab') as { default: React.ComponentType<Props> }).default : undefined,
  { showsReaderState: linkHasWidgetState },
);
