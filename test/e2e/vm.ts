/**
 * The real VM in a lesson page, by keyboard: nothing of the emulator loads before Start; Start
 * boots a machine; the terminal is focusable and labelled; a command typed into it gets its answer
 * (echo $((6*7)) prints 42, read from the terminal's rendered buffer).
 */
import type { Page } from 'playwright-core';

export interface VmFlow {
  problems: string[];
  steps: string[];
  /** Start pressed -> shell prompt, in ms (null when it never came). */
  bootMs: number | null;
}

/** How long a boot may take on a slow shared machine (measured ~20 s from scratch in headless chromium). */
export const vmBootTimeoutMs = 90_000;

export const realVmSelector = '[data-widget^="real-vm"]';

/** The text of the terminal's rendered rows in the widget, one string per row. */
export async function terminalRows(page: Page, widget: string): Promise<string[]> {
  return page.$$eval(`${widget} .xterm-rows > div`, (rows) => rows.map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()));
}

export async function vmFlow(page: Page): Promise<VmFlow> {
  const problems: string[] = [];
  const steps: string[] = [];
  const id = await page.$eval(realVmSelector, (el) => el.getAttribute('data-widget')).catch(() => null);
  if (!id) return { problems: [`no real VM (${realVmSelector}) on the page`], steps, bootMs: null };
  const widget = `[data-widget="${id}"]`;
  steps.push(`widget ${id}`);

  if ((await page.$$(`${widget} .xterm`)).length > 0) problems.push('a terminal is on the page before Start');
  // Chunk names are hashes: look inside every script and stylesheet loaded so far for xterm's code.
  const early = await page.evaluate(async () => {
    const urls = performance.getEntriesByType('resource').map((e) => e.name);
    const vm = urls.filter((u) => /\/vm\//.test(u));
    const xterm: string[] = [];
    for (const u of urls.filter((x) => /\.(js|css)(\?|$)/.test(x))) {
      const text = await (await fetch(u)).text();
      if (text.includes('xterm-helper-textarea')) xterm.push(u);
    }
    return { vm, xterm };
  });
  if (early.vm.length > 0) problems.push(`the page fetched VM files before Start: ${early.vm.join(', ')}`);
  if (early.xterm.length > 0) problems.push(`xterm's code is loaded before Start, in ${early.xterm.join(', ')}`);
  if (early.vm.length + early.xterm.length === 0) steps.push('before Start: no VM file fetched, xterm in none of the loaded scripts and stylesheets');

  // Start by keyboard.
  await page.focus(`${widget} button:text-is("Start")`);
  const t0 = Date.now();
  await page.keyboard.press('Enter');
  steps.push('Enter on Start');
  try {
    await page.waitForSelector(`${widget} .xterm textarea`, { timeout: 60_000 });
  } catch {
    const status = await page
      .$eval(widget, (el) => (el.querySelector('[role=status]')?.textContent ?? '') + ' / ' + (el.querySelector('[data-testid=vm-state]')?.textContent ?? ''))
      .catch(() => '');
    problems.push(`no terminal 60 s after Start (${status})`);
    return { problems, steps, bootMs: null };
  }

  // Focusable and labelled.
  const label = await page.$eval(`${widget} .xterm textarea`, (t) => t.getAttribute('aria-label'));
  if (!label || !/terminal/i.test(label)) problems.push(`the terminal's input is not labelled (aria-label=${JSON.stringify(label)})`);
  steps.push(`terminal labelled "${label}"`);

  let bootMs: number | null = null;
  try {
    await page.waitForFunction(
      (sel) => /stage 4 of 4, shell/.test(document.querySelector(`${sel} [role=progressbar]`)?.getAttribute('aria-valuetext') ?? ''),
      widget,
      {
        timeout: vmBootTimeoutMs,
        polling: 250,
      },
    );
    bootMs = Date.now() - t0;
    steps.push(`prompt after ${(bootMs / 1000).toFixed(1)} s`);
  } catch {
    const rows = (await terminalRows(page, widget)).filter(Boolean).slice(-5).join(' | ');
    problems.push(`no shell prompt within ${vmBootTimeoutMs / 1000} s of Start; terminal shows: ${rows}`);
    return { problems, steps, bootMs };
  }
  const fetched = await page.$eval(`${widget} [data-testid=fetched]`, (el) => el.textContent ?? '');
  steps.push(fetched);

  // Reach the terminal by Tab from the Start button, as a keyboard user would.
  await page.focus(`${widget} button:text-is("Start")`);
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate((sel) => document.activeElement === document.querySelector(`${sel} .xterm textarea`), widget);
  }
  if (!reached) problems.push('20 presses of Tab from Start never focused the terminal');
  else steps.push('Tab reaches the terminal');

  await page.keyboard.type('echo $((6*7))', { delay: 20 });
  await page.keyboard.press('Enter');
  steps.push('typed echo $((6*7)) and Enter');
  try {
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(`${sel} .xterm-rows > div`)].some((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim() === '42'),
      widget,
      {
        timeout: 30_000,
        polling: 250,
      },
    );
    steps.push('the terminal shows 42');
  } catch {
    const rows = (await terminalRows(page, widget)).filter(Boolean).slice(-5).join(' | ');
    problems.push(`no line "42" in the terminal 30 s after typing echo $((6*7)); last rows: ${rows}`);
  }

  // No keyboard trap: Tab belongs to the shell, Escape leaves the terminal for the next control.
  await page.focus(`${widget} .xterm textarea`);
  await page.keyboard.press('Escape');
  const after = await page.evaluate((sel) => {
    const a = document.activeElement as HTMLElement | null;
    const inTerminal = !!a && !!document.querySelector(`${sel} .xterm`)?.contains(a);
    return { inTerminal, what: a ? `${a.tagName.toLowerCase()} "${(a.textContent ?? '').trim().slice(0, 30)}"` : 'nothing' };
  }, widget);
  if (after.inTerminal) problems.push('Escape did not move focus out of the terminal (a keyboard trap)');
  else steps.push(`Escape leaves the terminal for ${after.what}`);

  // Save the machine, change it, restore: the change is gone.
  const rowsNow = async () => (await terminalRows(page, widget)).map((r) => r.trim());
  try {
    await page.click(`${widget} button:text-is("Save state")`);
    await page.waitForFunction((sel) => /^Saved state: [\d.]+ MB/.test(document.querySelector(`${sel} [data-testid=saved-state]`)?.textContent ?? ''), widget, {
      timeout: 60_000,
    });
    steps.push((await page.$eval(`${widget} [data-testid=saved-state]`, (e) => e.textContent ?? '')).split('.')[0] + '…');
    await page.focus(`${widget} .xterm textarea`);
    await page.keyboard.type('echo after-save > /tmp/mark; echo marked\n', { delay: 10 });
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(`${sel} .xterm-rows > div`)].some((r) => (r.textContent ?? '').trim() === 'marked'),
      widget,
      { timeout: 30_000 },
    );
    await page.click(`${widget} button:text-is("Restore state")`);
    await page.waitForFunction((sel) => /^restored /.test(document.querySelector(`${sel} [role=status]`)?.textContent ?? ''), widget, { timeout: 60_000 });
    steps.push('restored');
    await page.focus(`${widget} .xterm textarea`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('cat /tmp/mark || echo no-mark\n', { delay: 10 });
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(`${sel} .xterm-rows > div`)].some((r) => /^(no-mark|after-save)$/.test((r.textContent ?? '').trim())),
      widget,
      { timeout: 30_000 },
    );
    const rows = await rowsNow();
    if (rows.includes('after-save')) problems.push('after Restore state, /tmp/mark written after the save was still there');
    else steps.push('after restore, the file written after the save is gone');
  } catch (error) {
    problems.push(`save/restore: ${(error as Error).message.split('\n')[0]}; terminal: ${(await rowsNow()).filter(Boolean).slice(-4).join(' | ')}`);
  }
  return { problems, steps, bootMs };
}

/**
 * The disk experiment of the VM-lifecycle lesson, through its buttons: a file on the disk and one
 * in /tmp; after a reboot and after a stop and start the disk's file is there and /tmp's is not;
 * after terminate, a new VM has neither.
 */
export async function vmDiskFlow(page: Page, id = 'real-vm-lifecycle'): Promise<VmFlow> {
  const problems: string[] = [];
  const steps: string[] = [];
  const widget = `[data-widget="${id}"]`;
  const write = 'echo kept > /mnt/disk/note; echo lost > /tmp/note; sync';
  const read = 'cat /mnt/disk/note /tmp/note';
  const stage = () => page.$eval(`${widget} [role=progressbar]`, (p) => p.getAttribute('aria-valuetext') ?? '');
  const shell = async (what: string) => {
    await page.waitForFunction(
      (sel) => /stage 4 of 4/.test(document.querySelector(`${sel} [role=progressbar]`)?.getAttribute('aria-valuetext') ?? ''),
      widget,
      {
        timeout: vmBootTimeoutMs,
        polling: 250,
      },
    );
    steps.push(`${what}: shell`);
    // Let the shell settle (line editor, the data plane's agent) before typing into it.
    await page.waitForTimeout(3000);
  };
  const click = async (name: string) => {
    await page.click(`${widget} button:text-is("${name}")`);
    steps.push(name);
  };
  const run = async (command: string) => {
    await page.click(`${widget} button[aria-label="Run in the VM: ${command}"]`);
    steps.push(`Run in the VM: ${command}`);
  };
  /** Runs `cat` and reads what it printed about each file, from the terminal's rows. */
  const readNotes = async (): Promise<string> => {
    // Each boot shows this command once (a reboot keeps the terminal, a new machine gets a new one).
    // Right after a resume the shell may still be setting up its line editor and drop what arrives:
    // if the command is not echoed within 8 s, it is sent once more, as a reader would.
    const echoed = () =>
      page
        .waitForFunction(
          (sel) =>
            [...document.querySelectorAll(`${sel} .xterm-rows > div`)].some((r) => (r.textContent ?? '').trim().endsWith('cat /mnt/disk/note /tmp/note')),
          widget,
          { timeout: 8000 },
        )
        .then(
          () => true,
          () => false,
        );
    await run(read);
    // xterm does not redraw a terminal that is out of view: look at it, as a reader would.
    await page.$eval(`${widget} .xterm`, (e) => e.scrollIntoView({ block: 'center' }));
    if (!(await echoed())) {
      steps.push('(not echoed: sent again)');
      await run(read);
      await page.$eval(`${widget} .xterm`, (e) => e.scrollIntoView({ block: 'center' }));
    }
    await page.waitForFunction(
      (sel) => {
        const rows = [...document.querySelectorAll(`${sel} .xterm-rows > div`)].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ').trim());
        const at = rows.map((r) => r.endsWith('cat /mnt/disk/note /tmp/note')).lastIndexOf(true);
        // cat reads /tmp/note last: its line (the text, or the error) ends the output.
        return at >= 0 && rows.slice(at + 1).some((r) => r === 'lost' || r.includes("can't open '/tmp/note'"));
      },
      widget,
      { timeout: 30_000, polling: 250 },
    );
    const rows = await terminalRows(page, widget);
    const last = rows.map((r) => r.trim()).filter(Boolean);
    const at = last.lastIndexOf(last.filter((r) => r.endsWith(read)).at(-1) ?? '');
    return last.slice(at + 1).join(' / ');
  };
  const expectNotes = async (after: string, disk: boolean) => {
    const seen = await readNotes();
    const hasDisk = /(^| \/ )kept( \/ |$)/.test(seen);
    const hasTmp = /(^| \/ )lost( \/ |$)/.test(seen);
    steps.push(`after ${after}: ${seen}`);
    if (hasDisk !== disk)
      problems.push(`after ${after}, /mnt/disk/note was ${hasDisk ? 'there' : 'missing'}, expected ${disk ? 'there' : 'missing'} (terminal: ${seen})`);
    if (hasTmp) problems.push(`after ${after}, /tmp/note survived: RAM should not (terminal: ${seen})`);
  };

  try {
    await click('Start');
    await shell('start');
    await run(write);
    await page.waitForTimeout(2000);
    await click('Reboot');
    await page
      .waitForFunction((sel) => !/stage 4 of 4/.test(document.querySelector(`${sel} [role=progressbar]`)?.getAttribute('aria-valuetext') ?? ''), widget, {
        timeout: 20_000,
      })
      .catch(() => undefined);
    await shell('reboot');
    await expectNotes('reboot', true);
    await click('Stop');
    await page.waitForSelector(`${widget} [data-testid=machine-off]`, { timeout: 30_000 });
    await click('Start');
    await shell('stop and start');
    await expectNotes('stop and start', true);
    await click('Terminate');
    await page.waitForSelector(`${widget} button:text-is("Launch a new VM")`, { timeout: 30_000 });
    await click('Launch a new VM');
    await shell('a new VM after terminate');
    await expectNotes('terminate and a new VM', false);
    steps.push(await stage());
  } catch (error) {
    const rows = (await terminalRows(page, widget)).filter(Boolean).slice(-6).join(' | ');
    problems.push(`disk experiment stopped after "${steps.at(-1)}": ${(error as Error).message.split('\n')[0]}; terminal: ${rows}`);
  }
  return { problems, steps, bootMs: null };
}

/** The widget's text of the last action's outcome (ActionMessage: a status line). */
async function actionMessage(page: Page, widget: string): Promise<string> {
  return page.$eval(widget, (el) => [...el.querySelectorAll('[role=status]')].map((s) => s.textContent ?? '').join(' | '));
}

/**
 * What the real VM's panel says around its lifecycle, and whether it fits a phone: Stop before any
 * Start names what to do (not the engine's "no VM named"), the launch message gives MiB, the kernel's
 * BIOS lines are explained beside the terminal, a reboot with instant start resumes the saved boot,
 * "Typed into …" goes with the machine, Restore after Terminate does not send the reader to Start
 * (which is refused), and at 390 px the lesson keeps its width with the survival table scrolling
 * in its own labelled, focusable box.
 */
export async function vmMessagesFlow(page: Page, id = 'real-vm-lifecycle'): Promise<VmFlow> {
  const problems: string[] = [];
  const steps: string[] = [];
  const widget = `[data-widget="${id}"]`;
  const click = async (name: string) => {
    await page.click(`${widget} button:text-is("${name}")`);
    steps.push(name);
  };
  const waitMessage = async (re: RegExp) =>
    page.waitForFunction(
      ([sel, src]) =>
        new RegExp(src as string).test(
          [...document.querySelector(sel as string)!.querySelectorAll('[role=status]')].map((s) => s.textContent ?? '').join(' | '),
        ),
      [widget, re.source] as const,
      { timeout: 60_000 },
    );
  try {
    await click('Stop');
    await waitMessage(/Not done/);
    const beforeStart = await actionMessage(page, widget);
    // The engine's refusal ("no VM named lab-1") alone left the reader guessing: it must come explained.
    if (!/not launched yet/.test(beforeStart)) problems.push(`Stop before any Start says "${beforeStart}" (expected: not launched yet, Start launches it)`);
    else steps.push('Stop before Start: "not launched yet"');

    const summary = await page.$(`${widget} summary:has-text("BIOS Error")`);
    if (!summary) problems.push('nothing beside the terminal explains the kernel\'s "BIOS Error" / "BIOS bug" lines');
    else steps.push('the BIOS lines are explained');

    await click('Start');
    await waitMessage(/launched lab-1/);
    const launched = await actionMessage(page, widget);
    if (/0\.0625 GiB/.test(launched) || !/64 MiB/.test(launched)) problems.push(`the launch message gives the size as "${launched}" (expected 64 MiB)`);
    else steps.push(`"${launched.split(' | ').find((s) => /launched/.test(s))}"`);
    await page.waitForFunction(
      (sel) => /stage 4 of 4/.test(document.querySelector(`${sel} [role=progressbar]`)?.getAttribute('aria-valuetext') ?? ''),
      widget,
      { timeout: vmBootTimeoutMs, polling: 250 },
    );

    const t0 = Date.now();
    await click('Reboot');
    await page
      .waitForFunction((sel) => !/stage 4 of 4/.test(document.querySelector(`${sel} [role=progressbar]`)?.getAttribute('aria-valuetext') ?? ''), widget, {
        timeout: 20_000,
      })
      .catch(() => undefined);
    await page.waitForFunction(
      (sel) => /stage 4 of 4/.test(document.querySelector(`${sel} [role=progressbar]`)?.getAttribute('aria-valuetext') ?? ''),
      widget,
      { timeout: vmBootTimeoutMs, polling: 250 },
    );
    const consoleText = await page.$eval(`${widget} [data-testid=serial-console]`, (e) => e.textContent ?? '');
    const afterReset = consoleText.slice(consoleText.lastIndexOf('[infralab: machine reset]'));
    if (!/resumed from a saved state/.test(afterReset)) problems.push('a reboot with instant start did not resume the saved boot (it booted from scratch)');
    else steps.push(`reboot with instant start resumed the saved boot (${((Date.now() - t0) / 1000).toFixed(1)} s to the prompt)`);

    await page.waitForTimeout(2000);
    await page.click(`${widget} button[aria-label^="Run in the VM"]`);
    steps.push('Run in the VM');
    await page.waitForFunction(
      (sel) => [...document.querySelector(sel)!.querySelectorAll('[role=status]')].some((s) => /^Typed into/.test(s.textContent ?? '')),
      widget,
      { timeout: 10_000 },
    );
    await click('Terminate');
    await page.waitForSelector(`${widget} button:text-is("Launch a new VM")`, { timeout: 30_000 });
    const stale = await actionMessage(page, widget);
    if (/Typed into/.test(stale)) problems.push('"Typed into …" stays after Terminate, about a machine that is gone');
    else steps.push('no stale "Typed into" after Terminate');

    await click('Restore state');
    await waitMessage(/Not done/);
    const restore = await actionMessage(page, widget);
    if (/start it first/.test(restore)) problems.push(`Restore state after Terminate says "${restore}", though Start is refused`);
    else steps.push('Restore after Terminate does not send the reader to Start');
  } catch (error) {
    problems.push(`messages flow stopped after "${steps.at(-1)}": ${(error as Error).message.split('\n')[0]}`);
  }

  // A phone: the lesson must keep the screen's width; the table scrolls in its own box.
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    const fit = await page.evaluate(() => {
      const box = document.querySelector<HTMLElement>('[data-testid=survival-table]');
      const hint = box?.querySelector('p');
      return {
        page: document.documentElement.scrollWidth,
        box: box
          ? {
              scrolls: box.scrollWidth > box.clientWidth,
              focusable: box.tabIndex >= 0,
              label: box.getAttribute('aria-labelledby'),
              right: box.getBoundingClientRect().right,
            }
          : null,
        hint: hint ? getComputedStyle(hint).display !== 'none' : false,
      };
    });
    if (fit.page > 390) problems.push(`at 390 px the lesson is ${fit.page} px wide (something spills out of its box)`);
    else steps.push(`at 390 px the lesson is ${fit.page} px wide`);
    if (!fit.box) problems.push('no survival table box ([data-testid=survival-table])');
    else {
      if (fit.box.right > 390) problems.push(`the survival table's box ends at ${fit.box.right} px, past the 390 px screen`);
      if (fit.box.scrolls && (!fit.box.focusable || !fit.box.label))
        problems.push('the survival table scrolls, but its box is not focusable and labelled (keyboard users cannot scroll it)');
      if (fit.box.scrolls && !fit.hint) problems.push('the survival table scrolls at 390 px with no visible hint that it does');
      steps.push(`survival table ${fit.box.scrolls ? 'scrolls in its box, with a hint' : 'fits'}`);
    }
  } catch (error) {
    problems.push(`phone check: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  return { problems, steps, bootMs: null };
}

/**
 * The noisy-neighbour pair, by keyboard: a step button pressed with Enter keeps the focus while it
 * cannot be pressed again (not dropped to <body>); the interleaved measurement gives medians of three
 * runs; and a measured slowdown far below the engine's model is never shown without its explanation.
 */
export async function neighbourFlow(page: Page, id = 'noisy-neighbour'): Promise<VmFlow> {
  const problems: string[] = [];
  const steps: string[] = [];
  const widget = `[data-widget="${id}"]`;
  const focused = () =>
    page.evaluate(() =>
      document.activeElement === document.body
        ? 'body'
        : `${document.activeElement?.tagName.toLowerCase()} "${(document.activeElement?.textContent ?? '').trim()}"`,
    );
  const idle = () =>
    page.waitForFunction((sel) => !/^Working/.test(document.querySelector(`${sel} [data-testid=live-summary]`)?.textContent ?? ''), widget, {
      timeout: 600_000,
      polling: 250,
    });
  try {
    await page.click(`${widget} button:text-is("Start both VMs")`);
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(`${sel} p`)].filter((p) => /Boot stage 4 of 4/.test(p.textContent ?? '')).length >= 2,
      widget,
      { timeout: vmBootTimeoutMs * 2, polling: 500 },
    );
    steps.push('both VMs at their shells');
    for (const label of ['Start the CPU burner in noisy-1', 'Stop the burner']) {
      const button = `${widget} button:text-is("${label}")`;
      await page.waitForFunction(
        ([sel, text]) =>
          [...document.querySelectorAll(`${sel} button`)].find((b) => (b.textContent ?? '').trim() === text)?.getAttribute('aria-disabled') === 'false',
        [widget, label] as const,
        { timeout: 30_000 },
      );
      await page.focus(button);
      await page.keyboard.press('Enter');
      await idle();
      const now = await focused();
      if (now === 'body') problems.push(`focus dropped to <body> after pressing "${label}"`);
      else steps.push(`after "${label}" focus is on ${now}`);
    }
    await page.focus(`${widget} button:has-text("Measure both, interleaved")`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(500);
    await idle();
    if ((await focused()) === 'body') problems.push('focus dropped to <body> during the interleaved measurement');
    const cells = await page.$$eval(`${widget} [data-testid]`, (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-testid'), e.textContent ?? ''])),
    );
    steps.push(`alone ${cells.alone}; together ${cells.together}; slowdown ${cells.slowdown} (model ${cells['model-slowdown']})`);
    for (const k of ['alone', 'together'])
      if (!/median of [\d.]+, [\d.]+, [\d.]+; interleaved/.test(cells[k] ?? ''))
        problems.push(`the ${k} figure is not a median of three interleaved runs: "${cells[k]}"`);
    const measured = Number.parseFloat(cells.slowdown ?? '');
    const model = Number.parseFloat(cells['model-slowdown'] ?? '');
    if (Number.isFinite(measured) && measured < model * 0.75 && !cells['why-not-slower'])
      problems.push(`a slowdown of ${measured}× against the model's ${model}× is shown without its explanation`);
    await page.click(`${widget} button:text-is("Stop both VMs")`);
  } catch (error) {
    problems.push(`noisy neighbour stopped after "${steps.at(-1)}": ${(error as Error).message.split('\n')[0]}`);
  }
  return { problems, steps, bootMs: null };
}
