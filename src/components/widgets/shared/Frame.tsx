import React, { useRef, type ReactNode } from 'react';
import { useFocusRescue } from './useFocusRescue';
import styles from './widget.module.css';

/** The common frame of a widget: a labelled region with a title, a notice slot and a live summary. */
export function WidgetFrame(props: {
  id: string;
  title: string;
  description?: ReactNode;
  notice?: string | null;
  summary: string;
  children: ReactNode;
}): React.JSX.Element {
  const headingId = `${props.id}-title`;
  const frame = useRef<HTMLElement>(null);
  useFocusRescue(frame);
  return (
    <section ref={frame} className={styles.widget} aria-labelledby={headingId} id={props.id} data-widget={props.id}>
      <h3 id={headingId} className={styles.title}>
        {props.title}
      </h3>
      {props.description ? <div className={styles.description}>{props.description}</div> : null}
      {props.notice ? (
        <p role="alert" className={styles.notice}>
          {props.notice}
        </p>
      ) : null}
      {props.children}
      <p className={styles.summary} aria-live="polite" aria-atomic="true" data-testid="live-summary">
        {props.summary}
      </p>
    </section>
  );
}

/** Shows the engine's reason when it refused the last action. */
export function Refusal({ reason }: { reason: string | null }): React.JSX.Element | null {
  if (!reason) return null;
  return (
    <p role="status" className={styles.refusal}>
      Refused by the engine: {reason}
    </p>
  );
}
