/**
 * The VMs of the lab as a table, one row per VM from the engine's glance at it. Rows are memoized on the fields
 * they show, so a reader's action on one VM of a thousand redraws that row, not the table.
 */
import React, { memo, useState } from 'react';
import shared from '../shared/widget.module.css';
import type { VmGlance } from '@site/sim';
import { formatGiB, formatPercent, servingText } from '../shared/format';
import styles from './styles.module.css';

interface RowProps {
  groupName: string;
  vm: VmGlance;
  selected: boolean;
  onSelect(name: string): void;
}

const sameRow = (a: RowProps, b: RowProps) =>
  a.selected === b.selected &&
  a.groupName === b.groupName &&
  a.onSelect === b.onSelect &&
  a.vm.name === b.vm.name &&
  a.vm.state === b.vm.state &&
  a.vm.serving === b.vm.serving &&
  a.vm.reason === b.vm.reason &&
  a.vm.vcpu === b.vm.vcpu &&
  a.vm.memoryGiB === b.vm.memoryGiB &&
  a.vm.busy === b.vm.busy &&
  a.vm.stealPercent === b.vm.stealPercent &&
  a.vm.workingSet === b.vm.workingSet &&
  a.vm.swappedPercent === b.vm.swappedPercent;

const VmRow = memo(function VmRow({ groupName, vm, selected, onSelect }: RowProps) {
  const inputId = `${groupName}-${vm.name}`;
  return (
    <tr className={selected ? styles.selectedRow : undefined} data-vm={vm.name}>
      <th scope="row">
        <input type="radio" id={inputId} name={groupName} checked={selected} onChange={() => onSelect(vm.name)} /> <label htmlFor={inputId}>{vm.name}</label>
        <br />
        <span className={styles.size}>
          {vm.vcpu} vCPU · {formatGiB(vm.memoryGiB)}
        </span>
      </th>
      <td data-testid="vm-state">
        {vm.state}
        <br />
        <span className={vm.serving ? styles.ok : styles.muted}>{servingText(vm)}</span>
      </td>
      <td>{Math.round(vm.busy * 100)}%</td>
      <td data-testid="vm-steal">{formatPercent(vm.stealPercent)}</td>
      <td>{Math.round(vm.workingSet * 100)}%</td>
      <td data-testid="vm-swapped">{formatPercent(vm.swappedPercent)}</td>
    </tr>
  );
}, sameRow);

/** Rows per page: a thousand VMs stay one page of rows to draw, whatever the reader does. */
export const vmsPerPage = 50;

export function VmTable(props: { id: string; vms: readonly VmGlance[]; selected: string | null; onSelect(name: string): void }): React.JSX.Element {
  const [wantedPage, setPage] = useState(0);
  if (props.vms.length === 0) return <p className={styles.muted}>No VMs yet: create one below.</p>;
  const groupName = `${props.id}-vm`;
  const pages = Math.ceil(props.vms.length / vmsPerPage);
  const page = Math.min(wantedPage, pages - 1);
  const first = page * vmsPerPage;
  const shown = props.vms.slice(first, first + vmsPerPage);
  return (
    <>
      {pages > 1 ? (
        <div className={shared.controls} role="group" aria-label="Pages of VMs">
          <button type="button" className={shared.button} disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous VMs
          </button>
          <span aria-live="polite">
            VMs {first + 1} to {first + shown.length} of {props.vms.length}
          </span>
          <button type="button" className={shared.button} disabled={page === pages - 1} onClick={() => setPage(page + 1)}>
            Next VMs
          </button>
        </div>
      ) : null}
      <div className={styles.tableScroll} tabIndex={0} role="region" aria-label="VMs (scrolls)">
        <table className={styles.table}>
          <caption className={styles.caption}>VMs, from the engine's report. Pick one to act on it.</caption>
          <thead>
            <tr>
              <th scope="col">VM and size</th>
              <th scope="col">State</th>
              <th scope="col">Busy</th>
              <th scope="col">Steal</th>
              <th scope="col">Working set</th>
              <th scope="col">Swapped</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((vm) => (
              <VmRow key={vm.name} groupName={groupName} vm={vm} selected={vm.name === props.selected} onSelect={props.onSelect} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
