/**
 * LifecycleExplorer: one VM and the buttons that move it through the EC2 instance lifecycle, and two
 * that write data to its instance store or its root volume, to see what a stop or a reboot keeps. The
 * diagram is drawn from the engine's tables; what is legal, what it costs, where the VM runs, what
 * each disk holds and what happened come from the engine's report. The world is "the explorer's scenario, then the
 * reader's action log", so a share link rebuilds it exactly.
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import { settlesTo, type Disk, type Report, type VmReport, type VmState } from '@site/sim';
import { Refusal, WidgetFrame } from '../shared/Frame';
import { useWorld } from '../shared/useWorld';
import { decodeState, encodeState, shareLink, useUrlState } from '../shared/urlState';
import shared from '../shared/widget.module.css';
import { replayThrough, safeAct, tryOnCopy } from '../shared/actionLog';
import { formatClock, formatUsd, plural, servingText } from '../shared/format';
import {
  defaultExplorerState,
  explorerScenario,
  explorerStateSchema,
  lifecycleVerbs,
  toTimedAction,
  type ExplorerState,
  type ExplorerStep,
  type LifecycleVerb,
  writeGiB,
} from './explorerState';
import { LifecycleDiagram } from './LifecycleDiagram';
import { History, StoragePanel, VmPanels, type BillSpan } from './VmPanels';
import styles from './styles.module.css';

export interface LifecycleExplorerProps {
  id?: string;
}

type WriteControl = 'write-instance-store' | 'write-root-volume';
type Control = 'launch' | LifecycleVerb | 'wait' | WriteControl;

const labels: Record<Control, string> = {
  launch: 'Launch',
  start: 'Start',
  stop: 'Stop',
  reboot: 'Reboot',
  terminate: 'Terminate',
  wait: 'Wait',
  'write-instance-store': `Write ${writeGiB} GiB to the instance store`,
  'write-root-volume': `Write ${writeGiB} GiB to the root volume`,
};

const writeTargets: Record<WriteControl, Disk> = { 'write-instance-store': 'instance-store', 'write-root-volume': 'root-volume' };
const writeControls = Object.keys(writeTargets) as WriteControl[];

/** What each disk holds and whether the volume is billed, in one sentence. */
export function storageSummary(vm: VmReport): string {
  const { rootVolume, instanceStore } = vm.storage;
  const volume =
    rootVolume.state === 'deleted'
      ? 'root volume deleted with the VM, no longer billed'
      : `root volume ${rootVolume.dataGiB} of ${rootVolume.sizeGiB} GiB used, billed`;
  const store = instanceStore === null ? 'no instance store' : `instance store ${instanceStore.dataGiB} of ${instanceStore.sizeGiB} GiB used`;
  return `Storage: ${store}; ${volume}.`;
}

export function explorerSummary(report: Report): string {
  const vm = report.vms[0];
  const clock = `Time ${formatClock(report.time)}.`;
  if (!vm) return `No VM yet. ${clock} Launch one to begin.`;
  const cost = report.metrics.cost;
  const legal = vm.legalActions.filter((a) => (lifecycleVerbs as readonly string[]).includes(a));
  return (
    `${vm.name} is ${vm.state}${vm.reason === 'rebooting' ? ' (rebooting)' : ''}${vm.host ? ` on ${vm.host}` : ', on no host'}, ${servingText(vm)}. ${clock} ` +
    `Billed so far ${formatUsd(vm.costUsd)}: compute ${formatUsd(cost.computeUsd)}, disk ${formatUsd(cost.diskUsd)}. ` +
    `${storageSummary(vm)} ` +
    `Actions now: ${legal.length ? legal.join(', ') : 'none'}.`
  );
}

/** Why each control is unavailable now, from the engine: its legal actions, its refusal text, its tables. */
function unavailable(report: Report, log: readonly ExplorerStep[]): Partial<Record<Control, string>> {
  const vm = report.vms[0];
  const out: Partial<Record<Control, string>> = {};
  if (!vm) {
    for (const control of [...lifecycleVerbs, 'wait', ...writeControls] as const) out[control] = 'there is no VM yet: launch one first';
    return out;
  }
  out.launch = `this explorer follows one VM, ${vm.name}; use Start over to launch a fresh one`;
  for (const verb of lifecycleVerbs) {
    if (vm.legalActions.includes(verb)) continue;
    // The engine's own words: the action tried on a copy of this world.
    const probe = tryOnCopy(explorerScenario(), log.map(toTimedAction), report.time, { kind: verb, vm: vm.name });
    if (!probe.ok) out[verb] = probe.reason;
  }
  if (settlesTo[vm.state] === undefined && vm.reason !== 'rebooting') out.wait = `${vm.state} does not change on its own: it waits for an action`;
  for (const control of writeControls) {
    const probe = tryOnCopy(explorerScenario(), log.map(toTimedAction), report.time, { kind: 'write', vm: vm.name, to: writeTargets[control], gib: writeGiB });
    if (!probe.ok) out[control] = probe.reason;
  }
  return out;
}

export default function LifecycleExplorer({ id = 'lifecycle-explorer' }: LifecycleExplorerProps): React.JSX.Element {
  const url = useUrlState<ExplorerState>(id, explorerStateSchema, defaultExplorerState);
  const handle = useWorld(explorerScenario());
  const [refusal, setRefusal] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [shareText, setShareText] = useState<string | null>(null);
  const [span, setSpan] = useState<BillSpan | null>(null);
  const latest = useRef(handle);
  latest.current = handle;
  const log = useRef<ExplorerStep[]>([]);

  const report = handle.report;
  const vm = report.vms[0] ?? null;
  const timings = handle.world.scenario.timings;
  const settleSeconds: Partial<Record<VmState, number>> = {
    pending: timings.pendingSeconds,
    stopping: timings.stoppingSeconds,
    'shutting-down': timings.shuttingDownSeconds,
  };
  // The log is read through a ref: it changes exactly when the report does.
  const blocked = useMemo(() => unavailable(report, log.current), [report]);

  const perform = (step: ExplorerStep) => {
    const outcome = safeAct(latest.current, toTimedAction(step).action);
    if (outcome.ok) log.current = [...log.current, step];
    setRefusal(outcome.ok ? null : outcome.reason);
    setNote(null);
  };

  /** Runs `move` (which advances virtual time) and notes what the bill did meanwhile. */
  const timed = (move: () => void) => {
    const world = latest.current.world;
    const before = world.report({ events: false });
    move();
    const after = world.report({ events: false });
    setSpan({
      seconds: after.time - before.time,
      computeUsd: after.metrics.cost.computeUsd - before.metrics.cost.computeUsd,
      diskUsd: after.metrics.cost.diskUsd - before.metrics.cost.diskUsd,
    });
    setRefusal(null);
  };

  const now = () => latest.current.world.time;
  const act = (control: Control) => {
    if (control === 'launch') return perform(['launch', now()]);
    if (control === 'write-instance-store' || control === 'write-root-volume') return perform(['write', now(), vm!.name, writeTargets[control]]);
    if (control === 'wait') {
      return timed(() => {
        const world = latest.current.world;
        const look = () => {
          const v = world.report({ events: false }).vms[0];
          return v ? `${v.state}|${v.reason}` : '';
        };
        // Run the engine's scheduled completions one at a time until this VM changes.
        const start = look();
        for (let i = 0; i < 1000 && world.step(); i++) if (look() !== start) break;
        latest.current.runTo(world.time);
      });
    }
    return perform([control, now(), vm!.name]);
  };

  const rebuild = (steps: ExplorerStep[], until: number, why: string) => {
    const refusals = replayThrough(latest.current, explorerScenario(), steps.map(toTimedAction), until);
    log.current = steps;
    setRefusal(null);
    setSpan(null);
    setNote(
      steps.length === 0 || !why
        ? null
        : refusals.length === 0
          ? `${why}: replayed ${plural(steps.length, 'action')}, all accepted.`
          : `${why}: replayed ${plural(steps.length, 'action')}; the engine refused ${refusals.length}. First: ${refusals[0]}`,
    );
  };

  useEffect(() => {
    if (!url.loaded || url.initial === defaultExplorerState) return;
    rebuild(url.initial.log, url.initial.time, 'Restored from the share link');
  }, [url.loaded, url.initial]);

  const share = () => {
    const state: ExplorerState = { time: now(), log: log.current };
    const check = decodeState(encodeState(state), explorerStateSchema);
    if (!check || !check.ok) {
      setShareText(`This session is too long to share as a link (${plural(log.current.length, 'action')}). Start over with fewer steps.`);
      return;
    }
    const link = shareLink(id, state, window.location);
    setShareText(`Share link: ${link}`);
    navigator.clipboard?.writeText(link).then(
      () => setShareText(`Copied the share link: ${link}`),
      () => setShareText(`Copy this share link: ${link}`),
    );
  };

  const reasonsId = `${id}-why`;
  const lifecycleControls: Control[] = ['launch', ...lifecycleVerbs, 'wait'];
  const controls: Control[] = [...lifecycleControls, ...writeControls];
  const controlButton = (c: Control) => (
    <button
      key={c}
      type="button"
      className={shared.button}
      disabled={blocked[c] !== undefined}
      aria-describedby={blocked[c] !== undefined ? `${reasonsId}-${c}` : undefined}
      onClick={() => act(c)}
    >
      {labels[c]}
    </button>
  );

  return (
    <WidgetFrame
      id={id}
      title="Lifecycle explorer: one VM, start to finish"
      description={<>Move one VM through its life. The engine decides what is allowed, how long each step takes and what it bills.</>}
      notice={url.notice}
      summary={explorerSummary(report)}
    >
      <div className={styles.layout}>
        <LifecycleDiagram
          id={id}
          current={vm?.state ?? null}
          rebooting={vm?.reason === 'rebooting'}
          legal={vm?.legalActions ?? []}
          settleSeconds={settleSeconds}
          rebootSeconds={timings.rebootSeconds}
        />
        <div className={styles.side}>
          <p className={styles.status}>
            {vm ? (
              <>
                <strong>{vm.name}</strong>: <strong>{vm.state}</strong>
                {vm.reason === 'rebooting' ? ' (rebooting)' : ''}, {servingText(vm)}. Time: <strong>{formatClock(report.time)}</strong>
              </>
            ) : (
              <>
                No VM yet. Time: <strong>{formatClock(report.time)}</strong>
              </>
            )}
          </p>
          <div className={shared.controls} role="group" aria-label="Actions">
            {lifecycleControls.map(controlButton)}
          </div>
          <div className={shared.controls} role="group" aria-label="Write data">
            {writeControls.map(controlButton)}
          </div>
          <div className={shared.controls} role="group" aria-label="Virtual time">
            <button type="button" className={shared.button} onClick={() => timed(() => latest.current.advance(60))}>
              +1 min
            </button>
            <button type="button" className={shared.button} onClick={() => timed(() => latest.current.advance(3600))}>
              +1 h
            </button>
          </div>
          <Refusal reason={refusal} />
          {note ? <p role="status">{note}</p> : null}
          {Object.keys(blocked).length ? (
            <div className={styles.why}>
              <p className={styles.whyTitle}>Not available now, in the engine's words:</p>
              <ul>
                {controls
                  .filter((c) => blocked[c] !== undefined)
                  .map((c) => (
                    <li key={c} id={`${reasonsId}-${c}`}>
                      <strong>{labels[c]}</strong>: {blocked[c]}
                    </li>
                  ))}
              </ul>
            </div>
          ) : null}
        </div>
      </div>

      {vm ? (
        <VmPanels
          id={id}
          report={report}
          vm={vm}
          span={span}
          onHost={(host, health) => perform([health === 'up' ? 'fail-host' : 'recover-host', now(), host])}
        />
      ) : null}
      {vm ? <StoragePanel id={id} report={report} vm={vm} /> : null}
      <History id={id} report={report} vm={vm} />

      <div className={shared.controls}>
        <button type="button" className={shared.button} onClick={share}>
          Copy share link
        </button>
        <button
          type="button"
          className={shared.button}
          onClick={() => {
            setShareText(null);
            rebuild([], 0, '');
          }}
        >
          Start over
        </button>
      </div>
      {shareText ? (
        <p role="status" className={styles.shareText}>
          {shareText}
        </p>
      ) : null}
    </WidgetFrame>
  );
}
