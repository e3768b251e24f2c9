/**
 * A reader's flow through a quiz: answer one question wrongly and another correctly, see the grade
 * (`[data-testid="quiz-result"]`), reload and find the progress kept, corrupt the saved progress
 * and see a notice instead of a crash.
 *
 * The page is opened on a variant link (`?v-<quiz>=<seed>`), so the suite knows the variant; the
 * right answers come from the quiz's own definition, made concrete for that seed in Node
 * (quizzes/concrete.ts), never from the page. What the suite relies on in the DOM:
 *   [data-quiz="<quiz id>"]                     the quiz (optionally data-variant="<seed>")
 *   [data-question="<question id>"]             each question inside it
 *   input[type=radio|checkbox][value="<option id>"]   single / multiple choice options
 *   an input[type=text|number] (or inputmode)   a numeric answer
 *   a button named Check / Submit / Grade       grades the question (in the question, else the quiz)
 *   [data-testid="quiz-result"]                 the running grade: data-score (points), or text "N / M" / "N of M"
 *   [role=alert] | [role=status] | [data-testid=notice]   the notice when saved progress is unreadable
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { projectRoot } from './site';
import { visit } from './browser';

export const quizSelector = (id: string): string => `[data-quiz=${JSON.stringify(id)}]`;

export async function quizIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-quiz]', (els) => els.map((e) => e.getAttribute('data-quiz') ?? ''));
}

interface Diagnosed {
  misconception?: string;
  slip?: string;
}
interface ConcreteOption extends Diagnosed {
  id: string;
  correct: boolean;
}
interface ConcreteQuestion {
  id: string;
  form: string;
  options?: ConcreteOption[];
  key?: number;
  tolerance?: number;
  distractors?: (Diagnosed & { value: number })[];
}

type AnyModule = Record<string, unknown>;

async function importTs(rel: string): Promise<AnyModule | null> {
  const file = join(projectRoot, rel);
  if (!existsSync(file)) return null;
  return (await import(pathToFileURL(file).href)) as AnyModule;
}

/** The quiz's questions made concrete for `seed`, from its definition in quizzes/. */
export async function concreteQuestions(quizId: string, seed: number): Promise<ConcreteQuestion[]> {
  const index = await importTs('quizzes/index.ts');
  const loadQuiz = index?.loadQuiz as ((id: string) => { quiz: unknown } | { error: string } | undefined) | undefined;
  if (!loadQuiz) throw new Error('quizzes/index.ts does not export loadQuiz(lesson)');
  const loaded = loadQuiz(quizId);
  if (!loaded) throw new Error(`quizzes/index.ts has no quiz "${quizId}"`);
  if ('error' in loaded) throw new Error(`quiz "${quizId}" does not load: ${loaded.error}`);
  const concrete = await importTs('quizzes/concrete.ts');
  const concreteQuiz = concrete?.concreteQuiz as ((quiz: unknown, seed: number) => ConcreteQuestion[]) | undefined;
  if (!concreteQuiz) throw new Error('quizzes/concrete.ts does not export concreteQuiz(quiz, seed)');
  return concreteQuiz(loaded.quiz, seed);
}

/** Reads a number from the quiz: an attribute of the agreed hook, else a pattern in some text. */
async function readQuizNumber(page: Page, quizId: string, what: 'score' | 'best'): Promise<number | null> {
  return page.evaluate(
    ([sel, kind]) => {
      const quiz = document.querySelector(sel);
      if (!quiz) return null;
      const visible = (e: Element) => (e as HTMLElement).getClientRects().length > 0;
      const hook = quiz.querySelector(kind === 'score' ? '[data-testid="quiz-result"]' : '[data-testid="quiz-progress"]');
      if (hook && visible(hook)) {
        const attr = hook.getAttribute(kind === 'score' ? 'data-score' : 'data-best');
        if (attr !== null && attr.trim() !== '' && Number.isFinite(Number(attr))) return Number(attr);
      }
      const fraction = String.raw`(\d+(?:\.\d+)?)\s*(?:\/|of)\s*\d+`;
      if (kind === 'score') {
        const el = hook ?? Array.from(quiz.querySelectorAll('p, div, span, output')).find((e) => /^\s*score\b/i.test(e.textContent ?? '') && visible(e));
        const m = el ? new RegExp(fraction).exec(el.textContent ?? '') : null;
        return m ? Number(m[1]) : null;
      }
      const m = new RegExp(String.raw`best[^0-9]*` + fraction, 'i').exec((hook ?? quiz).textContent ?? '');
      return m ? Number(m[1]) : null;
    },
    [quizSelector(quizId), what] as const,
  );
}

const score = (page: Page, quizId: string) => readQuizNumber(page, quizId, 'score');

async function waitForScore(page: Page, quizId: string, accept: (s: number) => boolean): Promise<number | null> {
  const deadline = Date.now() + 10_000;
  let s = await score(page, quizId);
  while ((s === null || !accept(s)) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    s = await score(page, quizId);
  }
  return s;
}

/** A wrong answer chosen on purpose: this option, or this number. */
type Wrong = { option: ConcreteOption } | { value: number };

async function answer(page: Page, quizId: string, q: ConcreteQuestion, correctly: boolean, wrong?: Wrong): Promise<string | null> {
  const quiz = page.locator(quizSelector(quizId));
  let question = quiz.locator(`[data-question=${JSON.stringify(q.id)}]`);
  if ((await question.count()) === 0) question = quiz.locator(`section[aria-labelledby$=${JSON.stringify(`-${q.id}-title`)}]`);
  if ((await question.count()) === 0) return `question ${q.id}: no [data-question="${q.id}"] in the quiz`;
  if (!(await question.first().isVisible())) {
    const showAll = quiz.getByLabel(/all questions/i);
    if ((await showAll.count()) > 0) await showAll.first().check();
    if (!(await question.first().isVisible())) return `question ${q.id}: hidden, and no control labelled "all questions" shows it`;
  }
  if (q.form === 'single' || q.form === 'multiple') {
    const opts = q.options ?? [];
    const chosenWrong = wrong && 'option' in wrong ? wrong.option : opts.find((o) => !o.correct)!;
    const pick = correctly ? opts.filter((o) => o.correct) : [chosenWrong];
    // Every option set as wanted: after Try again, the earlier choice is still ticked.
    for (const o of q.form === 'multiple' ? opts : pick) {
      const input = question.locator(`input[value=${JSON.stringify(o.id)}]`);
      if ((await input.count()) === 0) return `question ${q.id}: no input with value "${o.id}" (options must be native radios/checkboxes valued by option id)`;
      await input.first().setChecked(pick.includes(o));
    }
  } else if (q.form === 'numeric') {
    const key = q.key ?? 0;
    const unforeseen = key + Math.max(1, Math.abs(key)) * 10 + (q.tolerance ?? 0) * 10;
    // Large numbers typed as the lessons write them: with thousands commas.
    const value = correctly
      ? Math.abs(key) >= 1000
        ? key.toLocaleString('en', { maximumFractionDigits: 12 })
        : key
      : wrong && 'value' in wrong
        ? wrong.value
        : unforeseen;
    const input = question.locator('input[type=text], input[type=number], input[inputmode]');
    if ((await input.count()) === 0) return `question ${q.id}: no text or number input for a numeric answer`;
    await input.first().fill(String(value));
  } else {
    return `question ${q.id}: form ${q.form} is not answered by the suite`;
  }
  const buttonName = /check|submit|grade/i;
  let button = question.getByRole('button', { name: buttonName });
  if ((await button.count()) === 0) button = page.locator(quizSelector(quizId)).getByRole('button', { name: buttonName });
  if ((await button.count()) === 0) return `question ${q.id}: no Check/Submit/Grade button`;
  await button.first().click();
  return null;
}

/** Focuses Try again (where Check leaves focus), presses Enter, and says what is wrong afterwards, or null. */
async function tryAgainByKeyboard(page: Page, quizId: string, q: ConcreteQuestion): Promise<string | null> {
  const question = page.locator(`${quizSelector(quizId)} [data-question=${JSON.stringify(q.id)}]`);
  const retry = question.getByRole('button', { name: 'Try again' });
  if ((await retry.count()) === 0) return `no Try again button after grading ${q.id}`;
  // Focus arrives with the button; under load the page may still be committing when the grade shows.
  const focused = await retry.first().evaluate(
    (el) =>
      new Promise<boolean>((done) => {
        const start = performance.now();
        const poll = () => (el === document.activeElement ? done(true) : performance.now() - start > 5000 ? done(false) : setTimeout(poll, 50));
        poll();
      }),
  );
  if (!focused) return `focus is not on Try again after grading ${q.id} (it is on ${await page.evaluate(() => document.activeElement?.tagName ?? 'nothing')})`;
  await page.keyboard.press('Enter');
  // Until the question has opened again (or 5 s): a loaded machine may take a while to commit.
  await question
    .evaluate(
      (el) =>
        new Promise<void>((done) => {
          const start = performance.now();
          const open = () => !(el.querySelector('fieldset')?.disabled ?? true) && el.querySelector('fieldset')?.contains(document.activeElement);
          const poll = () => (open() || performance.now() - start > 5000 ? done() : setTimeout(poll, 50));
          poll();
        }),
    )
    .catch(() => undefined);
  const state = await question.evaluate((el) => ({
    retry: Array.from(el.querySelectorAll('button')).some((b) => b.textContent?.trim() === 'Try again'),
    disabled: el.querySelector('fieldset')?.disabled ?? true,
    status: el.querySelector('[role="status"]')?.textContent?.trim() ?? '',
    focusInside: el.querySelector('fieldset')?.contains(document.activeElement) ?? false,
  }));
  if (state.retry || state.status !== '') return `Try again on ${q.id} graded the same answer again (status ${JSON.stringify(state.status)})`;
  if (state.disabled) return `after Try again on ${q.id} the answer fields stay disabled`;
  if (!state.focusInside)
    return `after Try again on ${q.id} focus is not on the answer (it is on ${await page.evaluate(() => document.activeElement?.tagName ?? 'nothing')})`;
  return null;
}

async function storageSnapshot(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      out[k] = localStorage.getItem(k) ?? '';
    }
    return out;
  });
}

/** The misconception catalogue's section address for an id, from quizzes/misconceptions.ts. */
async function sectionOf(id: string): Promise<string | null> {
  const mod = await importTs('quizzes/misconceptions.ts');
  const find = mod?.findMisconception as ((id: string) => { lesson: string; anchor: string } | undefined) | undefined;
  const m = find?.(id);
  return m ? `/docs/lessons/${m.lesson}#${m.anchor}` : null;
}

/**
 * Answers `q` wrongly with `wrong` and checks what the page says: the answer is not given away on a
 * first try, and the diagnosis names the misconception (with its section's link) or the slip. Then
 * presses Try again. Returns problems; `seen` collects the misconceptions shown.
 */
async function wrongAnswerDiagnosed(
  page: Page,
  quizId: string,
  q: ConcreteQuestion,
  wrong: Wrong,
  tag: Diagnosed,
  seen: Set<string>,
  steps: string[],
): Promise<string[]> {
  const problems: string[] = [];
  const question = page.locator(`${quizSelector(quizId)} [data-question=${JSON.stringify(q.id)}]`);
  // A question already graded is opened again first.
  const open = question.getByRole('button', { name: 'Try again' });
  if ((await open.count()) > 0) await open.first().click();
  const e = await answer(page, quizId, q, false, wrong);
  if (e) return [e];
  const what = 'option' in wrong ? `option ${wrong.option.id}` : `${wrong.value}`;
  const diag = question.locator('[data-testid="diagnosis"]');
  if (tag.misconception) {
    const item = diag.locator(`[data-misconception=${JSON.stringify(tag.misconception)}]`);
    const ok = await item
      .first()
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    if (!ok) problems.push(`${q.id}, ${what}: no diagnosis of "${tag.misconception}" after the wrong answer`);
    else {
      const href = await item.first().locator('[data-testid="diagnosis-link"]').getAttribute('href');
      const want = await sectionOf(tag.misconception);
      if (href !== want) problems.push(`${q.id}, ${what}: the diagnosis links to ${href}, expected ${want}`);
      seen.add(tag.misconception);
    }
  } else if (tag.slip) {
    const ok = await diag
      .locator(`[data-slip=${JSON.stringify(tag.slip)}]`)
      .first()
      .waitFor({ timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    if (!ok) problems.push(`${q.id}, ${what}: no "slip" diagnosis (${tag.slip}) after the wrong answer`);
  }
  const text = (await question.textContent()) ?? '';
  steps.push(
    `answered ${q.id} with ${what} (${tag.misconception ?? `slip: ${tag.slip}`}): ${problems.length ? 'diagnosis missing or wrong' : 'diagnosis and link shown'}`,
  );
  const retry = question.getByRole('button', { name: 'Try again' });
  const firstTry = (await question.getByRole('button', { name: 'Show the answer' }).count()) > 0;
  if (firstTry && (/This is the answer\./.test(text) || /The answer is /.test(text)))
    problems.push(`${q.id}, ${what}: a first wrong try gives the answer away`);
  if ((await retry.count()) === 0) problems.push(`${q.id}: no Try again after a wrong answer`);
  else await retry.first().click();
  return problems;
}

/** The progress page's misconception map: the ids it lists, or null if it is not there. */
async function mapIds(page: Page): Promise<string[] | null> {
  const ok = await page
    .locator('[data-testid="misconception-map"]')
    .first()
    .waitFor({ timeout: 5000 })
    .then(
      () => true,
      () => false,
    );
  if (!ok) return null;
  return page.$$eval('[data-testid="misconception-map"] li[data-misconception]', (els) => els.map((e) => e.getAttribute('data-misconception') ?? ''));
}

export async function quizFlow(page: Page, url: string, quizId: string, seed: number): Promise<{ problems: string[]; steps: string[] }> {
  const problems: string[] = [];
  const steps: string[] = [];
  const questions = await concreteQuestions(quizId, seed);
  const answerable = questions.filter(
    (q) => ['single', 'multiple', 'numeric'].includes(q.form) && (q.form !== 'single' || (q.options ?? []).some((o) => !o.correct)),
  );
  if (answerable.length < 2) return { problems: [`quiz ${quizId}: fewer than two choice or numeric questions to answer`], steps };
  const [wrongQ, rightQ] = answerable;

  const variant = await page.locator(quizSelector(quizId)).getAttribute('data-variant');
  if (variant !== null && Number(variant) !== seed)
    problems.push(`quiz ${quizId}: variant link asked for seed ${seed}, the quiz shows data-variant="${variant}"`);
  const storedBefore = await storageSnapshot(page);
  const start = (await score(page, quizId)) ?? 0;

  const e1 = await answer(page, quizId, wrongQ, false);
  if (e1) return { problems: [...problems, `quiz ${quizId}: ${e1}`], steps };
  const afterWrong = await waitForScore(page, quizId, () => true);
  steps.push(`answered ${wrongQ.id} wrongly: grade ${afterWrong}`);
  if (afterWrong === null) problems.push(`quiz ${quizId}: no grade ([data-testid="quiz-result"] with data-score or "N / M") after answering ${wrongQ.id}`);
  else if (afterWrong !== start) problems.push(`quiz ${quizId}: a wrong answer to ${wrongQ.id} changed the grade from ${start} to ${afterWrong}`);

  // Try again, by keyboard as a reader would: the question opens again, ungraded, and a right answer counts.
  const retryProblem = await tryAgainByKeyboard(page, quizId, wrongQ);
  steps.push(`pressed Try again on ${wrongQ.id} with Enter: ${retryProblem ?? 'the question is open again, focus on its answer'}`);
  // The rest answers this question again: with its fields still disabled that could only time out.
  if (retryProblem) return { problems: [...problems, `quiz ${quizId}: ${retryProblem}`], steps };
  const e3 = await answer(page, quizId, wrongQ, true);
  if (e3) return { problems: [...problems, `quiz ${quizId}: ${e3}`], steps };
  const afterRetry = await waitForScore(page, quizId, (s) => s > start);
  steps.push(`answered ${wrongQ.id} again, correctly: grade ${afterRetry}`);
  if (afterRetry !== start + 1)
    problems.push(
      `quiz ${quizId}: a right answer after Try again on ${wrongQ.id} should raise the grade from ${start} to ${start + 1}, it shows ${afterRetry}`,
    );

  // Each kind of wrong answer, on one question of this lesson: every tagged wrong option of a choice
  // question (a misconception or a slip), and a known wrong number of a numeric one.
  const seen = new Set<string>();
  const choice =
    questions.find((q) => q.form === 'single' && (q.options ?? []).some((o) => !o.correct && o.misconception)) ??
    questions.find((q) => q.form === 'multiple' && (q.options ?? []).some((o) => !o.correct && o.misconception));
  if (!choice) problems.push(`quiz ${quizId}: no choice question with a wrong option that names a misconception`);
  else {
    for (const o of (choice.options ?? []).filter((x) => !x.correct && (x.misconception || x.slip))) {
      for (const p of await wrongAnswerDiagnosed(page, quizId, choice, { option: o }, o, seen, steps)) problems.push(`quiz ${quizId}: ${p}`);
    }
  }
  const numeric = questions.find((q) => q.form === 'numeric' && (q.distractors ?? []).some((d) => d.misconception || d.slip));
  if (numeric) {
    const d = numeric.distractors!.find((x) => x.misconception || x.slip)!;
    for (const p of await wrongAnswerDiagnosed(page, quizId, numeric, { value: d.value }, d, seen, steps)) problems.push(`quiz ${quizId}: ${p}`);
  }
  // The question answered right before is answered right again, so the grade is as it was.
  if (choice?.id === wrongQ.id || numeric?.id === wrongQ.id) {
    const again = await answer(page, quizId, wrongQ, true);
    if (again) problems.push(`quiz ${quizId}: ${again}`);
    await waitForScore(page, quizId, (s) => s === start + 1);
  }

  const e2 = await answer(page, quizId, rightQ, true);
  if (e2) return { problems: [...problems, `quiz ${quizId}: ${e2}`], steps };
  const afterRight = await waitForScore(page, quizId, (s) => s > start + 1);
  steps.push(`answered ${rightQ.id} correctly: grade ${afterRight}`);
  if (afterRight === null || afterRight !== start + 2)
    problems.push(`quiz ${quizId}: a correct answer to ${rightQ.id} should raise the grade from ${start + 1} to ${start + 2}, it shows ${afterRight}`);

  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true', null, { timeout: 20_000 });
  let best = await readQuizNumber(page, quizId, 'best');
  for (let i = 0; i < 100 && best !== afterRight; i++) {
    await page.waitForTimeout(100);
    best = await readQuizNumber(page, quizId, 'best');
  }
  steps.push(`reloaded: saved progress shows best ${best}`);
  if (best !== afterRight) problems.push(`quiz ${quizId}: progress not shown after a reload (grade ${afterRight} before; saved best read after: ${best})`);
  for (const q of [wrongQ, rightQ]) {
    const shown = await page
      .locator(`${quizSelector(quizId)} [data-question=${JSON.stringify(q.id)}] [role="status"]`)
      .first()
      .textContent({ timeout: 10_000 })
      .catch(() => null);
    steps.push(`after the reload, ${q.id} says ${JSON.stringify(shown)}`);
    if (!shown || !/^Correct/.test(shown.trim()))
      problems.push(`quiz ${quizId}: after a reload, ${q.id} shows ${JSON.stringify(shown)}, not its saved right answer graded`);
  }

  const storedAfter = await storageSnapshot(page);
  const progressKeys = Object.keys(storedAfter).filter((k) => storedAfter[k] !== storedBefore[k]);
  if (progressKeys.length === 0) {
    problems.push(`quiz ${quizId}: answering left nothing in localStorage`);
    return { problems, steps };
  }
  steps.push(`progress keys: ${progressKeys.join(', ')}`);

  // The progress page's map lists the beliefs the wrong answers suggested, and keeps them over a reload.
  const progressUrl = new URL('/progress', url).toString();
  await visit(page, progressUrl);
  const listed = await mapIds(page);
  const missing = [...seen].filter((id) => !(listed ?? []).includes(id));
  steps.push(`progress page map: ${listed === null ? 'missing' : listed.join(', ') || 'empty'}`);
  if (listed === null) problems.push(`quiz ${quizId}: the progress page has no misconception map ([data-testid="misconception-map"])`);
  else if (missing.length) problems.push(`quiz ${quizId}: the progress page's map does not list ${missing.join(', ')}`);
  await page.reload({ waitUntil: 'load' });
  const again = await mapIds(page);
  if (listed && JSON.stringify(again) !== JSON.stringify(listed))
    problems.push(`quiz ${quizId}: the map changed over a reload: ${JSON.stringify(listed)} then ${JSON.stringify(again)}`);
  await page.evaluate(([keys]) => keys.forEach((k) => localStorage.setItem(k, '{"version":1,"lessons":{},"misconceptions":{"x":1}}')), [progressKeys] as const);
  await visit(page, progressUrl);
  const afterCorrupt = await mapIds(page);
  const alert = await page
    .locator('[role="alert"]')
    .first()
    .textContent({ timeout: 10_000 })
    .catch(() => null);
  steps.push(`corrupted the map: map ${JSON.stringify(afterCorrupt)}, notice ${JSON.stringify(alert)}`);
  if (afterCorrupt === null) problems.push(`quiz ${quizId}: the progress page lost its map after the stored map was corrupted`);
  if (!alert) problems.push(`quiz ${quizId}: no notice on the progress page after the stored map was corrupted`);
  await visit(page, url);
  for (const corrupt of ['{"not json', '{"version":999,"quizzes":"nonsense"}']) {
    await page.evaluate(([keys, value]) => keys.forEach((k) => localStorage.setItem(k, value)), [progressKeys, corrupt] as const);
    await visit(page, url);
    const notice = await page
      .waitForFunction(
        (sel) => {
          const visible = (x: Element) => (x.textContent ?? '').trim() !== '' && x.getClientRects().length > 0;
          const inQuiz = Array.from(document.querySelector(sel)?.querySelectorAll('[role="alert"], [data-testid="notice"]') ?? []).find(visible);
          const onPage = Array.from(document.querySelectorAll('[role="alert"]')).find(visible);
          const n = inQuiz ?? onPage;
          return n ? (n.textContent ?? '').trim() : false;
        },
        quizSelector(quizId),
        { timeout: 10_000 },
      )
      .then((h) => h.jsonValue())
      .catch(() => false);
    steps.push(`corrupted progress (${corrupt}): notice ${JSON.stringify(notice)}`);
    if (notice === false) problems.push(`quiz ${quizId}: no visible notice after corrupting saved progress with ${corrupt}`);
    if ((await page.locator(quizSelector(quizId)).count()) === 0)
      problems.push(`quiz ${quizId}: the quiz is gone after corrupting saved progress with ${corrupt}`);
  }
  return { problems, steps };
}
