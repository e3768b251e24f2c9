/**
 * The quiz of a lesson, for MDX: `<Quiz quiz="regions" />`. An island (src/components/Island): the
 * quiz's code, the engine, this lesson's quiz file (no other lesson's) and the misconceptions it
 * names (not the whole catalogue) load when the reader comes near it; the server renders it in full.
 */
import React from 'react';
import { hasQuiz, quizLoaders } from '@site/quizzes/loaders';
import type { QuizLoad } from '@site/quizzes/parse';
import { island } from '../Island';

type Props = { quiz: string };

export default island<Props>(
  'quiz',
  async ({ quiz }) => {
    const [{ LoadedQuiz, learnMisconceptions }, { parseQuizFile }, { namedMisconceptionLoaders }] = await Promise.all([
      import('./QuizView'),
      import('@site/quizzes/parse'),
      import('@site/quizzes/named-misconceptions'),
    ]);
    let loaded: QuizLoad | undefined;
    if (hasQuiz(quiz)) {
      const [file, named] = await Promise.all([quizLoaders[quiz].load(), namedMisconceptionLoaders[quiz]()]);
      // Learnt before the quiz is made concrete: its wrong answers' feedback is written from them.
      learnMisconceptions(named.default);
      loaded = parseQuizFile(quizLoaders[quiz].file, file.default);
    }
    return function LessonQuiz({ quiz: lesson }: Props): React.JSX.Element {
      return <LoadedQuiz lesson={lesson} loaded={loaded} />;
    };
  },
  // The server renders from the registry of all quizzes; the browser loads one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./Quiz') as { default: React.ComponentType<Props> }).default : undefined,
  { key: ({ quiz }) => quiz },
);
