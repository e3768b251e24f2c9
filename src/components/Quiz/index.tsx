/**
 * The quiz of a lesson, for MDX: `<Quiz quiz="regions" />`. An island (src/components/Island): the
 * quiz's code, the engine and this lesson's quiz file (no other lesson's) load when the reader
 * comes near it; the server renders it in full.
 */
import React from 'react';
import { hasQuiz, quizLoaders } from '@site/quizzes/loaders';
import { island } from '../Island';

type Props = { quiz: string };

export default island<Props>(
  'quiz',
  async ({ quiz }) => {
    const [{ LoadedQuiz }, { parseQuizFile }] = await Promise.all([import('./QuizView'), import('@site/quizzes/parse')]);
    const loaded = hasQuiz(quiz) ? parseQuizFile(quizLoaders[quiz].file, (await quizLoaders[quiz].load()).default) : undefined;
    return function LessonQuiz({ quiz: lesson }: Props): React.JSX.Element {
      return <LoadedQuiz lesson={lesson} loaded={loaded} />;
    };
  },
  // The server renders from the registry of all quizzes; the browser loads one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.env.INFRALAB_SSR ? (require('./Quiz') as { default: React.ComponentType<Props> }).default : undefined,
  { key: ({ quiz }) => quiz },
);
