/**
 * Three Docusaurus modules are patched (patches/@docusaurus+*.patch, applied by patch-package at install):
 * the first "in the browser" update after hydration becomes a transition, route prefetches
 * are made once per URL in idle time, and theme-classic's start-up client module no longer loads Prism.
 * The @docusaurus packages are pinned to the exact version the patches were made against, so an upgrade
 * fails at install (patch-package --error-on-fail) instead of silently dropping a patch; these checks say
 * which patch is missing if one did not apply.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const pinned = { ...pkg.dependencies, ...pkg.devDependencies };
const patches = readdirSync(join(root, 'patches')).filter((f) => f.startsWith('@docusaurus+'));
// Read from node_modules directly: some of these packages' `exports` do not expose package.json.
const packageDir = (name: string) => join(root, 'node_modules', name);
const installed = (name: string) => (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
const patched = (name: string, file: string) => readFileSync(join(packageDir(name), file), 'utf8');

describe('Docusaurus, patched where the site needs it', () => {
  it('every @docusaurus package is pinned to one exact version, the one installed and the one each patch names', () => {
    const names = Object.keys(pinned).filter((n) => n.startsWith('@docusaurus/'));
    expect(names.length).toBeGreaterThan(3);
    const versions = new Set(names.map((n) => pinned[n]));
    expect([...versions]).toHaveLength(1);
    const [version] = versions;
    expect(version, 'an exact version, no range').toMatch(/^\d+\.\d+\.\d+$/);
    for (const n of names) expect(installed(n), n).toBe(version);
    expect(patches.sort()).toEqual(['@docusaurus+core+' + version + '.patch', '@docusaurus+theme-classic+' + version + '.patch']);
  });

  it('core: "in the browser" is set in a transition after hydration', () => {
    const source = patched('@docusaurus/core', 'lib/client/browserContext.js');
    expect(source).toMatch(/startTransition\(\(\) => setIsBrowser\(true\)\)/);
  });

  it('core: prefetch keeps one request per URL and adds the links in idle time', () => {
    const source = patched('@docusaurus/core', 'lib/client/prefetch.js');
    expect(source).toMatch(/const requested = new Map\(\)/);
    expect(source).toMatch(/requestIdleCallback\(drain/);
  });

  it('theme-classic: its start-up client module is still registered, and no longer imports Prism', () => {
    expect(patched('@docusaurus/theme-classic', 'lib/index.js')).toContain("'./prism-include-languages'");
    const clientModule = patched('@docusaurus/theme-classic', 'lib/prism-include-languages.js');
    expect(clientModule).not.toMatch(/prism-react-renderer|prismIncludeLanguages\(/);
    // The site's code blocks register the languages themselves.
    expect(readFileSync(join(root, 'src/theme/CodeBlock/Content/highlighter.ts'), 'utf8')).toMatch(/prismIncludeLanguages\(Prism\)/);
  });
});
