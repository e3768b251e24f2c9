/**
 * The heart of the quiz system: every key agrees with the engine, and a wrong key fails with a
 * message that names the file, the question, the variant, the key and what the engine did.
 */
import { describe, expect, it } from 'vitest';
import { quizSources } from '@site/quizzes';
import {
  diagnosedLessons,
  formatFailure,
  formatReport,
  unknownReference,
  validateAllQuizzes,
  validateQuiz,
  validateQuizzes,
  variantsToCheck,
  validationDefaults,
} from '@site/quizzes/validate';
import { engineQuestionSchema, lessonIds } from '@site/quizzes/schema';
import { engineQuestion } from '@site/quizzes/define';
import { region } from '@site/quizzes/worlds';
import wrongQuiz, { wrongKeyFile } from './fixtures/wrong-key';

const report = validateAllQuizzes();

describe('every quiz of the course', () => {
  it('has one quiz per lesson', () => {
    expect(quizSources.map((s) => s.lesson).sort()).toEqual([...lessonIds].sort());
  });

  it('agrees with the engine: every key, distractor and task example', () => {
    expect(report.failures.map(formatFailure)).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it.each(report.lessons.map((l) => [l.lesson, l] as const))('%s has at least 6 questions, 3 or more checked by the engine', (lesson, l) => {
    expect(l.questions).toBeGreaterThanOrEqual(6);
    expect(l.engineChecked).toBeGreaterThanOrEqual(3);
    // Infrastructure and hypervisors lean on facts about real products; every other lesson is mostly engine-checked.
    if (lesson !== 'infrastructure' && lesson !== 'hypervisors') expect(l.engineChecked / l.questions).toBeGreaterThan(0.5);
  });

  // Held to the rules: the lessons whose quizzes are tagged (a new lesson's quiz reports warnings until it is).
  const tagged = report.lessons.filter((l) => (diagnosedLessons as readonly string[]).includes(l.lesson));
  it('holds every tagged lesson to the diagnosis rules', () => {
    expect(tagged.map((l) => l.lesson).sort()).toEqual([...diagnosedLessons].sort());
  });

  it.each(tagged.map((l) => [l.lesson, l] as const))(
    '%s: at least two thirds reasoning, every question names its skill, every wrong answer a diagnosis',
    (_lesson, l) => {
      expect(l.skills.untagged ?? 0).toBe(0);
      expect(l.reasoning / l.questions).toBeGreaterThanOrEqual(2 / 3);
      expect(l.untagged).toEqual([]);
      expect(l.probed.length).toBeGreaterThan(0);
    },
  );

  it('probes every misconception of the catalogue', () => {
    expect(report.unprobed).toEqual([]);
  });

  it("prints each lesson's mix and the misconceptions it probes", () => {
    const text = formatReport(report);
    expect(text).toMatch(/availability-zones: \d+ of \d+ reasoning \(\d+%\): .*predict/);
    expect(text).toMatch(/probes \d+: .*replication-protects-deletes/);
    expect(text).toMatch(/catalogue: (\d+) misconceptions, \1 probed/);
  });

  it('covers every question kind somewhere', () => {
    const kinds = new Set(report.lessons.flatMap((l) => Object.keys(l.byKind)));
    expect([...kinds].sort()).toEqual(['engine', 'multiple', 'numeric', 'ordering', 'single', 'task']);
  });

  it('runs the whole validation in well under the 10 s budget', () => {
    expect(report.ms).toBeLessThan(10_000);
  });

  it('prints a readable report with the engine-checked share per lesson', () => {
    const text = formatReport(report);
    for (const s of quizSources) expect(text).toContain(s.file);
    expect(text).toMatch(/engine-checked/);
    expect(text).toContain('Every key agrees with the engine.');
  });
});

describe('a wrong quiz', () => {
  const result = validateQuiz(wrongQuiz, wrongKeyFile, { strictLessons: [] });
  const messages = result.failures.map(formatFailure);

  it('fails for every variant, naming the file, question, parameters, key and what the engine did', () => {
    // 2 per AZ × 3 AZs, one AZ lost: the key says 6, the engine serves 4.
    expect(messages).toContain(`${wrongKeyFile} › all-still-serve [perAz=2]: the key says 6 VMs, the engine says 4 VMs (read at t=3600 s)`);
    expect(messages).toContain(`${wrongKeyFile} › all-still-serve [perAz=3]: the key says 9 VMs, the engine says 6 VMs (read at t=3600 s)`);
  });

  it('flags the distractor that the engine shows to be true', () => {
    expect(messages).toContain(`${wrongKeyFile} › all-still-serve [perAz=2]: distractor 4 VMs is what the engine says (read at t=3600 s): it is not wrong`);
  });

  it('fails a task whose accept example the engine rejects, with what the engine saw', () => {
    const m = messages.find((x) => x.includes('one-vm-is-enough'));
    expect(m).toContain(`${wrongKeyFile} › one-vm-is-enough [a=3]: an accept example is rejected by the engine: failed survives`);
    expect(m).toContain('us-east-1a down: 0 VM(s) serving');
  });
});

/** One engine question, validated alone. */
function check(q: ReturnType<typeof engineQuestion>) {
  return validateQuiz({ lesson: 'regions', title: 't', questions: [q] }, 'quizzes/test.ts', { strictLessons: [] }).failures.map((f) => f.message);
}

const sixVms = () => ({
  regions: [region('us-east-1', 3)],
  actions: [
    { at: 0, launch: { name: 'web', count: 6, vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
    { at: 600, fail: { az: 'us-east-1a' } },
  ],
});

describe('the validator catches', () => {
  it('a right option left out with no diagnosis, and a diagnosis of leaving out an option that is never right', () => {
    const result = validateQuiz(
      {
        lesson: 'regions',
        title: 't',
        questions: [
          {
            kind: 'multiple',
            id: 'm',
            skill: 'recall',
            factual: true,
            asOf: '2026-12-02',
            source: 'https://example.org/fact',
            prompt: 'p',
            explanation: 'e',
            options: [
              { id: 'a', text: 'A', correct: true },
              { id: 'b', text: 'B', correct: true, missed: { slip: 'reading' } },
              { id: 'x', text: 'X', slip: 'reading', missed: { slip: 'reading' } },
            ],
          },
        ],
      },
      'quizzes/test.ts',
      { strictLessons: ['regions'] },
    );
    // (A one-question quiz also fails the lesson-wide rules; only the diagnoses matter here.)
    expect(result.failures.map((f) => f.message).filter((m) => m.startsWith('option'))).toEqual([
      'option "x": missed is shown only when a right option of a multiple select is left out; this option never is one',
      'option "a" left out (missed): expected the misconception it diagnoses (misconception: id) or slip: arithmetic | unit | reading',
    ]);
  });

  it('a degenerate variant: a distractor equal to the key', () => {
    const msgs = check(
      engineQuestion({
        id: 'q',
        prompt: 'p',
        explanation: 'e',
        scenario: sixVms,
        ask: { type: 'choice', key: 4, distractors: [{ value: 4 }, { value: 6 }], read: (r) => r.metrics.servingVms },
      }),
    );
    expect(msgs).toContain('degenerate variant: distractor 4 equals the key');
  });

  it('two distractors that coincide', () => {
    const msgs = check(
      engineQuestion({
        id: 'q',
        prompt: 'p',
        explanation: 'e',
        scenario: sixVms,
        ask: { type: 'choice', key: 4, distractors: [{ value: 6 }, { value: 6 }], read: (r) => r.metrics.servingVms },
      }),
    );
    expect(msgs).toContain('two options coincide: 6 and 6');
  });

  it('a numeric distractor within the tolerance of the engine', () => {
    const msgs = check(
      engineQuestion({
        id: 'q',
        prompt: 'p',
        explanation: 'e',
        scenario: sixVms,
        ask: { type: 'numeric', key: 4, unit: 'VMs', tolerance: 0, distractors: [{ value: 5, feedback: 'f' }], read: (r) => r.metrics.servingVms + 1 },
      }),
    );
    expect(msgs).toEqual([
      'the key says 4 VMs (±0), the engine says 5 VMs (read at t=3600 s)',
      'distractor 5 VMs is what the engine says (read at t=3600 s): it is not wrong',
    ]);
  });

  it('a claim whose key disagrees with the engine, and a single-choice claim set with two correct', () => {
    const msgs = check(
      engineQuestion({
        id: 'q',
        prompt: 'p',
        explanation: 'e',
        scenario: sixVms,
        ask: {
          type: 'claims',
          multiple: false,
          options: [
            { id: 'four', text: 'Four serve', correct: true, holds: (r) => r.metrics.servingVms === 4 },
            { id: 'six', text: 'Six serve', correct: true, holds: (r) => r.metrics.servingVms === 6 },
          ],
        },
      }),
    );
    expect(msgs).toContain('a single-choice question needs exactly one correct option; the key marks 2');
    expect(msgs).toContain('option "six" ("Six serve"): the key says it is true, the engine says false (read at t=3600 s)');
  });

  it('an ordering the engine does not follow', () => {
    const msgs = check(
      engineQuestion({
        id: 'q',
        prompt: 'p',
        explanation: 'e',
        scenario: sixVms,
        ask: {
          type: 'ordering',
          items: [
            { id: 'fail', text: 'AZ fails' },
            { id: 'launch', text: 'launched' },
            { id: 'run', text: 'running' },
          ],
          read: (r) => [
            ...new Set(r.events.map((e) => ({ 'az-failed': 'fail', launched: 'launch', running: 'run' })[e.kind as string]).filter(Boolean) as string[]),
          ],
        },
      }),
    );
    expect(msgs).toEqual(['the key orders fail, launch, run; the engine shows launch, run, fail (read at t=3600 s)']);
  });

  it('a region or AZ the engine does not know, in a scenario or in an option', () => {
    const msgs = check(
      engineQuestion({
        id: 'q',
        params: { where: ['eu-central-1', 'eu-atlantis-1'] },
        prompt: 'p',
        explanation: 'e',
        scenario: (p) => ({ regions: [{ id: p.where, azs: [{ id: `${p.where}a`, hosts: [{ cores: 4, memoryGiB: 8 }] }] }] }),
        ask: { type: 'choice', key: 'eu-central-1', distractors: [{ value: 'eu-atlantis-1' }], read: (r) => r.regions[0].id },
      }),
    );
    expect(msgs.some((m) => m.startsWith('the scenario does not run:') && m.includes('unknown region "eu-atlantis-1"'))).toBe(true);
    expect(msgs).toContain('option "eu-atlantis-1": unknown region "eu-atlantis-1" (not in the engine\'s region catalog)');
    expect(unknownReference('us-east-1z')).toMatch(/unknown AZ/);
    expect(unknownReference('type3')).toMatch(/unknown hypervisor preset/);
    expect(unknownReference('us-east-1a')).toBeNull();
  });

  it('a placeholder that names no parameter', () => {
    const msgs = check(
      engineQuestion({
        id: 'q',
        prompt: 'How many of {nope}?',
        explanation: 'e',
        scenario: sixVms,
        ask: { type: 'numeric', key: 4, unit: '', tolerance: 0, read: (r) => r.metrics.servingVms },
      }),
    );
    expect(msgs).toEqual(['the text names {nope}, which is not a parameter']);
  });

  it('schema errors, by path and question id', () => {
    const result = validateQuiz(
      {
        lesson: 'regions',
        title: 't',
        questions: [
          {
            kind: 'single',
            id: 'fact',
            prompt: 'p',
            explanation: 'e',
            options: [
              { id: 'a', text: 'A', correct: true },
              { id: 'b', text: 'B' },
            ],
          },
        ],
      },
      'quizzes/regions.ts',
    );
    expect(result.failures.map(formatFailure)).toContain(
      'quizzes/regions.ts › fact: questions[0].factual: expected factual: true (a question the engine does not check must say so, with a source)',
    );
  });
});

describe('the diagnosis rules', () => {
  const fact = { factual: true as const, source: 'https://example.org/fact', prompt: 'p', explanation: 'e' };
  const quiz = (lesson: string, options: object[]) => ({ lesson, title: 't', questions: [{ kind: 'single', id: 'q', skill: 'recall', ...fact, options }] });

  it('fail on a misconception id the catalogue does not have, in any lesson', () => {
    const r = validateQuiz(
      quiz('regions', [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', misconception: 'clouds-are-made-of-water' },
      ]),
      'quizzes/x.ts',
      { strictLessons: [] },
    );
    expect(r.failures.map(formatFailure)).toContain(
      'quizzes/x.ts › q: option "b": unknown misconception "clouds-are-made-of-water" (not in quizzes/misconceptions.ts)',
    );
  });

  it('fail on a wrong answer with no diagnosis in a tagged lesson, and only warn in another', () => {
    const input = quiz('regions', [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B' },
    ]);
    const strict = validateQuiz(input, 'quizzes/x.ts');
    expect(strict.failures.map((f) => f.message)).toContain(
      'option "b": expected the misconception it diagnoses (misconception: id) or slip: arithmetic | unit | reading',
    );
    expect(strict.untagged).toEqual(['q › option "b"']);
    const lenient = validateQuiz(input, 'quizzes/x.ts', { strictLessons: [] });
    expect(lenient.failures.filter((f) => f.message.includes('expected the misconception'))).toEqual([]);
    expect(lenient.warnings.map((f) => f.message)).toContain(
      'option "b": expected the misconception it diagnoses (misconception: id) or slip: arithmetic | unit | reading',
    );
  });

  it('fail on a quiz with too little reasoning or nothing engine-checked, in a tagged lesson', () => {
    const r = validateQuiz(
      quiz('regions', [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', slip: 'reading' },
      ]),
      'quizzes/x.ts',
    );
    const messages = r.failures.map((f) => f.message);
    expect(messages).toContain('0 of 1 questions ask for reasoning (predict, diagnose, design); expected at least two thirds');
    expect(messages).toContain('expected at least one question checked by the engine (an engine question or a task)');
  });

  it('refuse a wrong answer tagged both as a misconception and as a slip', () => {
    const r = validateQuiz(
      quiz('regions', [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', slip: 'reading', misconception: 'az-is-one-building' },
      ]),
      'quizzes/x.ts',
    );
    expect(r.failures.map((f) => f.message).some((m) => m.includes('expected a misconception or a slip, not both'))).toBe(true);
  });

  it('fail on a catalogued misconception that no question probes, when the whole course is validated', () => {
    const one = quizSources.filter((s) => s.lesson === 'infrastructure').map((s) => ({ quiz: s.quiz, file: s.file }));
    const r = validateQuizzes(one, { wholeCourse: true });
    expect(r.unprobed).toContain('replication-protects-deletes');
    expect(r.failures.map(formatFailure)).toContain(
      'quizzes/misconceptions.ts › replication-protects-deletes: no question has a wrong answer that diagnoses this misconception',
    );
    expect(validateQuizzes(one).unprobed).toEqual([]);
  });
});

describe('the seed sweep', () => {
  const q = (params: Record<string, number[]>) =>
    engineQuestionSchema.parse({
      kind: 'engine',
      id: 'q',
      prompt: 'p',
      explanation: 'e',
      params,
      scenario: sixVms,
      ask: { type: 'numeric', key: 1, unit: '', tolerance: 0, read: () => 1 },
    });

  it('checks the whole of a small parameter space', () => {
    expect(variantsToCheck(q({ a: [1, 2, 3], b: [1, 2] }), validationDefaults)).toHaveLength(6);
  });

  it('draws 50 seeds (at most 50 distinct variants) of a large one, and labels them with their seed', () => {
    const v = variantsToCheck(q({ a: Array.from({ length: 100 }, (_, i) => i), b: Array.from({ length: 100 }, (_, i) => i) }), validationDefaults);
    expect(v.length).toBeGreaterThan(45);
    expect(v.length).toBeLessThanOrEqual(50);
    expect(v[0].label).toMatch(/^a=\d+, b=\d+ \(seed 1\)$/);
  });
});
