import React, { useState } from 'react';
import shared from '../shared/widget.module.css';
import { databaseChoices, databaseLabels, maxVms, presetLabels, presetNames, type LabDesign, type PresetName } from './scenario';
import { WholeNumber } from '../shared/WholeNumber';
import styles from './styles.module.css';

interface Props {
  id: string;
  design: LabDesign;
  /** The ready-made design this one is, if it is one (faults aside). */
  preset: PresetName | null;
  onChange(next: LabDesign): void;
  onPreset(name: PresetName): void;
}

export function Design({ id, design, preset, onChange, onPreset }: Props): React.JSX.Element {
  const set = <K extends keyof LabDesign>(key: K, value: LabDesign[K]) => onChange({ ...design, [key]: value });
  // Choosing in the list only chooses (arrow keys walk it freely); Apply replaces the design.
  const [choice, setChoice] = useState<PresetName>(preset ?? presetNames[0]);
  const selectId = `${id}-preset`;
  return (
    <fieldset className={styles.fieldset}>
      <legend>Your design in us-east-1</legend>
      <div className={shared.controls}>
        <label htmlFor={selectId}>Start from a ready-made design</label>
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.currentTarget.value as PresetName)}>
          {presetNames.map((p) => (
            <option key={p} value={p}>
              {presetLabels[p]}
            </option>
          ))}
        </select>
        <button type="button" className={shared.button} onClick={() => onPreset(choice)} aria-describedby={`${selectId}-what`}>
          Apply
        </button>
        <span id={`${selectId}-what`} className={styles.hint}>
          replaces the design below and its faults (you can undo)
        </span>
      </div>
      <div className={shared.controls}>
        <label>
          Web VMs spread over
          <select value={design.azs} onChange={(e) => set('azs', Number(e.currentTarget.value))}>
            <option value={1}>1 AZ (us-east-1a)</option>
            <option value={2}>2 AZs (a, b)</option>
            <option value={3}>3 AZs (a, b, c)</option>
          </select>
        </label>
        <WholeNumber id={`${id}-vms`} label="Web VMs" value={design.vms} min={1} max={maxVms} onChange={(v) => set('vms', v)} />
        <WholeNumber id={`${id}-min`} label="Service needs serving" value={design.minServing} min={1} max={2 * maxVms} onChange={(v) => set('minServing', v)} />
        <label className={styles.check}>
          <input type="checkbox" checked={design.group} onChange={(e) => set('group', e.currentTarget.checked)} />
          In a group (replaces failed VMs)
        </label>
      </div>
      <div className={shared.controls}>
        <label>
          Database
          <select value={design.database} onChange={(e) => set('database', e.currentTarget.value as LabDesign['database'])}>
            {databaseChoices.map((c) => (
              <option key={c} value={c}>
                {databaseLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <WholeNumber id={`${id}-west`} label="Web VMs in us-west-2" value={design.westVms} min={0} max={maxVms} onChange={(v) => set('westVms', v)} />
      </div>
    </fieldset>
  );
}
