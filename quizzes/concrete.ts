/**
 * Making a question concrete for one variant: parameters drawn, templates filled, keys resolved,
 * options in a seeded order. The page, the grader and the exporters all work on concrete questions.
 */
import { assertNever } from '@site/sim';
import { composeFeedback } from './misconceptions';
import type { Ask, Concrete, EngineQuestion, ParamValue, Params, Question, Quiz, SlipKind } from './schema';
import { drawParams, fillTemplate, shuffle } from './variants';

/** A key written as a literal or as a formula over the parameters. */
export function resolve<T>(key: T | ((p: Params) => T), p: Params): T {
  return typeof key === 'function' ? (key as (p: Params) => T)(p) : key;
}

export function paramsFor(q: Question, seed: number): Params {
  return q.kind === 'engine' ? drawParams(q.params, seed, q.id) : {};
}

export function formatChoice(ask: Extract<Ask, { type: 'choice' }>, value: ParamValue, p: Params): string {
  if (ask.format) return ask.format(value, p);
  return ask.unit ? `${value} ${ask.unit}` : String(value);
}

type Tag = { misconception?: string; slip?: SlipKind };

/** A wrong answer's diagnosis as data, without empty fields. */
function tagOf(t: Tag): Tag {
  return { ...(t.misconception ? { misconception: t.misconception } : {}), ...(t.slip ? { slip: t.slip } : {}) };
}

/** A wrong answer's feedback (the author's note, filled in, then its diagnosis) and its tag. */
function wrongAnswer(note: string | undefined, t: Tag, texts: Params): { feedback?: string } & Tag {
  const feedback = composeFeedback(note && fillTemplate(note, texts), t);
  return { ...(feedback ? { feedback } : {}), ...tagOf(t) };
}

/** What leaving out a right option suggests, in words, or nothing when the author gave no diagnosis. */
function missedOf(m: ({ feedback?: string } & Tag) | undefined, texts: Params): { missed?: { feedback: string } & Tag } {
  if (!m) return {};
  return { missed: { feedback: composeFeedback(m.feedback && fillTemplate(m.feedback, texts), m) ?? '', ...tagOf(m) } };
}

/** An ordering's telling mistakes, in words. */
function mistakesOf(mistakes: readonly ({ first: string; then: string; feedback?: string } & Tag)[], texts: Params) {
  return mistakes.length
    ? {
        mistakes: mistakes.map((m) => ({
          first: m.first,
          then: m.then,
          feedback: composeFeedback(m.feedback && fillTemplate(m.feedback, texts), m) ?? '',
          ...tagOf(m),
        })),
      }
    : {};
}

/** The choice ask's values, key first: what the validator compares with the engine. */
export function choiceValues(
  ask: Extract<Ask, { type: 'choice' }>,
  p: Params,
  texts: Params = p,
): ({ value: ParamValue; correct: boolean; feedback?: string } & Tag)[] {
  return [
    { value: resolve(ask.key, p), correct: true },
    ...ask.distractors.map((d) => ({ value: resolve(d.value, p), correct: false, ...wrongAnswer(d.feedback, d, texts) })),
  ];
}

/** What `{name}` may refer to in an engine question's texts: its parameters and its given values. */
export function textValues(q: EngineQuestion, p: Params): Params {
  return q.given ? { ...p, ...q.given(p) } : p;
}

function concreteEngine(q: EngineQuestion, seed: number, p: Params): Concrete {
  const t = textValues(q, p);
  const base = {
    id: q.id,
    prompt: fillTemplate(q.prompt, t),
    explanation: fillTemplate(q.explanation, t),
    hints: q.hints.map((h) => fillTemplate(h, t)),
    ...(q.skill ? { skill: q.skill } : {}),
    engine: true,
    params: { ...p },
  };
  const ask = q.ask;
  switch (ask.type) {
    case 'choice': {
      const values = shuffle(choiceValues(ask, p, t), seed, q.id);
      return {
        form: 'single',
        ...base,
        options: values.map((v, i) => ({
          id: `o${i + 1}`,
          text: formatChoice(ask, v.value, p),
          correct: v.correct,
          ...(v.feedback ? { feedback: v.feedback } : {}),
          ...tagOf(v),
        })),
      };
    }
    case 'numeric':
      return {
        form: 'numeric',
        ...base,
        key: resolve(ask.key, p),
        unit: ask.unit,
        tolerance: ask.tolerance,
        distractors: ask.distractors.map((d) => ({ value: resolve(d.value, p), feedback: composeFeedback(fillTemplate(d.feedback, t), d)!, ...tagOf(d) })),
      };
    case 'claims':
      return {
        form: ask.multiple ? 'multiple' : 'single',
        ...base,
        options: shuffle(ask.options, seed, q.id).map((o) => {
          const correct = resolve(o.correct, p);
          // An option true in this variant diagnoses nothing here; its note still explains it.
          const extra = correct
            ? { ...(o.feedback ? { feedback: fillTemplate(o.feedback, t) } : {}), ...(ask.multiple ? missedOf(o.missed, t) : {}) }
            : wrongAnswer(o.feedback, o, t);
          return { id: o.id, text: fillTemplate(o.text, t), correct, ...extra };
        }),
      };
    case 'ordering':
      return {
        form: 'ordering',
        ...base,
        items: ask.items.map((i) => ({ id: i.id, text: fillTemplate(i.text, t) })),
        start: shuffle(
          ask.items.map((i) => i.id),
          seed,
          q.id,
        ),
        ...mistakesOf(ask.mistakes, t),
      };
    default:
      return assertNever(ask);
  }
}

/** One question for one variant. `params` overrides the draw (the validator sweeps a space). */
export function concretize(q: Question, seed: number, params: Params = paramsFor(q, seed)): Concrete {
  const base = { id: q.id, prompt: q.prompt, explanation: q.explanation, hints: q.hints, ...(q.skill ? { skill: q.skill } : {}), params: {} };
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return {
        form: q.kind,
        ...base,
        engine: false,
        source: q.source,
        ...(q.asOf ? { sourceAsOf: q.asOf } : {}),
        options: shuffle(q.options, seed, q.id).map((o) => ({
          id: o.id,
          text: o.text,
          correct: o.correct,
          ...(o.correct
            ? { ...(o.feedback ? { feedback: o.feedback } : {}), ...(q.kind === 'multiple' ? missedOf(o.missed, {}) : {}) }
            : wrongAnswer(o.feedback, o, {})),
        })),
      };
    case 'numeric':
      return {
        form: 'numeric',
        ...base,
        engine: false,
        source: q.source,
        ...(q.asOf ? { sourceAsOf: q.asOf } : {}),
        key: q.key,
        unit: q.unit,
        tolerance: q.tolerance,
        distractors: q.distractors.map((d) => ({ value: d.value, feedback: composeFeedback(d.feedback, d)!, ...tagOf(d) })),
      };
    case 'ordering':
      return {
        form: 'ordering',
        ...base,
        engine: false,
        source: q.source,
        ...(q.asOf ? { sourceAsOf: q.asOf } : {}),
        items: q.items,
        start: shuffle(
          q.items.map((i) => i.id),
          seed,
          q.id,
        ),
        ...mistakesOf(q.mistakes, {}),
      };
    case 'engine':
      return concreteEngine(q, seed, params);
    case 'task':
      return {
        form: 'task',
        ...base,
        engine: true,
        controls: q.controls,
        diagnoses: Object.fromEntries(Object.entries(q.diagnoses).map(([check, d]) => [check, { feedback: composeFeedback(undefined, d) ?? '', ...tagOf(d) }])),
      };
    default:
      return assertNever(q);
  }
}

/** The misconceptions a question's wrong answers diagnose, in any variant. */
export function probesOf(q: Question): string[] {
  const tags: Tag[] = [];
  if (q.kind === 'single' || q.kind === 'multiple') tags.push(...q.options, ...q.options.flatMap((o) => (o.missed ? [o.missed] : [])));
  else if (q.kind === 'numeric') tags.push(...q.distractors);
  else if (q.kind === 'ordering') tags.push(...q.mistakes);
  else if (q.kind === 'task') tags.push(...Object.values(q.diagnoses));
  else if (q.kind === 'engine') {
    const ask = q.ask;
    if (ask.type === 'choice' || ask.type === 'numeric') tags.push(...ask.distractors);
    if (ask.type === 'claims') tags.push(...ask.options, ...ask.options.flatMap((o) => (o.missed ? [o.missed] : [])));
    if (ask.type === 'ordering') tags.push(...ask.mistakes);
  }
  return [...new Set(tags.flatMap((t) => (t.misconception ? [t.misconception] : [])))];
}

export function concreteQuiz(quiz: Quiz, seed: number): Concrete[] {
  return quiz.questions.map((q) => concretize(q, seed));
}
