/**
 * Validation: every quiz against its schema, and every engine question and task against the engine.
 * Two derivations must agree: the author's key (a literal or a formula) and what the engine does.
 * Used by the test suite (test/quizzes/) and by `npm run quiz -- validate`.
 */
import { checkEngineVariant, checkTask } from './checks';
import { quizSources } from './index';
import { quizSchema, type EngineQuestion, type Params, type Question, type Quiz } from './schema';
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
  failures: Failure[];
}

export interface ValidationReport {
  lessons: LessonResult[];
  failures: Failure[];
  ok: boolean;
  ms: number;
}

export interface ValidateOptions {
  /** A space of at most this many combinations is checked whole. */
  smallSpace?: number;
  /** Otherwise, this many seeds (1..seeds) are drawn. */
  seeds?: number;
}

export const validationDefaults: Required<ValidateOptions> = { smallSpace: 64, seeds: 50 };

export function formatFailure(f: Failure): string {
  const where = [f.file, f.question].filter(Boolean).join(' › ');
  return `${where}${f.variant ? ` [${f.variant}]` : ''}: ${f.message}`;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
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
  const result: LessonResult = { lesson: typeof lesson === 'string' ? lesson : '?', file, questions: 0, engineChecked: 0, factual: 0, byKind: {}, runs: 0, failures };
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
  for (const q of quiz.questions) {
    result.byKind[q.kind] = (result.byKind[q.kind] ?? 0) + 1;
    if (isEngineChecked(q)) result.engineChecked++;
    else result.factual++;
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
  return result;
}

/** Validates many quizzes and times it. */
export function validateQuizzes(entries: { quiz: unknown; file: string }[], options: ValidateOptions = {}): ValidationReport {
  const start = performance.now();
  const lessons = entries.map((e) => validateQuiz(e.quiz, e.file, options));
  const failures = lessons.flatMap((l) => l.failures);
  return { lessons, failures, ok: failures.length === 0, ms: Math.round(performance.now() - start) };
}

export function formatReport(report: ValidationReport): string {
  const lines: string[] = [];
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const w = Math.max(34, ...report.lessons.map((l) => l.file.length + 2));
  lines.push(`${pad('quiz', w)}${pad('questions', 11)}${pad('engine-checked', 16)}${pad('factual', 9)}${pad('engine runs', 13)}result`);
  for (const l of report.lessons) {
    const share = l.questions ? `${l.engineChecked} (${Math.round((100 * l.engineChecked) / l.questions)}%)` : '0';
    lines.push(`${pad(l.file, w)}${pad(l.questions, 11)}${pad(share, 16)}${pad(l.factual, 9)}${pad(l.runs, 13)}${l.failures.length ? `${l.failures.length} failure(s)` : 'ok'}`);
  }
  const total = report.lessons.reduce((a, l) => ({ q: a.q + l.questions, e: a.e + l.engineChecked }), { q: 0, e: 0 });
  lines.push('');
  lines.push(`${total.q} questions, ${total.e} engine-checked (${total.q ? Math.round((100 * total.e) / total.q) : 0}%), in ${report.ms} ms.`);
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
  return validateQuizzes(quizSources.map((s) => ({ quiz: s.quiz, file: s.file })), options);
}
