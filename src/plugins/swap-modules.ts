import { resolve } from 'node:path';
import type { Plugin } from '@docusaurus/types';

export interface Swap {
  /** The module replaced, by its resolved path (or its absolute request). */
  target: RegExp;
  /** The absolute path of what stands in for it. */
  module: string;
}

/**
 * A plugin that replaces modules in the browser bundle only (the server bundle keeps them).
 *
 * Rspack's persistent cache (Docusaurus Faster) keeps module resolution across builds and is
 * invalidated only by the files Docusaurus names (its own and docusaurus.config.ts): the plugin's
 * own file and this one are added, or a change to a swap is ignored until node_modules/.cache is
 * removed.
 */
export function browserSwaps(name: string, pluginFile: string, swaps: Swap[]): Plugin {
  return {
    name,
    configureWebpack(_config, isServer, utils) {
      if (isServer) return {};
      const bundler = utils.currentBundler;
      const cached = bundler.name === 'rspack' && !process.env.DOCUSAURUS_NO_PERSISTENT_CACHE;
      return {
        ...(cached ? { experiments: { cache: { type: 'persistent', buildDependencies: [pluginFile, resolve(__dirname, 'swap-modules.ts')] } } } : {}),
        plugins: swaps.map(({ target, module }) => new bundler.instance.NormalModuleReplacementPlugin(target, module)),
      } as ReturnType<NonNullable<Plugin['configureWebpack']>>;
    },
  };
}
