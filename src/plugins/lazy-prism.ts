import { resolve } from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { browserSwaps } from './swap-modules';

/**
 * Keeps Prism out of the browser's first script. @docusaurus/theme-classic registers a client
 * module (lib/prism-include-languages.js) that imports Prism and adds the site's languages at
 * start-up: about a quarter of the start-up script's run time on a phone, for code blocks that the
 * server has already highlighted. In the browser bundle that module is replaced by an empty one;
 * src/theme/CodeBlock/Content loads Prism (and the languages) only to highlight a code block the
 * browser renders itself. The server bundle keeps the module as it is.
 *
 * If a Docusaurus upgrade moves the module, Prism is back in the first script: the browser suite
 * (test/e2e) checks that a lesson's start-up scripts hold no Prism.
 */
const target = /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(\.js)?$/;
const empty = resolve(__dirname, 'lazy-prism-empty.js');

export default function lazyPrism(): Plugin {
  return browserSwaps('infralab-lazy-prism', __filename, [{ target, module: empty }]);
}
