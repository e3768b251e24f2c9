import type { Plugin } from '@docusaurus/types';

/**
 * Tells island modules (src/components/Island) which bundle they are in: `process.env.INFRALAB_SSR`
 * is `true` in the server bundle and `false` in the browser's. Islands write
 * `process.env.INFRALAB_SSR ? require('./Widget').default : undefined`: the bundler drops the
 * dead branch, so the server renders the widget synchronously (its HTML inline in the page) while
 * the browser's first scripts hold none of it.
 */
export default function islandEnv(): Plugin {
  return {
    name: 'infralab-island-env',
    configureWebpack(_config, isServer, utils) {
      return { plugins: [new utils.currentBundler.instance.DefinePlugin({ 'process.env.INFRALAB_SSR': JSON.stringify(isServer) })] };
    },
  };
}
