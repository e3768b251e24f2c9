/**
 * The lab's clock over a recorded run: the reader moves `time`; the frame shown is read from the
 * record (./history.ts), so scrubbing back never replays from 0:00 and a step forward records only
 * what happens next. What the reader has not reached yet is recorded in idle time.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ScenarioInput } from '@site/sim';
import { LabHistory, type LabFrame } from './history';

export interface LabClock {
  frame: LabFrame;
  time: number;
  setTime(time: number): void;
  /** The next time something happens after now, or the end of the run. */
  nextChange(): number;
}

type IdleHandle = { cancel(): void };

function whenIdle(run: () => void): IdleHandle {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: 500 });
    return { cancel: () => window.cancelIdleCallback(id) };
  }
  const id = window.setTimeout(run, 50);
  return { cancel: () => window.clearTimeout(id) };
}

export function useLabHistory(scenario: ScenarioInput, until: number): LabClock {
  const history = useMemo(() => new LabHistory(scenario, until), [scenario, until]);
  const [requested, setTime] = useState(0);
  // A shorter run (a loaded file) shows its end; the reader's time is kept for when it gets longer.
  const time = Math.min(requested, until);
  const frame = useMemo(() => history.frameAt(time), [history, time]);

  useEffect(() => {
    let pending: IdleHandle | null = null;
    const recordOne = () => {
      pending = history.recordNext() ? whenIdle(recordOne) : null;
    };
    pending = whenIdle(recordOne);
    return () => pending?.cancel();
  }, [history]);

  return { frame, time, setTime, nextChange: () => history.nextChangeAfter(time) };
}
