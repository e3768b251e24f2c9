/**
 * The lifecycle diagram's geometry. States and transitions come from the engine's `lifecycle` and
 * `settlesTo` tables; only where each state sits on the page is decided here. Edges are routed from
 * those positions: straight between box borders, bent around any box in the way, a loop for an
 * action that leaves a VM in its state (reboot).
 */
import { lifecycle, settlesTo, type LifecycleAction, type VmState } from '@site/sim';

export type TransitionKind = LifecycleAction | 'wait';

export interface Transition {
  id: string;
  from: VmState;
  to: VmState;
  /** The reader's action that takes it, or 'wait' for a state that settles on its own. */
  kind: TransitionKind;
}

export interface Box {
  state: VmState;
  x: number;
  y: number;
  w: number;
  h: number;
  /** A transitional state: it settles on its own after a while. */
  settles: boolean;
}

export interface Route {
  transition: Transition;
  /** SVG path data. */
  d: string;
  label: { x: number; y: number };
}

// A crash is a fault, not a change of state (the VM stays running, not serving): it is not drawn.
const drawnActions = (Object.keys(lifecycle) as LifecycleAction[]).filter((a) => a !== 'crash');

/** Every transition the engine's tables allow, in table order. */
export function lifecycleTransitions(): Transition[] {
  const out: Transition[] = [];
  for (const action of drawnActions) {
    for (const from of lifecycle[action].from) out.push({ id: `${action}:${from}`, from, to: lifecycle[action].to, kind: action });
  }
  for (const [from, to] of Object.entries(settlesTo) as Array<[VmState, VmState]>) out.push({ id: `wait:${from}`, from, to, kind: 'wait' });
  return out;
}

/** Every state the tables name, in order of first appearance. */
export function lifecycleStates(transitions: Transition[]): VmState[] {
  const seen = new Set<VmState>();
  for (const t of transitions) {
    seen.add(t.from);
    seen.add(t.to);
  }
  return [...seen];
}

export const viewBox = { w: 420, h: 400 };
const boxHeight = 40;
/** Wide enough for the state's name with the "▶ " that marks the current one, at 15 px. */
const boxWidth = (state: string) => Math.max(100, (state.length + 2) * 8.5 + 14);

/**
 * Where each state sits: the stop/start cycle on the corners, shutting-down in the middle where
 * every terminate can reach it, terminated below it. A state the engine adds later gets a spot at
 * the bottom rather than vanishing.
 */
const places: Partial<Record<VmState, { x: number; y: number }>> = {
  pending: { x: 75, y: 70 },
  running: { x: 345, y: 70 },
  stopping: { x: 345, y: 370 },
  stopped: { x: 75, y: 370 },
  'shutting-down': { x: 210, y: 165 },
  terminated: { x: 210, y: 292 },
};

export function layoutBoxes(states: VmState[]): Box[] {
  let extra = 0;
  return states.map((state) => {
    const p = places[state] ?? { x: 75 + 135 * (extra++ % 3), y: viewBox.h + 40 };
    return { state, x: p.x, y: p.y, w: boxWidth(state), h: boxHeight, settles: settlesTo[state] !== undefined };
  });
}

export function diagramHeight(boxes: Box[]): number {
  return Math.max(viewBox.h, ...boxes.map((b) => b.y + b.h / 2 + 10));
}

interface Point {
  x: number;
  y: number;
}

/** Where the ray from a box's centre towards `toward` leaves the box. */
function borderPoint(b: Box, toward: Point): Point {
  const dx = toward.x - b.x;
  const dy = toward.y - b.y;
  if (dx === 0 && dy === 0) return { x: b.x, y: b.y };
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: b.x + dx * s, y: b.y + dy * s };
}

function inside(p: Point, b: Box, margin: number): boolean {
  return Math.abs(p.x - b.x) <= b.w / 2 + margin && Math.abs(p.y - b.y) <= b.h / 2 + margin;
}

function quadAt(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y };
}

/** Whether the curve from a through control c to b passes through any of `others`. */
function blocked(a: Point, c: Point, b: Point, others: Box[]): boolean {
  for (let i = 1; i < 20; i++) {
    const p = quadAt(a, c, b, i / 20);
    if (others.some((o) => inside(p, o, 6))) return true;
  }
  return false;
}

const round = (x: number) => Math.round(x * 10) / 10;

/** Routes every transition between the boxes. */
export function routeTransitions(transitions: Transition[], boxes: Box[]): Route[] {
  const byState = new Map(boxes.map((b) => [b.state, b]));
  return transitions.map((transition) => {
    const from = byState.get(transition.from)!;
    const to = byState.get(transition.to)!;
    if (from === to) {
      // A loop over the box's top edge.
      const left = { x: from.x - 20, y: from.y - from.h / 2 };
      const right = { x: from.x + 40, y: from.y - from.h / 2 };
      const lift = 42;
      return {
        transition,
        d: `M ${left.x} ${left.y} C ${left.x - 10} ${left.y - lift}, ${right.x + 10} ${right.y - lift}, ${right.x} ${right.y}`,
        label: { x: from.x + 10, y: from.y - from.h / 2 - lift + 2 },
      };
    }
    const others = boxes.filter((b) => b !== from && b !== to);
    const centreA = { x: from.x, y: from.y };
    const centreB = { x: to.x, y: to.y };
    const length = Math.hypot(centreB.x - centreA.x, centreB.y - centreA.y);
    const normal = { x: -(centreB.y - centreA.y) / length, y: (centreB.x - centreA.x) / length };
    const mid = { x: (centreA.x + centreB.x) / 2, y: (centreA.y + centreB.y) / 2 };
    let control = mid;
    for (const bend of [0, 50, -50, 100, -100, 150, -150]) {
      const c = { x: mid.x + normal.x * bend, y: mid.y + normal.y * bend };
      const a = borderPoint(from, c);
      const b = borderPoint(to, c);
      control = c;
      if (!blocked(a, c, b, others)) break;
    }
    const a = borderPoint(from, control);
    const b = borderPoint(to, control);
    // Settling labels sit mid-way; action labels nearer their source, clear of the shared target.
    const label = quadAt(a, control, b, transition.kind === 'wait' ? 0.5 : 0.22);
    return {
      transition,
      d: `M ${round(a.x)} ${round(a.y)} Q ${round(control.x)} ${round(control.y)} ${round(b.x)} ${round(b.y)}`,
      label: { x: round(label.x), y: round(label.y) },
    };
  });
}
