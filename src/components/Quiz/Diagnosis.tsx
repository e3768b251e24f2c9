/**
 * What a wrong answer suggests, in words: the belief behind it, why it is wrong, and the lesson
 * section that corrects it; or that it looks like a slip. Text only, so a screen reader hears it
 * as it is shown.
 */
import React from 'react';
import type { Diagnosis } from '@site/quizzes/grade';
import { findMisconception, lessonTitle, sectionPath } from '@site/quizzes/diagnosis-text';
import styles from './styles.module.css';

const slipWords = {
  arithmetic: 'This looks like a slip in the arithmetic, not a wrong idea.',
  unit: 'This looks like a slip with units or percentages, not a wrong idea.',
  reading: 'This looks like a slip in reading the question, not a wrong idea.',
  estimate: 'This looks like a slip in estimating a distance or a size, not a wrong idea.',
} as const;

export default function DiagnosisList({ diagnoses, id }: { diagnoses: Diagnosis[]; id: string }): React.JSX.Element | null {
  // One entry per misconception: two wrong options with the same belief say it once.
  const seen = new Set<string>();
  const shown = diagnoses.filter((d) => {
    const key = d.misconception ?? `${d.slip ?? ''}:${d.note ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return d.misconception || d.slip || d.note || d.about;
  });
  if (shown.length === 0) return null;
  return (
    <div className={styles.diagnosis} id={id} data-testid="diagnosis">
      <h4 className={styles.replayTitle}>What your answer suggests</h4>
      <ul>
        {shown.map((d, i) => {
          const m = d.misconception ? findMisconception(d.misconception) : undefined;
          return (
            <li key={i} data-misconception={m?.id} data-slip={d.slip}>
              {d.about && <p>{d.about}</p>}
              {d.note && <p>{d.note}</p>}
              {m && (
                <>
                  <p>
                    <strong>The belief behind it:</strong> “{m.belief}”
                  </p>
                  <p>
                    <strong>Why it does not hold:</strong> {m.why}
                  </p>
                  <p>
                    Read{' '}
                    <a href={sectionPath(m)} data-testid="diagnosis-link">
                      {m.section}
                    </a>{' '}
                    in {lessonTitle(m.lesson)}.
                    {m.source && (
                      <span className={styles.detail}>
                        {' '}
                        Source: <a href={m.source.url}>{new URL(m.source.url).hostname}</a>, as of {m.source.asOf}.
                      </span>
                    )}
                  </p>
                </>
              )}
              {!m && d.slip && <p>{slipWords[d.slip]}</p>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
