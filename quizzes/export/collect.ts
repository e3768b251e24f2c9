/**
 * What an export carries: every question of every quiz, made concrete. A static question is one
 * item; an engine question is a set of concrete variants (distinct parameters), for an LMS to draw
 * one from; a task needs the engine to grade, so no format can carry it.
 */
import { concretize, paramsFor } from '../concrete';
import type { Concrete, LessonId, Question, Quiz } from '../schema';
import { describeParams, spaceSize } from '../variants';

export interface ExportItem {
  lesson: LessonId;
  lessonTitle: string;
  question: Question;
  /** One for a static question; the concrete variants of an engine question. */
  variants: { label: string; concrete: Concrete }[];
}

/** What a format may be unable to carry, named as docs/reference/authoring-quizzes.md's table names it. */
export const lossKinds = {
  task: 'tasks',
  ordering: 'ordering questions',
  hints: 'hints',
  numericFeedback: 'the feedback of common wrong numeric answers',
  partialCredit: 'our partial-credit rule for multiple answers',
} as const;
export type LossKind = keyof typeof lossKinds;

export interface NotCarried {
  lesson: LessonId;
  question: string;
  kind: LossKind;
  /** Why, in a sentence an instructor can act on. */
  reason: string;
}

export interface ExportFile {
  name: string;
  content: string | Uint8Array;
}

export interface ExportResult {
  format: string;
  files: ExportFile[];
  /** What the format can never carry, whatever the quizzes say. */
  cannotCarry: LossKind[];
  /** What it could not carry of these quizzes, question by question, said out loud rather than dropped. */
  notCarried: NotCarried[];
  /** Questions exported, and concrete items written (variants count one each). */
  questions: number;
  items: number;
}

/** Up to `count` distinct variants of a question (seeds 1, 2, … until enough distinct parameter sets). */
export function variantsOf(q: Question, count: number): { label: string; concrete: Concrete }[] {
  if (q.kind !== 'engine') return [{ label: '', concrete: concretize(q, 1) }];
  const want = Math.min(count, spaceSize(q.params));
  const seen = new Set<string>();
  const out: { label: string; concrete: Concrete }[] = [];
  for (let seed = 1; out.length < want && seed <= want * 50; seed++) {
    const params = paramsFor(q, seed);
    const key = JSON.stringify(params);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ label: describeParams(params), concrete: concretize(q, seed, params) });
  }
  return out;
}

export function collect(quizzes: Quiz[], variants: number): { items: ExportItem[]; tasks: NotCarried[] } {
  const items: ExportItem[] = [];
  const tasks: NotCarried[] = [];
  for (const quiz of quizzes) {
    for (const q of quiz.questions) {
      if (q.kind === 'task') {
        tasks.push({
          lesson: quiz.lesson,
          question: q.id,
          kind: 'task',
          reason: 'a task is graded by running the engine on the reader’s configuration; no LMS format can run it',
        });
        continue;
      }
      items.push({ lesson: quiz.lesson, lessonTitle: quiz.title, question: q, variants: variantsOf(q, variants) });
    }
  }
  return { items, tasks };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text for an XML element (no CDATA). */
export const escapeXml = escapeHtml;

/** A percentage as the LMSs write it (Moodle accepts 33.33333, not 33.333333333). */
export function percent(x: number): string {
  return String(Math.round(x * 100000) / 100000);
}

/**
 * Diagnoses no option's own feedback can carry, as sentences for every learner: what leaving out a
 * right option of a multiple select suggests, and what putting two items of an ordering the wrong
 * way round suggests. An LMS shows an option's feedback only when it is chosen.
 */
export function conditionalDiagnoses(c: Concrete): string[] {
  if (c.form === 'multiple') return c.options.flatMap((o) => (o.correct && o.missed ? [`Left out “${o.text}”? It is right. ${o.missed.feedback}`] : []));
  if (c.form === 'ordering') {
    const text = (id: string) => c.items.find((i) => i.id === id)?.text ?? id;
    return (c.mistakes ?? []).map((m) => `Put “${text(m.then)}” before “${text(m.first)}”? ${m.feedback}`);
  }
  return [];
}

/** What the learner sees after grading: the explanation, the diagnoses above, and for a factual question where the fact is written down. */
export function generalFeedbackHtml(c: Concrete): string {
  const source = c.source ? `<p>Source: <a href="${escapeHtml(c.source)}">${escapeHtml(c.source)}</a></p>` : '';
  const diagnoses = conditionalDiagnoses(c)
    .map((d) => `<p>${escapeHtml(d)}</p>`)
    .join('');
  return `<p>${escapeHtml(c.explanation)}</p>${diagnoses}${source}`;
}

/** The prompt of a concrete question, with its unit spelled out for a numeric one. */
export function promptText(c: Concrete): string {
  return c.form === 'numeric' && c.unit ? `${c.prompt} (Answer in ${c.unit}.)` : c.prompt;
}
