import type { LoadContext, Plugin } from '@docusaurus/types';
import { join, sep } from 'node:path';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Mermaid's code otherwise lands in a `common` chunk that every page loads, even pages without a
// diagram (measured: 310 KB -> 168 KB gzip of JS on a prose page).
export default function noCommonChunk(context: LoadContext): Plugin {
  const engine = join(context.siteDir, 'sim');
  const simDir = escapeRegExp(join(engine, sep));
  const cpuDir = escapeRegExp(join(engine, 'cpu', sep));
  // The engine's files: not its CPU model, nor its readers of scenario text (YAML or JSON, for a pasted
  // or chosen file), which load on demand with the YAML parser in the widgets that read text.
  const engineCode = new RegExp(`^${simDir}(?!${cpuDir.slice(simDir.length)}|(?:text|json)\\.ts$)`);
  // The CPU model, in a chunk of its own: only the lessons whose widgets or quiz run it load it.
  const cpuModelCode = new RegExp(`^${cpuDir}(?!text\\.ts$)`);
  // Of those, the catalog (regions and their data, with the region list wherever node_modules resolves
  // to; latency, residency, prices) and the small helpers every quiz uses (seeded random numbers, paths,
  // clocks), apart from the world the engine runs: a page whose widgets and quiz build no world (the
  // region explorer's) loads only these. A module added here must not import the world's modules, or
  // such a page loads both.
  const catalogCode = new RegExp(
    `^${simDir}(?:(?:regions|latency|propagation|residency|pricing|util|random)\\.ts$|data${escapeRegExp(sep)})|[\\\\/]node_modules[\\\\/]aws-regions[\\\\/]`,
  );
  return {
    name: 'infralab-no-common-chunk',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              common: false,
              // Docusaurus turns off the bundler's default group, so code that several islands share
              // (the engine, the quizzes' helpers) was copied into each island's chunk and a lesson
              // with a quiz and a widget downloaded the engine twice. Loaded on demand only: the
              // start-up chunks stay as they are.
              sharedByIslands: { chunks: 'async', minChunks: 2, priority: -20, reuseExistingChunk: true },
              // The engine in one chunk, whichever islands use it: split by which islands share each part,
              // its small parts (the region catalog) stayed copied into each island's chunk under the
              // bundler's size floor, or became a dozen files of a few hundred bytes.
              engine: { test: engineCode, name: 'engine', chunks: 'async', priority: -10 },
              engineCpu: { test: cpuModelCode, name: 'engine-cpu', chunks: 'async', priority: -10 },
              engineCatalog: { test: catalogCode, name: 'engine-catalog', chunks: 'async', priority: -5 },
            },
          },
        },
        // The engine (pure: test/architecture.test.ts) and yaml have no side effects on import, so
        // the bundler may drop what a page does not use: a widget that never reads scenario text
        // carries no YAML parser (about 44 KB gzip). The misconception catalogue's one effect is to
        // make its entries findable by id; a lesson's quiz, which reaches it only for the wording
        // functions it re-exports, makes findable the entries its quiz names instead
        // (quizzes/named-misconceptions), so its page carries a tenth of the catalogue.
        module: {
          rules: [
            {
              include: [engine, join(context.siteDir, 'node_modules', 'yaml'), join(context.siteDir, 'quizzes', 'misconceptions.ts')],
              sideEffects: false,
            },
          ],
        },
      };
    },
  };
}
