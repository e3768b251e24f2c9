/**
 * HypervisorLab: one physical host under a type 1 or type 2 hypervisor. The reader creates VMs,
 * drives their lifecycle and load, overcommits the CPU, crashes a VM or fails the host, and reads
 * what the engine reports. The world is "the lab's scenario, then the reader's action log": a
 * change of hypervisor or overcommit, or a share link, rebuilds it by replaying that log.
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import type { HypervisorType } from '@site/sim';
import { useWorld } from '../shared/useWorld';
import { decodeState, encodeState, shareLink, useUrlState } from '../shared/urlState';
import { replayThrough, safeAct } from '../shared/actionLog';
import { plural } from '../shared/format';
import { HypervisorLabView, type LabHandlers } from './HypervisorLabView';
import { readLabFrame } from './labFrame';
import {
  defaultLabState,
  labScenario,
  labStateSchema,
  labStepSchema,
  launchName,
  toTimedAction,
  type HostSize,
  type LabSettings,
  type LabState,
  type LabStep,
} from './labState';

export interface HypervisorLabProps {
  id?: string;
  hypervisor?: HypervisorType;
  cores?: number;
  memoryGiB?: number;
}

/** Virtual seconds per tick while playing, and real milliseconds between ticks. */
const playStep = { seconds: 5, everyMs: 500 };

export default function HypervisorLab({ id = 'hypervisor-lab', hypervisor = 'type1', cores = 16, memoryGiB = 64 }: HypervisorLabProps): React.JSX.Element {
  const size: HostSize = useMemo(() => ({ cores, memoryGiB }), [cores, memoryGiB]);
  const fallback = useMemo(() => defaultLabState(hypervisor), [hypervisor]);
  const url = useUrlState<LabState>(id, labStateSchema, fallback);
  const [settings, setSettings] = useState<LabSettings>(fallback);
  const handle = useWorld(labScenario(fallback, size));
  const [selected, setSelected] = useState<string | null>(null);
  const [playing, setPlaying] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [shareText, setShareText] = useState<string | null>(null);

  // Handlers are made once and read the latest render through refs, so memoized rows keep them.
  const latest = useRef({ handle, settings, size });
  latest.current = { handle, settings, size };
  const log = useRef<LabStep[]>([]);

  /** Applies one reader step now; an accepted step joins the log, a refused one shows its reason. */
  const perform = (step: LabStep) => {
    const outcome = safeAct(latest.current.handle, toTimedAction(step).action);
    if (outcome.ok) log.current = [...log.current, step];
    setRefusal(outcome.ok ? null : outcome.reason);
    setNote(null);
    return outcome.ok;
  };

  const rebuild = (next: LabSettings, steps: LabStep[], until: number, why: string) => {
    const refusals = replayThrough(latest.current.handle, labScenario(next, latest.current.size), steps.map(toTimedAction), until);
    log.current = steps;
    setSettings(next);
    setRefusal(null);
    setNote(
      steps.length === 0
        ? null
        : refusals.length === 0
          ? `${why}: replayed ${plural(steps.length, 'action')}, all accepted.`
          : `${why}: replayed ${plural(steps.length, 'action')}; the engine refused ${refusals.length} this time. First: ${refusals[0]}`,
    );
  };

  const handlers: LabHandlers = useMemo(() => {
    const now = () => latest.current.handle.world.time;
    return {
      changeSettings(next) {
        rebuild({ ...latest.current.settings, ...next }, log.current, now(), 'Rebuilt the host with the new settings');
      },
      launch({ count, vcpu, memoryGiB, busy, workingSet }) {
        const step = ['launch', now(), count, vcpu, memoryGiB, busy, workingSet] as const;
        const valid = labStepSchema.safeParse(step);
        if (!valid.success) {
          setRefusal(
            'the lab creates 1 to 1000 VMs at a time, of 1 to 256 whole vCPUs and more than 0 and at most 8192 GiB, busy 0 to 100%, working set 0 to 100%',
          );
          return;
        }
        if (perform(valid.data)) setSelected(null);
      },
      vmAction(verb, vm) {
        perform([verb, now(), vm]);
      },
      setLoad(target, busy) {
        if (!(busy >= 0 && busy <= 1)) {
          setRefusal('busy must be from 0 to 100%');
          return;
        }
        perform(['load', now(), target === 'all' ? launchName : target, busy]);
      },
      setWorkingSet(target, workingSet) {
        if (!(workingSet >= 0 && workingSet <= 1)) {
          setRefusal('the working set must be from 0 to 100% of the memory');
          return;
        }
        perform(['working-set', now(), target === 'all' ? launchName : target, workingSet]);
      },
      toggleHost(host, health) {
        perform([health === 'up' ? 'fail-host' : 'recover-host', now(), host]);
      },
      advance(seconds) {
        latest.current.handle.advance(seconds);
      },
      togglePlay() {
        setPlaying((p) => !p);
      },
      select(name) {
        setSelected(name);
      },
      startOver() {
        setPlaying(false);
        setSelected(null);
        setShareText(null);
        rebuild(latest.current.settings, [], 0, '');
      },
      share() {
        const state: LabState = { ...latest.current.settings, time: now(), log: log.current };
        // A session too long for a link is said so here, not discovered by whoever opens it.
        const check = decodeState(encodeState(state), labStateSchema);
        if (!check || !check.ok) {
          setShareText(`This session is too long to share as a link (${plural(log.current.length, 'action')}). Start over with fewer steps.`);
          return;
        }
        const link = shareLink(id, state, window.location);
        const copied = navigator.clipboard?.writeText(link);
        setShareText(`Share link: ${link}`);
        copied?.then(
          () => setShareText(`Copied the share link: ${link}`),
          () => setShareText(`Copy this share link: ${link}`),
        );
      },
    };
    // The handlers read everything through refs; `id` is fixed for a mounted widget.
  }, [id]);

  // A share link, once read on the client: rebuild its world.
  useEffect(() => {
    if (!url.loaded || url.initial === fallback) return;
    const { time, log: steps, ...restored } = url.initial;
    rebuild(restored, steps, time, 'Restored from the share link');
    // Only when the link is read: `rebuild` and `fallback` are stable in effect (refs inside), and rebuilding on
    // their identity would undo what the reader did since.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url.loaded, url.initial]);

  useEffect(() => {
    if (!playing) return undefined;
    const timer = window.setInterval(() => latest.current.handle.advance(playStep.seconds), playStep.everyMs);
    return () => window.clearInterval(timer);
  }, [playing]);

  // The world is mutable: `version` says when it changed, and the frame is read again then.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const frame = useMemo(() => readLabFrame(handle.world, selected), [handle.world, handle.version, selected]);

  return (
    <HypervisorLabView
      id={id}
      frame={frame}
      settings={settings}
      playing={playing}
      refusal={refusal}
      notice={url.notice}
      note={note}
      shareText={shareText}
      handlers={handlers}
    />
  );
}
