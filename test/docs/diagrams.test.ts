/**
 * The diagrams drawn ahead of time (npm run diagrams, static/diagrams/) match the lessons' Mermaid
 * sources and the installed Mermaid, every drawing is a well-formed SVG of the size the manifest
 * gives, and every diagram carries the title and description a reader without sight gets.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { diagramsDir, findDiagrams, readManifest } from '@site/tools/diagrams/sources';
import { diagramKey, diagramText } from '@site/src/theme/Mermaid/diagramKey';

const diagrams = findDiagrams();
const manifest = readManifest();
const rerun = 'run `npm run diagrams` and commit static/diagrams/';

describe('pre-drawn diagrams', () => {
  it('finds the lessons’ diagrams', () => {
    expect(diagrams.length).toBeGreaterThanOrEqual(10);
    for (const d of diagrams) expect(d.source.trim().length, `${d.file}:${d.line}`).toBeGreaterThan(0);
  });

  it('were drawn by the Mermaid the site installs', () => {
    const installed = (createRequire(import.meta.url)('mermaid/package.json') as { version: string }).version;
    expect(manifest, `static/diagrams/manifest.json is missing: ${rerun}`).not.toBeNull();
    expect(manifest!.mermaid, `drawn with another mermaid than ${installed}: ${rerun}`).toBe(installed);
  });

  it.each(diagrams.map((d) => [`${d.file}:${d.line}`, d] as const))('%s has a current light and dark drawing', (_where, d) => {
    const key = diagramKey(d.source);
    expect(manifest!.diagrams[key], `${d.file}:${d.line} changed since it was drawn: ${rerun}`).toBeDefined();
    const entry = manifest!.diagrams[key];
    for (const [mode, width, height] of [
      ['light', entry.width, entry.height],
      ['dark', entry.darkWidth, entry.darkHeight],
    ] as const) {
      const path = join(diagramsDir, `${key}-${mode}.svg`);
      expect(existsSync(path), path).toBe(true);
      const text = readFileSync(path, 'utf8');
      expect(XMLValidator.validate(text), `${path} is not well-formed XML (an image must be)`).toBe(true);
      const svg = new XMLParser({ ignoreAttributes: false }).parse(text).svg as Record<string, string>;
      expect(svg['@_xmlns']).toBe('http://www.w3.org/2000/svg');
      const [, , w, h] = svg['@_viewBox'].split(/\s+/).map(Number);
      expect([Math.ceil(w), Math.ceil(h)]).toEqual([width, height]);
    }
  });

  it('keeps no drawing of a diagram that is gone', () => {
    const current = new Set(diagrams.map((d) => diagramKey(d.source)));
    expect(
      Object.keys(manifest!.diagrams).filter((k) => !current.has(k)),
      rerun,
    ).toEqual([]);
    const files = readdirSync(diagramsDir).filter((f) => f.endsWith('.svg'));
    expect(
      files.filter((f) => !current.has(f.replace(/-(light|dark)\.svg$/, ''))),
      rerun,
    ).toEqual([]);
  });

  it.each(diagrams.map((d) => [`${d.file}:${d.line}`, d] as const))('%s has an accTitle (the caption) and an accDescr (the text alternative)', (_where, d) => {
    const { title, description } = diagramText(d.source);
    expect(title, 'add `accTitle: …` under the diagram type').toBeTruthy();
    expect(description?.length ?? 0, 'add `accDescr: …` saying what the diagram shows').toBeGreaterThan(40);
  });
});

describe('diagramKey', () => {
  it('ignores surrounding blank lines and tells sources apart', () => {
    expect(diagramKey('\nflowchart LR\n  a --> b\n\n')).toBe(diagramKey('flowchart LR\n  a --> b'));
    expect(diagramKey('flowchart LR\n  a --> b')).not.toBe(diagramKey('flowchart LR\n  a --> c'));
    expect(diagramKey('x')).toMatch(/^[0-9a-f]{14}$/);
  });

  it('reads accTitle and accDescr lines', () => {
    expect(diagramText('flowchart LR\n  accTitle: Two boxes\n  accDescr: A points to B.\n  a --> b')).toEqual({
      title: 'Two boxes',
      description: 'A points to B.',
    });
    expect(diagramText('flowchart LR\n  a --> b')).toEqual({ title: null, description: null });
  });
});

describe('findDiagrams', () => {
  it('skips a mermaid block shown as an example inside a longer fence', () => {
    const dir = join(__dirname, '..', 'fixtures', 'diagram-docs');
    const found = findDiagrams(dir);
    expect(found.map((d) => [d.file.replace(/^.*fixtures\//, ''), d.line])).toEqual([['diagram-docs/page.md', 10]]);
  });
});
