import React, { useRef } from 'react';
import { downloadText } from './download';
import type { ProgressProblem } from './progress';
import styles from './styles.module.css';

/**
 * Saved progress that could not be read: say so, and offer the unreadable text for download before
 * the next save replaces it. `replacedBy` names what the reader may do next that overwrites it.
 */
export function ProgressProblemNotice(props: { problem: ProgressProblem; replacedBy: string; onDismiss(): void }): React.JSX.Element {
  const notice = useRef<HTMLDivElement>(null);
  // The notice leaves the page when dismissed: hand focus to the next control after it, not to <body>.
  const dismiss = () => {
    const here = notice.current;
    const next = here?.parentElement
      ? Array.from(here.parentElement.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])')).find(
          (el) => !here.contains(el) && here.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && !el.matches(':disabled'),
        )
      : undefined;
    props.onDismiss();
    next?.focus();
  };
  return (
    <div ref={notice} className={styles.notice} role="alert">
      <p>
        {props.problem.message} The old data is not lost yet: download it before you {props.replacedBy}, which replaces it.
      </p>
      <p className={styles.actions}>
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => downloadText('infralab-progress-unreadable.txt', props.problem.raw, 'text/plain')}
        >
          Download the unreadable data
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={dismiss}>
          Dismiss
        </button>
      </p>
    </div>
  );
}
