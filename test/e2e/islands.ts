/**
 * Islands as a reader meets them (src/components/Island): reading a lesson to the end loads none of
 * its widgets' or quizzes' code and leaves their server HTML in place; reaching for one (focus, a
 * pointer) loads it, focus staying on the same control; a button pressed before the code arrived
 * is pressed again on the live widget.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { openPage, visit, waitForHydration } from './browser';
import { eventually } from './poll';

type Flow = { problems: string[]; steps: string[] };

const summaryOf = (root: string) => `${root} [data-testid="live-summary"]`;

/** Reads `route` to the end without touching anything; says what loaded and what each island shows. */
export async function readingLoadsNoIsland(browser: Browser, origin: string, route: string): Promise<Flow> {
  const problems: string[] = [];
  const steps: string[] = [];
  const opened = await openPage(browser, origin);
  try {
    const page = opened.page;
    let hydrated = false;
    const late: string[] = [];
    page.on('request', (r) => {
      if (hydrated && r.resourceType() === 'script') late.push(new URL(r.url()).pathname);
    });
    await page.goto(new URL(route, origin).toString(), { waitUntil: 'load', timeout: 30_000 });
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true', null, { timeout: 20_000 });
    hydrated = true;
    await waitForHydration(page, { use: false });
    const islands = await page.$$eval('[data-island]', (els) =>
      els.map((el) => ({ name: el.getAttribute('data-island'), state: el.getAttribute('data-island-state'), children: el.childElementCount })),
    );
    steps.push(
      `read to the end: ${islands.length} islands (${islands.map((i) => `${i.name} ${i.state}`).join(', ')}); scripts requested after hydrating: ${late.length}`,
    );
    if (late.length > 0) problems.push(`reading to the end requested scripts: ${late.slice(0, 5).join(', ')}`);
    for (const i of islands) {
      if (i.state !== 'pending') problems.push(`island ${i.name} is ${i.state} after reading alone (expected pending: nothing reached for it)`);
      if (i.children === 0) problems.push(`island ${i.name} shows nothing after reading (its server HTML is gone)`);
    }
    if (islands.length === 0) return { problems, steps };

    // Tab-like focus on the first island's first control: it loads, and focus stays on the same control.
    const first = page.locator('[data-island]').first();
    const control = first.locator('button, input, select, textarea, summary').first();
    const named = await control.evaluate((el) => `${el.tagName} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`);
    await control.focus();
    await first.locator('xpath=self::*[@data-island-state="live"]').waitFor({ timeout: 30_000 });
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.closest('[data-island-state="live"]')) return null;
      return `${el.tagName} ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`;
    });
    steps.push(`focus on ${named}: live, focus on ${focused ?? 'nothing in the island'}`);
    if (focused !== named) problems.push(`focus on ${named} in the server HTML: after the island went live focus is on ${focused ?? 'nothing in it'}`);
  } finally {
    await opened.close();
  }
  return { problems, steps };
}

/** A widget on its lesson, read to the end (nothing reached for), with every script held back from then on. */
interface HeldBack {
  page: Page;
  /** The widget's selector. */
  root: string;
  /** How many script requests are held back so far. */
  held(): number;
  /** Lets the held requests and every later one through. */
  release(): Promise<void>;
}

/** Opens `route`, reads it, holds its scripts back and runs `body` on `widget`; lets everything through and closes after. */
async function withCodeHeldBack(browser: Browser, origin: string, route: string, widget: string, body: (w: HeldBack) => Promise<void>): Promise<void> {
  const opened = await openPage(browser, origin);
  const held: Route[] = [];
  let holding = true;
  const release = async (): Promise<void> => {
    holding = false;
    for (const r of held.splice(0)) await r.continue();
  };
  try {
    const page = opened.page;
    await visit(opened, new URL(route, origin).toString(), { use: false });
    await page.route('**/assets/js/**', (r) => (holding ? held.push(r) : r.continue()));
    await body({ page, root: `[data-widget=${JSON.stringify(widget)}]`, held: () => held.length, release });
  } finally {
    holding = false;
    for (const r of held.splice(0)) await r.continue().catch(() => undefined);
    await opened.close();
  }
}

/**
 * In widget `widget` (read, not reached for yet), a real click on `button` while the island's code is held
 * back: nothing happens in the server HTML but a busy state; when the code arrives, the live widget
 * has had the press (its live summary changes).
 */
export async function pressBeforeCode(browser: Browser, origin: string, route: string, widget: string, button: string): Promise<Flow> {
  const problems: string[] = [];
  const steps: string[] = [];
  await withCodeHeldBack(browser, origin, route, widget, async ({ page, root, held, release }) => {
    const island = page.locator(`[data-island]:has(${root})`);
    const before = await page.locator(summaryOf(root)).textContent();
    await page.locator(root).getByRole('button', { name: button, exact: true }).click();
    const busy = await eventually(
      () => island.getAttribute('aria-busy'),
      (b) => b === 'true',
      5000,
    );
    const state = await island.getAttribute('data-island-state');
    const meanwhile = await page.locator(summaryOf(root)).textContent();
    steps.push(`clicked ${button} with the code held back (${held()} requests): state ${state}, aria-busy ${busy}, summary "${meanwhile}"`);
    if (state !== 'pending' || busy !== 'true') problems.push(`while its code loads the island is ${state}, aria-busy ${busy} (expected pending, true)`);
    if (meanwhile !== before) problems.push(`the server HTML changed before the code arrived: "${before}" -> "${meanwhile}"`);
    if (held() === 0) problems.push('the click requested no code');
    await release();
    await page.locator(`[data-island-state="live"] ${root}`).waitFor({ timeout: 30_000 });
    const after = await eventually(
      () => page.locator(summaryOf(root)).textContent(),
      (t) => t !== before,
      5000,
    );
    steps.push(`live: summary "${after}"`);
    if (after === before) problems.push(`the press of ${button} made before the code arrived was lost: the live summary is still "${before}"`);
  });
  return { problems, steps };
}

/**
 * In widget `widget` (read, not reached for yet), with the island's code held back: focus on its first number
 * field and two ArrowUp presses change the server HTML's field; when the code arrives, the live field (a widget
 * that reads its share link as it mounts, which sets its state once more) holds the same value and has focus.
 */
export async function typedBeforeCode(browser: Browser, origin: string, route: string, widget: string): Promise<Flow> {
  const problems: string[] = [];
  const steps: string[] = [];
  await withCodeHeldBack(browser, origin, route, widget, async ({ page, root, held, release }) => {
    const field = page.locator(`${root} input[type="number"]`).first();
    const first = Number(await field.inputValue());
    await field.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const typed = await field.inputValue();
    steps.push(`server field ${first}, after two ArrowUp with the code held back (${held()} requests): ${typed}`);
    if (Number(typed) !== first + 2) problems.push(`ArrowUp twice in the server HTML's field gave ${typed}, expected ${first + 2}`);
    await release();
    await page.locator(`[data-island-state="live"] ${root}`).waitFor({ timeout: 30_000 });
    const live = await eventually(
      () => page.locator(`${root} input[type="number"]`).first().inputValue(),
      (v) => v === typed,
      5000,
    );
    // Still so a moment later: nothing of the widget's own start-up undid it.
    await page.waitForTimeout(300);
    const settled = await page.locator(`${root} input[type="number"]`).first().inputValue();
    const focused = await page.evaluate((sel) => document.activeElement === document.querySelector(`${sel} input[type="number"]`), root);
    steps.push(`live field ${live}, a moment later ${settled}, focused ${focused}`);
    if (settled !== typed) problems.push(`the value typed before the code arrived (${typed}) is ${settled} in the live widget`);
    if (!focused) problems.push('focus is not on the live field');
  });
  return { problems, steps };
}
