/**
 * What a reader does in an island's server HTML before its code arrives, carried over to the live
 * component (src/components/Island): the values of its form controls, where focus is, and the first
 * button, summary or form they pressed. Controls are matched by their order in the island, as the
 * server and the live component render the same markup for the same props; a control whose kind
 * differs at that place is left alone.
 */

const controlSelector = 'input, select, textarea';
const focusableSelector = 'a[href], button, input, select, textarea, summary, [tabindex]';
const pressSelector = 'button, summary, [role="button"]';

/** A press to give the live component: the n-th pressable element, or the n-th form's submission. */
export interface Press {
  index: number;
  submit: boolean;
}

export interface Carried {
  /**
   * As the live component mounts under `root`: focus to the same control, and a note of what each
   * control the reader changed shows at first.
   */
  mount(root: HTMLElement): void;
  /**
   * Once the live component has settled (its own first effects, such as reading a share link, done):
   * the reader's values, into each control that still shows what it showed at mount (one the reader
   * has changed since, in the live component, keeps its newer value).
   */
  apply(root: HTMLElement): void;
}

type Change = { index: number; shape: string; kind: 'checked'; checked: boolean } | { index: number; shape: string; kind: 'value'; value: string };

/** Input types whose value a reader cannot type or choose. */
const notTyped = new Set(['button', 'submit', 'reset', 'image', 'hidden', 'file', 'checkbox', 'radio']);

/** A checkbox or radio: what it shows is whether it is checked. */
function isToggle(el: Element): el is HTMLInputElement {
  return el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
}

/** What a control shows: its value, or whether a checkbox or radio is checked. */
function shown(el: Element): string {
  return isToggle(el) ? String(el.checked) : (el as HTMLInputElement).value;
}

function shapeOf(el: Element): string {
  const input = el as HTMLInputElement;
  return `${el.tagName}:${input.type ?? ''}:${input.name ?? ''}`;
}

function changeOf(el: Element, index: number): Change | null {
  const shape = shapeOf(el);
  if (isToggle(el)) return el.checked !== el.defaultChecked ? { index, shape, kind: 'checked', checked: el.checked } : null;
  if (el instanceof HTMLInputElement) {
    if (notTyped.has(el.type)) return null;
    return el.value !== el.defaultValue ? { index, shape, kind: 'value', value: el.value } : null;
  }
  if (el instanceof HTMLTextAreaElement) return el.value !== el.defaultValue ? { index, shape, kind: 'value', value: el.value } : null;
  if (el instanceof HTMLSelectElement && !el.multiple) {
    const chosenByDefault = Math.max(
      0,
      Array.from(el.options).findIndex((o) => o.defaultSelected),
    );
    return el.selectedIndex !== chosenByDefault ? { index, shape, kind: 'value', value: el.value } : null;
  }
  return null;
}

/** Sets a control's value as the reader would, so that React's change handlers see it. */
function setValue(el: HTMLElement, value: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Reads what the reader changed in the server HTML under `root`, and where focus is. */
export function carryOver(root: HTMLElement): Carried {
  const changes: Change[] = [];
  root.querySelectorAll(controlSelector).forEach((el, index) => {
    const change = changeOf(el, index);
    if (change) changes.push(change);
  });
  const active = document.activeElement;
  const focusIndex = active && root.contains(active) ? Array.from(root.querySelectorAll(focusableSelector)).indexOf(active) : -1;
  const shownAtMount = new Map<number, string>();
  /** The live control at each change's place, where it has the same shape; read once per pass. */
  const matching = (live: HTMLElement): [Change, HTMLElement][] => {
    const controls = live.querySelectorAll<HTMLElement>(controlSelector);
    return changes.flatMap((change) => {
      const el = controls[change.index];
      return el && shapeOf(el) === change.shape ? [[change, el] as [Change, HTMLElement]] : [];
    });
  };
  return {
    mount(live: HTMLElement): void {
      for (const [change, el] of matching(live)) shownAtMount.set(change.index, shown(el));
      if (focusIndex >= 0) live.querySelectorAll<HTMLElement>(focusableSelector)[focusIndex]?.focus({ preventScroll: true });
    },
    apply(live: HTMLElement): void {
      for (const [change, el] of matching(live)) {
        if (shownAtMount.get(change.index) !== shown(el)) continue;
        if (change.kind === 'checked') {
          if ((el as HTMLInputElement).checked !== change.checked) el.click();
        } else if ((el as HTMLInputElement).value !== change.value) {
          setValue(el, change.value);
        }
      }
    },
  };
}

/**
 * The press `event` (a click or a form's submission) makes inside the server HTML under `root`, or
 * null for one the page handles by itself (a link, a click on text).
 */
export function pressTarget(root: HTMLElement, event: Event): Press | null {
  const target = event.target;
  if (!(target instanceof Element) || !root.contains(target)) return null;
  if (event.type === 'submit') {
    const index = Array.from(root.querySelectorAll('form')).indexOf(target as HTMLFormElement);
    return index >= 0 ? { index, submit: true } : null;
  }
  const pressable = target.closest(pressSelector);
  if (!pressable || !root.contains(pressable) || (pressable as HTMLButtonElement).disabled) return null;
  return { index: Array.from(root.querySelectorAll(pressSelector)).indexOf(pressable), submit: false };
}

/** Presses again, on the live component's markup under `root`, what the reader pressed before. */
export function pressAgain(root: HTMLElement, press: Press): void {
  if (press.submit) {
    root.querySelectorAll('form')[press.index]?.requestSubmit();
    return;
  }
  const el = root.querySelectorAll<HTMLElement>(pressSelector)[press.index];
  if (!el || (el as HTMLButtonElement).disabled) return;
  el.focus({ preventScroll: true });
  el.click();
}
