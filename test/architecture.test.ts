import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

describe('sim/ is self-contained', () => {
  const simFiles = filesUnder(join(root, 'sim')).filter((f) => /\.(ts|tsx)$/.test(f));

  it('has source files', () => {
    expect(simFiles.length).toBeGreaterThan(0);
  });

  it.each(simFiles.map((f) => [relative(root, f)]))('%s imports only sim/ files and data packages', (file) => {
    const imports = importsOf(readFileSync(join(root, file), 'utf8'));
    for (const spec of imports) {
      const allowed = spec.startsWith('./') || spec.startsWith('../') ? !spec.startsWith('../../') : /^(zod|yaml|aws-regions|cloud-regions-country-flags)(\/|$)/.test(spec);
      expect(allowed, `${file} imports ${spec}`).toBe(true);
    }
  });

  it.each(simFiles.map((f) => [relative(root, f)]))('%s touches no DOM, React or Node I/O', (file) => {
    const source = readFileSync(join(root, file), 'utf8');
    expect(source).not.toMatch(/\b(window|document|localStorage)\./);
    expect(source).not.toMatch(/from ['"](react|node:|fs|path)/);
  });
});
