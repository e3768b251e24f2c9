/**
 * What a quiz needs of the engine in the page: a grader for its tasks, and the "show me" replay of
 * an engine question. The registry's quiz (./Quiz.tsx: the server and the tests) has both at hand;
 * a lesson's island (./index.tsx) loads the grader with a quiz that has tasks, and the replay when a
 * reader asks for one, so a reader who only answers questions does not download the engine's runs.
 */
import type { ComponentType } from 'react';
import type { runTask } from '@site/quizzes/task';
import type { ReplayProps } from './Replay';

export interface QuizEngine {
  /** Grades a task with the engine; null for a quiz without tasks. */
  runTask: typeof runTask | null;
  Replay: ComponentType<ReplayProps>;
}
