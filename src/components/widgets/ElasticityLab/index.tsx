/**
 * The elasticity lab as lessons embed it: an island (src/components/Island) whose code and engine load
 * when the reader comes near it. The component itself is ./ElasticityLab.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../../Island';
import type ElasticityLabComponent from './ElasticityLab';

type Props = ComponentProps<typeof ElasticityLabComponent>;

export default island<Props>(
  'elasticity lab',
  async () => (await import('./ElasticityLab')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./ElasticityLab') as { default: React.ComponentType<Props> }).default : undefined,
);
