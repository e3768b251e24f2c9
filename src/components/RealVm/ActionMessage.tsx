import React from 'react';
import shared from '@site/src/components/widgets/shared/widget.module.css';
import styles from './styles.module.css';

/** What the last action on a VM did, or why it was not done. */
export interface ActionOutcome {
  ok: boolean;
  text: string;
}

/** The outcome of the reader's last action (RealVm, the noisy-neighbour pair), announced politely. */
export default function ActionMessage({ message }: { message: ActionOutcome | null }): React.JSX.Element | null {
  if (!message) return null;
  return (
    <p role="status" className={message.ok ? styles.ok : shared.refusal}>
      {message.ok ? message.text : `Not done: ${message.text}`}
    </p>
  );
}
