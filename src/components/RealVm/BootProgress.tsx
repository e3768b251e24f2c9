/** The boot stages read from the serial console, as a progress bar with its text and a list. */
import React from 'react';
import { bootStageLabels as labels, type BootStage } from '@site/src/vm/serial';
import styles from './styles.module.css';

export const stages: BootStage[] = ['firmware', 'kernel', 'userland', 'shell'];
/** The short names the page uses for the four stages. */
export const stageNames: Record<BootStage, string> = { firmware: 'firmware', kernel: 'kernel', userland: 'init', shell: 'shell' };

export function stageText(stage: BootStage | null, on: boolean): string {
  if (!on || !stage) return 'No machine is running.';
  const i = stages.indexOf(stage);
  return `Boot stage ${i + 1} of ${stages.length}, ${stageNames[stage]}: ${labels[stage]}`;
}

export default function BootProgress({ stage, on, id }: { stage: BootStage | null; on: boolean; id: string }): React.JSX.Element {
  const index = on && stage ? stages.indexOf(stage) : -1;
  const text = stageText(stage, on);
  return (
    <div className={styles.progress}>
      <div
        role="progressbar"
        aria-labelledby={`${id}-progress-label`}
        aria-valuemin={0}
        aria-valuemax={stages.length}
        aria-valuenow={index + 1}
        aria-valuetext={text}
        className={styles.bar}
      >
        <div className={styles.fill} style={{ width: `${((index + 1) / stages.length) * 100}%` }} />
      </div>
      <p id={`${id}-progress-label`} className={styles.progressText}>
        {text}
      </p>
      <ol className={styles.stages} aria-label="Boot stages">
        {stages.map((s, i) => (
          <li key={s} className={i < index ? styles.done : i === index ? styles.current : undefined} aria-current={i === index ? 'step' : undefined}>
            {stageNames[s]}
          </li>
        ))}
      </ol>
    </div>
  );
}
