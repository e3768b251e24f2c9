/**
 * The quiz of a lesson, for MDX: `<Quiz quiz="regions" />`. An island (src/components/Island): the
 * quiz's code, this lesson's quiz file (no other lesson's), the misconceptions it names (not the whole
 * catalogue) and, for a quiz with tasks, their form and the engine's grader load when the reader reaches for
 * it (a pointer over it, focus in it), or when it comes near for a learner with saved progress or a
 * variant in the address; the "show me" replay loads when a reader asks for it. The server renders
 * it in full.
 */
import React from 'react';
import { hasQuiz, quizLoaders } from '@site/quizzes/loaders';
import { namedMisconceptionLoaders } from '@site/quizzes/named-misconceptions';
import type { QuizLoad } from '@site/quizzes/parse';
import type { QuizEngine, TaskKit } from './engine';
import { island } from '../Island';
import { quizHasReaderState } from './readerState';

type Props = { quiz: string };

export default island<Props>(
  'quiz',
  async ({ quiz }) => {
    // The quiz's code, its file and the misconceptions it names, all at once (one round trip, not two).
    const known = hasQuiz(quiz);
    const [{ LoadedQuiz, learnMisconceptions, ReplayOnDemand }, { parseQuizFile }, file, named] = await Promise.all([
      import('./QuizView'),
      import('@site/quizzes/parse'),
      known ? quizLoaders[quiz].load() : null,
      known ? namedMisconceptionLoaders[quiz]() : null,
    ]);
    let loaded: QuizLoad | undefined;
    let engine: QuizEngine = { tasks: null, Replay: ReplayOnDemand };
    if (known && file && named) {
      // Learnt before the quiz is made concrete: its wrong answers' feedback is written from them.
      learnMisconceptions(named.default);
      loaded = parseQuizFile(quizLoaders[quiz].file, file.default);
      // A quiz with tasks grades them with the engine as soon as the reader checks, and at once for a
      // saved answer: their form and the grader of each model they use load with the quiz.
      const tasks = 'quiz' in loaded ? loaded.quiz.questions.filter((q) => q.kind === 'task') : [];
      if (tasks.length > 0) {
        const [{ default: Form, TaskOutcome: Outcome }, cloud, cpu] = await Promise.all([
          import('./Task'),
          tasks.some((t) => t.model === 'cloud') ? import('@site/quizzes/task-cloud') : null,
          tasks.some((t) => t.model === 'cpu') ? import('@site/quizzes/task-cpu') : null,
        ]);
        const run: TaskKit['run'] = (t, config) => (t.model === 'cpu' ? cpu!.runCpuTask(t, config) : cloud!.runCloudTask(t, config));
        engine = { ...engine, tasks: { run, Form, Outcome } };
      }
    }
    return function LessonQuiz({ quiz: lesson }: Props): React.JSX.Element {
      return <LoadedQuiz lesson={lesson} loaded={loaded} engine={engine} />;
    };
  },
  // The server renders from the registry of all quizzes; the browser loads one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./Quiz') as { default: React.ComponentType<Props> }).default : undefined,
  { key: ({ quiz }) => quiz, showsReaderState: ({ quiz }) => quizHasReaderState(quiz) },
);
