import React, { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import * as z from 'zod/mini';
import type { Scenario, ScenarioInput } from '@site/sim';
import { WidgetFrame } from '../shared/Frame';
import { useUrlState } from '../shared/urlState';
import { ShareLinkButton } from '../shared/ShareLinkButton';
import { Design } from './Design';
import { FaultForm, type FaultTargets } from './FaultForm';
import { ScenarioFile } from './ScenarioFile';
import { EventLog, Status, databaseState } from './Status';
import { Timeline, clock, defaultSpeed } from './Timeline';
import { AzTable, VmGrid, VmLegend } from './VmGrid';
import {
  buildScenario,
  designSchema,
  isPresetName,
  labUntil,
  presetLabels,
  presetNames,
  presets,
  scenarioProblem,
  scheduledFaults,
  withFaults,
  type Fault,
  type LabDesign,
  type PresetName,
} from './scenario';
import type { LabFrame } from './history';
import { useLabHistory } from './useLabHistory';
import shared from '../shared/widget.module.css';
import styles from './styles.module.css';

export { presetScenario, buildScenario, presets, presetNames, type LabDesign, type PresetName } from './scenario';
export { labViewAt, deriveLabView, type LabView } from './view';
export { LabHistory, frameOf, type LabFrame } from './history';

const urlSchema = z.strictObject({ design: designSchema, time: z.number().check(z.int(), z.minimum(0), z.maximum(labUntil)) });

interface LoadedFile {
  source: string;
  base: ScenarioInput;
  until: number;
  minServing: number;
  faults: Fault[];
}

function summaryOf(frame: LabFrame, playing: boolean): string {
  const { view, database } = frame;
  const down = view.azs.filter((az) => !az.up).map((az) => az.id);
  const db = database ? ` Database ${databaseState(database, frame.events)}; ${database.rpoSeconds} s of writes lost.` : '';
  const service = view.serviceUp ? 'up' : frame.firstUpAt === null ? 'starting (VMs are booting)' : 'down';
  const vms = `${view.serving} of ${view.total} VMs serving${down.length ? ` (${down.join(', ')} down)` : ''}; service ${service}.`;
  if (playing) return `Playing. ${vms}`;
  const avail = frame.firstUpAt === null ? '' : ` Availability ${view.availabilityPercent}% so far, ${view.downtimeSeconds} s down.`;
  return `At ${clock(view.time)}: ${vms}${avail}${db}`;
}

/** The ready-made design this one is, faults aside (the title names it), or null for the reader's own. */
function presetOf(design: LabDesign): PresetName | null {
  const shape = (d: LabDesign) => JSON.stringify({ ...d, faults: [] });
  return presetNames.find((p) => shape(presets[p]) === shape(design)) ?? null;
}

/** Keeps faults that still make sense after a change of design (an AZ, region or VM may be gone). */
function keepValidFaults(design: LabDesign): { design: LabDesign; dropped: number } {
  // Without faults there is nothing to drop: checking would only parse the scenario once more, on the key press.
  if (design.faults.length === 0) return { design, dropped: 0 };
  if (scenarioProblem(buildScenario(design)) === null) return { design, dropped: 0 };
  const faults = design.faults.filter((f) => scenarioProblem(buildScenario({ ...design, faults: [f] })) === null);
  return { design: { ...design, faults }, dropped: design.faults.length - faults.length };
}

/*
 * The parts drawn from the run, redrawn only when what they show changes: a change of design
 * re-renders the lab at once with the old run (the new one is deferred), and these then keep
 * what they drew.
 */
const TimelineView = memo(Timeline);
const StatusView = memo(Status);
const AzTableView = memo(AzTable);
const EventLogView = memo(EventLog);

export default function AzFailureLab({ id: idProp, preset = 'multi-az' }: { id?: string; preset?: string }): React.JSX.Element {
  const knownPreset: PresetName = isPresetName(preset) ? preset : 'multi-az';
  const id = idProp ?? `az-failure-lab-${knownPreset}`;
  const fallback = useMemo(() => ({ design: presets[knownPreset], time: 0 }), [knownPreset]);
  const url = useUrlState(id, urlSchema, fallback);

  const [design, setDesign] = useState<LabDesign>(presets[knownPreset]);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(defaultSpeed);
  const [message, setMessage] = useState<string | null>(null);
  /** The design a ready-made one replaced, for Undo. */
  const [replaced, setReplaced] = useState<{ design: LabDesign; label: string } | null>(null);

  const designed = useMemo(
    () => ({ scenario: file ? withFaults(file.base, file.faults) : buildScenario(design), until: file ? file.until : labUntil }),
    [file, design],
  );
  // A new design or file records its run afresh; the reader stays at the same time (or the run's end).
  // Starting a record runs 0:00 (at a thousand VMs, tens of milliseconds: every launch placed), so it
  // is deferred: the controls answer first, and React may drop a record the reader has already
  // changed again. Everything drawn from the run reads the deferred one, so it stays one run.
  const recorded = useDeferredValue(designed);
  const recording = recorded !== designed;
  const { scenario, until } = recorded;
  const labClock = useLabHistory(scenario, until);
  const { frame, time, setTime } = labClock;
  const view = frame.view;
  const timeRef = useRef(time);
  timeRef.current = time;
  // The step reads the current record through a ref, so that its callback stays the same from render to render.
  const nextChangeRef = useRef(labClock.nextChange);
  nextChangeRef.current = labClock.nextChange;

  // The shared link, once read on the client.
  useEffect(() => {
    if (!url.loaded) return;
    if (url.initial.design !== design) setDesign(url.initial.design);
    setTime(url.initial.time);
    // Only when the link is read: depending on `design` would put the link's design back after every change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url.loaded]);

  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => {
      const now = timeRef.current;
      if (now >= until) {
        setPlaying(false);
        return;
      }
      const next = Math.min(until, now + speed / 10);
      timeRef.current = next;
      setTime(next);
    }, 100);
    return () => clearInterval(timer);
  }, [playing, speed, until, setTime]);

  const changeDesign = useCallback((next: LabDesign) => {
    const { design: valid, dropped } = keepValidFaults(next);
    setMessage(dropped ? `Removed ${dropped} fault(s) that no longer apply to this design.` : null);
    setReplaced(null);
    setDesign(valid);
  }, []);

  const applyPreset = (name: PresetName) => {
    setPlaying(false);
    setMessage(null);
    setReplaced({ design, label: presetLabels[name] });
    setDesign(presets[name]);
  };

  const scrub = useCallback(
    (t: number) => {
      setPlaying(false);
      setTime(t);
    },
    [setTime],
  );

  const step = useCallback(() => {
    setPlaying(false);
    setTime(nextChangeRef.current());
  }, [setTime]);
  const play = useCallback(() => setPlaying(true), []);
  const pause = useCallback(() => setPlaying(false), []);
  const restart = useCallback(() => scrub(0), [scrub]);
  const faultMarks = useMemo(() => scheduledFaults(scenario), [scenario]);

  // The record keeps the same list while the VMs are the same, so the list itself is the key.
  const vmNames = frame.vmNames;
  const targets: FaultTargets = useMemo(
    () => ({
      az: frame.regions.flatMap((r) => r.azs.map((az) => az.id)),
      region: frame.regions.map((r) => r.id),
      host: frame.hostIds,
      vm: vmNames,
    }),
    // Targets change only when the world's topology or its VMs do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scenario, vmNames],
  );

  const faults = file ? file.faults : design.faults;
  const setFaults = (next: Fault[]) => {
    if (file) setFile({ ...file, faults: next });
    else setDesign({ ...design, faults: next });
  };
  const addFault = (f: Fault) => {
    const next = [...faults, f].sort((a, b) => a.at - b.at);
    const problem = scenarioProblem(file ? withFaults(file.base, next) : buildScenario({ ...design, faults: next }));
    if (problem) {
      setMessage(`The engine refuses this fault: ${problem}`);
      return;
    }
    setMessage(null);
    setFaults(next);
  };

  const loadFile = (source: string, parsed: Scenario) => {
    setPlaying(false);
    setTime(0);
    setFile({ source, base: parsed, until: parsed.until, minServing: parsed.service?.minServing ?? 1, faults: [] });
    setMessage(null);
  };

  const currentPreset = file ? null : presetOf(design);
  const notice = [isPresetName(preset) ? null : `Unknown preset "${preset}"; showing "multi-az" instead.`, url.notice].filter(Boolean).join(' ') || null;
  const events = frame.events;

  return (
    <WidgetFrame
      id={id}
      title={`AZ failure lab: ${file ? file.source : currentPreset ? presetLabels[currentPreset] : 'your own design'}`}
      description={
        <>
          Deploy a service in us-east-1, schedule outages, and play virtual time. Every number below is read from the simulation engine&apos;s report; the run
          is deterministic, so the same choices always give the same result at every time, however you move through it.
        </>
      }
      notice={notice}
      summary={summaryOf(frame, playing)}
    >
      {file ? (
        <div className={styles.fileBanner}>
          <p className={styles.flush}>
            Running the scenario file <strong>{file.source}</strong> ({scenario.name}).
          </p>
          <button
            type="button"
            className={shared.button}
            onClick={() => {
              setFile(null);
              setPlaying(false);
            }}
          >
            Back to the designer
          </button>
        </div>
      ) : (
        <Design id={id} design={design} preset={currentPreset} onChange={changeDesign} onPreset={applyPreset} />
      )}
      <FaultForm
        id={id}
        targets={targets}
        until={until}
        now={time}
        faults={faults}
        onAdd={addFault}
        onRemove={(i) => setFaults(faults.filter((_, k) => k !== i))}
      />
      {/* Always there, one line high: a line coming and going with every change of design would move the whole lab below it twice. */}
      <p role="status" className={styles.recording}>
        {recording ? 'Recording the run of the new design…' : null}
      </p>
      {message ? (
        <p role="status" className={shared.refusal}>
          {message}
        </p>
      ) : null}
      {replaced ? (
        <p role="status" className={styles.flush}>
          Applied “{replaced.label}”: it replaced your design
          {replaced.design.faults.length ? ` and its ${replaced.design.faults.length} fault${replaced.design.faults.length === 1 ? '' : 's'}` : ''}.{' '}
          <button
            type="button"
            className={shared.button}
            onClick={() => {
              setDesign(replaced.design);
              setReplaced(null);
            }}
          >
            Undo
          </button>
        </p>
      ) : null}
      <TimelineView
        id={id}
        until={until}
        time={time}
        faults={faultMarks}
        events={events}
        playing={playing}
        speed={speed}
        onSpeed={setSpeed}
        onScrub={scrub}
        onPlay={play}
        onPause={pause}
        onStep={step}
        onRestart={restart}
      />
      <StatusView frame={frame} minServing={file ? file.minServing : design.minServing} />
      <VmLegend />
      <VmGrid azs={view.azs} />
      <AzTableView azs={view.azs} />
      <EventLogView events={events} />
      <ScenarioFile id={id} onLoad={loadFile} />
      <ShareLinkButton
        id={id}
        state={{ design, time }}
        disabledReason={file ? 'A loaded file is not put in the link; go back to the designer to share.' : undefined}
      />
    </WidgetFrame>
  );
}
