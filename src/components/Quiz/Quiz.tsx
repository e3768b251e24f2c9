/**
 * A lesson's quiz from the registry of all quizzes (every quiz file in one bundle). Pages use the
 * island in ./index.tsx, which loads one lesson's quiz; tests and tools render this one.
 */
import React from 'react';
import { loadQuiz } from '@site/quizzes';
import { LoadedQuiz } from './QuizView';

export default function Quiz({ quiz }: { quiz: string }): React.JSX.Element {
  return <LoadedQuiz lesson={quiz} loaded={loadQuiz(quiz)} />;
}
