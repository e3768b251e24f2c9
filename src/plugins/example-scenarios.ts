import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from '@docusaurus/types';
import { parseDocument } from 'yaml';

export interface ExampleScenario {
  /** File name under examples/scenarios/, served at /scenarios/<file>. */
  file: string;
  name: string;
  description: string;
}

// The example files are served as-is (examples/ is a static directory); pages get only this small
// index as global data and fetch a file's text when the reader asks for it.
export default function exampleScenarios(context: { siteDir: string }): Plugin<ExampleScenario[]> {
  const dir = join(context.siteDir, 'examples', 'scenarios');
  return {
    name: 'infralab-example-scenarios',
    getPathsToWatch: () => [join(dir, '*')],
    async loadContent() {
      return readdirSync(dir)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .sort()
        .map((file) => {
          const doc = parseDocument(readFileSync(join(dir, file), 'utf8')).toJS() as { name?: unknown; description?: unknown } | null;
          return {
            file,
            name: typeof doc?.name === 'string' ? doc.name : file,
            description: typeof doc?.description === 'string' ? doc.description : '',
          };
        });
    },
    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },
  };
}
