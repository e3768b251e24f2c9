/**
 * The EC2 instance lifecycle as an SVG drawn from the engine's tables, with the VM's current state
 * lit (filled, thick border and a "now" marker, not colour alone) and the transitions open from it
 * drawn bold. A table of the same transitions follows, as its text equivalent.
 */
import React, { useMemo } from 'react';
import clsx from 'clsx';
import type { LifecycleAction, VmState } from '@site/sim';
import { diagramHeight, layoutBoxes, lifecycleStates, lifecycleTransitions, routeTransitions, viewBox, type Transition } from './lifecycleGraph';
import styles from './styles.module.css';

export interface LifecycleDiagramProps {
  id: string;
  /** The VM's state, or null before it is launched. */
  current: VmState | null;
  /** Whether the VM is inside a reboot (running, not serving). */
  rebooting: boolean;
  /** The engine's legal actions for the VM now. */
  legal: readonly LifecycleAction[];
  /** How long each transitional state lasts, from the scenario's timings. */
  settleSeconds: Partial<Record<VmState, number>>;
  rebootSeconds: number;
}

export function transitionLabel(t: Transition, props: Pick<LifecycleDiagramProps, 'settleSeconds' | 'rebootSeconds'>): string {
  if (t.kind === 'wait') {
    const s = props.settleSeconds[t.from];
    return s === undefined ? 'wait' : `after ${s} s`;
  }
  if (t.kind === 'reboot') return `reboot (${props.rebootSeconds} s)`;
  return t.kind;
}

/** Whether the reader can take this transition now (an action the engine allows, or a wait). */
function open(t: Transition, props: LifecycleDiagramProps): boolean {
  if (props.current !== t.from) return false;
  if (t.kind === 'wait') return true;
  return props.legal.includes(t.kind);
}

export function LifecycleDiagram(props: LifecycleDiagramProps): React.JSX.Element {
  const { id, current } = props;
  const geometry = useMemo(() => {
    const transitions = lifecycleTransitions();
    const boxes = layoutBoxes(lifecycleStates(transitions));
    return { transitions, boxes, routes: routeTransitions(transitions, boxes), height: diagramHeight(boxes) };
  }, []);
  const pending = geometry.boxes.find((b) => b.state === 'pending');
  const openNow = geometry.transitions.filter((t) => open(t, props));
  const description =
    current === null
      ? 'No VM yet: launch one and it enters pending.'
      : `Now: ${current}${props.rebooting ? ' (rebooting)' : ''}. ` +
        (openNow.length ? `From here: ${openNow.map((t) => `${transitionLabel(t, props)} leads to ${t.to}`).join('; ')}.` : 'Nothing leads out of this state.');
  const arrow = `${id}-arrow`;
  const arrowOn = `${id}-arrow-on`;
  return (
    <figure className={styles.figure}>
      <svg className={styles.diagram} viewBox={`0 0 ${viewBox.w} ${geometry.height}`} role="img" aria-labelledby={`${id}-diagram-title ${id}-diagram-desc`}>
        <title id={`${id}-diagram-title`}>The EC2 instance lifecycle.</title>
        <desc id={`${id}-diagram-desc`}>{description}</desc>
        <defs>
          <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className={styles.arrowHead} />
          </marker>
          <marker id={arrowOn} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className={styles.arrowHeadOn} />
          </marker>
        </defs>
        {pending ? (
          <g className={clsx(styles.edge, current === null && styles.edgeOn)}>
            <circle cx={pending.x} cy={14} r={6} className={styles.startDot} />
            <path d={`M ${pending.x} 20 L ${pending.x} ${pending.y - pending.h / 2}`} markerEnd={`url(#${current === null ? arrowOn : arrow})`} />
            <text x={pending.x + 12} y={18} className={styles.edgeLabel}>
              launch
            </text>
          </g>
        ) : null}
        {geometry.routes.map((r) => {
          const on = open(r.transition, props);
          const lit = on || (r.transition.kind === 'reboot' && props.rebooting && current === 'running');
          return (
            <g key={r.transition.id} className={clsx(styles.edge, r.transition.kind === 'wait' && styles.edgeWait, lit && styles.edgeOn)}>
              <path d={r.d} markerEnd={`url(#${lit ? arrowOn : arrow})`} />
              <text x={r.label.x} y={r.label.y} className={styles.edgeLabel} textAnchor="middle" dominantBaseline="middle">
                {transitionLabel(r.transition, props)}
              </text>
            </g>
          );
        })}
        {geometry.boxes.map((b) => {
          const isNow = b.state === current;
          return (
            <g
              key={b.state}
              className={clsx(styles.node, b.settles && styles.nodeSettles, isNow && styles.nodeNow)}
              data-state={b.state}
              data-current={isNow || undefined}
            >
              <rect x={b.x - b.w / 2} y={b.y - b.h / 2} width={b.w} height={b.h} rx={8} />
              <text x={b.x} y={b.y} textAnchor="middle" dominantBaseline="central">
                {isNow ? `▶ ${b.state}` : b.state}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={styles.caption}>
        Dashed boxes pass on their own after the time shown; bold arrows are the ways out of the current state (▶).
      </figcaption>
      <details className={styles.details}>
        <summary>The diagram as a table</summary>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Action</th>
              <th scope="col">To</th>
              <th scope="col">Open now</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>(nothing)</td>
              <td>launch</td>
              <td>pending</td>
              <td>{current === null ? 'yes' : 'no'}</td>
            </tr>
            {geometry.transitions.map((t) => (
              <tr key={t.id}>
                <td>{t.from}</td>
                <td>{transitionLabel(t, props)}</td>
                <td>{t.to}</td>
                <td>{open(t, props) ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
