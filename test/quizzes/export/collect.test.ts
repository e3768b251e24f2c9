/** What every export writes as general feedback: the explanation, diagnoses no option can carry, the source. */
import { describe, expect, it } from 'vitest';
import { conditionalDiagnoses, generalFeedbackHtml } from '@site/quizzes/export/collect';
import type { Concrete } from '@site/quizzes/schema';

const base = { prompt: 'p', explanation: 'Because.', hints: [], engine: false, params: {} };

describe('general feedback', () => {
  it('a right option left out: its diagnosis, said to every learner (an LMS shows an option’s feedback only when chosen)', () => {
    const c: Concrete = {
      form: 'multiple',
      id: 'm',
      ...base,
      options: [
        { id: 'a', text: 'A & B', correct: true, missed: { feedback: 'It holds.' } },
        { id: 'b', text: 'C', correct: true },
        { id: 'x', text: 'X', correct: false, feedback: 'No.' },
      ],
    };
    expect(conditionalDiagnoses(c)).toEqual(['Left out “A & B”? It is right. It holds.']);
    expect(generalFeedbackHtml(c)).toBe('<p>Because.</p><p>Left out “A &amp; B”? It is right. It holds.</p>');
  });

  it('an ordering’s telling mistake, before the source', () => {
    const c: Concrete = {
      form: 'ordering',
      id: 'o',
      ...base,
      source: 'https://example.org/s',
      items: [
        { id: 'a', text: 'First' },
        { id: 'b', text: 'Second' },
        { id: 'c', text: 'Third' },
      ],
      start: ['c', 'b', 'a'],
      mistakes: [{ first: 'a', then: 'c', feedback: 'Third needs First.' }],
    };
    expect(generalFeedbackHtml(c)).toBe(
      '<p>Because.</p><p>Put “Third” before “First”? Third needs First.</p><p>Source: <a href="https://example.org/s">https://example.org/s</a></p>',
    );
  });

  it('nothing extra for a single choice', () => {
    const c: Concrete = {
      form: 'single',
      id: 's',
      ...base,
      options: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', correct: false },
      ],
    };
    expect(generalFeedbackHtml(c)).toBe('<p>Because.</p>');
  });
});
