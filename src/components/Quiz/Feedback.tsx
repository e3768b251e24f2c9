import React from 'react';
import type { OptionVerdict } from '@site/quizzes/grade';
import styles from './styles.module.css';

/** What the grade says about one option, in words (colour only repeats it). */
export function OptionFeedback({ verdict, multiple }: { verdict: OptionVerdict; multiple: boolean }): React.JSX.Element | null {
  const { chosen, correct, feedback } = verdict;
  let mark: string;
  let text: string;
  let tone: 'ok' | 'bad' | 'muted';
  if (chosen && correct) [mark, text, tone] = ['✓', 'Correct, and you chose it.', 'ok'];
  else if (chosen) [mark, text, tone] = ['✗', 'Wrong: you chose this.', 'bad'];
  else if (correct) [mark, text, tone] = multiple ? ['!', 'Correct, but you did not choose it.', 'bad'] : ['→', 'This is the answer.', 'ok'];
  else if (multiple) [mark, text, tone] = ['✓', 'Wrong, and you left it out.', 'muted'];
  else return null;
  return (
    <span className={styles[`verdict-${tone}`]}>
      <span aria-hidden="true">{mark} </span>
      {text}
      {feedback && (chosen || !correct) && tone !== 'muted' ? ` ${feedback}` : ''}
    </span>
  );
}
