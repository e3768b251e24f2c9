/**
 * One physical host drawn as three bars, from its HostReport: CPU (cores kept by the hypervisor or
 * host OS, vCPUs each VM holds, what is free), memory (kept, each VM with its overhead, free) and
 * contention (busy vCPUs wanted against the cores there are). Each bar carries a text equivalent;
 * the segments themselves are decoration for sighted readers.
 */
import React, { memo } from 'react';
import clsx from 'clsx';
import type { HostMemory, HostReport, VmGlance } from '@site/sim';
import { formatGiB, formatNumber, formatPercent, plural } from '../shared/format';
import styles from './styles.module.css';

type SegmentKind = 'reserved' | 'serving' | 'idle' | 'overhead' | 'free' | 'waiting';

const kindClass: Record<SegmentKind, string> = {
  reserved: styles.reserved,
  serving: styles.serving,
  idle: styles.idle,
  overhead: styles.overhead,
  free: styles.free,
  waiting: styles.waiting,
};

/** One stretch of a bar, as wide as its share: memoized, so a change to one VM redraws one segment. */
const Segment = memo(function Segment(props: { kind: SegmentKind; size: number; label?: string }) {
  return (
    <span className={clsx(styles.segment, kindClass[props.kind])} style={{ flexGrow: props.size }}>
      {props.label ? <span className={styles.segmentLabel}>{props.label}</span> : null}
    </span>
  );
});

interface SegmentSpec {
  key: string;
  kind: SegmentKind;
  size: number;
  label?: string;
}

function Bar(props: { label: string; total: number; segments: SegmentSpec[]; marker?: { at: number; text: string } }) {
  const { total } = props;
  // A name shows inside its segment only when the segment is wide enough to hold it.
  const labelled = (s: SegmentSpec) => (s.label && total > 0 && s.size / total >= 0.09 ? s.label : undefined);
  return (
    <div className={styles.barWrap}>
      <div className={styles.bar} role="img" aria-label={props.label}>
        {props.segments.map((s) => (s.size > 0 ? <Segment key={s.key} kind={s.kind} size={s.size} label={labelled(s)} /> : null))}
        {props.marker && total > 0 ? (
          <span className={styles.marker} style={{ left: `${(props.marker.at / total) * 100}%` }} aria-hidden="true">
            <span className={styles.markerText}>{props.marker.text}</span>
          </span>
        ) : null}
      </div>
    </div>
  );
}

export function Legend(): React.JSX.Element {
  const items: Array<[SegmentKind, string]> = [
    ['reserved', 'kept by the hypervisor or host OS'],
    ['serving', 'VM, serving'],
    ['idle', 'VM, not serving; guest memory ballooned'],
    ['overhead', 'per-VM overhead'],
    ['free', 'free'],
    ['waiting', 'waiting: CPU time (steal), guest memory in swap'],
  ];
  return (
    <ul className={styles.legend} aria-label="Legend">
      {items.map(([kind, text]) => (
        <li key={kind}>
          <span className={clsx(styles.swatch, kindClass[kind])} aria-hidden="true" /> {text}
        </li>
      ))}
    </ul>
  );
}

/** Beyond this many VMs a bar draws runs of neighbouring VMs alike, not one segment each. */
const detailedUpTo = 48;

interface VmRun {
  key: string;
  kind: SegmentKind;
  vcpu: number;
  memoryGiB: number;
  count: number;
  label: string;
}

/** The host's VMs as bar segments: one per VM, or with many VMs, one per run of VMs alike. */
function vmRuns(vms: readonly VmGlance[]): VmRun[] {
  const kindOf = (vm: VmGlance): SegmentKind => (vm.serving ? 'serving' : 'idle');
  if (vms.length <= detailedUpTo)
    return vms.map((vm) => ({ key: vm.name, kind: kindOf(vm), vcpu: vm.vcpu, memoryGiB: vm.memoryGiB, count: 1, label: vm.name }));
  const runs: VmRun[] = [];
  for (const vm of vms) {
    const last = runs[runs.length - 1];
    if (last && last.kind === kindOf(vm)) {
      last.vcpu += vm.vcpu;
      last.memoryGiB += vm.memoryGiB;
      last.count += 1;
      last.label = `${last.count} VMs`;
    } else {
      runs.push({ key: vm.name, kind: kindOf(vm), vcpu: vm.vcpu, memoryGiB: vm.memoryGiB, count: 1, label: vm.name });
    }
  }
  return runs;
}

/** What memory pressure the host is under, in words: the same sentence for the diagram and the summary. */
export function memoryPressureText(m: HostMemory): string {
  switch (m.pressure) {
    case 'none':
      return `Memory pressure: none; the running guests' ${formatGiB(m.promisedGiB)} fit the ${formatGiB(m.availableGiB)} left for them.`;
    case 'ballooning':
      return (
        `Memory pressure: ballooning. The running guests were promised ${formatGiB(m.promisedGiB)} but ${formatGiB(m.availableGiB)} is left for them; ` +
        `balloon drivers took back ${formatGiB(m.balloonGiB)} of idle guest memory. Their working sets (${formatGiB(m.workingSetGiB)}) still fit: no slowdown.`
      );
    case 'swapping':
      return (
        `Memory pressure: swapping. The guests' working sets (${formatGiB(m.workingSetGiB)}) pass the ${formatGiB(m.availableGiB)} left for them: ` +
        (m.balloonGiB > 0 ? `after ${formatGiB(m.balloonGiB)} ballooned, ` : 'with no idle memory to balloon, ') +
        `${formatGiB(m.swappedGiB)} is in the host's swap (${formatGiB(m.swapGiB)}), ` +
        `${formatPercent(m.swappedPercent)} of every working set, and each touch of it waits for the disk.`
      );
    default:
      return m.pressure satisfies never;
  }
}

export interface HostDiagramProps {
  host: HostReport;
  /** The VMs placed on this host, in the host's order. */
  vms: readonly VmGlance[];
  cpuOvercommit: number;
  memoryOvercommit: number;
}

export function HostDiagram({ host, vms, cpuOvercommit, memoryOvercommit }: HostDiagramProps): React.JSX.Element {
  const keeper = host.hypervisor === 'type1' ? 'The hypervisor' : 'The host OS';
  const runs = vmRuns(vms);
  // Free room is capacity minus what is allocated; the report gives both but not their difference.
  const freeVcpu = Math.max(0, host.capacityVcpu - host.allocatedVcpu);
  const freeMemory = Math.max(0, host.capacityMemoryGiB - host.allocatedMemoryGiB);

  const cpuSegments: SegmentSpec[] = [
    { key: 'reserved', kind: 'reserved', size: host.reservedCores, label: 'kept' },
    ...runs.map((run): SegmentSpec => ({ key: run.key, kind: run.kind, size: run.vcpu, label: run.label })),
    { key: 'free', kind: 'free', size: freeVcpu, label: 'free' },
  ];
  const cpuTotal = host.reservedCores + host.capacityVcpu;
  const cpuText =
    `CPU: ${keeper} keeps ${plural(host.reservedCores, 'core')} of ${host.cores}. ` +
    `VMs hold ${host.allocatedVcpu} of ${formatNumber(host.capacityVcpu)} vCPUs ` +
    `(${plural(host.supplyCores, 'core')} × overcommit ${cpuOvercommit}); ${formatNumber(freeVcpu)} free.`;

  const memorySegments: SegmentSpec[] = [{ key: 'reserved', kind: 'reserved', size: host.reservedMemoryGiB, label: 'kept' }];
  for (const run of runs) {
    memorySegments.push({ key: run.key, kind: run.kind, size: run.memoryGiB, label: run.label });
    memorySegments.push({ key: `${run.key}+`, kind: 'overhead', size: host.perVmOverheadMemoryGiB * run.count });
  }
  memorySegments.push({ key: 'free', kind: 'free', size: freeMemory, label: 'free' });
  const memoryTotal = host.reservedMemoryGiB + host.capacityMemoryGiB;
  const memoryText =
    `Memory: ${keeper} keeps ${formatGiB(host.reservedMemoryGiB)} of ${formatGiB(host.memoryGiB)}` +
    (host.perVmOverheadMemoryGiB > 0 ? `, plus ${formatGiB(host.perVmOverheadMemoryGiB)} per VM. ` : '. ') +
    `VMs take ${formatGiB(host.allocatedMemoryGiB)} of ${formatGiB(host.capacityMemoryGiB)}` +
    (memoryOvercommit !== 1 ? ` (overcommit ${memoryOvercommit})` : '') +
    `; ${formatGiB(freeMemory)} free.`;

  const m = host.memory;
  const inRam = Math.max(0, m.promisedGiB - m.balloonGiB - m.swappedGiB);
  const pressureText = memoryPressureText(m);

  const served = Math.min(host.demandCores, host.supplyCores);
  const waiting = Math.max(0, host.demandCores - host.supplyCores);
  const demandTotal = Math.max(host.supplyCores, host.demandCores);
  const demandText =
    `Contention: busy vCPUs want ${formatNumber(host.demandCores)} cores of CPU time; ${plural(host.supplyCores, 'core')} serve them. ` +
    (host.stealPercent > 0 ? `Each running VM waits ${formatPercent(host.stealPercent)} of the time (steal).` : 'No steal time.');

  return (
    <div className={styles.host}>
      <p className={styles.hostTitle}>
        <strong>{host.id}</strong>: {host.hypervisor === 'type1' ? 'type 1 hypervisor on bare metal' : 'type 2 hypervisor on a host OS'}, {host.cores} cores,{' '}
        {formatGiB(host.memoryGiB)}. Health:{' '}
        <strong className={host.health === 'up' ? styles.ok : styles.bad}>{host.health === 'up' ? 'up' : 'FAILED, every VM on it is down'}</strong>
      </p>
      <h4 className={styles.barTitle}>CPU (cores and vCPUs)</h4>
      <Bar
        label={cpuText}
        total={cpuTotal}
        segments={cpuSegments}
        marker={host.capacityVcpu > host.supplyCores ? { at: host.cores, text: 'cores end' } : undefined}
      />
      <p className={styles.barText}>{cpuText}</p>
      <h4 className={styles.barTitle}>Memory</h4>
      <Bar
        label={memoryText}
        total={memoryTotal}
        segments={memorySegments}
        marker={memoryTotal > host.memoryGiB ? { at: host.memoryGiB, text: 'memory ends' } : undefined}
      />
      <p className={styles.barText}>{memoryText}</p>
      <h4 className={styles.barTitle}>Guest memory: in memory, ballooned, swapped</h4>
      <Bar
        label={pressureText}
        total={Math.max(m.availableGiB, m.promisedGiB)}
        segments={[
          { key: 'ram', kind: 'serving', size: inRam, label: 'in memory' },
          { key: 'balloon', kind: 'idle', size: m.balloonGiB, label: 'ballooned' },
          { key: 'swapped', kind: 'waiting', size: m.swappedGiB, label: 'swapped' },
          { key: 'free', kind: 'free', size: Math.max(0, m.availableGiB - inRam), label: 'free' },
        ]}
        marker={m.promisedGiB > m.availableGiB ? { at: m.availableGiB, text: 'memory ends' } : undefined}
      />
      <p className={styles.barText} data-testid="memory-pressure">
        {pressureText}
      </p>
      <h4 className={styles.barTitle}>CPU time: wanted against cores</h4>
      <Bar
        label={demandText}
        total={demandTotal}
        segments={[
          { key: 'served', kind: 'serving', size: served, label: 'running' },
          { key: 'waiting', kind: 'waiting', size: waiting, label: 'waiting' },
          { key: 'free', kind: 'free', size: host.supplyCores - served, label: 'idle cores' },
        ]}
        marker={waiting > 0 ? { at: host.supplyCores, text: 'cores end' } : undefined}
      />
      <p className={styles.barText}>{demandText}</p>
    </div>
  );
}
