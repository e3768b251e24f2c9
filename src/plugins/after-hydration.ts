import { resolve } from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { browserSwaps, type Swap } from './swap-modules';

/**
 * Work Docusaurus does right after hydration, in long tasks just as the reader can first interact
 * (measured on a phone, Lighthouse's 4x CPU slowdown). In the browser bundle three modules are
 * replaced by stand-ins (./after-hydration/):
 * - "in the browser" and "window size" state is set in effects, and React 19 renders such updates
 *   synchronously (the mobile menu's sidebar mounting, every useIsBrowser user re-rendering): the
 *   stand-ins make that first update a transition, which React renders in slices;
 * - links in view prefetch their routes' chunks, one `<link rel="prefetch">` per chunk per link,
 *   duplicates included, all at once: the stand-in prefetches each URL once, in idle time.
 *
 * test/theme/after-hydration.test.ts checks that the modules replaced still exist where this
 * expects them and that the stand-ins export what they export.
 */
export const replacements: (Swap & { stock: string })[] = [
  {
    target: /@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]browserContext(\.js)?$/,
    module: resolve(__dirname, 'after-hydration', 'browserContext.js'),
    stock: '@docusaurus/core/lib/client/browserContext.js',
  },
  {
    target: /@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]prefetch(\.js)?$/,
    module: resolve(__dirname, 'after-hydration', 'prefetch.js'),
    stock: '@docusaurus/core/lib/client/prefetch.js',
  },
  {
    target: /@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useWindowSize(\.js)?$/,
    module: resolve(__dirname, 'after-hydration', 'useWindowSize.js'),
    stock: '@docusaurus/theme-common/lib/hooks/useWindowSize.js',
  },
];

export default function afterHydration(): Plugin {
  return browserSwaps('infralab-after-hydration', __filename, replacements);
}
