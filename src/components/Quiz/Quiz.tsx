/**
 * A lesson's quiz from the registry of all quizzes (every quiz file in one bundle). Pages use the
 * island in ./index.tsx, which loads one lesson's quiz; tests and tools render this one, with the
 * task grader and the replay at hand.
 */
import React from 'react';
import { loadQuiz } from '@site/quizzes';
import { runTask } from '@site/quizzes/task';
import type { QuizEngine } from './engine';
import { LoadedQuiz } from './QuizView';
import Replay from './Replay';
import Task, { TaskOutcome } from './Task';

const engine: QuizEngine = { tasks: { run: runTask, Form: Task, Outcome: TaskOutcome }, Replay };

export default function Quiz({ quiz }: { quiz: string }): React.JSX.Element {
  return <LoadedQuiz lesson={quiz} loaded={loadQuiz(quiz)} engine={engine} />;
}
