import React from 'react';
import clsx from 'clsx';
import type { Grade } from '@site/quizzes/grade';
import type { Concrete } from '@site/quizzes/schema';
import { OptionFeedback } from './Feedback';
import styles from './styles.module.css';

type Multiple = Extract<Concrete, { form: 'multiple' }>;

export default function MultipleSelect(props: {
  question: Multiple;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  grade: Grade | null;
  name: string;
  reveal: boolean;
}): React.JSX.Element {
  const { question, chosen, onChange, grade, name, reveal } = props;
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  return (
    <>
      <p className={styles.instruction} id={`${name}-how`}>
        Select every statement that is true.
      </p>
      <ul className={styles.options} aria-describedby={`${name}-how`}>
        {question.options.map((o) => {
          const id = `${name}-${o.id}`;
          const verdict = grade?.options?.find((v) => v.id === o.id);
          return (
            <li
              key={o.id}
              className={clsx(
                styles.option,
                verdict && (reveal || verdict.chosen) && verdict.chosen !== verdict.correct && styles.optionBad,
                verdict?.chosen && verdict.correct && styles.optionOk,
              )}
            >
              <input type="checkbox" id={id} name={name} value={o.id} checked={chosen.includes(o.id)} onChange={() => toggle(o.id)} />
              <label htmlFor={id}>
                {o.text}
                {verdict && (
                  <>
                    {' '}
                    <OptionFeedback verdict={verdict} multiple reveal={reveal} />
                  </>
                )}
              </label>
            </li>
          );
        })}
      </ul>
    </>
  );
}
