/**
 * What a quiz needs of the engine in the page: for a quiz with tasks, their form and a grader, and
 * the "show me" replay of an engine question. The registry's quiz (./Quiz.tsx: the server and the
 * tests) has them all at hand; a lesson's island (./index.tsx) loads the tasks' form and the grader of
 * the models they use with a quiz that has tasks, and the replay when a reader asks for one, so a
 * reader who answers questions does not download the engine's runs.
 */
import type { ComponentType } from 'react';
import type { Config, Task } from '@site/quizzes/schema';
import type { TaskVerdict } from '@site/quizzes/task';
import type { ReplayProps } from './Replay';
import type TaskForm from './Task';
import type { TaskOutcome } from './Task';

export interface TaskKit {
  /** Grades a configuration of a task with the engine. */
  run: (t: Task, config: Config) => TaskVerdict;
  Form: typeof TaskForm;
  Outcome: typeof TaskOutcome;
}

export interface QuizEngine {
  /** null for a quiz without tasks. */
  tasks: TaskKit | null;
  Replay: ComponentType<ReplayProps>;
}
