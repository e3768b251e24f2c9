import React from 'react';
import { cpu } from '@site/sim';
import { cycles, eventName, placeName } from './labState';
import styles from './styles.module.css';

/** Where control goes for one instruction, as a row of places, and what the engine says about it. */
export function StepView({ step }: { step: cpu.CpuStep }): React.JSX.Element {
  return (
    <div className={styles.step} data-testid="step-view">
      <p className={styles.instruction}>
        <code>{step.instruction.text}</code> <span className={styles.kind}>{cpu.kindLabels[step.instruction.kind]}</span>
      </p>
      <ol className={styles.path} aria-label="Where control goes, in order">
        {step.path.map((p, i) => (
          <li key={i} className={`${styles.place} ${styles[p]}`}>
            {placeName(p)}
          </li>
        ))}
      </ol>
      <dl className={styles.facts}>
        <dt>What happens</dt>
        <dd>
          It {eventName(step.event)}: {step.why}.
        </dd>
        <dt>Cost (engine's figures)</dt>
        <dd>
          {cycles(step.cycles)}; on bare metal {cycles(step.native)}
          {step.walkReferences ? `; the page walk makes ${step.walkReferences} memory references` : ''}.
        </dd>
        <dt>Interrupt flag after it</dt>
        <dd className={step.interrupts.believed === step.interrupts.actual ? undefined : styles.wrong} data-testid="interrupts">
          the guest believes {step.interrupts.believed ? 'on' : 'off'}; actually {step.interrupts.actual ? 'on' : 'off'}
          {step.interrupts.believed === step.interrupts.actual ? '' : ': wrong result, the timer and the disk can no longer interrupt this guest'}
        </dd>
      </dl>
    </div>
  );
}
