/**
 * A reader's flow through a widget by keyboard alone: from the content just before the widget, Tab
 * into it, then activate its controls in tab order (Enter on buttons, Space on checkboxes, arrows
 * on radios, selects and sliders) until its live summary (`[data-testid="live-summary"]`) changes.
 */
import type { Page } from 'playwright-core';

export interface KeyboardFlow {
  problems: string[];
  /** What was pressed, for the test's diagnostic. */
  steps: string[];
}

interface ControlInfo {
  tag: string;
  type: string;
  role: string;
  name: string;
  href: string | null;
  atMax: boolean;
}

export const widgetSelector = (id: string): string => `[data-widget=${JSON.stringify(id)}]`;

export async function widgetIds(page: Page): Promise<string[]> {
  return page.$$eval('[data-widget]', (els) => els.map((e) => e.getAttribute('data-widget') ?? ''));
}

async function summaryText(page: Page, id: string): Promise<string | null> {
  return page.evaluate((sel) => {
    const s = document.querySelector(sel)?.querySelector('[data-testid="live-summary"]');
    return s ? (s.textContent ?? '').trim() : null;
  }, widgetSelector(id));
}

async function focusedControl(page: Page, id: string): Promise<ControlInfo | null> {
  return page.evaluate((sel) => {
    const section = document.querySelector(sel);
    const el = document.activeElement as HTMLElement | null;
    if (!section || !el || !section.contains(el) || el === section) return null;
    const input = el as HTMLInputElement;
    const label = el.getAttribute('aria-label') ?? (input.labels && input.labels[0] ? input.labels[0].textContent : null) ?? el.textContent ?? '';
    const valueNow = el.getAttribute('aria-valuenow');
    const valueMax = el.getAttribute('aria-valuemax');
    return {
      tag: el.tagName.toLowerCase(),
      type: (el.getAttribute('type') ?? '').toLowerCase(),
      role: el.getAttribute('role') ?? '',
      name: label.trim().replace(/\s+/g, ' ').slice(0, 60),
      href: el.tagName === 'A' ? el.getAttribute('href') : null,
      atMax: el.tagName === 'INPUT' ? input.value === input.max : valueNow !== null && valueNow === valueMax,
    };
  }, widgetSelector(id));
}

/** The key a reader presses to operate this control, or null when it takes typing (skipped). */
function keyFor(c: ControlInfo): string | null {
  if (c.tag === 'a') return c.href && c.href.startsWith('#') ? 'Enter' : null;
  if (c.tag === 'textarea' || c.role === 'textbox' || c.role === 'combobox') return null;
  if (c.tag === 'input') {
    if (c.type === 'checkbox') return 'Space';
    if (c.type === 'radio') return 'ArrowRight';
    if (c.type === 'range') return c.atMax ? 'ArrowLeft' : 'ArrowRight';
    if (c.type === 'number') return c.atMax ? 'ArrowDown' : 'ArrowUp';
    if (['button', 'submit', 'reset', 'image'].includes(c.type)) return 'Enter';
    return null;
  }
  if (c.tag === 'select') return 'ArrowDown';
  if (c.role === 'checkbox' || c.role === 'switch') return 'Space';
  if (c.role === 'radio' || c.role === 'tab') return 'ArrowRight';
  if (c.role === 'slider' || c.role === 'spinbutton') return c.atMax ? 'ArrowLeft' : 'ArrowRight';
  return 'Enter';
}

const describeControl = (c: ControlInfo): string => `${c.tag}${c.type ? `[type=${c.type}]` : ''}${c.role ? `[role=${c.role}]` : ''} "${c.name}"`;

export async function keyboardFlow(page: Page, id: string, maxControls = 15): Promise<KeyboardFlow> {
  const problems: string[] = [];
  const steps: string[] = [];
  const before = await summaryText(page, id);
  if (before === null) return { problems: [`widget ${id}: no live summary ([data-testid="live-summary"]) inside it`], steps };

  // Start where a reader who has read up to the widget would be: on the last focusable thing before it.
  const start = await page.evaluate((sel) => {
    const section = document.querySelector(sel) as HTMLElement;
    section.scrollIntoView({ block: 'center' });
    const focusable =
      'a[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),summary,[tabindex]:not([tabindex="-1"])';
    const before = Array.from(document.querySelectorAll<HTMLElement>(focusable)).filter(
      (el) => !section.contains(el) && (section.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) !== 0 && el.getClientRects().length > 0,
    );
    (document.activeElement as HTMLElement | null)?.blur?.();
    const last = before[before.length - 1];
    if (last) last.focus({ preventScroll: true });
    return last ? `${last.tagName.toLowerCase()} "${(last.textContent ?? '').trim().slice(0, 40)}"` : 'the top of the page';
  }, widgetSelector(id));
  steps.push(`start on ${start}`);

  let control: ControlInfo | null = null;
  for (let i = 0; i < 25 && control === null; i++) {
    await page.keyboard.press('Tab');
    control = await focusedControl(page, id);
  }
  if (control === null) {
    problems.push(`widget ${id}: 25 presses of Tab from ${start} never reached a control inside the widget`);
    return { problems, steps };
  }

  for (let n = 0; n < maxControls && control !== null; n++) {
    const key = keyFor(control);
    if (key !== null) {
      steps.push(`${key} on ${describeControl(control)}`);
      await page.keyboard.press(key);
      const changed = await page
        .waitForFunction(
          ([sel, previous]) => {
            const s = document.querySelector(sel)?.querySelector('[data-testid="live-summary"]');
            return s !== null && s !== undefined && (s.textContent ?? '').trim() !== previous;
          },
          [widgetSelector(id), before] as const,
          { timeout: 2500 },
        )
        .then(() => true)
        .catch(() => false);
      if (changed) {
        const after = await summaryText(page, id);
        steps.push(`live summary changed: "${before}" -> "${after}"`);
        if (n > 0) steps.push(`(the first control that changed it was control ${n + 1} in tab order)`);
        return { problems, steps };
      }
    } else {
      steps.push(`skip ${describeControl(control)} (takes typing or leaves the page)`);
    }
    await page.keyboard.press('Tab');
    control = await focusedControl(page, id);
  }
  problems.push(`widget ${id}: operating its controls by keyboard never changed its live summary ("${before}"); tried: ${steps.slice(1).join('; ')}`);
  return { problems, steps };
}
