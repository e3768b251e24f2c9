import React, { useState } from 'react';
import shared from '../shared/widget.module.css';
import { maxFaults, type Fault, type FaultLevel } from './scenario';
import { clock } from './Timeline';
import styles from './styles.module.css';

export type FaultTargets = Record<FaultLevel, string[]>;

const levelLabels: Record<FaultLevel, string> = { az: 'an AZ', region: 'a region', host: 'a host', vm: 'a VM (crash)' };

interface Props {
  id: string;
  targets: FaultTargets;
  until: number;
  now: number;
  faults: readonly Fault[];
  onAdd(fault: Fault): void;
  onRemove(index: number): void;
}

/** Schedules faults and recoveries on the timeline; the engine applies them at their time. */
export function FaultForm(p: Props): React.JSX.Element {
  const [level, setLevel] = useState<FaultLevel>('az');
  const [target, setTarget] = useState<string>('');
  const [op, setOp] = useState<'fail' | 'recover'>('fail');
  const [minutes, setMinutes] = useState('10');
  const options = p.targets[level];
  const chosen = options.includes(target) ? target : (options[0] ?? '');
  const at = Math.round(Number(minutes) * 60);
  const atValid = minutes.trim() !== '' && Number.isFinite(at) && at >= 0 && at <= p.until;
  const full = p.faults.length >= maxFaults;

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    if (!atValid || !chosen || full) return;
    p.onAdd({ at, op, level, target: chosen });
  };

  return (
    <fieldset className={styles.fieldset}>
      <legend>Faults on the timeline</legend>
      <form onSubmit={add} className={shared.controls}>
        <label>
          Action
          <select value={op} onChange={(e) => setOp(e.currentTarget.value as 'fail' | 'recover')}>
            <option value="fail">Fail</option>
            <option value="recover">Recover</option>
          </select>
        </label>
        <label>
          What
          <select value={level} onChange={(e) => setLevel(e.currentTarget.value as FaultLevel)}>
            {(Object.keys(levelLabels) as FaultLevel[]).map((l) => (
              <option key={l} value={l} disabled={p.targets[l].length === 0}>
                {levelLabels[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Which
          <select value={chosen} onChange={(e) => setTarget(e.currentTarget.value)}>
            {options.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          At (minutes)
          <input
            type="number"
            inputMode="decimal"
            min={0}
            max={p.until / 60}
            step={0.5}
            value={minutes}
            onChange={(e) => setMinutes(e.currentTarget.value)}
            aria-invalid={!atValid}
            aria-describedby={`${p.id}-at-help`}
          />
        </label>
        <button type="button" className={shared.button} onClick={() => setMinutes(String(Math.round(p.now / 30) / 2))}>
          Set to now ({clock(p.now)})
        </button>
        <button type="submit" className={shared.button} disabled={!atValid || !chosen || full}>
          Add to timeline
        </button>
      </form>
      <p id={`${p.id}-at-help`} className={styles.help}>
        {atValid ? `Between 0 and ${p.until / 60} minutes.` : `Enter a time between 0 and ${p.until / 60} minutes.`}
        {full ? ` At most ${maxFaults} faults.` : ''}
      </p>
      {p.faults.length > 0 ? (
        <ol className={styles.faultList}>
          {p.faults.map((f, i) => (
            <li key={`${i}-${f.at}-${f.target}`}>
              {clock(f.at)}: {f.op} {f.level === 'az' ? 'AZ' : f.level} {f.target}{' '}
              <button type="button" className={shared.button} onClick={() => p.onRemove(i)} aria-label={`Remove ${f.op} ${f.target} at ${clock(f.at)}`}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className={styles.help}>No faults added yet. Add one, then press Play.</p>
      )}
    </fieldset>
  );
}
