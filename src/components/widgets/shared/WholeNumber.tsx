import React, { useEffect, useState } from 'react';
import shared from './widget.module.css';

/** A whole-number input that only reports values inside its range; anything else is marked invalid. */
export function WholeNumber(props: { label: string; value: number; min: number; max: number; onChange(value: number): void; id: string }): React.JSX.Element {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(n) && n >= props.min && n <= props.max;
  return (
    <label>
      {props.label}
      <input
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${props.id}-err`}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const v = Number(next);
          if (next.trim() !== '' && Number.isInteger(v) && v >= props.min && v <= props.max) props.onChange(v);
        }}
      />
      {valid ? null : (
        <span id={`${props.id}-err`} className={shared.invalid}>
          {props.min}–{props.max}
        </span>
      )}
    </label>
  );
}
