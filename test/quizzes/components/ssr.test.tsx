// @vitest-environment node
/**
 * Server rendering: no window, no localStorage. The quiz and the progress view must render the
 * default variant on the server, touching neither.
 */
import React from 'react';
import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import Quiz from '@site/src/components/Quiz/Quiz';
import ProgressView from '@site/src/components/Quiz/ProgressView';
import { loadQuiz } from '@site/quizzes';
import { concreteQuiz } from '@site/quizzes/concrete';
import { lessonIds, type Quiz as QuizDef } from '@site/quizzes/schema';

describe('server rendering', () => {
  it.each(lessonIds)('renders the %s quiz without a window, on the default variant', (lesson) => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const html: string = renderToString(<Quiz quiz={lesson} />);
    expect(html).toContain(`data-quiz="${lesson}"`);
    expect(html).toContain('data-variant="1"');
    const first = concreteQuiz((loadQuiz(lesson) as { quiz: QuizDef }).quiz, 1)[0];
    expect(html).toContain(first.prompt.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#x27;').replace(/"/g, '&quot;'));
  });

  it('says so for a lesson with no quiz', () => {
    expect(renderToString(<Quiz quiz="kubernetes" />).replace(/<!-- -->/g, '')).toContain('There is no quiz for “kubernetes” yet.');
  });

  it('renders the progress view without a window', () => {
    const html: string = renderToString(<ProgressView renderLink={(l, t) => <a href={`/docs/lessons/${l}`}>{t}</a>} />);
    expect(html).toContain('Quiz progress by lesson');
  });
});
