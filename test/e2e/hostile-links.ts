/**
 * Crafted share links (`?w-<widget>=…`) and variant links (`?v-<quiz>=…`): each must fall back with
 * a visible notice in the widget or quiz it names, and nothing in it may run or reach the DOM.
 * All widgets and quizzes of a page get their payloads in the same loads.
 */
import type { Browser, Page } from 'playwright-core';
import { eventually } from './poll';
import { openPage, visit } from './browser';
import { widgetSelector } from './widgets';
import { quizSelector } from './quizzes';

export interface Payload {
  name: string;
  value: string;
  /** False when the payload may be valid for some schema: then only "nothing runs" is required. */
  needsNotice: boolean;
}

const marker = 'xss-probe';

export const sharePayloads: Payload[] = [
  { name: 'script tag (not JSON)', value: `<script>window.__xss=1;alert(1)</script>`, needsNotice: true },
  { name: 'HTML in a JSON string', value: JSON.stringify(`<img src=x id=${marker} onerror=window.__xss=1;alert(1)>`), needsNotice: true },
  { name: 'huge number (1e999 is Infinity)', value: '1e999', needsNotice: true },
  { name: 'too long (4100 characters)', value: JSON.stringify({ pad: 'a'.repeat(4100) }), needsNotice: true },
  {
    name: 'prototype pollution and markup in fields',
    value: JSON.stringify({ ['__proto__']: { polluted: 'yes' }, constructor: { prototype: { polluted: 'yes' } }, name: `<svg onload=alert(1) id=${marker}>` }),
    needsNotice: false,
  },
];

export const variantPayloads: Payload[] = [
  { name: 'negative seed', value: '-1', needsNotice: true },
  { name: 'huge seed', value: '1e999', needsNotice: true },
  { name: 'seed past the maximum', value: '99999999999', needsNotice: true },
  { name: 'fractional seed', value: '1.5', needsNotice: true },
  { name: 'not a number', value: 'abc', needsNotice: true },
  { name: 'script tag', value: `<script>window.__xss=1;alert(1)</script>`, needsNotice: true },
];

/**
 * Two mutations of a real widget state: every number made 1e308, and every value given the wrong
 * type (numbers as strings, strings as numbers, booleans as strings). Each must be refused.
 */
export function mutationsOf(state: unknown): Payload[] {
  let numbers = 0;
  let leaves = 0;
  const map = (value: unknown, leaf: (v: unknown) => unknown): unknown => {
    if (Array.isArray(value)) return value.map((v) => map(v, leaf));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, map(v, leaf)]));
    return leaf(value);
  };
  const huge = map(state, (v) => (typeof v === 'number' ? (numbers++, 1e308) : v));
  const swapped = map(state, (v) => {
    if (typeof v === 'number') return (leaves++, String(v));
    if (typeof v === 'string') return (leaves++, 12);
    if (typeof v === 'boolean') return (leaves++, String(v));
    return v;
  });
  const out: Payload[] = [];
  if (numbers > 0) out.push({ name: `every number of a real state set to 1e308`, value: JSON.stringify(huge), needsNotice: true });
  if (leaves > 0) out.push({ name: `every value of a real state of the wrong type`, value: JSON.stringify(swapped), needsNotice: true });
  return out;
}

export interface Target {
  kind: 'widget' | 'quiz';
  id: string;
  /** Whether it reads its state from the link: only then is a notice owed. */
  readsLink: boolean;
  /** What to put in its parameter, one load per entry (all targets of a page share each load). */
  payloads: Payload[];
}

/**
 * Loads `route?w-a=…&v-b=…` once per round, round i giving each target its i-th payload, and lists
 * what went wrong, each line prefixed with the payloads of its round.
 */
export async function hostileRounds(browser: Browser, origin: string, route: string, targets: Target[]): Promise<string[]> {
  const rounds = Math.max(0, ...targets.map((t) => t.payloads.length));
  const opened = await openPage(browser, origin);
  const problems: string[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const used = targets.filter((t) => t.payloads[i] !== undefined);
      const url = new URL(route, origin);
      for (const t of used) url.searchParams.set(`${t.kind === 'widget' ? 'w' : 'v'}-${t.id}`, t.payloads[i].value);
      const label = `[${[...new Set(used.map((t) => t.payloads[i].name))].join(' / ')}]`;
      const mark = opened.problems.length;
      const found: string[] = [];
      const roundStarted = Date.now();
      const status = await visit(opened, url.toString(), { idle: false });
      const took = Date.now() - roundStarted;
      if (took > 20_000) console.error(`# hostile links: loading ${route} for round ${i + 1} ${label} took ${(took / 1000).toFixed(1)} s`);
      if (status >= 400) found.push(`HTTP ${status} for the crafted link`);
      await opened.page.waitForTimeout(300);
      const ran = await opened.page.evaluate(
        (m) => ({
          flag: (window as unknown as { __xss?: unknown }).__xss !== undefined,
          injected: document.getElementById(m) !== null || document.querySelector('img[src="x"]') !== null,
          polluted: ({} as Record<string, unknown>).polluted !== undefined,
        }),
        marker,
      );
      if (ran.flag) found.push('injected script ran (window.__xss set)');
      if (ran.injected) found.push('injected element is in the DOM');
      if (ran.polluted) found.push('Object.prototype was polluted');
      for (const t of used) {
        const p = t.payloads[i];
        if (!p.needsNotice || !t.readsLink) continue;
        const root = t.kind === 'widget' ? widgetSelector(t.id) : quizSelector(t.id);
        const notice = await opened.page
          .waitForFunction(
            (sel) => {
              const el = document.querySelector(sel);
              if (!el) return 'missing';
              const n = Array.from(el.querySelectorAll<HTMLElement>('[role="alert"], [data-testid="notice"]')).find(
                (x) => (x.textContent ?? '').trim() !== '' && x.getClientRects().length > 0,
              );
              return n ? (n.textContent ?? '').trim() : false;
            },
            root,
            { timeout: 10_000 },
          )
          .then((h) => h.jsonValue())
          .catch(() => false);
        if (notice === 'missing') found.push(`${t.kind} ${t.id}: gone from the page`);
        else if (notice === false)
          found.push(
            `${t.kind} ${t.id}: no visible notice (${t.kind === 'widget' ? 'w' : 'v'}-${t.id}=${p.value.slice(0, 80)}${p.value.length > 80 ? '…' : ''})`,
          );
      }
      found.push(...opened.problemsSince(mark));
      problems.push(...found.map((f) => `${label} ${f}`));
    }
  } finally {
    await opened.close();
  }
  return problems;
}

/**
 * A widget's current valid state, from a share link the page shows or puts in the URL, or that its
 * "share" button copies to the clipboard.
 */
export async function discoverShareState(page: Page, id: string): Promise<unknown> {
  const param = `w-${id}`;
  const inPage = () =>
    page.evaluate(
      ([sel, name]) => {
        const found: string[] = [location.href];
        const root = document.querySelector(sel);
        if (root) {
          root.querySelectorAll('a[href]').forEach((a) => found.push((a as HTMLAnchorElement).href));
          root.querySelectorAll('input, textarea').forEach((i) => found.push((i as HTMLInputElement).value));
          root.querySelectorAll('[data-share-url]').forEach((e) => found.push(e.getAttribute('data-share-url') ?? ''));
          found.push(...((root.textContent ?? '').match(/https?:\/\/\S+/g) ?? []));
        }
        return found.filter((s) => s.includes(`${name}=`));
      },
      [widgetSelector(id), param] as const,
    );
  const parse = (candidates: string[]): unknown => {
    for (const c of candidates) {
      try {
        const raw = new URL(c, 'http://x').searchParams.get(param);
        if (raw) return JSON.parse(raw);
      } catch {
        // not a URL with a JSON state: try the next
      }
    }
    return undefined;
  };
  const direct = parse(await inPage());
  if (direct !== undefined) return direct;
  const share = page.locator(widgetSelector(id)).getByRole('button', { name: /share|copy link/i });
  if ((await share.count()) === 0 || !(await share.first().isEnabled())) return undefined;
  await share.first().click();
  const copied = await eventually(
    () => page.evaluate(() => navigator.clipboard.readText().catch(() => '')).catch(() => ''),
    (text) => text !== '',
    3000,
  );
  return parse([copied, ...(await inPage())]);
}

/**
 * Widgets that read their state from a link: those marked `data-url-state`, or offering a share
 * link (a control named "share"). A widget without either owes no notice, only safety.
 */
export async function widgetsReadingLinks(page: Page, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const id of ids) {
    const root = page.locator(widgetSelector(id));
    const declared = (await root.getAttribute('data-url-state')) !== null;
    const share = await root.getByRole('button', { name: /share/i }).count();
    if (declared || share > 0) out.add(id);
  }
  return out;
}
