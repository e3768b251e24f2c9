/**
 * The real VM in headless chromium, on a built site: Start -> shell prompt with instant start and
 * from scratch, what Start fetches, the memory of a tab running two VMs, and the noisy-neighbour
 * slowdown next to the engine's model. Figures only, no pass/fail.
 *
 *   node --import tsx bench/vm-browser.ts [BUILD_DIR]     (default ./build)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser, openPage, visit } from '../tools/browser/browser';
import { serveSite } from '../tools/browser/server';

const route = '/docs/lessons/hypervisors';
const bootTimeoutMs = 180_000;
const realVm = '[data-widget="real-vm-hypervisors"]';
const neighbour = '[data-widget="noisy-neighbour"]';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * JS and CSS the lesson page loads before any click, after scrolling through it (so its islands,
 * the VM's panel among them, have loaded), gzip-compressed here as a server would send them. What
 * loads before scrolling is in `npm run bench:site`.
 */
export async function initialWeight(browser: Browser, origin: string, at = route): Promise<{ js: number; css: number }> {
  const opened = await openPage(browser, origin);
  const bodies: Array<Promise<{ type: string; bytes: number }>> = [];
  opened.page.on('response', (r) => {
    const type = r.request().resourceType();
    if (!r.url().startsWith(origin) || (type !== 'script' && type !== 'stylesheet')) return;
    bodies.push(r.body().then((b) => ({ type, bytes: gzipSync(b).length })));
  });
  await visit(opened, new URL(at, origin).toString());
  const all = await Promise.all(bodies);
  await opened.close();
  return {
    js: all.filter((b) => b.type === 'script').reduce((s, b) => s + b.bytes, 0),
    css: all.filter((b) => b.type === 'stylesheet').reduce((s, b) => s + b.bytes, 0),
  };
}

/** The issue's goals for an instant start: a prompt within 1.5 s of Start (median), at most 5 MB over the wire. */
export const instantStartGoal = { promptMs: 1500, wireBytes: 5_000_000 };

/**
 * Presses Start in the lesson's VM with a boot mode, in a new browser context (nothing cached);
 * returns ms to the machine running (its terminal is shown) and to the prompt, the bytes fetched on
 * Start over the wire (response bodies as sent, after any content-encoding) and decoded, and how it
 * came up.
 */
async function startToPrompt(
  browser: Browser,
  origin: string,
  boot: 'saved' | 'scratch',
): Promise<{ ms: number; runningMs: number; wire: number; decoded: number; files: string[]; shown: string; resumed: boolean }> {
  const opened = await openPage(browser, origin);
  try {
    await visit(opened, new URL(route, origin).toString());
    const page = opened.page;
    await page.check(`${realVm} input[name$="-boot"][value="${boot}"]`);
    // Start is pressed on a page that has finished loading, as a reader who has read the panel does.
    await page.waitForLoadState('networkidle').catch(() => undefined);
    // Requests are noted during the run and their bodies read after it: reading a body through the
    // debugging protocol while the machine restores would slow what is measured.
    const requests: Request[] = [];
    let counting = false;
    page.on('requestfinished', (request) => {
      if (counting && request.url().startsWith(origin)) requests.push(request);
    });
    counting = true;
    const t0 = Date.now();
    await page.click(`${realVm} button:text-is("Start")`);
    // The panel names how the machine came up once the emulator has made it (the terminal shows earlier, while v86 loads).
    await page.waitForFunction((sel) => /resumed from a state saved|booting from scratch/.test(document.querySelector(sel)?.textContent ?? ''), realVm, {
      timeout: bootTimeoutMs,
      polling: 20,
    });
    const runningMs = Date.now() - t0;
    await waitForShell(page, realVm);
    const ms = Date.now() - t0;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    counting = false;
    const done = requests.map(async (request) => {
      const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
      const body = await response?.body().catch(() => null);
      return { wire: sizes.responseBodySize, decoded: body?.length ?? 0, file: new URL(request.url()).pathname.split('/').pop() ?? '' };
    });
    const fetched = await Promise.all(done);
    const shown = await page.$eval(`${realVm} [data-testid=fetched]`, (e) => e.textContent ?? '');
    const resumed = await page.$eval(`${realVm} [data-testid=serial-console]`, (e) => /resumed from a saved state/.test(e.textContent ?? ''));
    return {
      ms,
      runningMs,
      wire: fetched.reduce((t, f) => t + f.wire, 0),
      decoded: fetched.reduce((t, f) => t + f.decoded, 0),
      files: fetched.map((f) => f.file).filter((f) => f && !/\.(js|css)$/.test(f)),
      shown,
      resumed,
    };
  } finally {
    await opened.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function waitForShell(page: Page, widget: string, index = 0): Promise<void> {
  await page.waitForFunction(
    ([sel, i]) => {
      const w = document.querySelector(sel as string);
      const texts = w ? [...w.querySelectorAll('[role=progressbar]')].map((p) => p.getAttribute('aria-valuetext') ?? '') : [];
      const names = w ? [...w.querySelectorAll('p')].map((p) => p.textContent ?? '') : [];
      return texts.some((t) => /stage 4 of 4/.test(t)) || names.filter((n) => /Boot stage 4 of 4/.test(n)).length > (i as number);
    },
    [widget, index] as const,
    { timeout: bootTimeoutMs, polling: 20 },
  );
}

/** Heap and ArrayBuffer backing stores (wasm memories, images, disks) of the page, through CDP. */
async function heapUsage(page: Page): Promise<{ jsHeap: number; backing: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
  await cdp.detach();
  return { jsHeap: usage.usedSize, backing: usage.backingStorageSize ?? NaN };
}

/**
 * The largest chromium renderer process started by this bench, by proportional set size (Linux
 * /proc/PID/smaps_rollup): with one tab open, that is the tab's whole memory, wasm memories included.
 */
function largestRendererPssBytes(): number | null {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = pid, i = 0; p > 1 && i < 50; p = parent.get(p) ?? 0, i++) if (p === process.pid) return true;
    return false;
  };
  let best: number | null = null;
  for (const pid of parent.keys()) {
    try {
      if (!mine(pid) || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const kb = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1]);
      if (Number.isFinite(kb) && (best === null || kb * 1024 > best)) best = kb * 1024;
    } catch {
      // not readable or gone
    }
  }
  return best;
}

async function twoVms(browser: Browser, origin: string): Promise<string[]> {
  const out: string[] = [];
  const opened = await openPage(browser, origin);
  try {
    const page = opened.page;
    await visit(page, new URL(route, origin).toString());
    const before = await heapUsage(page);
    const beforePss = largestRendererPssBytes();
    await page.click(`${neighbour} button:text-is("Start both VMs")`);
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(`${sel} p`)].filter((p) => /Boot stage 4 of 4/.test(p.textContent ?? '')).length >= 2,
      neighbour,
      {
        timeout: bootTimeoutMs,
        polling: 500,
      },
    );
    const running = await heapUsage(page);
    const pss = largestRendererPssBytes();
    out.push(
      `tab memory, two VMs running (64 MiB each): renderer process PSS ${pss === null ? 'not readable' : mb(pss)} (Linux /proc smaps_rollup of the tab's renderer; ${beforePss === null ? '' : `${mb(beforePss)} before Start`})`,
    );
    out.push(
      `tab memory, two VMs running (64 MiB each): JS heap ${mb(running.jsHeap)} + ArrayBuffer backing stores ${mb(running.backing)} = ${mb(running.jsHeap + running.backing)}`,
    );
    out.push(
      `  (same tab before Start: JS heap ${mb(before.jsHeap)} + backing stores ${mb(before.backing)}; CDP Runtime.getHeapUsage after a forced GC; backing stores are ArrayBuffers: guest images, disks, saved states; the renderer PSS above is the figure that includes the wasm memories)`,
    );
    const cell = (id: string) => page.$eval(`${neighbour} [data-testid=${id}]`, (e) => e.textContent ?? '');
    // The widget's own robust measurement: a left-out warm-up run, then alone and with the burner
    // in turn, three rounds; medians.
    const t0 = Date.now();
    await page.click(`${neighbour} button:has-text("Measure both, interleaved")`);
    await page.waitForFunction((sel) => !/^Working/.test(document.querySelector(`${sel} [data-testid=live-summary]`)?.textContent ?? ''), neighbour, {
      timeout: bootTimeoutMs * 2,
      polling: 250,
    });
    out.push(
      `noisy neighbour, interleaved (${((Date.now() - t0) / 1000).toFixed(0)} s): loop alone ${await cell('alone')}, with the neighbour burning ${await cell('together')}`,
    );
    out.push(`noisy neighbour slowdown (median of the rounds' ratios): measured ${await cell('slowdown')}, engine model ${await cell('model-slowdown')}`);
    const status = await page.$eval(neighbour, (e) => e.querySelector('[role=status]')?.textContent ?? '');
    if (/Not done/.test(status)) out.push(`  (${status})`);
    await page.click(`${neighbour} button:text-is("Stop both VMs")`);
  } finally {
    await opened.close();
  }
  return out;
}

export async function benchVmBrowser(buildDir: string): Promise<string> {
  const server = await serveSite(buildDir, { gzip: true });
  const browser = await launchBrowser();
  const lines: string[] = [`real VM in chromium (${route}, served from ${buildDir})`];
  try {
    // Each part on its own: a failure is a line of the result, and the other figures still come.
    const part = async (name: string, run: () => Promise<void>) => {
      try {
        await run();
      } catch (error) {
        lines.push(`${name}: failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    };
    await part('lesson page weight', async () => {
      const w = await initialWeight(browser, server.origin);
      lines.push(`lesson page read to the end, before Start: JS ${kb(w.js)} gzip, CSS ${kb(w.css)} gzip (nothing of v86 or xterm)`);
    });
    await part('Start -> prompt (instant start)', async () => {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await startToPrompt(browser, server.origin, 'saved'));
      const ms = median(runs.map((r) => r.ms));
      const wire = median(runs.map((r) => r.wire));
      const r = runs[0];
      lines.push(
        `Start -> prompt, instant start (64 MiB): median ${(ms / 1000).toFixed(2)} s of ${runs.map((x) => (x.ms / 1000).toFixed(2)).join(', ')} s; goal <= ${instantStartGoal.promptMs / 1000} s: ${(instantStartGoal.promptMs / ms).toFixed(2)}x ${ms <= instantStartGoal.promptMs ? 'met' : 'NOT met'}${runs.some((x) => !x.resumed) ? ' (a run booted from scratch: no saved state was used)' : ''}`,
      );
      lines.push(
        `  of which Start -> machine created (v86 loaded and compiled, state fetched; restore follows): median ${(median(runs.map((x) => x.runningMs)) / 1000).toFixed(2)} s; the rest is the guest attaching its disk and starting the shell`,
      );
      lines.push(
        `  over the wire on an instant start: ${mb(wire)} (${(wire / 1e6).toFixed(2)} MB); goal <= ${instantStartGoal.wireBytes / 1e6} MB: ${(instantStartGoal.wireBytes / wire).toFixed(2)}x ${wire <= instantStartGoal.wireBytes ? 'met' : 'NOT met'}; ${mb(r.decoded)} decoded; files: ${r.files.join(', ')} (page says "${r.shown}")`,
      );
    });
    await part('Start -> prompt (from scratch)', async () => {
      const r = await startToPrompt(browser, server.origin, 'scratch');
      lines.push(`Start -> prompt, from scratch (64 MiB): ${(r.ms / 1000).toFixed(1)} s`);
      lines.push(`  over the wire from scratch: ${mb(r.wire)}, ${mb(r.decoded)} decoded; files: ${r.files.join(', ')}`);
    });
    await part('two VMs', async () => {
      lines.push(...(await twoVms(browser, server.origin)));
    });
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchVmBrowser(resolve(process.argv[2] ?? 'build')).then(
    (text) => console.log(text),
    (error) => {
      console.error(`bench/vm-browser: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    },
  );
}
