/** The instructors' command line, run as they run it. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const quiz = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/quiz.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

// Each case starts Node with tsx: seconds on a busy machine, so the spawn's own 60 s limit applies.
describe('npm run quiz', { timeout: 60_000 }, () => {
  it('validate: every quiz agrees with the engine, exit 0, with the share per lesson', () => {
    const r = quiz('validate');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('quizzes/availability-zones.ts');
    expect(r.stdout).toContain('Every key agrees with the engine.');
  });

  it('validate FILE: a wrong quiz fails with exit 1 and says why', () => {
    const r = quiz('validate', 'test/quizzes/fixtures/wrong-key.ts');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('test/quizzes/fixtures/wrong-key.ts › all-still-serve [perAz=2]: the key says 6 VMs, the engine says 4 VMs');
  });

  it('export: writes the file and lists what it could not carry', () => {
    const out = mkdtempSync(join(tmpdir(), 'infralab-export-'));
    const r = quiz('export', '--format', 'gift', '--variants', '2', '--out', out);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'infralab-quizzes.gift.txt'))).toBe(true);
    expect(readFileSync(join(out, 'infralab-quizzes.gift.txt'), 'utf8')).toContain('$CATEGORY: $course$/top/InfraLab/Regions');
    expect(r.stdout).toMatch(/Not carried by gift:[\s\S]*GIFT has no ordering question type \(4\)/);
  });

  it('refuses an unknown format or command with the usage, exit 2', () => {
    expect(quiz('export', '--format', 'docx').status).toBe(2);
    const r = quiz('grade');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: npm run quiz -- validate');
  });
});
