import type { Plugin } from '@docusaurus/types';
import { createRequire } from 'node:module';
import { readManifest } from '../../tools/diagrams/sources';

/** What pages get (global data `infralab-diagrams`): each pre-drawn diagram's size, by key. */
export type DiagramsData = { diagrams: Record<string, { width: number; height: number }> };

/**
 * Hands the manifest of static/diagrams/ (drawn by `npm run diagrams`) to the pages, so the
 * Mermaid theme component (src/theme/Mermaid) shows a drawing when there is one for the diagram's
 * source. Drawings made by another Mermaid version than the one installed are not used.
 */
export default function diagrams(): Plugin<DiagramsData> {
  return {
    name: 'infralab-diagrams',
    async loadContent() {
      const manifest = readManifest();
      const installed = (createRequire(__filename)('mermaid/package.json') as { version: string }).version;
      if (!manifest) return { diagrams: {} };
      if (manifest.mermaid !== installed) {
        console.warn(
          `[infralab-diagrams] static/diagrams was drawn with mermaid ${manifest.mermaid}, mermaid ${installed} is installed: diagrams are drawn in the browser until \`npm run diagrams\` runs`,
        );
        return { diagrams: {} };
      }
      return { diagrams: Object.fromEntries(Object.entries(manifest.diagrams).map(([key, d]) => [key, { width: d.width, height: d.height }])) };
    },
    async contentLoaded({ content, actions }) {
      actions.setGlobalData(content);
    },
  };
}
