import React from 'react';
import type { OptionVerdict } from '@site/quizzes/grade';
import { noteOf } from '@site/quizzes/diagnosis-text';
import styles from './styles.module.css';

/**
 * What the grade says about one option, in words (colour only repeats it). Until the answer is
 * revealed (a right answer, a second wrong try, or the reader asks), it speaks only of the options
 * the reader chose, and a wrong option's diagnosis is told below the question, not here.
 */
export function OptionFeedback({ verdict, multiple, reveal }: { verdict: OptionVerdict; multiple: boolean; reveal: boolean }): React.JSX.Element | null {
  const { chosen, correct } = verdict;
  const note = noteOf(verdict.feedback, verdict);
  let mark: string;
  let text: string;
  let tone: 'ok' | 'bad' | 'muted';
  if (chosen && correct) [mark, text, tone] = ['✓', 'Correct, and you chose it.', 'ok'];
  else if (chosen) [mark, text, tone] = ['✗', 'Wrong: you chose this.', 'bad'];
  else if (!reveal) return null;
  else if (correct) [mark, text, tone] = multiple ? ['!', 'Correct, but you did not choose it.', 'bad'] : ['→', 'This is the answer.', 'ok'];
  else if (multiple) [mark, text, tone] = ['✓', 'Wrong, and you left it out.', 'muted'];
  else return null;
  // A wrong option's note goes with its diagnosis below the question; a right option's note explains it.
  const showNote = note && tone !== 'muted' && correct && (chosen || reveal);
  return (
    <span className={styles[`verdict-${tone}`]}>
      <span aria-hidden="true">{mark} </span>
      {text}
      {showNote ? ` ${note}` : ''}
    </span>
  );
}
