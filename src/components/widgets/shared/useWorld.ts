/**
 * A widget's engine world: built from a scenario, changed by actions and the passing of virtual
 * time, read through the engine's report. The Simulation is mutable, so the hook keeps it in a ref
 * and bumps a version to redraw.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { createWorld, type ActionInput, type Outcome, type Report, type ScenarioInput, type World } from '@site/sim';

export interface WorldHandle {
  world: World;
  /** The world's report now, built when first read after a change. */
  report: Report;
  /** Counts the changes of the world: a view that reads the world itself (a glance) reads it again when this moves. */
  version: number;
  /** Applies an action now (defaults filled in by the engine's schema); returns the engine's outcome. */
  act(action: ActionInput): Outcome;
  /** Advances virtual time by `seconds`, running what falls due. */
  advance(seconds: number): void;
  /** Runs to an absolute time. */
  runTo(time: number): void;
  /** Starts again from the scenario. */
  reset(next?: ScenarioInput): void;
  /** The last refusal, if the last action was refused. */
  lastOutcome: Outcome | null;
}

export function useWorld(scenario: ScenarioInput, options: { events?: boolean } = {}): WorldHandle {
  const worldRef = useRef<World | null>(null);
  const scenarioRef = useRef(scenario);
  // The world starts with its time-0 actions applied, on the server and the client alike.
  const build = (s: ScenarioInput) => {
    const w = createWorld(s);
    w.runUntil(0);
    return w;
  };
  if (worldRef.current === null) worldRef.current = build(scenario);
  const [version, setVersion] = useState(0);
  const [lastOutcome, setLastOutcome] = useState<Outcome | null>(null);
  const bump = () => setVersion((v) => v + 1);

  const act = useCallback((input: ActionInput) => {
    const outcome = worldRef.current!.apply(input);
    setLastOutcome(outcome);
    bump();
    return outcome;
  }, []);
  const advance = useCallback((seconds: number) => {
    const w = worldRef.current!;
    w.runUntil(w.time + seconds);
    bump();
  }, []);
  const runTo = useCallback((time: number) => {
    const w = worldRef.current!;
    if (time < w.time) {
      // Virtual time only runs forward: rebuild and replay deterministically to go back.
      worldRef.current = build(scenarioRef.current);
    }
    worldRef.current!.runUntil(time);
    bump();
  }, []);
  const reset = useCallback((next?: ScenarioInput) => {
    if (next) scenarioRef.current = next;
    worldRef.current = build(scenarioRef.current);
    setLastOutcome(null);
    bump();
  }, []);

  // `version` counts the changes of the mutable world in the ref: the report is read again after each,
  // and only if asked for, so a view that reads a glance does not pay for a thousand VMs' reports.
  const readReport = useMemo(() => {
    let report: Report | undefined;
    return () => (report ??= worldRef.current!.report({ events: options.events ?? true }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, options.events]);
  return {
    world: worldRef.current!,
    get report() {
      return readReport();
    },
    version,
    act,
    advance,
    runTo,
    reset,
    lastOutcome,
  };
}
