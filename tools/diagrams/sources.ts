/**
 * Where diagrams come from and go: the ```mermaid blocks of docs/, and static/diagrams/ with its
 * manifest. Shared by the drawing script, the site plugin that hands the manifest to the pages, and
 * the test that checks the drawings are current. Node only.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const diagramsDir = join(projectRoot, 'static', 'diagrams');
export const manifestPath = join(diagramsDir, 'manifest.json');

export interface DiagramManifest {
  /** The Mermaid version that drew them: the site draws in the browser instead if it differs. */
  mermaid: string;
  /** By diagramKey(source): where the diagram is, and each drawing's size in CSS pixels. */
  diagrams: Record<string, { file: string; line: number; width: number; height: number; darkWidth: number; darkHeight: number }>;
}

export interface DiagramSource {
  file: string;
  /** Line of the opening ```mermaid fence, 1-based. */
  line: number;
  source: string;
}

/**
 * Mermaid's dark theme draws edge labels on #585858, where its #ccc text reaches only 4.4:1; the
 * dark drawings carry the same fix src/css/custom.css gives diagrams drawn in the page.
 */
export const darkThemeCss =
  '.labelBkg, .edgeLabel, .edgeLabel p, .edgeLabel rect { background-color: #2a2d31 !important; fill: #2a2d31 !important; color: #e8eaed !important; } .edgeLabel text, .edgeLabel tspan { fill: #e8eaed !important; }';

function docFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return docFiles(path);
    return /\.mdx?$/.test(e.name) ? [path] : [];
  });
}

/** Every ```mermaid block in docs/, in file order. A fence inside a longer fence (````) is an example, not a diagram. */
export function findDiagrams(docsDir = join(projectRoot, 'docs')): DiagramSource[] {
  const found: DiagramSource[] = [];
  for (const path of docFiles(docsDir).sort()) {
    const lines = readFileSync(path, 'utf8').split('\n');
    let outer: string | null = null;
    for (let i = 0; i < lines.length; i++) {
      const fence = /^(`{3,}|~{3,})(.*)$/.exec(lines[i]);
      if (!fence) continue;
      if (outer === null) {
        if (fence[1].length === 3 && fence[1][0] === '`' && fence[2].trim() === 'mermaid') {
          const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
          if (end < 0) throw new Error(`${relative(projectRoot, path)}:${i + 1}: a \`\`\`mermaid block is never closed`);
          found.push({ file: relative(projectRoot, path), line: i + 1, source: lines.slice(i + 1, end).join('\n') });
          i = end;
        } else outer = fence[1];
      } else if (fence[1] === outer && fence[2].trim() === '') outer = null;
    }
  }
  return found;
}

export function readManifest(): DiagramManifest | null {
  return existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as DiagramManifest) : null;
}
