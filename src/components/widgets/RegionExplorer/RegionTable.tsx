import React from 'react';
import { usdPerHour, type RegionRow, type SortKey } from './model';
import styles from './styles.module.css';

// The columns the lesson's steps ask about come first, so a phone shows them without scrolling.
const columns: { key: SortKey; label: string }[] = [
  { key: 'region', label: 'Region' },
  { key: 'rtt', label: 'Round trip' },
  { key: 'price', label: 'Price per hour' },
  { key: 'rule', label: 'Residency' },
  { key: 'azs', label: 'AZs' },
];

interface Props {
  id: string;
  rows: RegionRow[];
  sort: SortKey;
  desc: boolean;
  vcpu: number;
  rule: string;
  bestRtt: string | undefined;
  cheapest: string | undefined;
  onSort(key: SortKey): void;
  onHighlight(code: string | null): void;
}

/** The map as a table: every region, sortable by each column. */
export function RegionTable(p: Props): React.JSX.Element {
  return (
    <>
      <p id={`${p.id}-table-title`} className={styles.tableTitle}>
        Round trip from your users, price of a {p.vcpu} vCPU VM, residency ({p.rule === 'none' ? 'no rule' : p.rule}). Sort with the column buttons.
      </p>
      <p className={styles.scrollHint}>On a narrow screen the table scrolls sideways: AZs is the last column.</p>
      <div className={styles.tableWrap}>
        <table className={styles.table} onMouseLeave={() => p.onHighlight(null)} aria-labelledby={`${p.id}-table-title`}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={p.sort === c.key ? (p.desc ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className={styles.sortButton} onClick={() => p.onSort(c.key)}>
                    {c.label}
                    <span aria-hidden="true">{p.sort === c.key ? (p.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr key={r.code} onMouseEnter={() => p.onHighlight(r.code)} className={r.allowed === false ? styles.rowFlagged : undefined}>
                <th scope="row">
                  <span className={styles.code}>{r.code}</span>
                  <br />
                  <span className={styles.regionName}>
                    {r.name}, {r.country}
                  </span>
                </th>
                <td>
                  {r.rttMs} ms{r.code === p.bestRtt ? <strong className={styles.badge}>{p.rule === 'none' ? 'closest' : 'closest allowed'}</strong> : null}
                </td>
                <td>
                  {r.hourlyUsd === undefined ? <em>no price in the table</em> : usdPerHour(r.hourlyUsd)}
                  {r.code === p.cheapest ? <strong className={styles.badge}>{p.rule === 'none' ? 'cheapest' : 'cheapest allowed'}</strong> : null}
                </td>
                <td>{r.allowed === null ? '—' : r.allowed ? '✓ inside' : '✕ outside'}</td>
                <td>{r.azs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
