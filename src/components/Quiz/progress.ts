/**
 * Quiz progress in the browser: one versioned localStorage key, read and written through a zod
 * schema. Nothing here touches `window` by itself: callers pass the storage (from an effect).
 */
import * as z from 'zod/mini';
import { formatPath } from '@site/sim';
import { answerSchema, lessonIdSchema, lessonIds, type Answer, type LessonId } from '@site/quizzes/schema';
import { maxSeed } from '@site/quizzes/variants';
import { progressKey } from './readerState';

export { progressKey };

/** "missing" when the field is absent, else what was expected. */
const expected = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'missing' : `expected ${what}`);
const count = z.number({ error: expected('a number') }).check(z.int({ error: 'expected a whole number' }), z.minimum(0, { error: 'expected a number >= 0' }));
const points = z.number({ error: expected('a number') }).check(z.minimum(0, { error: 'expected a number >= 0' }));
const questionId = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,59}$/, { error: 'expected a question id' }));
const variant = z.number({ error: expected('a variant number') }).check(z.int({ error: 'expected a whole number' }), z.minimum(1), z.maximum(maxSeed));
const dateTime = z.iso.datetime({ error: expected('a date and time (ISO 8601)') });

export const lessonProgressSchema = z
  .strictObject({
    /** Points of the latest attempt. */
    score: points,
    /** The best attempt's points. */
    best: points,
    /** How many questions the quiz had. */
    outOf: z
      .number({ error: expected('a number') })
      .check(
        z.int({ error: 'expected a whole number' }),
        z.minimum(0, { error: 'expected a number >= 0' }),
        z.minimum(1, { error: 'expected a whole number >= 1' }),
      ),
    attempts: count,
    updatedAt: dateTime,
    /** The variant (seed) of the latest attempt. */
    variant,
    /** Points per question answered in the latest attempt (0 to 1 each). */
    answered: z.record(
      questionId,
      z
        .number({ error: expected('points from 0 to 1') })
        .check(z.minimum(0, { error: 'expected points from 0 to 1' }), z.maximum(1, { error: 'expected points from 0 to 1' })),
      { error: expected('points by question id') },
    ),
    /** The answers of the latest attempt, so a reload shows them graded again (absent in older files). */
    answers: z.optional(z.record(questionId, answerSchema, { error: expected('answers by question id') })),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.score > p.outOf) ctx.addIssue({ code: 'custom', path: ['score'], message: `expected at most outOf (${p.outOf})` });
      if (p.best > p.outOf) ctx.addIssue({ code: 'custom', path: ['best'], message: `expected at most outOf (${p.outOf})` });
      if (p.best < p.score) ctx.addIssue({ code: 'custom', path: ['best'], message: 'expected best >= score' });
      const sum = Object.values(p.answered).reduce((a, b) => a + b, 0);
      if (Math.abs(sum - p.score) > 0.01) ctx.addIssue({ code: 'custom', path: ['score'], message: `expected the sum of answered (${sum})` });
      for (const id of Object.keys(p.answers ?? {})) {
        if (!(id in p.answered)) ctx.addIssue({ code: 'custom', path: ['answers', id], message: 'expected only answers to questions listed in answered' });
      }
    }),
  );

/**
 * A belief the learner's answers suggested: which question showed it, in which variant and when,
 * and, once a right answer in a new variant (or another question probing it) followed, when.
 */
export const beliefSchema = z.strictObject({
  lesson: lessonIdSchema,
  question: questionId,
  variant,
  suggestedAt: dateTime,
  clearedAt: z.optional(dateTime),
});
export type Belief = z.infer<typeof beliefSchema>;

export const progressSchema = z.strictObject({
  version: z.literal(1, { error: 'expected version 1' }),
  lessons: z.partialRecord(lessonIdSchema, lessonProgressSchema, { error: 'expected lessons by lesson id' }),
  /** The misconception map, by misconception id (absent in older files: an optional field keeps them valid). */
  misconceptions: z.optional(z.record(questionId, beliefSchema, { error: expected('beliefs by misconception id') })),
});

export type LessonProgress = z.infer<typeof lessonProgressSchema>;
export type Progress = z.infer<typeof progressSchema>;

export function emptyProgress(): Progress {
  return { version: 1, lessons: {} };
}

export interface ProgressProblem {
  kind: 'corrupt' | 'old-format';
  /** The text found under the key, offered for download before it is replaced. */
  raw: string;
  message: string;
}

export type LoadedProgress = { progress: Progress; problem: ProgressProblem | null };

/** `lessons.regions.best: expected a number >= 0`, for the first few issues. */
export function describeIssues(error: z.core.$ZodError, max = 5): string {
  const lines = error.issues.slice(0, max).map((i) => {
    if (i.code === 'unrecognized_keys' && i.path.at(-1) === 'lessons') {
      return `${formatPath(i.path)}: unknown lesson${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')} (expected ${lessonIds.join(', ')})`;
    }
    if (i.code === 'unrecognized_keys')
      return `${formatPath(i.path) || 'the file'}: unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    if (i.code === 'invalid_key') return `${formatPath(i.path)}: unknown lesson (expected one of ${lessonIds.join(', ')})`;
    return `${formatPath(i.path) || 'the file'}: ${i.message.replace(/^Invalid input: /, '')}`;
  });
  const more = error.issues.length - lines.length;
  return lines.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}

/** Parses progress text (from storage or a file): the progress, or what is wrong with it. */
export function parseProgressText(text: string): { ok: true; progress: Progress } | { ok: false; kind: 'corrupt' | 'old-format'; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, kind: 'corrupt', message: 'it is not valid JSON' };
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && version !== 1) {
    return {
      ok: false,
      kind: 'old-format',
      message: version === undefined ? 'it has no version number (an older format)' : `it is in format version ${JSON.stringify(version)}, not 1`,
    };
  }
  const parsed = progressSchema.safeParse(json);
  return parsed.success ? { ok: true, progress: parsed.data } : { ok: false, kind: 'corrupt', message: describeIssues(parsed.error) };
}

/** Reads progress from storage. A corrupt or old entry gives empty progress and the problem, never a throw. */
export function readProgress(storage: Pick<Storage, 'getItem'> | null): LoadedProgress {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(progressKey) ?? null;
  } catch {
    return { progress: emptyProgress(), problem: null };
  }
  if (raw === null) return { progress: emptyProgress(), problem: null };
  const parsed = parseProgressText(raw);
  if (parsed.ok) return { progress: parsed.progress, problem: null };
  return {
    progress: emptyProgress(),
    problem: {
      kind: parsed.kind,
      raw,
      message:
        parsed.kind === 'old-format'
          ? `Your saved quiz progress is in an older format (${parsed.message}), so it starts fresh.`
          : `Your saved quiz progress could not be read (${parsed.message}), so it starts fresh.`,
    },
  };
}

/** Writes progress; false if the browser refuses (private mode, quota). */
export function writeProgress(storage: Pick<Storage, 'setItem'> | null, progress: Progress): boolean {
  try {
    if (!storage) return false;
    storage.setItem(progressKey, JSON.stringify(progressSchema.parse(progress)));
    return true;
  } catch {
    return false;
  }
}

/**
 * The progress after a graded answer. An attempt is one variant: answering under another variant
 * than the saved one starts a new attempt (and counts it); best is the highest score seen.
 */
export function recordScore(
  progress: Progress,
  lesson: LessonId,
  result: {
    variant: number;
    questionId: string;
    points: number;
    outOf: number;
    now: Date;
    answer?: Answer;
    /** Misconceptions this (wrong) answer suggests. */
    suggests?: readonly string[];
    /** Misconceptions this question probes: a right answer clears them if it is new evidence. */
    probes?: readonly string[];
    correct?: boolean;
  },
): Progress {
  const before = progress.lessons[lesson];
  const sameAttempt = before !== undefined && before.variant === result.variant && before.outOf === result.outOf;
  const answered = { ...(sameAttempt ? before.answered : {}), [result.questionId]: Math.min(1, Math.max(0, result.points)) };
  const answers = { ...(sameAttempt ? before.answers : {}) };
  if (result.answer) answers[result.questionId] = result.answer;
  else delete answers[result.questionId];
  const score =
    Math.round(
      Math.min(
        result.outOf,
        Object.values(answered).reduce((a, b) => a + b, 0),
      ) * 100,
    ) / 100;
  const next: LessonProgress = {
    score,
    best: Math.max(score, Math.min(before?.best ?? 0, result.outOf)),
    outOf: result.outOf,
    attempts: (before?.attempts ?? 0) + (sameAttempt ? 0 : 1),
    updatedAt: result.now.toISOString(),
    variant: result.variant,
    answered,
    answers,
  };
  const misconceptions = recordBeliefs(progress.misconceptions ?? {}, lesson, result);
  return { version: 1, lessons: { ...progress.lessons, [lesson]: next }, ...(Object.keys(misconceptions).length ? { misconceptions } : {}) };
}

/**
 * The misconception map after an answer. A wrong answer (re)marks what it suggests. A right answer
 * clears a belief it probes only as new evidence: another question, or the same question in
 * another variant (the same variant again could be remembered, not understood).
 */
export function recordBeliefs(
  map: Readonly<Record<string, Belief>>,
  lesson: LessonId,
  r: { variant: number; questionId: string; now: Date; suggests?: readonly string[]; probes?: readonly string[]; correct?: boolean },
): Record<string, Belief> {
  const next = { ...map };
  const at = r.now.toISOString();
  for (const id of r.suggests ?? []) next[id] = { lesson, question: r.questionId, variant: r.variant, suggestedAt: at };
  if (r.correct) {
    for (const id of r.probes ?? []) {
      const b = next[id];
      if (b && !b.clearedAt && (b.question !== r.questionId || b.variant !== r.variant)) next[id] = { ...b, clearedAt: at };
    }
  }
  return next;
}

/** What a lesson's quiz holds, for checking progress read from a file against the quizzes themselves. */
export interface QuizShape {
  lesson: LessonId;
  title: string;
  questionIds: readonly string[];
}

/**
 * Progress that the schema accepts can still be impossible for these quizzes: more questions than a
 * quiz has, or answers to questions it does not ask. Returns what is wrong, or null.
 */
export function checkAgainstQuizzes(progress: Progress, quizzes: readonly QuizShape[]): string | null {
  const problems: string[] = [];
  for (const q of quizzes) {
    const p = progress.lessons[q.lesson];
    if (!p) continue;
    const n = q.questionIds.length;
    if (p.outOf !== n) {
      problems.push(`lessons.${q.lesson}.outOf: expected ${n} (the ${q.title} quiz has ${n} questions), found ${p.outOf}`);
      continue;
    }
    const unknown = Object.keys(p.answered).filter((id) => !q.questionIds.includes(id));
    if (unknown.length > 0)
      problems.push(
        `lessons.${q.lesson}.answered: ${unknown.map((id) => `"${id}"`).join(', ')} ${unknown.length > 1 ? 'are not questions' : 'is not a question'} of the ${q.title} quiz`,
      );
  }
  for (const [id, b] of Object.entries(progress.misconceptions ?? {})) {
    const q = quizzes.find((x) => x.lesson === b.lesson);
    if (q && !q.questionIds.includes(b.question)) problems.push(`misconceptions.${id}.question: "${b.question}" is not a question of the ${q.title} quiz`);
  }
  if (problems.length === 0) return null;
  return problems.slice(0, 5).join('; ') + (problems.length > 5 ? ` (and ${problems.length - 5} more)` : '');
}

export function progressFileName(now: Date): string {
  return `infralab-progress-${now.toISOString().slice(0, 10)}.json`;
}
