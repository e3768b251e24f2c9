/**
 * The CPU experiments on the real VM, by keyboard: nothing of the emulator loads before Start;
 * each experiment's button types its commands into the guest and fills its row of the results
 * table beside the engine's full-emulation figure; the honest note appears once there are results.
 */
import type { Page } from 'playwright-core';

export interface CpuExperimentsFlow {
  problems: string[];
  steps: string[];
}

export const cpuExperimentsSelector = '[data-widget="cpu-experiments"]';

const cell = (page: Page, widget: string, id: string) => page.$eval(`${widget} [data-testid="${id}"]`, (el) => el.textContent ?? '').catch(() => '');

export async function cpuExperimentsFlow(page: Page): Promise<CpuExperimentsFlow> {
  const problems: string[] = [];
  const steps: string[] = [];
  const widget = cpuExperimentsSelector;
  if (!(await page.$(widget))) return { problems: [`no CPU experiments (${widget}) on the page`], steps };
  await page.$eval(widget, (el) => el.scrollIntoView());
  // The island swaps in its live component when the reader reaches for it: a pointer over it.
  await page.hover(widget);
  try {
    await page.waitForFunction((sel) => document.querySelector(sel)?.closest('[data-island]')?.getAttribute('data-island-state') === 'live', widget, {
      timeout: 60_000,
    });
  } catch {
    return { problems: ['the CPU experiments island never went live'], steps };
  }

  const early = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((u) => /\/vm\//.test(u)),
  );
  if (early.length > 0) problems.push(`the page fetched VM files before Start: ${early.join(', ')}`);
  else steps.push('before Start: no VM file fetched');

  await page.focus(`${widget} button:text-is("Start the VM")`);
  await page.keyboard.press('Enter');
  steps.push('Enter on "Start the VM"');
  const measureButton = (name: string) => `${widget} button:text-is("${name}")`;
  try {
    await page.waitForSelector(`${measureButton('Read the guest’s CPU')}:not([disabled])`, { timeout: 90_000 });
  } catch {
    problems.push(`the experiments never became available after Start: ${await cell(page, widget, 'live-summary')}`);
    return { problems, steps };
  }

  const run = async (button: string, testid: string, pattern: RegExp, timeout: number) => {
    await page.waitForSelector(`${measureButton(button)}:not([disabled])`, { timeout: 240_000 });
    await page.focus(measureButton(button));
    const t0 = Date.now();
    await page.keyboard.press('Enter');
    try {
      await page.waitForFunction(
        ([sel, id]) => !/not (measured|read)/.test(document.querySelector(`${sel} [data-testid="${id}"]`)?.textContent ?? 'not measured'),
        [widget, testid] as const,
        { timeout, polling: 500 },
      );
    } catch {
      const message = await page.$eval(widget, (el) => el.querySelector('[role=status], [role=alert]')?.textContent ?? '').catch(() => '');
      problems.push(`"${button}": no result within ${timeout / 1000} s ${message ? `(${message})` : ''}`);
      return;
    }
    const text = await cell(page, widget, testid);
    if (!pattern.test(text)) problems.push(`"${button}": the result "${text}" does not look like ${pattern}`);
    steps.push(`${button}: ${text} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  };

  await run('Read the guest’s CPU', 'cpuinfo', /vmx: no, svm: no/, 60_000);
  await run('Time both and work out one system call', 'syscall', /\d(\.\d+)? (ns|µs|ms)/, 240_000);
  await run('Time both and work out one fresh page', 'page', /\d(\.\d+)? (ns|µs|ms)/, 240_000);
  await run('Time the loop in the guest and in JavaScript', 'compute-ratio', /slower/, 300_000);
  const mips = await cell(page, widget, 'mips');
  if (!/million/.test(mips)) problems.push(`v86's instruction count gave no guest instructions a second: "${mips}"`);
  else steps.push(`guest instructions a second: ${mips}`);
  if (!(await page.$(`${widget} [data-testid="honest-note"]`))) problems.push('no note on why the measurement differs from the model');
  const live = await cell(page, widget, 'live-summary');
  if (!/One system call/.test(live)) problems.push(`the live summary does not report the results: "${live}"`);
  await page.focus(`${widget} button:text-is("Stop the VM")`);
  await page.keyboard.press('Enter');
  return { problems, steps };
}
