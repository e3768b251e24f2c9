/**
 * The house's boundaries, as dependency-cruiser rules (.dependency-cruiser.cjs): the engine imports
 * nothing of the project; quizzes use only the engine's public entry; the site, the CLI and the VM
 * library reach the engine through sim/index.ts or sim/text.ts; tools never import tests; no cycles.
 * What an import graph cannot see (a global such as `window` in the engine) is checked by text below.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

describe('dependency rules', () => {
  it('hold over sim, quizzes, src, cli, scripts, bench and tools (npm run deps)', { timeout: 180_000 }, () => {
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
        'sim',
        'quizzes',
        'src',
        'cli',
        'scripts',
        'bench',
        'tools',
        '--config',
        '.dependency-cruiser.cjs',
        '--output-type',
        'err',
      ],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(run.error).toBeUndefined();
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe.each(['sim', 'quizzes'])('%s/ touches no browser globals', (dir) => {
  const files = filesUnder(join(root, dir)).map((f) => relative(root, f));
  it.each(files.map((f) => [f]))('%s', (file) => {
    expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/\b(window|document|localStorage)\./);
  });
});
