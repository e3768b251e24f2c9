import React, { memo } from 'react';
import { statusLabels, type AzView, type VmStatus } from './view';
import styles from './styles.module.css';

const order: VmStatus[] = ['serving', 'pending', 'down', 'leaving', 'stopped'];

function layout(n: number): { cols: number; cell: number } {
  if (n <= 36) return { cols: 6, cell: 16 };
  if (n <= 160) return { cols: 12, cell: 12 };
  return { cols: 20, cell: 9 };
}

/**
 * The paths drawn for each list of statuses: the record shares an AZ's list between every time its
 * VMs did not change, so a list is laid out once, however often the reader moves the time.
 */
const drawn = new WeakMap<readonly VmStatus[], Record<VmStatus, string>>();

function cachedStatusPaths(statuses: readonly VmStatus[], cols: number, cell: number): Record<VmStatus, string> {
  let paths = drawn.get(statuses);
  if (!paths) {
    paths = statusPaths(statuses, cols, cell);
    drawn.set(statuses, paths);
  }
  return paths;
}

/** What is drawn at one cell of a grid: its outline, and the outline with the mark of a pending or a down VM. */
interface CellMarks {
  box: string[];
  pending: string[];
  down: string[];
}

/**
 * The strings drawn at each cell index, per layout: they depend on the index and the layout alone, so
 * a new list (a new design's, or a new time's) is laid out by joining strings made once, not by
 * formatting a thousand of them again.
 */
const marksByLayout = new Map<string, CellMarks>();

function cellMarks(cols: number, cell: number): CellMarks {
  const key = `${cols}/${cell}`;
  let marks = marksByLayout.get(key);
  if (!marks) {
    marks = { box: [], pending: [], down: [] };
    marksByLayout.set(key, marks);
  }
  return marks;
}

/** One path per status (not one element per VM), so a thousand VMs cost four DOM nodes per AZ. */
function statusPaths(statuses: readonly VmStatus[], cols: number, cell: number): Record<VmStatus, string> {
  const paths: Record<VmStatus, string[]> = { serving: [], pending: [], down: [], leaving: [], stopped: [] };
  const marks = cellMarks(cols, cell);
  const s = cell - 3;
  for (let i = 0; i < statuses.length; i++) {
    const status = statuses[i];
    const x = (i % cols) * cell + 1.5;
    const y = Math.floor(i / cols) * cell + 1.5;
    const box = (marks.box[i] ??= `M${x} ${y}h${s}v${s}h${-s}Z`);
    if (status === 'down') paths.down.push((marks.down[i] ??= `${box}M${x} ${y}l${s} ${s}M${x + s} ${y}l${-s} ${s}`));
    else if (status === 'pending') paths.pending.push((marks.pending[i] ??= `${box}M${x + s / 4} ${y + s / 4}h${s / 2}v${s / 2}h${-s / 2}Z`));
    else paths[status].push(box);
  }
  return {
    serving: paths.serving.join(''),
    pending: paths.pending.join(''),
    down: paths.down.join(''),
    leaving: paths.leaving.join(''),
    stopped: paths.stopped.join(''),
  };
}

export function countsText(az: AzView): string {
  const parts = order.filter((s) => az.counts[s] > 0).map((s) => `${az.counts[s]} ${statusLabels[s]}`);
  return parts.length ? parts.join(', ') : 'no VMs';
}

const AzPanel = memo(
  function AzPanel({ az }: { az: AzView }) {
    const n = az.statuses.length;
    const { cols, cell } = layout(n);
    const rows = Math.max(1, Math.ceil(n / cols));
    // The layout follows from the list's length alone, so the list is the whole key.
    const paths = cachedStatusPaths(az.statuses, cols, cell);
    return (
      <figure className={`${styles.az} ${az.up ? '' : styles.azDown}`}>
        <figcaption className={styles.azTitle}>
          <strong>{az.id}</strong> <span className={az.up ? styles.up : styles.down}>{az.up ? '● up' : '✕ down'}</span>
        </figcaption>
        <svg
          viewBox={`0 0 ${cols * cell} ${rows * cell}`}
          width={cols * cell}
          height={rows * cell}
          role="img"
          aria-label={`${az.id}${az.up ? '' : ' (down)'}: ${countsText(az)}`}
          className={styles.grid}
        >
          <path d={paths.serving} className={styles.vmServing} />
          <path d={paths.pending} className={styles.vmPending} />
          <path d={paths.down} className={styles.vmDown} />
          <path d={paths.leaving + paths.stopped} className={styles.vmLeaving} />
        </svg>
        <p className={styles.azCounts}>{countsText(az)}</p>
      </figure>
    );
  },
  // An AZ view is never changed once made, and the record keeps an AZ's object while its VMs are unchanged.
  (a, b) => a.az === b.az,
);

export function VmGrid({ azs }: { azs: AzView[] }): React.JSX.Element {
  return (
    <div className={styles.azs}>
      {azs.map((az) => (
        <AzPanel key={az.id} az={az} />
      ))}
    </div>
  );
}

export function VmLegend(): React.JSX.Element {
  const swatch = (cls: string, extra?: React.ReactNode) => (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <path d="M1.5 1.5h11v11h-11Z" className={cls} />
      {extra}
    </svg>
  );
  return (
    <ul className={styles.legend} aria-label="Legend">
      <li>{swatch(styles.vmServing)} serving</li>
      <li>{swatch(styles.vmPending, <path d="M4.5 4.5h5v5h-5Z" className={styles.vmPending} />)} starting (pending)</li>
      <li>{swatch(styles.vmDown, <path d="M1.5 1.5l11 11M12.5 1.5l-11 11" className={styles.vmDown} />)} not serving (fault)</li>
      <li>{swatch(styles.vmLeaving)} shutting down or stopped</li>
    </ul>
  );
}

export function AzTable({ azs }: { azs: AzView[] }): React.JSX.Element {
  return (
    <table className={styles.table}>
      <caption>VMs by AZ, from the engine's report</caption>
      <thead>
        <tr>
          <th scope="col">AZ</th>
          <th scope="col">AZ health</th>
          <th scope="col">Serving</th>
          <th scope="col">Starting</th>
          <th scope="col">Not serving (engine's reason)</th>
          <th scope="col">Shutting down or stopped</th>
        </tr>
      </thead>
      <tbody>
        {azs.map((az) => (
          <tr key={az.id}>
            <th scope="row">{az.id}</th>
            <td>{az.up ? 'up' : 'down'}</td>
            <td>{az.counts.serving}</td>
            <td>{az.counts.pending}</td>
            <td>
              {az.counts.down}
              {az.counts.down > 0
                ? ` (${Object.entries(az.reasons)
                    .map(([r, n]) => `${r}: ${n}`)
                    .join(', ')})`
                : ''}
            </td>
            <td>{az.counts.leaving + az.counts.stopped}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
