/**
 * `npm run diagrams`: draws every ```mermaid block of docs/ ahead of time, with the Mermaid the site
 * ships (node_modules/mermaid) in Debian's chromium, once in the light theme and once in the dark
 * one, into static/diagrams/ with a manifest. Lessons then show the drawings as images: no Mermaid
 * code in the page (about 186 KB gzip less on a lesson), nothing to draw on the reader's device.
 * A diagram without a drawing (edited since the last run) is drawn in the browser, as before.
 *
 * Needs chromium (/usr/bin/chromium, or CHROMIUM_PATH). The shipped drawings are checked against
 * the sources by test/docs/diagrams.test.ts, which needs no browser.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { launchBrowser } from '../../tools/browser/browser';
import { diagramKey } from '../../src/theme/Mermaid/diagramKey';
import { darkThemeCss, diagramsDir, findDiagrams, manifestPath, projectRoot, type DiagramManifest } from '../../tools/diagrams/sources';

const require = createRequire(import.meta.url);
const mermaidVersion = (require('mermaid/package.json') as { version: string }).version;
const mermaidScript = require.resolve('mermaid/dist/mermaid.min.js');

type Drawn = { svg: string; width: number; height: number };

async function main(): Promise<void> {
  const diagrams = findDiagrams();
  if (diagrams.length === 0) {
    console.log('diagrams: no ```mermaid block in docs/');
    return;
  }
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: mermaidScript });
    const draw = (source: string, theme: 'default' | 'dark', id: string): Promise<Drawn> =>
      page.evaluate(
        async ({ source, theme, id, css }) => {
          const m = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
          // Plain SVG text, not HTML in <foreignObject>: an SVG shown as an image draws no HTML reliably.
          m.initialize({ startOnLoad: false, theme, themeCSS: css, htmlLabels: false, flowchart: { htmlLabels: false }, securityLevel: 'strict' });
          const { svg } = await m.render(id, source);
          const host = document.createElement('div');
          host.innerHTML = svg;
          const el = host.querySelector('svg')!;
          const box = el.viewBox.baseVal;
          // Mermaid hands back HTML serialisation (`<br>`); an SVG file must be well-formed XML.
          return { svg: new XMLSerializer().serializeToString(el), width: Math.ceil(box.width), height: Math.ceil(box.height) };
        },
        { source, theme, id, css: theme === 'dark' ? darkThemeCss : '' },
      );

    rmSync(diagramsDir, { recursive: true, force: true });
    mkdirSync(diagramsDir, { recursive: true });
    const manifest: DiagramManifest = { mermaid: mermaidVersion, diagrams: {} };
    for (const d of diagrams) {
      const key = diagramKey(d.source);
      if (manifest.diagrams[key]) continue; // the same diagram twice: one drawing
      const light = await draw(d.source, 'default', `d${key}-light`);
      const dark = await draw(d.source, 'dark', `d${key}-dark`);
      writeFileSync(join(diagramsDir, `${key}-light.svg`), light.svg);
      writeFileSync(join(diagramsDir, `${key}-dark.svg`), dark.svg);
      manifest.diagrams[key] = { file: d.file, line: d.line, width: light.width, height: light.height, darkWidth: dark.width, darkHeight: dark.height };
      console.log(`diagrams: ${d.file}:${d.line} -> static/diagrams/${key}-{light,dark}.svg (${light.width}x${light.height})`);
    }
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`diagrams: ${Object.keys(manifest.diagrams).length} drawn with mermaid ${mermaidVersion}; manifest ${relative(projectRoot, manifestPath)}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(`diagrams: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
