/**
 * The "show me" replay, its code (and the parts of the engine only it runs) loaded when the reader
 * first asks for a replay: the island's quiz uses this in place of ./Replay.
 */
import React, { useEffect, useState, type ComponentType } from 'react';
import type { ReplayProps } from './Replay';
import styles from './styles.module.css';

let loaded: ComponentType<ReplayProps> | null = null;

export default function ReplayOnDemand(props: ReplayProps): React.JSX.Element {
  const [Replay, setReplay] = useState<ComponentType<ReplayProps> | null>(() => loaded);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (Replay) return;
    let live = true;
    import('./Replay').then(
      (m) => {
        loaded = m.default;
        if (live) setReplay(() => m.default);
      },
      (error: unknown) => {
        if (live) setFailure(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
    };
  }, [Replay]);
  if (Replay) return <Replay {...props} />;
  return (
    <p id={props.id} className={styles.detail} role={failure ? 'alert' : 'status'}>
      {failure ? `The engine’s run could not load: ${failure}. Close it and show it again to retry.` : 'Loading the engine’s run…'}
    </p>
  );
}
