import React, { useRef, useState } from 'react';
import clsx from 'clsx';
import type { Grade } from '@site/quizzes/grade';
import type { Concrete } from '@site/quizzes/schema';
import styles from './styles.module.css';

type OrderingQuestion = Extract<Concrete, { form: 'ordering' }>;

/** Ordering by buttons: every item has "Move up" and "Move down"; focus follows the moved item. */
export default function Ordering(props: {
  question: OrderingQuestion;
  order: string[];
  onChange: (order: string[]) => void;
  grade: Grade | null;
  name: string;
  reveal: boolean;
}): React.JSX.Element {
  const { question, order, onChange, grade, name, reveal } = props;
  const [announcement, setAnnouncement] = useState('');
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());
  const textOf = (id: string) => question.items.find((i) => i.id === id)?.text ?? id;

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= order.length) return;
    const next = [...order];
    [next[index], next[target]] = [next[target], next[index]];
    onChange(next);
    const id = order[index];
    setAnnouncement(`“${textOf(id)}” is now ${target + 1} of ${order.length}.`);
    // Keep focus on the item that moved; if it reached an end, on its other button.
    const atEnd = (delta === -1 && target === 0) || (delta === 1 && target === order.length - 1);
    const focusKey = `${id}:${atEnd ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down'}`;
    requestAnimationFrame(() => buttons.current.get(focusKey)?.focus());
  };

  return (
    <>
      <p className={styles.instruction} id={`${name}-how`}>
        Put the items in order, first at the top, with the Move up and Move down buttons.
      </p>
      <ol className={styles.ordering} aria-describedby={`${name}-how`}>
        {order.map((id, i) => {
          const verdict = grade?.positions?.[i];
          const rightPlace = question.items.findIndex((it) => it.id === id) + 1;
          return (
            <li key={id} className={clsx(styles.orderItem, verdict && (verdict.correct ? styles.optionOk : styles.optionBad))}>
              <span className={styles.orderText}>
                {textOf(id)}
                {verdict && (
                  <span className={verdict.correct ? styles['verdict-ok'] : styles['verdict-bad']}>
                    {' '}
                    <span aria-hidden="true">{verdict.correct ? '✓ ' : '✗ '}</span>
                    {verdict.correct ? 'In the right place.' : reveal ? `Belongs at position ${rightPlace}.` : 'Not in the right place.'}
                  </span>
                )}
              </span>
              <span className={styles.orderButtons}>
                <button
                  type="button"
                  className="button button--sm button--secondary"
                  ref={(el) => {
                    buttons.current.set(`${id}:up`, el);
                  }}
                  disabled={i === 0}
                  aria-label={`Move “${textOf(id)}” up`}
                  onClick={() => move(i, -1)}
                >
                  <span aria-hidden="true">↑ </span>Up
                </button>
                <button
                  type="button"
                  className="button button--sm button--secondary"
                  ref={(el) => {
                    buttons.current.set(`${id}:down`, el);
                  }}
                  disabled={i === order.length - 1}
                  aria-label={`Move “${textOf(id)}” down`}
                  onClick={() => move(i, 1)}
                >
                  <span aria-hidden="true">↓ </span>Down
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <p className={styles.visuallyHidden} aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
