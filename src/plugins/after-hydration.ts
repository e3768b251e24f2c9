import { resolve } from 'node:path';
import type { Plugin } from '@docusaurus/types';

/**
 * Right after hydration, Docusaurus sets "in the browser" and "window size" state in effects. React
 * 19 renders such updates synchronously: on a phone that is one long task (the mobile menu's
 * sidebar mounting, every useIsBrowser user re-rendering) just as the reader can first interact.
 * In the browser bundle these two modules are replaced by ones that make that first update a
 * transition (./after-hydration/), which React renders in slices of a few milliseconds.
 *
 * test/theme/after-hydration.test.ts checks that the modules replaced still exist where this
 * expects them and that the stand-ins export what they export.
 */
export const replacements: { target: RegExp; module: string; stock: string }[] = [
  {
    target: /@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]browserContext(\.js)?$/,
    module: resolve(__dirname, 'after-hydration', 'browserContext.js'),
    stock: '@docusaurus/core/lib/client/browserContext.js',
  },
  {
    target: /@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useWindowSize(\.js)?$/,
    module: resolve(__dirname, 'after-hydration', 'useWindowSize.js'),
    stock: '@docusaurus/theme-common/lib/hooks/useWindowSize.js',
  },
];

export default function afterHydration(): Plugin {
  return {
    name: 'infralab-after-hydration',
    configureWebpack(_config, isServer, utils) {
      if (isServer) return {};
      const bundler = utils.currentBundler.instance;
      return {
        plugins: replacements.map(
({ target, module }) => new bundler.NormalModuleReplacementPlugin(target, module),
        ),
      };
    },
  };
}
