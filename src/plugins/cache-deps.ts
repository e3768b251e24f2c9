import type { Configuration } from 'webpack';

/**
 * Rspack's persistent cache (Docusaurus Faster) keeps module resolution across builds and is
 * invalidated only by the files Docusaurus names (its own and docusaurus.config.ts). A plugin
 * that swaps modules must add its own file, or a change to the swap is ignored until
 * node_modules/.cache is removed.
 */
export function cacheDependsOn(files: string[], bundlerName: string): Configuration {
  if (bundlerName !== 'rspack' || process.env.DOCUSAURUS_NO_PERSISTENT_CACHE) return {};
  return { experiments: { cache: { type: 'persistent', buildDependencies: files } } } as unknown as Configuration;
}
