/**
 * What a learner tripped over, each checked the way they met it: a page wider than a phone, focus
 * dropped to <body> by a button that became disabled, a scenario file that crashed a lesson or froze
 * the tab, and a search page that lost its query or the reader's keystrokes.
 */
import type { Page } from 'playwright-core';
import { eventually } from './poll';
import { waitForHydration } from './browser';

export const phone = { width: 390, height: 844 };

/** At phone width the page itself never scrolls sideways (a table may, inside its own box). */
export async function phoneOverflow(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth;
    if (wide <= width + 1) return null;
    // Name the widest elements that stick out, to say where to look.
    const culprits = Array.from(document.querySelectorAll<HTMLElement>('main *'))
      .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getClientRects().length > 0)
      .filter((el) => !Array.from(el.children).some((c) => (c as HTMLElement).getBoundingClientRect().right > width + 1))
      .slice(0, 3)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return { width, wide, culprits };
  });
  return found
    ? [`at ${phone.width} px the page is ${found.wide} px wide (viewport ${found.width} px): ${found.culprits.join(', ') || 'no element named'}`]
    : [];
}

/** Where focus is: "body" when it was dropped. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
  });

/**
 * Presses, by keyboard, each named button of a widget that disables itself once pressed, and says
 * where focus went when it landed on <body>.
 */
export async function focusKeptAfterDisabling(page: Page, widget: string, buttons: string[]): Promise<{ problems: string[]; steps: string[] }> {
  const problems: string[] = [];
  const steps: string[] = [];
  const root = page.locator(`[data-widget=${JSON.stringify(widget)}]`);
  for (const name of buttons) {
    const button = root.getByRole('button', { name, exact: true });
    if ((await button.count()) === 0 || !(await button.first().isEnabled())) {
      steps.push(`${name}: not there or not enabled now`);
      continue;
    }
    await button.first().focus();
    await page.keyboard.press('Enter');
    const where = await eventually(
      () => focusedName(page),
      (w) => w !== 'body',
      3000,
    );
    const disabled = await button
      .first()
      .isDisabled()
      .catch(() => true);
    steps.push(`Enter on ${name}: ${disabled ? 'now disabled' : 'still enabled'}, focus on ${where}`);
    if (where === 'body') problems.push(`widget ${widget}: pressing ${name} by keyboard dropped focus to <body>`);
  }
  return { problems, steps };
}

/** A scenario file past the AZ lab's limits is refused in words, and the lesson stays alive. */
export async function azLabHugeFile(page: Page, widget: string): Promise<{ problems: string[]; steps: string[] }> {
  const steps: string[] = [];
  const root = page.locator(`[data-widget=${JSON.stringify(widget)}]`);
  await root.locator('summary', { hasText: 'Load a scenario file' }).click();
  const text = [
    'name: far future',
    'seed: 1',
    'until: 1e15',
    'regions:',
    '  - id: us-east-1',
    '    azs:',
    '      - id: us-east-1a',
    '        hosts: [{ count: 1, cores: 8, memoryGiB: 32 }]',
    '',
  ].join('\n');
  await root.locator('textarea').first().fill(text);
  await root.getByRole('button', { name: 'Run this scenario' }).click();
  const refusal = /longer than this lab plays|expected/;
  const said = await eventually(
    async () => (await root.textContent()) ?? '',
    (t) => refusal.test(t),
    10_000,
  );
  const refused = refusal.test(said);
  steps.push(refused ? 'until: 1e15 refused in words' : 'no refusal shown');
  const alive = await page.evaluate(() => document.querySelector('main') !== null);
  return {
    problems: [...(refused ? [] : [`widget ${widget}: a file with until: 1e15 was not refused with a message`]), ...(alive ? [] : ['the lesson page is gone'])],
    steps,
  };
}

/** A long scenario runs off the main thread: progress shows, the page answers, and Cancel stops it. */
export async function scenarioRunnerCancel(page: Page): Promise<{ problems: string[]; steps: string[] }> {
  const problems: string[] = [];
  const steps: string[] = [];
  // Within the engine's limits but long: 60,000 VMs on 9,000 hosts through 150 AZ outages over a month
  // (about 16 s of engine time on a quiet machine).
  const lines = ['name: a large fleet', 'seed: 1', 'until: 2678400', 'regions:', '  - id: us-east-1', '    azs:'];
  for (const az of 'abc') lines.push(`      - id: us-east-1${az}`, '        hosts: [{ count: 3000, cores: 32, memoryGiB: 128 }]');
  lines.push('actions:', '  - { at: 0, launch: { name: web, count: 60000, vcpu: 2, memoryGiB: 4, region: us-east-1 } }');
  for (let i = 0, t = 600; i < 150; i++, t += 4200) {
    const az = `us-east-1${'abc'[i % 3]}`;
    lines.push(`  - { at: ${t}, fail: { az: ${az} } }`, `  - { at: ${t + 3600}, recover: { az: ${az} } }`);
  }
  const text = `${lines.join('\n')}\n`;
  await page.getByLabel('Scenario (YAML or JSON)').fill(text);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const cancel = page.getByRole('button', { name: 'Cancel' });
  const shown = await cancel.waitFor({ timeout: 5000 }).then(
    () => true,
    () => false,
  );
  const summary = page.getByTestId('live-summary');
  if (!shown) {
    const said = (await summary.textContent()) ?? '';
    steps.push(`no Cancel appeared; summary ${JSON.stringify(said)}`);
    problems.push(`a month-long run of 60,000 VMs showed no progress and no Cancel (summary ${JSON.stringify(said)})`);
    return { problems, steps };
  }
  const t0 = Date.now();
  const answered = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
  steps.push(`Cancel shown; the page drew a frame ${Date.now() - t0} ms later (${Math.round(answered)} ms since load)`);
  // Progress in virtual time once the scenario is read (it is read off the main thread too).
  await page
    .waitForFunction(() => /^Running: \S+ of/.test(document.querySelector('[data-testid="live-summary"]')?.textContent ?? ''), null, { timeout: 10_000 })
    .catch(() => undefined);
  const progress = (await summary.textContent()) ?? '';
  steps.push(`progress: ${JSON.stringify(progress)}`);
  if (!/^Running: \S+ of/.test(progress)) problems.push(`while running, the summary says ${JSON.stringify(progress)}, not the progress`);
  await cancel.press('Enter');
  const after = (await summary.textContent()) ?? '';
  steps.push(`after Cancel: ${JSON.stringify(after)}`);
  if (!/^Cancelled/.test(after)) problems.push(`after Cancel the summary says ${JSON.stringify(after)}`);
  return { problems, steps };
}

/** /search?q=… keeps its query on load and on reload, and every keystroke typed 40 ms apart. */
export async function searchKeepsQuery(page: Page, url: string): Promise<{ problems: string[]; steps: string[] }> {
  const problems: string[] = [];
  const steps: string[] = [];
  const input = page.getByRole('searchbox', { name: 'Search' });
  const check = async (when: string) => {
    // At least 300 ms, so a query lost a moment after load is seen; then until it holds, on a slow machine.
    await page.waitForTimeout(300);
    const { value, q } = await eventually(
      async () => ({ value: await input.inputValue(), q: new URL(page.url()).searchParams.get('q') }),
      (r) => r.value === 'hypervisor' && r.q === 'hypervisor',
    );
    steps.push(`${when}: input ${JSON.stringify(value)}, address q=${JSON.stringify(q)}`);
    if (value !== 'hypervisor' || q !== 'hypervisor')
      problems.push(`search ${when}: the query became input ${JSON.stringify(value)}, address ${JSON.stringify(q)}`);
  };
  await check('after load');
  await page.reload({ waitUntil: 'load' });
  await waitForHydration(page);
  await check('after reload');
  const typed = 'hypervisor type 2';
  await input.fill('');
  await input.pressSequentially(typed, { delay: 40 });
  await page.waitForTimeout(800);
  const value = await eventually(
    () => input.inputValue(),
    (v) => v === typed,
  );
  steps.push(
    `typed ${JSON.stringify(typed)} 40 ms apart: input ${JSON.stringify(value)}, address ${JSON.stringify(new URL(page.url()).searchParams.get('q'))}`,
  );
  if (value !== typed) problems.push(`search: typing ${JSON.stringify(typed)} 40 ms apart left ${JSON.stringify(value)}`);
  void url;
  return { problems, steps };
}
