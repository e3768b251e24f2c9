/**
 * The quiz format: the single source of truth for what a quiz file may say. Types come from these
 * schemas (z.infer). Functions (scenarios, keys written as formulas, ways to read the engine) are
 * checked to be functions here; what they return is checked by the validator (quizzes/validate.ts).
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import type { cpu, Report, ScenarioInput } from '@site/sim';

import { lessonIds } from './lessons';

// English messages, as full zod writes them (zod/mini, so a page bundles only the parts of zod it uses).
z.config(en());

export { lessonIds };
export const lessonIdSchema = z.enum(lessonIds, { error: `expected a lesson id (${lessonIds.join(', ')})` });
export type LessonId = z.infer<typeof lessonIdSchema>;

const slug = z.string({ error: 'expected an id' }).check(
  z.regex(/^[a-z][a-z0-9-]{0,59}$/, {
    error: 'expected an id of lowercase letters, digits and dashes, starting with a letter',
  }),
);
const ident = z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, { error: 'expected a name of letters and digits, starting with a letter' }));
const text = z.string({ error: 'expected some text' }).check(z.trim(), z.minLength(1, { error: 'expected some text' }));
const fn = <F>(what: string) => z.custom<F>((v) => typeof v === 'function', { error: `expected ${what}` });

/** A parameter's value: what a variant draws. */
export const paramValueSchema = z.union([z.number(), z.string().check(z.minLength(1))], { error: 'expected a number or a string' });
export type ParamValue = z.infer<typeof paramValueSchema>;
/** One variant's parameters. Every function an author writes takes them as its last argument. */
export type Params = Readonly<Record<string, ParamValue>>;
/** Each parameter with the values a variant may draw; the space is their product. */
export const paramSpaceSchema = z.record(ident, z.array(paramValueSchema).check(z.minLength(1, { error: 'expected at least one value' })));

/**
 * What a question asks the learner to do. Reasoning: predict what happens and why, diagnose a
 * symptom, design and defend a choice. Not reasoning: recall a fact, or calculate a sum.
 */
export const skills = ['predict', 'diagnose', 'design', 'recall', 'calculate'] as const;
export const reasoningSkills: readonly Skill[] = ['predict', 'diagnose', 'design'];
export const skillSchema = z.enum(skills, { error: `expected a skill (${skills.join(', ')})` });
export type Skill = z.infer<typeof skillSchema>;

/** A wrong answer that shows a mistake in carrying out the idea rather than a wrong idea. */
export const slipKinds = ['arithmetic', 'unit', 'reading', 'estimate'] as const;
export const slipKindSchema = z.enum(slipKinds, { error: `expected a kind of slip (${slipKinds.join(', ')})` });
export type SlipKind = z.infer<typeof slipKindSchema>;

/**
 * What a wrong answer diagnoses: a misconception of the catalogue (quizzes/misconceptions.ts) by
 * id, or a slip. The validator checks the id and that each wrong answer carries one of the two.
 */
const diagnosis = {
  misconception: z.optional(slug),
  slip: z.optional(slipKindSchema),
};
function oneDiagnosis(d: { misconception?: string; slip?: string }, ctx: z.core.$RefinementCtx, path: PropertyKey[]): void {
  if (d.misconception && d.slip) ctx.addIssue({ code: 'custom', path, message: 'expected a misconception or a slip, not both' });
}

const common = {
  id: slug,
  /** What the question asks of the learner; the validator reports each lesson's mix. */
  skill: z.optional(skillSchema),
  /** The question; `{name}` is replaced by the variant's parameter `name`. */
  prompt: text,
  /** Shown after grading. */
  explanation: text,
  /** Revealed one at a time on request. */
  hints: z._default(z.array(text), []),
};

/** A question the engine cannot check: a real-cloud fact, with where it is written down. */
const factual = {
  factual: z.literal(true, { error: 'expected factual: true (a question the engine does not check must say so, with a source)' }),
  source: z.url({ protocol: /^https?$/, error: 'expected the http(s) URL of the source of the fact' }),
  /** When the fact was last checked against its source (YYYY-MM-DD). */
  asOf: z.optional(z.iso.date({ error: 'expected the date the fact was checked against its source (YYYY-MM-DD)' })),
};

/** A diagnosis that exists only to say something: a misconception or a slip, exactly one. */
function exactlyOneDiagnosis(d: { misconception?: string; slip?: string }, ctx: z.core.$RefinementCtx): void {
  oneDiagnosis(d, ctx, []);
  if (!d.misconception && !d.slip) ctx.addIssue({ code: 'custom', path: [], message: 'expected the misconception (misconception: id) or slip it suggests' });
}

/**
 * What leaving out a right option of a multiple-select question suggests (the belief that makes it
 * look false), with the author's note.
 */
const missedSchema = z.strictObject({ feedback: z.optional(text), ...diagnosis }).check(z.superRefine(exactlyOneDiagnosis));
const optionSchema = z
  .strictObject({ id: slug, text, correct: z._default(z.boolean(), false), feedback: z.optional(text), ...diagnosis, missed: z.optional(missedSchema) })
  .check(z.superRefine((o, ctx) => oneDiagnosis(o, ctx, [])));
const itemSchema = z.strictObject({ id: slug, text });
/**
 * A telling mistake in an ordering: the key puts `first` before `then`; an answer with `then` before
 * `first` suggests this misconception or slip.
 */
const orderMistakeSchema = z.strictObject({ first: slug, then: slug, feedback: z.optional(text), ...diagnosis }).check(z.superRefine(exactlyOneDiagnosis));

/** Each mistake names two items of the question, the first before the second in the key. */
function checkMistakes(q: { items: { id: string }[]; mistakes: { first: string; then: string }[] }, ctx: z.core.$RefinementCtx, path: PropertyKey[]): void {
  const at = new Map(q.items.map((item, i) => [item.id, i]));
  q.mistakes.forEach((m, i) => {
    for (const k of ['first', 'then'] as const)
      if (!at.has(m[k])) ctx.addIssue({ code: 'custom', path: [...path, i, k], message: `expected an item id (${q.items.map((x) => x.id).join(', ')})` });
    if (at.has(m.first) && at.has(m.then) && at.get(m.first)! >= at.get(m.then)!)
      ctx.addIssue({ code: 'custom', path: [...path, i], message: `expected "${m.first}" to come before "${m.then}" in the items (the key)` });
  });
}

function unique(values: string[], what: string, ctx: z.core.$RefinementCtx, path: PropertyKey[]): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `${what} "${v}" appears twice` });
    seen.add(v);
  });
}

export const singleSchema = z
  .strictObject({
    kind: z.literal('single'),
    ...common,
    ...factual,
    options: z.array(optionSchema).check(z.minLength(2, { error: 'expected at least two options' })),
  })
  .check(
    z.superRefine((q, ctx) => {
      unique(
        q.options.map((o) => o.id),
        'option id',
        ctx,
        ['options'],
      );
      unique(
        q.options.map((o) => o.text),
        'option text',
        ctx,
        ['options'],
      );
      const correct = q.options.filter((o) => o.correct).length;
      if (correct !== 1) ctx.addIssue({ code: 'custom', path: ['options'], message: `expected exactly one correct option, found ${correct}` });
    }),
  );

export const multipleSchema = z
  .strictObject({
    kind: z.literal('multiple'),
    ...common,
    ...factual,
    options: z.array(optionSchema).check(z.minLength(3, { error: 'expected at least three options' })),
  })
  .check(
    z.superRefine((q, ctx) => {
      unique(
        q.options.map((o) => o.id),
        'option id',
        ctx,
        ['options'],
      );
      unique(
        q.options.map((o) => o.text),
        'option text',
        ctx,
        ['options'],
      );
      if (!q.options.some((o) => o.correct)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'expected at least one correct option' });
    }),
  );

const numericDistractor = z.strictObject({ value: z.number(), feedback: text, ...diagnosis }).check(z.superRefine((o, ctx) => oneDiagnosis(o, ctx, [])));

const tolerance = z.number().check(z.minimum(0, { error: 'expected a tolerance >= 0' }));

export const numericSchema = z.strictObject({
  kind: z.literal('numeric'),
  ...common,
  ...factual,
  key: z.number(),
  unit: z.string(),
  tolerance,
  distractors: z._default(z.array(numericDistractor), []),
});

/** Items are written in the correct order; the page shows them shuffled. */
export const orderingSchema = z
  .strictObject({
    kind: z.literal('ordering'),
    ...common,
    ...factual,
    items: z.array(itemSchema).check(z.minLength(3, { error: 'expected at least three items' })),
    mistakes: z._default(z.array(orderMistakeSchema), []),
  })
  .check(
    z.superRefine((q, ctx) => {
      checkMistakes(q, ctx, ['mistakes']);
      unique(
        q.items.map((o) => o.id),
        'item id',
        ctx,
        ['items'],
      );
      unique(
        q.items.map((o) => o.text),
        'item text',
        ctx,
        ['items'],
      );
    }),
  );

/** A key: a literal, or a formula over the variant's parameters. Never a call to the engine. */
const keyOf = <T extends z.ZodMiniType>(value: T) => z.union([value, fn<(p: Params) => z.infer<T>>('a value or a formula (p) => value')]);
const valueKey = keyOf(paramValueSchema);
const numberKey = keyOf(z.number());
const boolKey = keyOf(z.boolean());

/**
 * The ways an engine question reads its outcome, for the report `R` of the model it runs (the cloud
 * engine's, or the CPU model's). The schemas are the same for both; only the reader's type differs.
 * Used by the validator and the replay only.
 */
function asksFor<R>() {
  type Read<T> = (report: R, p: Params) => T;

  const choice = z.strictObject({
    type: z.literal('choice'),
    key: valueKey,
    distractors: z
      .array(z.strictObject({ value: valueKey, feedback: z.optional(text), ...diagnosis }).check(z.superRefine((o, ctx) => oneDiagnosis(o, ctx, []))))
      .check(z.minLength(1, { error: 'expected at least one distractor' })),
    /** Two numbers closer than this are the same answer. */
    tolerance: z._default(z.number().check(z.minimum(0)), 1e-6),
    /** How an option is written; default: the value, then the unit. */
    format: z.optional(fn<(value: ParamValue, p: Params) => string>('a function (value, p) => text')),
    unit: z._default(z.string(), ''),
    read: fn<Read<ParamValue>>('a function (report, p) => value'),
  });

  const numeric = z.strictObject({
    type: z.literal('numeric'),
    key: numberKey,
    unit: z.string(),
    tolerance,
    /** Common wrong answers, each with feedback; the engine must show each one false. */
    distractors: z._default(
      z.array(z.strictObject({ value: numberKey, feedback: text, ...diagnosis }).check(z.superRefine((o, ctx) => oneDiagnosis(o, ctx, [])))),
      [],
    ),
    read: fn<Read<number>>('a function (report, p) => number'),
  });

  const claims = z
    .strictObject({
      type: z.literal('claims'),
      /** true: select all that hold (partial credit); false: exactly one holds. */
      multiple: z.boolean(),
      options: z
        .array(
          z
            .strictObject({
              id: slug,
              text,
              correct: boolKey,
              holds: fn<Read<boolean>>('a function (report, p) => boolean'),
              feedback: z.optional(text),
              ...diagnosis,
              /** In a variant where the option is right: what leaving it out suggests. */
              missed: z.optional(missedSchema),
            })
            .check(z.superRefine((o, ctx) => oneDiagnosis(o, ctx, []))),
        )
        .check(z.minLength(2, { error: 'expected at least two options' })),
    })
    .check(
      z.superRefine((a, ctx) =>
        unique(
          a.options.map((o) => o.id),
          'option id',
          ctx,
          ['options'],
        ),
      ),
    );

  const ordering = z
    .strictObject({
      type: z.literal('ordering'),
      /** In the correct order (the key); shown shuffled. */
      items: z.array(itemSchema).check(z.minLength(3, { error: 'expected at least three items' })),
      mistakes: z._default(z.array(orderMistakeSchema), []),
      /** The item ids in the order the engine shows them. */
      read: fn<Read<string[]>>('a function (report, p) => item ids'),
    })
    .check(
      z.superRefine((a, ctx) => {
        unique(
          a.items.map((i) => i.id),
          'item id',
          ctx,
          ['items'],
        );
        checkMistakes(a, ctx, ['mistakes']);
      }),
    );

  const ask = z.discriminatedUnion('type', [choice, numeric, claims, ordering], {
    error: 'expected an ask of type choice, numeric, claims or ordering',
  });
  return { choice, numeric, claims, ordering, ask };
}

/** A CPU question's runs: one CPU model report per scenario it names, in order. */
export type CpuRuns = readonly cpu.CpuReport[];
const cloudAsks = asksFor<Report>();
const cpuAsks = asksFor<CpuRuns>();
export const choiceAskSchema = cloudAsks.choice;
export const numericAskSchema = cloudAsks.numeric;
export const claimsAskSchema = cloudAsks.claims;
export const orderingAskSchema = cloudAsks.ordering;
export const askSchema = cloudAsks.ask;

/** What every engine question has, whichever model it runs. */
const engineCommon = {
  kind: z.literal('engine'),
  ...common,
  params: z._default(paramSpaceSchema, {}),
  /**
   * Values derived from the parameters for the texts only (`{name}` in the prompt, options,
   * explanation): a region's name, a distance to quote. Never the key, never from the engine.
   */
  given: z.optional(fn<(p: Params) => Record<string, ParamValue>>('a function (p) => values for the texts')),
  /**
   * What the replay says when the reader's answer differs from the engine's; `{answer}`, `{engine}`
   * and the parameters are replaced.
   */
  explainWrong: z.optional(text),
};

/** A question the cloud engine answers: a world run on the virtual clock, read at a moment. */
export const cloudQuestionSchema = z.strictObject({
  ...engineCommon,
  model: z._default(z.literal('cloud'), 'cloud'),
  /** The world to run, as a function of the variant's parameters. */
  scenario: fn<(p: Params) => ScenarioInput>('a function (p) => scenario'),
  /** When to read the outcome, in seconds; default: the scenario's end. */
  at: z.optional(z.union([z.number().check(z.minimum(0)), fn<(p: Params) => number>('a number or (p) => seconds')])),
  /** Moments the replay shows (seconds); default: every fault and recovery, and the reading time. */
  moments: z.optional(fn<(p: Params) => number[]>('a function (p) => seconds')),
  /** Extra readings the replay lists (a round trip per region, say), read from the report. */
  measures: z.optional(fn<(report: Report, p: Params) => { label: string; value: string }[]>('a function (report, p) => rows')),
  ask: cloudAsks.ask,
});

/** A question the engine's CPU model answers: guest programs run under virtualization techniques. */
export const cpuQuestionSchema = z.strictObject({
  ...engineCommon,
  model: z.literal('cpu'),
  /** The CPU scenarios to run (one, or several to compare), as a function of the variant's parameters. */
  scenario: fn<(p: Params) => cpu.CpuScenarioInput | readonly cpu.CpuScenarioInput[]>('a function (p) => CPU scenario(s)'),
  /** Extra readings the replay lists (each instruction's path, say), read from the CPU model's reports. */
  measures: z.optional(fn<(runs: CpuRuns, p: Params) => { label: string; value: string }[]>('a function (runs, p) => rows')),
  ask: cpuAsks.ask,
});

export const engineQuestionSchema = z.discriminatedUnion('model', [cloudQuestionSchema, cpuQuestionSchema], {
  error: 'expected an engine question of model cloud (the default) or cpu',
});

export const configValueSchema = z.union([z.number(), z.string(), z.boolean()]);
export type ConfigValue = z.infer<typeof configValueSchema>;
/** What a reader sets in a task: one value per control. */
export const configSchema = z.record(ident, configValueSchema);
export type Config = Readonly<Record<string, ConfigValue>>;

const wholeFrom = (min: number) => z.number().check(z.int(), z.minimum(min));

export const controlSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('count'),
    id: ident,
    label: text,
    min: wholeFrom(0),
    max: wholeFrom(1),
    default: wholeFrom(0),
  }),
  z.strictObject({
    type: z.literal('choice'),
    id: ident,
    label: text,
    options: z.array(z.strictObject({ value: z.string().check(z.minLength(1)), label: text })).check(z.minLength(2)),
    default: z.string(),
  }),
  z.strictObject({ type: z.literal('toggle'), id: ident, label: text, default: z.boolean() }),
]);
export type Control = z.infer<typeof controlSchema>;

/** One line of a task's verdict: a named condition of the goal and whether the engine met it. */
export const goalCheckSchema = z.strictObject({ id: slug, label: text, ok: z.boolean(), detail: z.optional(z.string()) });
export type GoalCheck = z.infer<typeof goalCheckSchema>;

/** What the grader ran: the configuration with no fault, and with each single-AZ outage. */
export interface TaskRun {
  config: Config;
  baseline: Report;
  outages: { az: string; report: Report }[];
}

/** What the CPU model ran for a task: one report per CPU scenario of the configuration, in order. */
export interface CpuTaskRun {
  config: Config;
  runs: CpuRuns;
}

/** What every task has, whichever model grades it. */
const taskCommon = {
  kind: z.literal('task'),
  ...common,
  controls: z.array(controlSchema).check(z.minLength(1)),
  accept: z.array(configSchema).check(z.minLength(1, { error: 'expected at least one accepted configuration' })),
  /** Each with the id of the check the author expects to fail. */
  reject: z.array(z.strictObject({ config: configSchema, because: slug })).check(z.minLength(1, { error: 'expected at least one rejected configuration' })),
  /** What a failed check of the goal suggests: by check id, a misconception or a slip. */
  diagnoses: z._default(z.record(slug, z.strictObject(diagnosis).check(z.superRefine((d, ctx) => oneDiagnosis(d, ctx, [])))), {}),
};

/** Control ids are unique, and the default and every example set each control to a value it allows. */
function checkTaskExamples(
  t: { controls: Control[]; accept: Record<string, ConfigValue>[]; reject: { config: Record<string, ConfigValue> }[] },
  ctx: z.core.$RefinementCtx,
): void {
  unique(
    t.controls.map((c) => c.id),
    'control id',
    ctx,
    ['controls'],
  );
  const check = (config: Record<string, ConfigValue>, path: PropertyKey[]) => {
    for (const c of t.controls) {
      const v = config[c.id];
      const bad = (message: string) => ctx.addIssue({ code: 'custom', path: [...path, c.id], message });
      if (v === undefined) bad('missing');
      else if (c.type === 'count' && (typeof v !== 'number' || !Number.isInteger(v) || v < c.min || v > c.max))
        bad(`expected a whole number from ${c.min} to ${c.max}`);
      else if (c.type === 'choice' && !c.options.some((o) => o.value === v)) bad(`expected one of ${c.options.map((o) => o.value).join(', ')}`);
      else if (c.type === 'toggle' && typeof v !== 'boolean') bad('expected true or false');
    }
    for (const k of Object.keys(config))
      if (!t.controls.some((c) => c.id === k)) ctx.addIssue({ code: 'custom', path: [...path, k], message: 'no control has this id' });
  };
  check(Object.fromEntries(t.controls.map((c) => [c.id, c.default])), ['controls', 'default']);
  t.accept.forEach((c, i) => check(c, ['accept', i]));
  t.reject.forEach((r, i) => check(r.config, ['reject', i, 'config']));
}

/** A task the cloud engine grades: the reader's configuration as a world, run as it is and with each AZ down. */
export const cloudTaskSchema = z
  .strictObject({
    ...taskCommon,
    model: z._default(z.literal('cloud'), 'cloud'),
    /** The reader's configuration as a world (without the outage: the grader adds it). */
    scenario: fn<(c: Config) => ScenarioInput>('a function (config) => scenario'),
    /** When each single-AZ outage starts, in seconds. */
    outageAt: z._default(z.number().check(z.minimum(0)), 600),
    /** The goal predicate over the engine's results: every check must be ok. */
    goal: fn<(run: TaskRun) => GoalCheck[]>('a function (run) => checks'),
  })
  .check(z.superRefine(checkTaskExamples));

/** A task the engine's CPU model grades: the reader's configuration as CPU scenarios. */
export const cpuTaskSchema = z
  .strictObject({
    ...taskCommon,
    model: z.literal('cpu'),
    /** The reader's configuration as the CPU scenarios to run (one, or several). */
    scenario: fn<(c: Config) => cpu.CpuScenarioInput | readonly cpu.CpuScenarioInput[]>('a function (config) => CPU scenario(s)'),
    /** The goal predicate over the CPU model's runs: every check must be ok. */
    goal: fn<(run: CpuTaskRun) => GoalCheck[]>('a function (run) => checks'),
  })
  .check(z.superRefine(checkTaskExamples));

export const taskSchema = z.discriminatedUnion('model', [cloudTaskSchema, cpuTaskSchema], {
  error: 'expected a task of model cloud (the default) or cpu',
});

export const questionSchema = z.discriminatedUnion('kind', [singleSchema, multipleSchema, numericSchema, orderingSchema, engineQuestionSchema, taskSchema], {
  error: 'expected a question of kind single, multiple, numeric, ordering, engine or task',
});

export const quizSchema = z.strictObject({ lesson: lessonIdSchema, title: text, questions: z.array(questionSchema).check(z.minLength(1)) }).check(
  z.superRefine((q, ctx) =>
    unique(
      q.questions.map((x) => x.id),
      'question id',
      ctx,
      ['questions'],
    ),
  ),
);

export type Quiz = z.infer<typeof quizSchema>;
export type QuizInput = z.input<typeof quizSchema>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;
export type EngineQuestion = z.infer<typeof engineQuestionSchema>;
export type CloudQuestion = z.infer<typeof cloudQuestionSchema>;
export type CpuQuestion = z.infer<typeof cpuQuestionSchema>;
/** An ask of either model; code that reads the outcome narrows by the question's model first. */
export type Ask = EngineQuestion['ask'];
export type Task = z.infer<typeof taskSchema>;
export type CloudTask = z.infer<typeof cloudTaskSchema>;
export type CpuTask = z.infer<typeof cpuTaskSchema>;
export type StaticQuestion = Exclude<Question, EngineQuestion | Task>;

/* ---------- What the page shows: one question made concrete for one variant ---------- */

/**
 * A wrong option's `feedback` already holds its diagnosis in words (belief, why, the section's
 * address), so a format that carries feedback carries the diagnosis; `misconception` and `slip`
 * repeat it as data for the page.
 */
const concreteDiagnosis = { misconception: z.optional(z.string()), slip: z.optional(slipKindSchema) };
const concreteOption = z.strictObject({
  id: z.string(),
  text: z.string(),
  correct: z.boolean(),
  feedback: z.optional(z.string()),
  ...concreteDiagnosis,
  /** A right option of a multiple-select question: what leaving it out suggests, in words. */
  missed: z.optional(z.strictObject({ feedback: z.string(), ...concreteDiagnosis })),
});
const concreteBase = {
  id: slug,
  skill: z.optional(skillSchema),
  prompt: z.string(),
  explanation: z.string(),
  hints: z.array(z.string()),
  /** Checked against the engine (engine questions and tasks) or a sourced fact. */
  engine: z.boolean(),
  source: z.optional(z.string()),
  /** The date the sourced fact was checked. */
  sourceAsOf: z.optional(z.string()),
  params: z.record(z.string(), paramValueSchema),
};

export const concreteSchema = z.discriminatedUnion('form', [
  z.strictObject({ form: z.literal('single'), ...concreteBase, options: z.array(concreteOption) }),
  z.strictObject({ form: z.literal('multiple'), ...concreteBase, options: z.array(concreteOption) }),
  z.strictObject({
    form: z.literal('numeric'),
    ...concreteBase,
    key: z.number(),
    unit: z.string(),
    tolerance: z.number(),
    distractors: z.array(z.strictObject({ value: z.number(), feedback: z.string(), ...concreteDiagnosis })),
  }),
  z.strictObject({
    form: z.literal('ordering'),
    ...concreteBase,
    items: z.array(itemSchema),
    start: z.array(z.string()),
    /** Telling mistakes: `then` put before `first`, with what it suggests, in words. */
    mistakes: z.optional(z.array(z.strictObject({ first: z.string(), then: z.string(), feedback: z.string(), ...concreteDiagnosis }))),
  }),
  z.strictObject({
    form: z.literal('task'),
    ...concreteBase,
    controls: z.array(controlSchema),
    /** By check id: what a failed check suggests, with the diagnosis in words. */
    diagnoses: z.optional(z.record(z.string(), z.strictObject({ feedback: z.string(), ...concreteDiagnosis }))),
  }),
]);
export type Concrete = z.infer<typeof concreteSchema>;
export type Form = Concrete['form'];

/** A reader's answer to a concrete question. */
export const answerSchema = z.discriminatedUnion('form', [
  z.strictObject({ form: z.literal('single'), choice: z.nullable(z.string()) }),
  z.strictObject({ form: z.literal('multiple'), chosen: z.array(z.string()) }),
  z.strictObject({ form: z.literal('numeric'), text: z.string() }),
  z.strictObject({ form: z.literal('ordering'), order: z.array(z.string()) }),
  z.strictObject({ form: z.literal('task'), config: configSchema }),
]);
export type Answer = z.infer<typeof answerSchema>;
