/**
 * Grading: a concrete question and a reader's answer in, a score and feedback out. Pure: no engine,
 * no DOM. (A task's grade comes from the engine's verdict: see gradeTask and quizzes/task.ts.)
 *
 * Partial credit (multiple select): each correct option chosen earns 1, each wrong option chosen
 * costs 1; the score is that sum over the number of correct options, never below 0. Single choice,
 * numeric, ordering and tasks score 1 or 0.
 */
import { assertNever } from '@site/sim';
import { noteOf } from './misconceptions';
import type { Answer, Concrete, GoalCheck, SlipKind } from './schema';

export interface OptionVerdict {
  id: string;
  chosen: boolean;
  correct: boolean;
  feedback?: string;
  /** What choosing this wrong option suggests: a misconception id, or a slip. */
  misconception?: string;
  slip?: SlipKind;
  /** A right option of a multiple-select question: what leaving it out suggests. */
  missed?: { feedback: string; misconception?: string; slip?: SlipKind };
}

/** One thing a wrong answer suggests, with the author's note about this very answer. */
export interface Diagnosis {
  misconception?: string;
  slip?: SlipKind;
  note?: string;
  /** What in the answer it is about, when that is not the option chosen: a right option left out, two items swapped. */
  about?: string;
}

export interface Grade {
  /** From 0 to 1. */
  score: number;
  correct: boolean;
  /** One sentence for the reader (announced). */
  summary: string;
  options?: OptionVerdict[];
  numeric?: { value: number | null; key: number; unit: string; tolerance: number; feedback?: string; misconception?: string; slip?: SlipKind };
  positions?: { id: string; correct: boolean }[];
  checks?: GoalCheck[];
}

export function multipleScore(chosen: ReadonlySet<string>, correct: ReadonlySet<string>): number {
  let sum = 0;
  for (const id of chosen) sum += correct.has(id) ? 1 : -1;
  return correct.size === 0 ? 0 : Math.max(0, sum / correct.size);
}

/**
 * How a typed number is read, in one place for the page and the exports' documentation: a point is
 * the decimal separator; a comma only groups thousands, in threes ("1,000", "12,345.5"), as the
 * lessons write numbers and as an English-language LMS reads them. Spaces (also narrow and
 * non-breaking) may group digits too. Any other comma ("57,14", "0,5") is ambiguous, so it is
 * refused with a request for a decimal point instead of being graded.
 */
export type NumberReading = { value: number } | { problem: string };

const groupedWithCommas = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const plain = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

export function readNumber(text: string, unit = ''): NumberReading {
  const m = /^\s*([-+]?)([\d.,\u00a0\u202f ]*[\d.])\s*(.*?)\s*$/.exec(text);
  if (!m) return { problem: 'That is not a number.' };
  const [, sign, body, rest] = m;
  if (rest !== '' && rest.toLowerCase() !== unit.toLowerCase()) {
    return {
      problem: unit ? `That is not a number in ${unit}: write only the number, or the number and “${unit}”.` : 'That is not a number: write only the number.',
    };
  }
  const digits = body.replace(/(\d)[\u00a0\u202f ](?=\d{3}(?:\D|$))/g, '$1');
  if (/[\u00a0\u202f ]/.test(digits)) return { problem: 'That is not a number: spaces may only group digits in threes (1 200).' };
  let bare: string;
  if (digits.includes(',')) {
    if (!groupedWithCommas.test(digits)) {
      return {
        problem: `Write decimals with a point (for example ${digits.replace(/,/g, '.').replace(/\.(?=.*\.)/g, '')}): a comma here only separates thousands, as in 1,000.`,
      };
    }
    bare = digits.replace(/,/g, '');
  } else bare = digits;
  if (!plain.test(bare)) return { problem: 'That is not a number.' };
  const n = Number(`${sign}${bare}`);
  return Number.isFinite(n) ? { value: n } : { problem: 'That is not a number.' };
}

/** The number a reader typed, or null when `readNumber` would refuse it. */
export function parseNumber(text: string, unit = ''): number | null {
  const r = readNumber(text, unit);
  return 'value' in r ? r.value : null;
}

const pct = (score: number) => `${Math.round(score * 100)}%`;

export function grade(q: Concrete, answer: Answer): Grade {
  if (answer.form !== q.form) throw new Error(`answer of form ${answer.form} for a ${q.form} question`);
  switch (answer.form) {
    case 'single': {
      const options = (q as Extract<Concrete, { form: 'single' }>).options.map((o) => ({ ...verdictOf(o), chosen: o.id === answer.choice }));
      const right = options.some((o) => o.chosen && o.correct);
      return {
        score: right ? 1 : 0,
        correct: right,
        summary: answer.choice === null ? 'No option chosen.' : right ? 'Correct.' : 'Not quite: that option is wrong.',
        options,
      };
    }
    case 'multiple': {
      const all = (q as Extract<Concrete, { form: 'multiple' }>).options;
      const chosen = new Set(answer.chosen);
      const correct = new Set(all.filter((o) => o.correct).map((o) => o.id));
      const score = multipleScore(chosen, correct);
      const options = all.map((o) => ({ ...verdictOf(o), chosen: chosen.has(o.id) }));
      const full = score === 1;
      return {
        score,
        correct: full,
        summary: full ? 'Correct: every right option and no wrong one.' : score > 0 ? `Partly right: ${pct(score)} credit.` : 'Not quite: no credit.',
        options,
      };
    }
    case 'numeric': {
      const nq = q as Extract<Concrete, { form: 'numeric' }>;
      const value = parseNumber(answer.text, nq.unit);
      const ok = value !== null && Math.abs(value - nq.key) <= nq.tolerance + 1e-9;
      const known = value === null || ok ? undefined : nq.distractors.find((d) => Math.abs(d.value - value) <= nq.tolerance + 1e-9);
      const unit = nq.unit ? ` ${nq.unit}` : '';
      return {
        score: ok ? 1 : 0,
        correct: ok,
        summary: value === null ? 'That is not a number.' : ok ? 'Correct.' : `Not quite: ${value}${unit} is not the answer.`,
        numeric: {
          value,
          key: nq.key,
          unit: nq.unit,
          tolerance: nq.tolerance,
          feedback: known?.feedback,
          misconception: known?.misconception,
          slip: known?.slip,
        },
      };
    }
    case 'ordering': {
      const items = (q as Extract<Concrete, { form: 'ordering' }>).items;
      const positions = answer.order.map((id, i) => ({ id, correct: items[i]?.id === id }));
      const ok = answer.order.length === items.length && positions.every((p) => p.correct);
      const right = positions.filter((p) => p.correct).length;
      return { score: ok ? 1 : 0, correct: ok, summary: ok ? 'Correct order.' : `Not quite: ${right} of ${items.length} in the right place.`, positions };
    }
    case 'task':
      throw new Error('a task is graded from the engine: use gradeTask');
    default:
      return assertNever(answer);
  }
}

function verdictOf(o: {
  id: string;
  correct: boolean;
  feedback?: string;
  misconception?: string;
  slip?: SlipKind;
  missed?: OptionVerdict['missed'];
}): Omit<OptionVerdict, 'chosen'> {
  return {
    id: o.id,
    correct: o.correct,
    feedback: o.feedback,
    ...(o.misconception ? { misconception: o.misconception } : {}),
    ...(o.slip ? { slip: o.slip } : {}),
    ...(o.missed ? { missed: o.missed } : {}),
  };
}

/**
 * What a graded answer suggests: each wrong option chosen and each right one left out (multiple
 * select), the known wrong number typed, each telling pair of items put the wrong way round, or each
 * failed check of a task, with its misconception or slip (or neither, for a wrong answer the author
 * did not foresee). Empty for a right answer.
 */
export function diagnosesOf(q: Concrete, g: Grade): Diagnosis[] {
  if (g.correct) return [];
  const out: Diagnosis[] = [];
  const add = (d: { feedback?: string; misconception?: string; slip?: SlipKind }, about?: string) => {
    const note = noteOf(d.feedback, d);
    out.push({
      ...(d.misconception ? { misconception: d.misconception } : {}),
      ...(d.slip ? { slip: d.slip } : {}),
      ...(note ? { note } : {}),
      ...(about ? { about } : {}),
    });
  };
  const textOf = (id: string) =>
    ('options' in q ? q.options.find((o) => o.id === id)?.text : 'items' in q ? q.items.find((i) => i.id === id)?.text : undefined) ?? id;
  for (const o of g.options ?? []) if (o.chosen && !o.correct) add(o);
  for (const o of g.options ?? []) if (!o.chosen && o.correct && o.missed) add(o.missed, `You left out “${textOf(o.id)}”, which is right.`);
  if (q.form === 'ordering' && q.mistakes && g.positions) {
    const at = new Map(g.positions.map((p, i) => [p.id, i]));
    for (const m of q.mistakes)
      if (at.has(m.first) && at.has(m.then) && at.get(m.then)! < at.get(m.first)!) add(m, `You put “${textOf(m.then)}” before “${textOf(m.first)}”.`);
  }
  if (g.numeric && g.numeric.value !== null && (g.numeric.misconception || g.numeric.slip || g.numeric.feedback)) add(g.numeric);
  if (q.form === 'task' && g.checks) {
    for (const c of g.checks) if (!c.ok && q.diagnoses?.[c.id]) add({ ...q.diagnoses[c.id], feedback: undefined });
  }
  return out;
}

/** A task's grade from the engine's verdict: every check of the goal must hold. */
export function gradeTask(checks: GoalCheck[]): Grade {
  const failed = checks.filter((c) => !c.ok);
  return {
    score: failed.length === 0 ? 1 : 0,
    correct: failed.length === 0,
    summary: failed.length === 0 ? 'Goal reached: the engine confirms every condition.' : `Not yet: ${failed.length} of ${checks.length} conditions fail.`,
    checks,
  };
}
