/** Saved progress: one versioned key, read through a schema; a bad entry never crashes anything. */
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  parseProgressText,
  progressKey,
  progressSchema,
  readProgress,
  recordScore,
  writeProgress,
  type Progress,
} from '@site/src/components/Quiz/progress';

const memory = (value: string | null) => ({ getItem: (k: string) => (k === progressKey ? value : null) });
const now = new Date('2026-11-20T10:00:00Z');

describe('readProgress', () => {
  it('starts empty when nothing is saved', () => {
    expect(readProgress(memory(null))).toEqual({ progress: emptyProgress(), problem: null });
  });

  it('resets corrupt text with a notice, and keeps the text to offer for download', () => {
    const r = readProgress(memory('{"not json'));
    expect(r.progress).toEqual(emptyProgress());
    expect(r.problem).toMatchObject({ kind: 'corrupt', raw: '{"not json' });
    expect(r.problem!.message).toMatch(/could not be read \(it is not valid JSON\)/);
  });

  it('recognises an older format', () => {
    const r = readProgress(memory('{"version":999,"quizzes":"nonsense"}'));
    expect(r.problem).toMatchObject({ kind: 'old-format' });
    expect(r.problem!.message).toMatch(/older format \(it is in format version 999, not 1\)/);
  });

  it('names the field that is wrong in a v1 entry', () => {
    const bad = { version: 1, lessons: { regions: { score: -1, best: 2, outOf: 8, attempts: 1, updatedAt: now.toISOString(), variant: 1, answered: {} } } };
    expect(readProgress(memory(JSON.stringify(bad))).problem!.message).toContain('lessons.regions.score: expected a number >= 0');
  });

  it('survives a storage that throws (private mode)', () => {
    expect(
      readProgress({
        getItem: () => {
          throw new Error('denied');
        },
      }).problem,
    ).toBeNull();
    expect(
      writeProgress(
        {
          setItem: () => {
            throw new Error('quota');
          },
        },
        emptyProgress(),
      ),
    ).toBe(false);
  });
});

describe('recordScore', () => {
  const first = recordScore(emptyProgress(), 'regions', { variant: 7, questionId: 'eu-only', points: 1, outOf: 8, now });

  it('counts the first graded answer as an attempt', () => {
    expect(first.lessons.regions).toEqual({
      score: 1,
      best: 1,
      outOf: 8,
      attempts: 1,
      updatedAt: now.toISOString(),
      variant: 7,
      answered: { 'eu-only': 1 },
      answers: {},
    });
  });

  it('keeps the answer itself, so a reload can show it graded again, and only for questions answered', () => {
    const p = recordScore(first, 'regions', { variant: 7, questionId: 'compute-cost', points: 1, outOf: 8, now, answer: { form: 'numeric', text: '1,000' } });
    expect(p.lessons.regions?.answers).toEqual({ 'compute-cost': { form: 'numeric', text: '1,000' } });
    expect(readProgress({ getItem: () => JSON.stringify(p) }).problem).toBeNull();
    const stray = { ...p.lessons.regions!, answers: { 'not-answered': { form: 'numeric', text: '1' } } };
    expect(readProgress({ getItem: () => JSON.stringify({ version: 1, lessons: { regions: stray } }) }).problem?.message).toMatch(
      /lessons\.regions\.answers\.not-answered: expected only answers to questions listed in answered/,
    );
  });

  it('adds answers of the same variant to the same attempt, replacing a re-answered question', () => {
    let p: Progress = recordScore(first, 'regions', { variant: 7, questionId: 'compute-cost', points: 0, outOf: 8, now });
    p = recordScore(p, 'regions', { variant: 7, questionId: 'compute-cost', points: 1, outOf: 8, now });
    expect(p.lessons.regions).toMatchObject({ score: 2, best: 2, attempts: 1 });
  });

  it('starts a new attempt for another variant, keeping the best', () => {
    const p = recordScore(first, 'regions', { variant: 8, questionId: 'eu-only', points: 0, outOf: 8, now });
    expect(p.lessons.regions).toMatchObject({ score: 0, best: 1, attempts: 2, variant: 8, answered: { 'eu-only': 0 } });
  });

  it('writes what it reads', () => {
    let stored = '';
    writeProgress({ setItem: (_k, v) => (stored = v) }, first);
    expect(parseProgressText(stored)).toEqual({ ok: true, progress: first });
  });
});

describe('parseProgressText (import)', () => {
  it('refuses an unknown lesson, naming it', () => {
    const r = parseProgressText(JSON.stringify({ version: 1, lessons: { kubernetes: {} } }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/lessons: unknown lesson "kubernetes"/);
  });

  it('refuses unknown fields and a score above the total', () => {
    const entry = { score: 9, best: 9, outOf: 8, attempts: 1, updatedAt: now.toISOString(), variant: 1, answered: { a: 1 } };
    const r = parseProgressText(JSON.stringify({ version: 1, lessons: { regions: entry }, extra: true }));
    expect(!r.ok && r.message).toContain('unknown field "extra"');
    expect(!r.ok && r.message).toContain('lessons.regions.score: expected at most outOf (8)');
  });

  it('refuses an array as corrupt, not as an old format', () => {
    expect(parseProgressText('[1,2]')).toMatchObject({ ok: false, kind: 'corrupt' });
  });
});

describe('messages', () => {
  it('say "missing" for an absent field and what was expected for a wrong one', () => {
    const r = parseProgressText(JSON.stringify({ version: 1, lessons: { regions: { score: 'x' } } }));
    expect(!r.ok && r.message).toMatch(/^lessons\.regions\.score: expected a number; lessons\.regions\.best: missing;/);
  });
});

describe('the misconception map in progress', () => {
  const now = new Date('2026-12-02T01:00:00.000Z');
  const later = new Date('2026-12-02T02:00:00.000Z');
  const base = { lesson: 'regions' as const, outOf: 9 };
  const wrong = (p: Progress, variant: number, questionId: string, suggests: string[]) =>
    recordScore(p, base.lesson, { variant, questionId, points: 0, outOf: base.outOf, now, suggests, probes: suggests, correct: false });
  const right = (p: Progress, variant: number, questionId: string, probes: string[]) =>
    recordScore(p, base.lesson, { variant, questionId, points: 1, outOf: base.outOf, now: later, probes, correct: true });

  it('marks what a wrong answer suggests, with where and when', () => {
    const p = wrong(emptyProgress(), 5, 'eu-only', ['europe-means-eu']);
    expect(p.misconceptions).toEqual({ 'europe-means-eu': { lesson: 'regions', question: 'eu-only', variant: 5, suggestedAt: now.toISOString() } });
    expect(progressSchema.safeParse(p).success).toBe(true);
  });

  it('does not clear a belief when the same question is answered right in the same variant', () => {
    const p = right(wrong(emptyProgress(), 5, 'eu-only', ['europe-means-eu']), 5, 'eu-only', ['europe-means-eu']);
    expect(p.misconceptions!['europe-means-eu'].clearedAt).toBeUndefined();
  });

  it('clears it on a right answer in a new variant, or to another question that probes it', () => {
    const first = wrong(emptyProgress(), 5, 'eu-only', ['europe-means-eu']);
    expect(right(first, 6, 'eu-only', ['europe-means-eu']).misconceptions!['europe-means-eu'].clearedAt).toBe(later.toISOString());
    expect(right(first, 5, 'cheapest-allowed', ['europe-means-eu', 'price-before-rules']).misconceptions!['europe-means-eu'].clearedAt).toBe(
      later.toISOString(),
    );
    // A question that does not probe it leaves it alone.
    expect(right(first, 6, 'rule-of-thumb', ['fibre-runs-straight']).misconceptions!['europe-means-eu'].clearedAt).toBeUndefined();
  });

  it('marks it again when a later answer suggests it again', () => {
    const cleared = right(wrong(emptyProgress(), 5, 'eu-only', ['europe-means-eu']), 6, 'eu-only', ['europe-means-eu']);
    const again = wrong(cleared, 7, 'cheapest-allowed', ['europe-means-eu']);
    expect(again.misconceptions!['europe-means-eu']).toEqual({ lesson: 'regions', question: 'cheapest-allowed', variant: 7, suggestedAt: now.toISOString() });
  });

  it('reads an older v1 file without the map, and keeps it without one until a belief is suggested', () => {
    const old: Progress = { version: 1, lessons: {} };
    expect(parseProgressText(JSON.stringify(old))).toEqual({ ok: true, progress: old });
    expect('misconceptions' in right(old, 1, 'eu-only', ['europe-means-eu'])).toBe(false);
  });
});
