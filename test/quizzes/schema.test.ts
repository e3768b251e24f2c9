/** The quiz format: what it refuses, and where it says the problem is. */
import { describe, expect, it } from 'vitest';
import { questionSchema, quizSchema, taskSchema } from '@site/quizzes/schema';

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

const fact = { factual: true, source: 'https://example.org/fact', prompt: 'p', explanation: 'e' };

describe('questionSchema', () => {
  it('refuses an ordering mistake naming an unknown item, or a pair the key already has the other way round', () => {
    const r = questionSchema.safeParse({
      kind: 'ordering',
      id: 'q',
      ...fact,
      items: [
        { id: 'a', text: 'A' },
        { id: 'b', text: 'B' },
        { id: 'c', text: 'C' },
      ],
      mistakes: [
        { first: 'a', then: 'z', slip: 'reading' },
        { first: 'c', then: 'a', slip: 'reading' },
        { first: 'a', then: 'b' },
      ],
    });
    expect(paths(r)).toEqual([
      'mistakes.2: expected the misconception (misconception: id) or slip it suggests',
      'mistakes.0.then: expected an item id (a, b, c)',
      'mistakes.1: expected "c" to come before "a" in the items (the key)',
    ]);
  });

  it('refuses a left-out diagnosis that names nothing', () => {
    const r = questionSchema.safeParse({
      kind: 'multiple',
      id: 'q',
      ...fact,
      options: [
        { id: 'a', text: 'A', correct: true, missed: { feedback: 'why' } },
        { id: 'b', text: 'B', correct: true },
        { id: 'c', text: 'C', misconception: 'x' },
      ],
    });
    expect(paths(r)).toContain('options.0.missed: expected the misconception (misconception: id) or slip it suggests');
  });

  it('refuses a single-choice question with two correct options', () => {
    const r = questionSchema.safeParse({
      kind: 'single',
      id: 'q',
      ...fact,
      options: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', correct: true },
      ],
    });
    expect(paths(r)).toContain('options: expected exactly one correct option, found 2');
  });

  it('refuses options written twice', () => {
    const r = questionSchema.safeParse({
      kind: 'multiple',
      id: 'q',
      ...fact,
      options: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'A' },
        { id: 'c', text: 'C' },
      ],
    });
    expect(paths(r)).toContain('options.1: option text "A" appears twice');
  });

  it('requires a static question to be marked factual, with an http(s) source', () => {
    expect(
      paths(
        questionSchema.safeParse({
          kind: 'numeric',
          id: 'q',
          prompt: 'p',
          explanation: 'e',
          key: 3,
          unit: '',
          tolerance: 0,
          factual: true,
          source: 'javascript:alert(1)',
        }),
      ),
    ).toEqual(['source: expected the http(s) URL of the source of the fact']);
  });

  it('requires functions where the author writes formulas', () => {
    const r = questionSchema.safeParse({
      kind: 'engine',
      id: 'q',
      prompt: 'p',
      explanation: 'e',
      scenario: {},
      ask: { type: 'numeric', key: 1, unit: '', tolerance: 0, read: 'servingVms' },
    });
    expect(paths(r)).toEqual(['scenario: expected a function (p) => scenario', 'ask.read: expected a function (report, p) => number']);
  });

  it('refuses an unknown kind and a bad id', () => {
    expect(paths(questionSchema.safeParse({ kind: 'essay', id: 'q' }))[0]).toMatch(
      /expected a question of kind single, multiple, numeric, ordering, engine or task/,
    );
    expect(
      paths(
        questionSchema.safeParse({
          kind: 'single',
          id: 'Bad Id',
          ...fact,
          options: [
            { id: 'a', text: 'A', correct: true },
            { id: 'b', text: 'B' },
          ],
        }),
      ),
    ).toContain('id: expected an id of lowercase letters, digits and dashes, starting with a letter');
  });
});

describe('taskSchema', () => {
  const task = {
    kind: 'task',
    id: 't',
    prompt: 'p',
    explanation: 'e',
    controls: [{ type: 'count', id: 'a', label: 'A', min: 0, max: 4, default: 1 }],
    scenario: () => ({ regions: [] }),
    goal: () => [],
  };
  it('checks accept and reject examples against the controls', () => {
    const r = taskSchema.safeParse({ ...task, accept: [{ a: 9 }], reject: [{ config: { a: 1, b: 2 }, because: 'x' }] });
    expect(paths(r)).toEqual(['accept.0.a: expected a whole number from 0 to 4', 'reject.0.config.b: no control has this id']);
  });
  it('needs at least one of each', () => {
    expect(paths(taskSchema.safeParse({ ...task, accept: [], reject: [] }))).toEqual([
      'accept: expected at least one accepted configuration',
      'reject: expected at least one rejected configuration',
    ]);
  });
});

describe('quizSchema', () => {
  it('refuses two questions with one id, and an unknown lesson', () => {
    const q = {
      kind: 'single',
      id: 'same',
      ...fact,
      options: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B' },
      ],
    };
    expect(paths(quizSchema.safeParse({ lesson: 'regions', title: 't', questions: [q, q] }))).toContain('questions.1: question id "same" appears twice');
    expect(paths(quizSchema.safeParse({ lesson: 'kubernetes', title: 't', questions: [q] }))[0]).toMatch(/^lesson: expected a lesson id/);
  });
});
