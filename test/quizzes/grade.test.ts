/** Grading, worked out by hand: the partial-credit rule for multiple select, tolerance, ordering. */
import { describe, expect, it } from 'vitest';
import { diagnosesOf, grade, gradeTask, multipleScore, parseNumber, readNumber } from '@site/quizzes/grade';
import type { Concrete } from '@site/quizzes/schema';

const base = { prompt: 'p', explanation: 'e', hints: [], engine: false, params: {} };
const single: Concrete = {
  form: 'single',
  id: 's',
  ...base,
  options: [
    { id: 'a', text: 'A', correct: true },
    { id: 'b', text: 'B', correct: false, feedback: 'no' },
  ],
};
const multiple: Concrete = {
  form: 'multiple',
  id: 'm',
  ...base,
  options: [
    { id: 'a', text: 'A', correct: true },
    { id: 'b', text: 'B', correct: true },
    { id: 'c', text: 'C', correct: true },
    { id: 'x', text: 'X', correct: false },
    { id: 'y', text: 'Y', correct: false },
  ],
};
const numeric: Concrete = { form: 'numeric', id: 'n', ...base, key: 690, unit: 's', tolerance: 0, distractors: [{ value: 630, feedback: 'forgot detection' }] };
const ordering: Concrete = {
  form: 'ordering',
  id: 'o',
  ...base,
  items: [
    { id: 'a', text: 'A' },
    { id: 'b', text: 'B' },
    { id: 'c', text: 'C' },
  ],
  start: ['c', 'b', 'a'],
};

describe('single choice', () => {
  it('scores 1 for the key and 0 otherwise, with per-option verdicts', () => {
    expect(grade(single, { form: 'single', choice: 'a' })).toMatchObject({ score: 1, correct: true });
    const wrong = grade(single, { form: 'single', choice: 'b' });
    expect(wrong).toMatchObject({ score: 0, correct: false });
    expect(wrong.options).toEqual([
      { id: 'a', chosen: false, correct: true, feedback: undefined },
      { id: 'b', chosen: true, correct: false, feedback: 'no' },
    ]);
  });
});

describe('multiple select: +1 per right option chosen, −1 per wrong one, over the number of right options, never below 0', () => {
  const score = (chosen: string[]) => grade(multiple, { form: 'multiple', chosen }).score;
  it('all three right and nothing wrong: full credit', () => expect(score(['a', 'b', 'c'])).toBe(1));
  it('two of three right: 2/3', () => expect(score(['a', 'b'])).toBeCloseTo(2 / 3));
  it('all three right plus one wrong: (3 − 1)/3', () => expect(score(['a', 'b', 'c', 'x'])).toBeCloseTo(2 / 3));
  it('one right and two wrong: below zero, so 0', () => expect(score(['a', 'x', 'y'])).toBe(0));
  it('everything chosen: (3 − 2)/3', () => expect(score(['a', 'b', 'c', 'x', 'y'])).toBeCloseTo(1 / 3));
  it('nothing chosen: 0', () => expect(multipleScore(new Set(), new Set(['a']))).toBe(0));
  it('says partial credit in words', () => expect(grade(multiple, { form: 'multiple', chosen: ['a', 'b'] }).summary).toBe('Partly right: 67% credit.'));
});

describe('numeric', () => {
  it('accepts the key within the tolerance, and the unit after it', () => {
    expect(grade(numeric, { form: 'numeric', text: '690' }).correct).toBe(true);
    expect(grade(numeric, { form: 'numeric', text: ' 690 s ' }).correct).toBe(true);
    expect(grade({ ...numeric, tolerance: 0.5 } as Concrete, { form: 'numeric', text: '690.4' }).correct).toBe(true);
  });

  it('names a known wrong answer and gives its feedback', () => {
    const g = grade(numeric, { form: 'numeric', text: '630' });
    expect(g).toMatchObject({ score: 0, correct: false });
    expect(g.numeric?.feedback).toBe('forgot detection');
  });

  it('reads a comma as a thousands separator only, in groups of three, as the lessons and an English LMS do', () => {
    expect(readNumber('1,000')).toEqual({ value: 1000 });
    expect(readNumber('12,345.5 s', 's')).toEqual({ value: 12345.5 });
    expect(readNumber('1,000,000')).toEqual({ value: 1e6 });
    expect(readNumber('1\u202f200')).toEqual({ value: 1200 });
    for (const ambiguous of ['57,14', '0,5', '1,00', '1,0000'])
      expect(readNumber(ambiguous)).toEqual({ problem: expect.stringMatching(/^Write decimals with a point/) });
    expect(readNumber('57,14')).toEqual({ problem: 'Write decimals with a point (for example 57.14): a comma here only separates thousands, as in 1,000.' });
    expect(parseNumber('0,5')).toBeNull();
  });

  it('refuses what is not a number', () => {
    expect(parseNumber('six')).toBeNull();
    expect(parseNumber('6 VMs', 's')).toBeNull();
    expect(parseNumber('1 200')).toBe(1200);
    expect(parseNumber('-3.5')).toBe(-3.5);
    expect(grade(numeric, { form: 'numeric', text: 'abc' }).summary).toBe('That is not a number.');
  });
});

describe('ordering', () => {
  it('scores 1 only for the exact order, and says which items are in place', () => {
    expect(grade(ordering, { form: 'ordering', order: ['a', 'b', 'c'] }).score).toBe(1);
    const g = grade(ordering, { form: 'ordering', order: ['c', 'b', 'a'] });
    expect(g.score).toBe(0);
    expect(g.positions).toEqual([
      { id: 'c', correct: false },
      { id: 'b', correct: true },
      { id: 'a', correct: false },
    ]);
    expect(g.summary).toBe('Not quite: 1 of 3 in the right place.');
  });
});

describe('tasks', () => {
  it('are graded from the engine’s checks: all must hold', () => {
    expect(gradeTask([{ id: 'a', label: 'A', ok: true }]).score).toBe(1);
    expect(
      gradeTask([
        { id: 'a', label: 'A', ok: true },
        { id: 'b', label: 'B', ok: false },
      ]),
    ).toMatchObject({ score: 0, summary: 'Not yet: 1 of 2 conditions fail.' });
  });

  it('cannot be graded without the engine', () => {
    expect(() => grade({ form: 'task', id: 't', ...base, controls: [] }, { form: 'task', config: {} })).toThrow(/gradeTask/);
  });
});

describe('what a wrong answer suggests beyond the option chosen', () => {
  const withMissed: Concrete = {
    form: 'multiple',
    id: 'bill',
    ...base,
    options: [
      { id: 'ebs', text: 'The volume', correct: true, missed: { feedback: 'A stopped VM keeps its volume. (belief)', misconception: 'stopped-costs-nothing' } },
      { id: 'eip', text: 'The address', correct: true },
      { id: 'cpu', text: 'The vCPUs', correct: false, misconception: 'stopped-billed-compute', feedback: 'Not while stopped.' },
    ],
  };

  it('a right option left out names its diagnosis and says which option it is about', () => {
    const g = grade(withMissed, { form: 'multiple', chosen: ['eip'] });
    expect(diagnosesOf(withMissed, g)).toEqual([
      { misconception: 'stopped-costs-nothing', note: 'A stopped VM keeps its volume. (belief)', about: 'You left out “The volume”, which is right.' },
    ]);
  });

  it('a wrong option chosen and a right one left out: both, the chosen one first', () => {
    const g = grade(withMissed, { form: 'multiple', chosen: ['eip', 'cpu'] });
    expect(diagnosesOf(withMissed, g).map((d) => d.misconception)).toEqual(['stopped-billed-compute', 'stopped-costs-nothing']);
  });

  it('a right option left out without a diagnosis, or a whole right answer, suggests nothing', () => {
    expect(diagnosesOf(withMissed, grade(withMissed, { form: 'multiple', chosen: ['ebs'] }))).toEqual([]);
    expect(diagnosesOf(withMissed, grade(withMissed, { form: 'multiple', chosen: ['ebs', 'eip'] }))).toEqual([]);
  });

  const withMistakes: Concrete = { ...ordering, mistakes: [{ first: 'a', then: 'c', feedback: 'C needs A first.', slip: 'reading' }] } as Concrete;

  it('an ordering with a telling pair the wrong way round names it', () => {
    const g = grade(withMistakes, { form: 'ordering', order: ['c', 'a', 'b'] });
    expect(diagnosesOf(withMistakes, g)).toEqual([{ slip: 'reading', note: 'C needs A first.', about: 'You put “C” before “A”.' }]);
  });

  it('a wrong order that keeps the pair the right way round does not', () => {
    const g = grade(withMistakes, { form: 'ordering', order: ['b', 'a', 'c'] });
    expect(g.correct).toBe(false);
    expect(diagnosesOf(withMistakes, g)).toEqual([]);
  });
});
