import type { Plugin } from '@docusaurus/types';

// Mermaid's code otherwise lands in a `common` chunk that every page loads, even pages without a
// diagram (measured in STACK-NOTES: 310 KB -> 168 KB gzip of JS on a prose page).
export default function noCommonChunk(): Plugin {
  return {
    name: 'infralab-no-common-chunk',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return { optimization: { splitChunks: { cacheGroups: { common: false } } } };
    },
  };
}
