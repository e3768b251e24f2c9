/**
 * The hypervisor lab as a pure view of an engine report: no engine, no timers, no window. The
 * container (index.tsx) owns the world; the benchmark renders this on the server.
 */
import React, { useState } from 'react';
import { isolationNote, type VmGlance, type VmReport } from '@site/sim';
import { Refusal, WidgetFrame } from '../shared/Frame';
import shared from '../shared/widget.module.css';
import { formatClock, formatGiB, formatNumber, formatPercent, plural, servingText, withoutRepeats } from '../shared/format';
import { HostDiagram, Legend, memoryPressureText } from './HostDiagram';
import { cpuOvercommitChoices, memoryOvercommitChoices, type LabSettings } from './labState';
import { VmTable } from './VmTable';
import type { HypervisorLabFrame } from './labFrame';
import styles from './styles.module.css';

/**
 * A labelled control whose accessible name is its label alone: a label that wraps its control would
 * otherwise add the control's current value to the name ("Hypervisor Type 1 (bare metal)").
 */
function Field({ id, label, children }: { id: string; label: string; children: (a11y: { id: string; 'aria-labelledby': string }) => React.ReactNode }) {
  return (
    <label htmlFor={id}>
      <span id={`${id}-label`}>{label}</span>
      {children({ id, 'aria-labelledby': `${id}-label` })}
    </label>
  );
}

export type VmVerb = 'start' | 'stop' | 'reboot' | 'terminate' | 'crash' | 'recover';

export interface LabHandlers {
  changeSettings(next: Partial<LabSettings>): void;
  launch(spec: { count: number; vcpu: number; memoryGiB: number; busy: number; workingSet: number }): void;
  vmAction(verb: VmVerb, vm: string): void;
  setLoad(target: string | 'all', busy: number): void;
  setWorkingSet(target: string | 'all', workingSet: number): void;
  toggleHost(host: string, health: 'up' | 'failed'): void;
  advance(seconds: number): void;
  togglePlay(): void;
  select(name: string): void;
  startOver(): void;
  share(): void;
}

export interface HypervisorLabViewProps {
  id: string;
  frame: HypervisorLabFrame;
  settings: LabSettings;
  playing: boolean;
  refusal: string | null;
  notice: string | null;
  note: string | null;
  shareText: string | null;
  handlers: LabHandlers;
}

const verbs: Array<{ verb: VmVerb; label: string }> = [
  { verb: 'start', label: 'Start' },
  { verb: 'stop', label: 'Stop' },
  { verb: 'reboot', label: 'Reboot' },
  { verb: 'terminate', label: 'Terminate' },
  { verb: 'crash', label: 'Crash it' },
  { verb: 'recover', label: 'Recover from crash' },
];

const steps: Array<[number, string]> = [
  [10, '+10 s'],
  [60, '+1 min'],
  [600, '+10 min'],
];

/** The text a screen reader hears when the world changes: generated from the engine's glance. */
export function labSummary(frame: Pick<HypervisorLabFrame, 'host' | 'vms'>): string {
  const { host, vms } = frame;
  if (!host) return 'No host.';
  const keeper = host.hypervisor === 'type1' ? 'the hypervisor keeps' : 'the host OS keeps';
  const counts = new Map<string, number>();
  let serving = 0;
  for (const vm of vms) {
    counts.set(vm.state, (counts.get(vm.state) ?? 0) + 1);
    if (vm.serving) serving++;
  }
  const states = [...counts].map(([state, n]) => `${n} ${state}`).join(', ');
  return (
    `${host.hypervisor === 'type1' ? 'Type 1' : 'Type 2'} host, ${host.cores} cores and ${formatGiB(host.memoryGiB)}, ${host.health === 'up' ? 'up' : 'failed'}: ` +
    `${keeper} ${plural(host.reservedCores, 'core')} and ${formatGiB(host.reservedMemoryGiB)}` +
    (host.perVmOverheadMemoryGiB > 0 ? ` plus ${formatGiB(host.perVmOverheadMemoryGiB)} per VM. ` : '. ') +
    (vms.length === 0 ? 'No VMs. ' : `${plural(vms.length, 'VM')} (${states}), ${serving} serving. `) +
    `${host.allocatedVcpu} of ${formatNumber(host.capacityVcpu)} vCPUs and ${formatGiB(host.allocatedMemoryGiB)} of ${formatGiB(host.capacityMemoryGiB)} allocated. ` +
    `Steal time ${formatPercent(host.stealPercent)}. ${memoryPressureText(host.memory)}`
  );
}

/** The host's VMs in the host's order; the whole list when every VM is on the host, as in this lab. */
function vmsOnHost(vms: readonly VmGlance[], names: readonly string[]): readonly VmGlance[] {
  if (names.length === vms.length && names.every((name, i) => vms[i].name === name)) return vms;
  const byName = new Map(vms.map((vm) => [vm.name, vm]));
  return names.map((name) => byName.get(name)!).filter(Boolean);
}

export function HypervisorLabView(props: HypervisorLabViewProps): React.JSX.Element {
  const { id, frame, settings, handlers } = props;
  const { host, selected } = frame;
  const onHost = host ? vmsOnHost(frame.vms, host.vms) : [];
  return (
    <WidgetFrame
      id={id}
      title={`Hypervisor lab: one physical host, ${settings.hypervisor === 'type1' ? 'type 1' : 'type 2'} hypervisor`}
      description={<>Create VMs on one host, load them, overcommit the CPU, crash one, fail the host. Every number comes from the simulation engine.</>}
      notice={props.notice}
      summary={labSummary(frame)}
    >
      <fieldset className={styles.fieldset}>
        <legend>The host</legend>
        <div className={shared.controls}>
          <Field id={`${id}-hypervisor`} label="Hypervisor">
            {(a11y) => (
              <select
                {...a11y}
                value={settings.hypervisor}
                onChange={(e) => handlers.changeSettings({ hypervisor: e.target.value as LabSettings['hypervisor'] })}
              >
                <option value="type1">Type 1 (bare metal)</option>
                <option value="type2">Type 2 (hosted, on a host OS)</option>
              </select>
            )}
          </Field>
          <Field id={`${id}-cpu-overcommit`} label="CPU overcommit">
            {(a11y) => (
              <select
                {...a11y}
                value={settings.cpuOvercommit}
                onChange={(e) => handlers.changeSettings({ cpuOvercommit: Number(e.target.value) as LabSettings['cpuOvercommit'] })}
              >
                {cpuOvercommitChoices.map((r) => (
                  <option key={r} value={r}>{`${r} vCPU per core`}</option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-memory-overcommit`} label="Memory overcommit">
            {(a11y) => (
              <select
                {...a11y}
                value={settings.memoryOvercommit}
                onChange={(e) => handlers.changeSettings({ memoryOvercommit: Number(e.target.value) as LabSettings['memoryOvercommit'] })}
              >
                {memoryOvercommitChoices.map((r) => (
                  <option key={r} value={r}>{`× ${r}`}</option>
                ))}
              </select>
            )}
          </Field>
          {host ? (
            <button type="button" className={shared.button} onClick={() => handlers.toggleHost(host.id, host.health)}>
              {host.health === 'up' ? 'Fail the host' : 'Recover the host'}
            </button>
          ) : null}
        </div>
        <p className={styles.small}>
          Changing the hypervisor or an overcommit ratio rebuilds the host and replays your actions on it. {host ? isolationNote[host.hypervisor] : null}
        </p>
      </fieldset>

      {host ? <HostDiagram host={host} vms={onHost} cpuOvercommit={settings.cpuOvercommit} memoryOvercommit={settings.memoryOvercommit} /> : null}
      <Legend />

      <TimeControls time={frame.time} playing={props.playing} handlers={handlers} />
      <Refusal reason={props.refusal} />
      {props.note ? (
        <p role="status" className={styles.note}>
          {props.note}
        </p>
      ) : null}

      <CreateVmForm id={id} handlers={handlers} />

      <VmTable id={id} vms={frame.vms} selected={selected?.name ?? null} onSelect={handlers.select} />
      {selected ? <VmActions key={selected.name} id={id} vm={selected} handlers={handlers} /> : null}

      <EventList events={frame.recentEvents} />

      <div className={shared.controls}>
        <button type="button" className={shared.button} onClick={handlers.share}>
          Copy share link
        </button>
        <button type="button" className={shared.button} onClick={handlers.startOver}>
          Start over
        </button>
      </div>
      {props.shareText ? (
        <p role="status" className={styles.shareText}>
          {props.shareText}
        </p>
      ) : null}
    </WidgetFrame>
  );
}

function TimeControls({ time, playing, handlers }: { time: number; playing: boolean; handlers: LabHandlers }) {
  return (
    <div className={shared.controls} role="group" aria-label="Virtual time">
      <span className={styles.clock}>
        Time: <strong>{formatClock(time)}</strong>
      </span>
      {steps.map(([seconds, label]) => (
        <button key={seconds} type="button" className={shared.button} onClick={() => handlers.advance(seconds)}>
          {label}
        </button>
      ))}
      <button type="button" className={shared.button} aria-pressed={playing} onClick={handlers.togglePlay}>
        {playing ? 'Pause' : 'Play'}
      </button>
    </div>
  );
}

function CreateVmForm({ id, handlers }: { id: string; handlers: LabHandlers }) {
  const [vcpu, setVcpu] = useState('2');
  const [memory, setMemory] = useState('4');
  const [count, setCount] = useState('1');
  const [busy, setBusy] = useState('25');
  const [workingSet, setWorkingSet] = useState('50');
  return (
    <form
      className={styles.fieldset}
      aria-labelledby={`${id}-title ${id}-create`}
      onSubmit={(e) => {
        e.preventDefault();
        handlers.launch({
          count: Number(count),
          vcpu: Number(vcpu),
          memoryGiB: Number(memory),
          busy: Number(busy) / 100,
          workingSet: Number(workingSet) / 100,
        });
      }}
    >
      <h4 id={`${id}-create`} className={styles.formTitle}>
        Create VMs
      </h4>
      <div className={shared.controls}>
        <Field id={`${id}-vcpu`} label="vCPUs">
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} max={256} step={1} value={vcpu} onChange={(e) => setVcpu(e.target.value)} />}
        </Field>
        <Field id={`${id}-memory`} label="Memory (GiB)">
          {(a11y) => (
            <input {...a11y} type="number" inputMode="decimal" min={0.5} max={8192} step={0.5} value={memory} onChange={(e) => setMemory(e.target.value)} />
          )}
        </Field>
        <Field id={`${id}-count`} label="How many">
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={1} max={1000} step={1} value={count} onChange={(e) => setCount(e.target.value)} />}
        </Field>
        <Field id={`${id}-new-busy`} label="Busy (%)">
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={0} max={100} step={5} value={busy} onChange={(e) => setBusy(e.target.value)} />}
        </Field>
        <Field id={`${id}-new-working-set`} label="Working set (% of memory used)">
          {(a11y) => (
            <input {...a11y} type="number" inputMode="numeric" min={0} max={100} step={5} value={workingSet} onChange={(e) => setWorkingSet(e.target.value)} />
          )}
        </Field>
        <button type="submit" className={shared.button}>
          Create
        </button>
      </div>
    </form>
  );
}

function VmActions({ id, vm, handlers }: { id: string; vm: VmReport; handlers: LabHandlers }) {
  const [busy, setBusy] = useState(String(Math.round(vm.busy * 100)));
  const [workingSet, setWorkingSet] = useState(String(Math.round(vm.workingSet * 100)));
  const busyId = `${id}-busy`;
  const workingSetId = `${id}-working-set`;
  return (
    <div className={styles.fieldset} role="group" aria-labelledby={`${id}-actions`}>
      <h4 id={`${id}-actions`} className={styles.formTitle}>
        {vm.name}: {vm.state}, {servingText(vm)}
        {vm.host ? ` on ${vm.host}` : ''}
      </h4>
      <div className={shared.controls}>
        {verbs.map(({ verb, label }) => (
          <button key={verb} type="button" className={shared.button} onClick={() => handlers.vmAction(verb, vm.name)}>
            {label}
          </button>
        ))}
      </div>
      <div className={shared.controls}>
        <Field id={busyId} label="Busy (% of its vCPUs)">
          {(a11y) => <input {...a11y} type="number" inputMode="numeric" min={0} max={100} step={5} value={busy} onChange={(e) => setBusy(e.target.value)} />}
        </Field>
        <button type="button" className={shared.button} onClick={() => handlers.setLoad(vm.name, Number(busy) / 100)}>
          Set for {vm.name}
        </button>
        <button type="button" className={shared.button} onClick={() => handlers.setLoad('all', Number(busy) / 100)}>
          Set for every VM
        </button>
      </div>
      <div className={shared.controls}>
        <Field id={workingSetId} label="Working set (% of its memory used)">
          {(a11y) => (
            <input {...a11y} type="number" inputMode="numeric" min={0} max={100} step={5} value={workingSet} onChange={(e) => setWorkingSet(e.target.value)} />
          )}
        </Field>
        <button type="button" className={shared.button} onClick={() => handlers.setWorkingSet(vm.name, Number(workingSet) / 100)}>
          Set working set for {vm.name}
        </button>
        <button type="button" className={shared.button} onClick={() => handlers.setWorkingSet('all', Number(workingSet) / 100)}>
          Set working set for every VM
        </button>
      </div>
      <p className={styles.small}>
        Actions the engine allows now: {vm.legalActions.length ? vm.legalActions.join(', ') : 'none'}. Others are refused with its reason.
      </p>
    </div>
  );
}

function EventList({ events }: { events: HypervisorLabFrame['recentEvents'] }) {
  // The last few, newest first: the frame holds only the tail, so this stays O(1) in a long run.
  const recent = withoutRepeats(events).slice(-8).reverse();
  if (recent.length === 0) return null;
  return (
    <details className={styles.events} open>
      <summary>Latest events, newest first</summary>
      <ul className={styles.eventList}>
        {recent.map((e, i) => (
          <li key={`${e.time}-${i}`}>
            <span className={styles.eventTime}>{formatClock(e.time)}</span> {e.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
