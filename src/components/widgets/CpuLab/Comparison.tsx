import React from 'react';
import type { cpu } from '@site/sim';
import styles from './styles.module.css';

const ratio = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)}×`;

/** Every technique on the same loop: the engine's totals, one row each. */
export function Comparison({ report, selected }: { report: cpu.CpuReport; selected: cpu.TechniqueId }): React.JSX.Element {
  const per = (n: number) => (n / report.iterations).toLocaleString('en-US', { maximumFractionDigits: 2 });
  return (
    <table className={styles.table} data-testid="comparison">
      <caption>
        {report.workload}, {report.iterations.toLocaleString('en-US')} passes: the engine's cycles (bare metal: {per(report.nativeCycles)} a pass)
      </caption>
      <thead>
        <tr>
          <th scope="col">Technique</th>
          <th scope="col">Cycles a pass</th>
          <th scope="col">Slowdown</th>
          <th scope="col">Hypervisor entries a pass</th>
          <th scope="col">Wrong results</th>
        </tr>
      </thead>
      <tbody>
        {report.results.map((r) => (
          <tr key={r.technique} aria-current={r.technique === selected ? 'true' : undefined} className={r.technique === selected ? styles.current : undefined}>
            <th scope="row">{r.label}</th>
            <td>{per(r.cycles)}</td>
            <td>{ratio(r.slowdown)}</td>
            <td>{per(r.hypervisorEntries)}</td>
            <td className={r.wrongResults ? styles.wrong : undefined}>{r.wrongResults ? `${r.wrongResults.toLocaleString('en-US')} (POPF)` : 'none'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
