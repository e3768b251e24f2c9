/**
 * Validation: every quiz against its schema, and every engine question and task against the engine.
 * Two derivations must agree: the author's key (a literal or a formula) and what the engine does.
 * Used by the test suite (test/quizzes/) and by `npm run quiz -- validate`.
 */
import { formatPath } from '@site/sim';
import { checkEngineVariant, checkTask } from './checks';
import { quizSources } from './index';
import { findMisconception, misconceptionCatalogue } from './misconceptions';
import { quizSchema, reasoningSkills, type EngineQuestion, type LessonId, type Params, type Question, type Quiz, type Skill } from './schema';
import { describeParams, drawParams, enumerateSpace, spaceSize } from './variants';

export { unknownReference } from './checks';

export interface Failure {
  file: string;
  question?: string;
  /** The variant's parameters (and seed, when drawn). */
  variant?: string;
  message: string;
}

export interface LessonResult {
  lesson: string;
  file: string;
  questions: number;
  /** Engine questions and tasks: checked against the engine. */
  engineChecked: number;
  factual: number;
  byKind: Record<string, number>;
  /** Engine runs made to check this quiz. */
  runs: number;
  /** Questions by skill (see schema's `skills`); `untagged` for a question that names none. */
  skills: Partial<Record<Skill | 'untagged', number>>;
  /** Questions whose skill is predict, diagnose or design. */
  reasoning: number;
  /** The misconceptions this quiz's wrong answers diagnose, by id. */
  probed: string[];
  /** Wrong answers that name no misconception and are not marked as a slip. */
  untagged: string[];
  failures: Failure[];
  /** What the diagnosis rules found in a lesson they are not yet enforced for. */
  warnings: Failure[];
}

export interface ValidationReport {
  lessons: LessonResult[];
  /** Catalogued misconceptions no question probes (checked when the whole registry is validated). */
  unprobed: string[];
  failures: Failure[];
  warnings: Failure[];
  ok: boolean;
  ms: number;
}

export interface ValidateOptions {
  /** A space of at most this many combinations is checked whole. */
  smallSpace?: number;
  /** Otherwise, this many seeds (1..seeds) are drawn. */
  seeds?: number;
  /**
   * Lessons held to the diagnosis rules (every wrong answer names a misconception or a slip, every
   * question names its skill, at least two thirds reasoning, at least one engine-checked question):
   * a breach is a failure. In any other lesson it is a warning, until its quiz is tagged.
   */
  strictLessons?: readonly string[];
}

/** The lessons whose quizzes are tagged with the misconceptions they diagnose. */
export const diagnosedLessons: readonly LessonId[] = [
  'infrastructure',
  'regions',
  'availability-zones',
  'virtualization',
  'hypervisors',
  'vm-lifecycle',
  'capstone',
  'cpu-virtualization',
];

export const validationDefaults: Required<ValidateOptions> = { smallSpace: 64, seeds: 50, strictLessons: diagnosedLessons };

/** At least this share of a lesson's questions must ask for reasoning. */
export const minReasoningShare = 2 / 3;

type Tagged = { misconception?: string; slip?: string };

/** Each wrong answer a question can show, with its diagnosis: what the tagging rule checks. */
export function wrongAnswers(q: Question): { label: string; tag: Tagged }[] {
  switch (q.kind) {
    case 'single':
      return q.options.filter((o) => !o.correct).map((o) => ({ label: `option "${o.id}"`, tag: o }));
    case 'multiple':
      return [
        ...q.options.filter((o) => !o.correct).map((o) => ({ label: `option "${o.id}"`, tag: o as Tagged })),
        // Leaving out a right option is a wrong answer too: `missed` says what it suggests.
        ...q.options.filter((o) => o.correct).map((o) => ({ label: `option "${o.id}" left out (missed)`, tag: o.missed ?? {} })),
      ];
    case 'numeric':
      return q.distractors.map((d) => ({ label: `distractor ${d.value}`, tag: d }));
    case 'ordering':
      return orderingMistakes(q.mistakes);
    case 'engine': {
      const ask = q.ask;
      if (ask.type === 'choice' || ask.type === 'numeric')
        return ask.distractors.map((d, i) => ({ label: `distractor ${typeof d.value === 'function' ? `#${i + 1}` : JSON.stringify(d.value)}`, tag: d }));
      // An option false in some variant is a wrong answer there.
      if (ask.type === 'claims')
        return [
          ...ask.options.filter((o) => o.correct !== true).map((o) => ({ label: `option "${o.id}"`, tag: o as Tagged })),
          // In a multiple select, an option right in some variant can be left out there.
          ...(ask.multiple
            ? ask.options.filter((o) => rightInSomeVariant(q, o.correct)).map((o) => ({ label: `option "${o.id}" left out (missed)`, tag: o.missed ?? {} }))
            : []),
        ];
      return orderingMistakes(ask.mistakes);
    }
    case 'task':
      // A failed check is the task's wrong answer: each check a reject example fails must say what it suggests.
      return [...new Set(q.reject.map((r) => r.because))].map((check) => ({ label: `failed check "${check}"`, tag: q.diagnoses[check] ?? {} }));
    default:
      return [];
  }
}

/** Whether a claim's key holds in at least one variant of the question (the variants the validator checks). */
function rightInSomeVariant(q: EngineQuestion, correct: boolean | ((p: Params) => boolean)): boolean {
  if (typeof correct === 'boolean') return correct;
  return variantsToCheck(q, validationDefaults).some(({ params }) => correct(params));
}

/** A `missed` diagnosis on an option that is never right can never be shown: an author's slip. */
export function unreachableMissed(q: Question): string[] {
  if (q.kind === 'single') return q.options.filter((o) => o.missed).map((o) => o.id);
  if (q.kind === 'multiple') return q.options.filter((o) => o.missed && !o.correct).map((o) => o.id);
  if (q.kind === 'engine' && q.ask.type === 'claims') {
    const ask = q.ask;
    return ask.options.filter((o) => o.missed && (!ask.multiple || !rightInSomeVariant(q, o.correct))).map((o) => o.id);
  }
  return [];
}

/** An ordering's telling mistakes; with none named, one untagged entry, so the rule asks for one. */
function orderingMistakes(mistakes: readonly ({ first: string; then: string } & Tagged)[]): { label: string; tag: Tagged }[] {
  if (mistakes.length === 0) return [{ label: 'mistakes (a telling pair put the wrong way round, { first, then })', tag: {} }];
  return mistakes.map((m) => ({ label: `mistake "${m.then}" before "${m.first}"`, tag: m }));
}

export function formatFailure(f: Failure): string {
  const where = [f.file, f.question].filter(Boolean).join(' › ');
  return `${where}${f.variant ? ` [${f.variant}]` : ''}: ${f.message}`;
}

/** The variants to check: the whole space when small, else seeds 1..N. */
export function variantsToCheck(q: EngineQuestion, options: Required<ValidateOptions>): { params: Params; label: string }[] {
  if (spaceSize(q.params) <= options.smallSpace) return enumerateSpace(q.params).map((params) => ({ params, label: describeParams(params) }));
  const seen = new Set<string>();
  const out: { params: Params; label: string }[] = [];
  for (let seed = 1; seed <= options.seeds; seed++) {
    const params = drawParams(q.params, seed, q.id);
    const key = JSON.stringify(params);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ params, label: `${describeParams(params)} (seed ${seed})` });
  }
  return out;
}

function isEngineChecked(q: Question): boolean {
  return q.kind === 'engine' || q.kind === 'task';
}

/** Validates one quiz (unparsed input) as the file `file`. */
export function validateQuiz(input: unknown, file: string, options: ValidateOptions = {}): LessonResult {
  const opts = { ...validationDefaults, ...options };
  const failures: Failure[] = [];
  const lesson = (input as { lesson?: unknown })?.lesson;
  const warnings: Failure[] = [];
  const result: LessonResult = {
    lesson: typeof lesson === 'string' ? lesson : '?',
    file,
    questions: 0,
    engineChecked: 0,
    factual: 0,
    byKind: {},
    runs: 0,
    skills: {},
    reasoning: 0,
    probed: [],
    untagged: [],
    failures,
    warnings,
  };
  const parsed = quizSchema.safeParse(input);
  if (!parsed.success) {
    const rawQuestions = (input as { questions?: { id?: unknown }[] })?.questions;
    for (const issue of parsed.error.issues) {
      const qi = issue.path[0] === 'questions' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      const qid = qi !== undefined ? rawQuestions?.[qi]?.id : undefined;
      failures.push({ file, question: typeof qid === 'string' ? qid : undefined, message: `${formatPath(issue.path)}: ${issue.message}` });
    }
    return result;
  }
  const quiz: Quiz = parsed.data;
  result.questions = quiz.questions.length;
  const strict = opts.strictLessons.includes(quiz.lesson);
  const rule = (f: Failure) => (strict ? failures : warnings).push(f);
  const probed = new Set<string>();
  for (const q of quiz.questions) {
    result.byKind[q.kind] = (result.byKind[q.kind] ?? 0) + 1;
    if (isEngineChecked(q)) result.engineChecked++;
    else result.factual++;
    const skill = q.skill ?? 'untagged';
    result.skills[skill] = (result.skills[skill] ?? 0) + 1;
    if (q.skill && reasoningSkills.includes(q.skill)) result.reasoning++;
    if (!q.skill)
      rule({ file, question: q.id, message: 'skill: expected what the question asks of the learner (predict, diagnose, design, recall or calculate)' });
    if ('factual' in q && !q.asOf) rule({ file, question: q.id, message: 'asOf: expected the date the fact was checked against its source (YYYY-MM-DD)' });
    for (const id of unreachableMissed(q))
      failures.push({
        file,
        question: q.id,
        message: `option "${id}": missed is shown only when a right option of a multiple select is left out; this option never is one`,
      });
    for (const w of wrongAnswers(q)) {
      if (w.tag.misconception) {
        if (findMisconception(w.tag.misconception)) probed.add(w.tag.misconception);
        else failures.push({ file, question: q.id, message: `${w.label}: unknown misconception "${w.tag.misconception}" (not in quizzes/misconceptions.ts)` });
      } else if (!w.tag.slip) {
        result.untagged.push(`${q.id} › ${w.label}`);
        rule({ file, question: q.id, message: `${w.label}: expected the misconception it diagnoses (misconception: id) or slip: arithmetic | unit | reading` });
      }
    }
    if (q.kind === 'engine') {
      for (const { params, label } of variantsToCheck(q, opts)) {
        let checked;
        try {
          checked = checkEngineVariant(q, params);
        } catch (e) {
          checked = { messages: [`reading the engine failed: ${(e as Error).message}`], runs: 1 };
        }
        result.runs += checked.runs;
        for (const message of checked.messages) failures.push({ file, question: q.id, variant: label, message });
      }
    } else if (q.kind === 'task') {
      result.runs += checkTask(q, (message, variant) => failures.push({ file, question: q.id, variant, message }));
    }
  }
  for (const q of quiz.questions) {
    if (q.kind !== 'task') continue;
    for (const check of Object.keys(q.diagnoses)) {
      if (!q.reject.some((r) => r.because === check))
        failures.push({ file, question: q.id, message: `diagnoses.${check}: no reject example fails this check, so nothing shows that it exists` });
    }
  }
  result.probed = [...probed].sort();
  if (result.questions > 0 && result.reasoning / result.questions < minReasoningShare - 1e-9) {
    rule({ file, message: `${result.reasoning} of ${result.questions} questions ask for reasoning (predict, diagnose, design); expected at least two thirds` });
  }
  if (result.engineChecked === 0) rule({ file, message: 'expected at least one question checked by the engine (an engine question or a task)' });
  return result;
}

/**
 * Validates many quizzes and times it. With `wholeCourse`, the entries are every quiz of the course,
 * so a catalogued misconception that none of them probes is a failure.
 */
export function validateQuizzes(entries: { quiz: unknown; file: string }[], options: ValidateOptions & { wholeCourse?: boolean } = {}): ValidationReport {
  const start = performance.now();
  const lessons = entries.map((e) => validateQuiz(e.quiz, e.file, options));
  const probed = new Set(lessons.flatMap((l) => l.probed));
  const unprobed = options.wholeCourse ? misconceptionCatalogue.filter((m) => !probed.has(m.id)).map((m) => m.id) : [];
  const failures = [
    ...lessons.flatMap((l) => l.failures),
    ...unprobed.map((id) => ({ file: 'quizzes/misconceptions.ts', question: id, message: 'no question has a wrong answer that diagnoses this misconception' })),
  ];
  return { lessons, unprobed, failures, warnings: lessons.flatMap((l) => l.warnings), ok: failures.length === 0, ms: Math.round(performance.now() - start) };
}

export function formatReport(report: ValidationReport): string {
  const lines: string[] = [];
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const w = Math.max(34, ...report.lessons.map((l) => l.file.length + 2));
  lines.push(`${pad('quiz', w)}${pad('questions', 11)}${pad('engine-checked', 16)}${pad('factual', 9)}${pad('engine runs', 13)}result`);
  for (const l of report.lessons) {
    const share = l.questions ? `${l.engineChecked} (${Math.round((100 * l.engineChecked) / l.questions)}%)` : '0';
    lines.push(
      `${pad(l.file, w)}${pad(l.questions, 11)}${pad(share, 16)}${pad(l.factual, 9)}${pad(l.runs, 13)}${l.failures.length ? `${l.failures.length} failure(s)` : 'ok'}`,
    );
  }
  const total = report.lessons.reduce((a, l) => ({ q: a.q + l.questions, e: a.e + l.engineChecked }), { q: 0, e: 0 });
  lines.push('');
  lines.push(`${total.q} questions, ${total.e} engine-checked (${total.q ? Math.round((100 * total.e) / total.q) : 0}%), in ${report.ms} ms.`);
  lines.push('');
  lines.push('What each quiz asks, and the misconceptions its wrong answers diagnose:');
  for (const l of report.lessons) {
    const mix = Object.entries(l.skills)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    const share = l.questions ? Math.round((100 * l.reasoning) / l.questions) : 0;
    lines.push(`  ${l.lesson}: ${l.reasoning} of ${l.questions} reasoning (${share}%): ${mix || 'no questions'}; ${l.engineChecked} engine-checked`);
    lines.push(`    probes ${l.probed.length}: ${l.probed.join(', ') || 'none'}`);
    if (l.untagged.length) lines.push(`    ${l.untagged.length} wrong answer(s) name no misconception or slip: ${l.untagged.join('; ')}`);
  }
  const probedAll = new Set(report.lessons.flatMap((l) => l.probed));
  lines.push(
    `  catalogue: ${misconceptionCatalogue.length} misconceptions, ${misconceptionCatalogue.filter((m) => probedAll.has(m.id)).length} probed${report.unprobed.length ? `; not probed: ${report.unprobed.join(', ')}` : ''}`,
  );
  if (report.warnings.length) {
    lines.push('');
    lines.push(`${report.warnings.length} warning(s) (lessons not yet held to the diagnosis rules):`);
    for (const f of report.warnings) lines.push(`  ! ${formatFailure(f)}`);
  }
  if (report.failures.length) {
    lines.push('');
    lines.push(`${report.failures.length} failure(s):`);
    for (const f of report.failures) lines.push(`  ✗ ${formatFailure(f)}`);
  } else lines.push('Every key agrees with the engine.');
  return lines.join('\n');
}

/**
 * The whole validation, as `npm test` and `npm run quiz -- validate` run it: every quiz of the
 * registry. Exported for the benchmark (`npm run bench`).
 */
export function validateAllQuizzes(options: ValidateOptions = {}): ValidationReport {
  return validateQuizzes(
    quizSources.map((s) => ({ quiz: s.quiz, file: s.file })),
    { ...options, wholeCourse: true },
  );
}
