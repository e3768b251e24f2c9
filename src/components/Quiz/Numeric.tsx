import React from 'react';
import type { Grade } from '@site/quizzes/grade';
import type { Concrete } from '@site/quizzes/schema';
import styles from './styles.module.css';

type NumericQuestion = Extract<Concrete, { form: 'numeric' }>;

const withUnit = (n: number, unit: string) => `${n.toLocaleString('en', { maximumFractionDigits: 6 })}${unit ? ` ${unit}` : ''}`;

export default function Numeric(props: {
  question: NumericQuestion;
  text: string;
  onChange: (text: string) => void;
  grade: Grade | null;
  name: string;
  reveal: boolean;
}): React.JSX.Element {
  const { question, text, onChange, grade, name, reveal } = props;
  const id = `${name}-value`;
  const g = grade?.numeric;
  return (
    <div className={styles.numeric}>
      <label htmlFor={id}>Your answer{question.unit ? ` (in ${question.unit})` : ''}</label>
      <span className={styles.numericField}>
        <input id={id} type="text" inputMode="decimal" autoComplete="off" spellCheck={false} value={text} onChange={(e) => onChange(e.target.value)} />
        {question.unit && <span aria-hidden="true">{question.unit}</span>}
      </span>
      {grade && g && (
        <p className={grade.correct ? styles['verdict-ok'] : styles['verdict-bad']}>
          <span aria-hidden="true">{grade.correct ? '✓ ' : '✗ '}</span>
          {grade.correct
            ? `${withUnit(g.value!, g.unit)} is right${g.tolerance > 0 ? ` (answers within ±${g.tolerance} count)` : ''}.`
            : reveal
              ? `The answer is ${withUnit(g.key, g.unit)}${g.tolerance > 0 ? ` (±${g.tolerance})` : ''}.`
              : `${g.value === null ? 'That' : withUnit(g.value, g.unit)} is not the answer.`}
        </p>
      )}
    </div>
  );
}
