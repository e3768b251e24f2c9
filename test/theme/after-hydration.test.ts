/**
 * The browser bundle swaps three Docusaurus modules (src/plugins/lazy-prism.ts,
 * src/plugins/after-hydration.ts). A Docusaurus upgrade that moves or reshapes one would make the
 * swap silently miss, or break the page: these checks fail first.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replacements } from '@site/src/plugins/after-hydration';

const require = createRequire(import.meta.url);

/** The names an ES module's source exports (export const/function/class, export { … }). */
function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
    for (const part of m[1].split(','))
      if (part.trim())
        names.add(
          part
            .trim()
            .split(/\s+as\s+/)
            .pop()!
            .trim(),
        );
  if (/export\s+default\b/.test(source)) names.add('default');
  return [...names].sort();
}

describe('Docusaurus modules swapped in the browser bundle', () => {
  for (const { stock, target, module } of replacements) {
    it(`${stock} is where the swap expects it, and the stand-in exports what it exports`, () => {
      const file = fileURLToPath(new URL(`../../node_modules/${stock}`, import.meta.url));
      expect(existsSync(file), `${stock} exists`).toBe(true);
      expect(file).toMatch(target);
      expect(file.replace(/\.js$/, '')).toMatch(target);
      expect(exportedNames(readFileSync(module, 'utf8'))).toEqual(exportedNames(readFileSync(file, 'utf8')));
    });
  }

  it('the state stand-ins make the first update after hydration a transition', () => {
    const state = replacements.filter((r) => /browserContext|useWindowSize/.test(r.stock));
    expect(state).toHaveLength(2);
    for (const { module } of state) expect(readFileSync(module, 'utf8')).toMatch(/startTransition\(/);
  });

  it('theme-classic still loads Prism at start-up through the client module lazy-prism replaces', async () => {
    const { default: lazyPrism } = await import('@site/src/plugins/lazy-prism');
    expect(lazyPrism().name).toBe('infralab-lazy-prism');
    const themeClassic = dirname(require.resolve('@docusaurus/theme-classic/package.json'));
    const index = readFileSync(join(themeClassic, 'lib', 'index.js'), 'utf8');
    expect(index).toContain("'./prism-include-languages'");
    const clientModule = readFileSync(join(themeClassic, 'lib', 'prism-include-languages.js'), 'utf8');
    expect(clientModule).toMatch(/from 'prism-react-renderer'/);
    const source = readFileSync(fileURLToPath(new URL('../../src/plugins/lazy-prism.ts', import.meta.url)), 'utf8');
    const target = new RegExp(/const target = \/(.*)\/;/.exec(source)![1]);
    expect(join(themeClassic, 'lib', 'prism-include-languages')).toMatch(target);
    expect(join(themeClassic, 'lib', 'theme', 'prism-include-languages.js')).not.toMatch(target);
  });
});
