/**
 * The region explorer as lessons embed it: an island (src/components/Island) whose code and engine
 * load when the reader reaches for it (a pointer over it, focus in it), or when it comes near if a
 * share link carries its state. The component itself is ./RegionExplorer.
 */
import type React from 'react';
import type { ComponentProps } from 'react';
import { island } from '../../Island';
import { linkHasWidgetState } from '../shared/linkState';
import type RegionExplorerComponent from './RegionExplorer';

type Props = ComponentProps<typeof RegionExplorerComponent>;

export default island<Props>(
  'region explorer',
  async () => (await import('./RegionExplorer')).default,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./RegionExplorer') as { default: React.ComponentType<Props> }).default : undefined,
  { showsReaderState: linkHasWidgetState },
);
