/** quizzes/ depends on the engine's public face only, and stays free of the DOM, React and Node I/O. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
const importsOf = (source: string) =>
  [...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);

describe('quizzes/', () => {
  const files = filesUnder(join(root, 'quizzes')).map((f) => relative(root, f));

  it.each(files.map((f) => [f]))('%s imports only quizzes/, the engine’s public face and zod', (file) => {
    for (const spec of importsOf(readFileSync(join(root, file), 'utf8'))) {
      const ok = spec === '@site/sim' || spec === 'zod' || ((spec.startsWith('./') || spec.startsWith('../')) && !spec.includes('sim/'));
      expect(ok, `${file} imports ${spec}`).toBe(true);
    }
  });

  it.each(files.map((f) => [f]))('%s touches no DOM, React or Node I/O', (file) => {
    const source = readFileSync(join(root, file), 'utf8');
    expect(source).not.toMatch(/\b(window|document|localStorage)\./);
    expect(source).not.toMatch(/from ['"](react|node:|fs|path)/);
  });
});

describe('src/components/Quiz/', () => {
  it('reaches the engine only through its public face', () => {
    for (const f of filesUnder(join(root, 'src', 'components', 'Quiz'))) {
      for (const spec of importsOf(readFileSync(f, 'utf8'))) expect(spec.startsWith('@site/sim/') || spec.includes('../sim'), `${relative(root, f)} imports ${spec}`).toBe(false);
    }
  });
});
