/** Quiz validation: every question, every variant, through the engine, as `npm test` and the CLI do it. */
import { performance } from 'node:perf_hooks';
import { validateAllQuizzes } from '@site/quizzes/validate';
import type { Figure } from './engine';

export function quizFigures(): Figure[] {
  const t0 = performance.now();
  const report = validateAllQuizzes();
  const ms = performance.now() - t0;
  if (!report.ok) throw new Error(`quiz validation failed: ${report.failures.length} failure(s)`);
  const questions = report.lessons.reduce((n, l) => n + l.questions, 0);
  return [
    { name: 'validate all quizzes (every variant through the engine)', value: Math.round(ms), unit: 'ms', target: { value: 10_000, better: 'lower' } },
    { name: '  ... questions checked', value: questions, unit: 'questions' },
  ];
}
