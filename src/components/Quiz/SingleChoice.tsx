import React from 'react';
import clsx from 'clsx';
import type { Grade } from '@site/quizzes/grade';
import type { Concrete } from '@site/quizzes/schema';
import { OptionFeedback } from './Feedback';
import styles from './styles.module.css';

type Single = Extract<Concrete, { form: 'single' }>;

export default function SingleChoice(props: {
  question: Single;
  choice: string | null;
  onChange: (choice: string) => void;
  grade: Grade | null;
  name: string;
  reveal: boolean;
}): React.JSX.Element {
  const { question, choice, onChange, grade, name, reveal } = props;
  return (
    <ul className={styles.options}>
      {question.options.map((o) => {
        const id = `${name}-${o.id}`;
        const verdict = grade?.options?.find((v) => v.id === o.id);
        return (
          <li key={o.id} className={clsx(styles.option, verdict?.chosen && (verdict.correct ? styles.optionOk : styles.optionBad))}>
            <input type="radio" id={id} name={name} value={o.id} checked={choice === o.id} onChange={() => onChange(o.id)} />
            <label htmlFor={id}>
              {o.text}
              {verdict && (
                <>
                  {' '}
                  <OptionFeedback verdict={verdict} multiple={false} reveal={reveal} />
                </>
              )}
            </label>
          </li>
        );
      })}
    </ul>
  );
}
