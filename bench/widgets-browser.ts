/**
 * Widgets in headless chromium, on a built site, as a reader uses them, by keyboard with a reader's
 * pauses between changes: the AZ failure lab with its design set to 1 000 VMs, then changed (the
 * service's minimum up and down, the database's copies, the group on and off); the region explorer's
 * users moved from city to city (each move re-sorts the table and redraws the map); the elasticity
 * lab's plans changed by arrow keys in their number fields (each change runs that plan's day in the
 * engine); the type 1 hypervisor lab's and the lifecycle explorer's virtual time moved on by their
 * buttons, with a host full of VMs and a launched VM.
 * For each change, the main thread's work
 * from the key press until the next one, read from chromium's trace: its longest task (no frame can
 * paint during a task) in wall and in CPU time; the script in it apart from the browser drawing the
 * frame (style, layout, paint, which the whole lesson page costs whatever the lab holds); garbage
 * collection; and the key's events as the Event Timing API sees them. Figures against the widget
 * goal (8 ms), no pass/fail. Wall time on a busy machine includes waiting for a core: read CPU time.
 *
 * Then `reach`: what a reader waits for an island's code when they first reach for it (reachFigures).
 *
 *   node --import tsx bench/widgets-browser.ts [BUILD_DIR] [az|regions|elasticity|hypervisor|lifecycle|reach]     (default ./build, all)
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, visit, type OpenedPage } from '../tools/browser/browser';
import { serveSite } from '../tools/browser/server';
import { createRandom } from '@site/sim';
import type { Figure } from './engine';
import { format, percentile, round } from './format';

const route = '/docs/lessons/availability-zones';
const lab = '[data-widget="az-failure-lab-multi-az"]';
const regionsRoute = '/docs/lessons/regions';
const infrastructureRoute = '/docs/lessons/infrastructure';
const hypervisorsRoute = '/docs/lessons/hypervisors';
const hypervisorLab = '[data-widget="hypervisor-lab-type1"]';
const lifecycleRoute = '/docs/lessons/vm-lifecycle';
const lifecycle = '[data-widget="lifecycle-explorer"]';
const elasticity = '[data-widget="elasticity-lab"]';
const explorer = '[data-widget="region-explorer"]';
const vms = 1000;
const changes = 30;
const goalMs = 8;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time over the event: on a machine shared with other work, wall time includes waiting for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { message?: string } };
}

/** The trace's events, once tracing has ended. */
async function collectTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolveDone) => cdp.once('Tracing.tracingComplete', () => resolveDone()));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** The renderer's main thread: the thread named CrRendererMain of the process that ran the page's marks. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('change-'));
  if (!mark) throw new Error('widgets-browser: the trace has no change marks');
  return { pid: mark.pid, tid: mark.tid };
}

/** What started a task: the key's events, an idle callback (the record going on), or anything else (React's deferred render, a frame). */
type TaskKind = 'input' | 'idle' | 'other';

/** The browser drawing a frame (style, layout, paint): its cost follows the page, not the engine. */
const rendering = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'HitTest']);

interface Change {
  /** The longest task, wall time. */
  longestTaskMs: number;
  /** The longest task in the main thread's CPU time (wall time also counts waiting for a core on a busy machine). */
  longestTaskCpuMs: number;
  /** Per kind of task, the most CPU time spent running script (the task less the frame it drew, if any). */
  scriptCpuMs: Record<TaskKind, number>;
  /** The most CPU time a task spent drawing a frame. */
  renderingCpuMs: number;
  gcMs: number;
}

const cpuMs = (e: TraceEvent) => (e.tdur ?? e.dur!) / 1000;

const marked = (prefix: string) => (e: TraceEvent) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith(prefix) === true;

/**
 * Each change's window: from its mark, set once the control has focus, to the mark set before the
 * next control is focused (moving the focus is the harness's, not the change's).
 */
function changesIn(events: TraceEvent[]): Change[] {
  const { pid, tid } = mainThread(events);
  const on = events.filter((e) => e.pid === pid && e.tid === tid);
  const marks = on.filter(marked('change-')).map((e) => e.ts);
  const ends = on.filter(marked('end-')).map((e) => e.ts);
  const timed = on.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const tasks = timed.filter((e) => e.name === 'RunTask');
  const gcs = timed.filter((e) => e.name === 'MinorGC' || e.name === 'MajorGC');
  return marks.map((from, i) => {
    const to = ends[i];
    const inside = (e: TraceEvent) => e.ts + e.dur! >= from && e.ts < to;
    const change: Change = { longestTaskMs: 0, longestTaskCpuMs: 0, scriptCpuMs: { input: 0, idle: 0, other: 0 }, renderingCpuMs: 0, gcMs: 0 };
    for (const task of tasks.filter(inside)) {
      const within = timed.filter((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + task.dur!);
      const kind: TaskKind = within.some((e) => e.name === 'EventDispatch') ? 'input' : within.some((e) => e.name === 'FireIdleCallback') ? 'idle' : 'other';
      const drawing = within.filter((e) => rendering.has(e.name)).reduce((sum, e) => sum + cpuMs(e), 0);
      change.longestTaskMs = Math.max(change.longestTaskMs, task.dur! / 1000);
      change.longestTaskCpuMs = Math.max(change.longestTaskCpuMs, cpuMs(task));
      change.scriptCpuMs[kind] = Math.max(change.scriptCpuMs[kind], cpuMs(task) - drawing);
      change.renderingCpuMs = Math.max(change.renderingCpuMs, drawing);
    }
    change.gcMs = gcs.filter(inside).reduce((sum, g) => sum + g.dur! / 1000, 0);
    return change;
  });
}

/** A key pressed on a control: one change. */
interface KeyChange {
  control: Locator;
  key: string;
}

/** The reader's changes, in order: each a key pressed on one of the design's controls. */
function readerChanges(page: Page): KeyChange[] {
  const within = page.locator(lab);
  const min = within.getByLabel('Service needs serving', { exact: true });
  // A select's name includes its chosen option: found by one of its options instead.
  const database = within.locator('select:has(option[value="standby+replica"])');
  const group = within.getByLabel('In a group (replaces failed VMs)', { exact: true });
  const out: KeyChange[] = [];
  for (let i = 0; i < changes; i++) {
    const cycle = Math.floor(i / 3);
    if (i % 3 === 0) out.push({ control: min, key: cycle % 2 ? 'ArrowDown' : 'ArrowUp' });
    else if (i % 3 === 1) out.push({ control: database, key: cycle % 2 ? 'ArrowUp' : 'ArrowDown' });
    else out.push({ control: group, key: 'Space' });
  }
  return out;
}

async function settle(page: Page, text: RegExp): Promise<void> {
  await page.waitForFunction(
    ({ sel, source }) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''),
    { sel: lab, source: text.source },
    { timeout: 60_000, polling: 50 },
  );
}

function medianAndP95(name: string, samples: number[]): Figure[] {
  const target = { value: goalMs, better: 'lower' as const };
  return [
    { name: `${name} (median of ${samples.length})`, value: round(percentile(samples, 0.5)), unit: 'ms', target },
    { name: '  ... p95', value: round(percentile(samples, 0.95)), unit: 'ms', target },
  ];
}

interface EventTimingSeen {
  name: string;
  interaction: number;
  processingMs: number;
  durationMs: number;
}

/** Event Timing in the page: every event of 16 ms or more from now on, kept until read. */
async function watchEventTimings(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Array<{ name: string; interaction: number; processingMs: number; durationMs: number }> = [];
    (window as unknown as { __eventTimings: typeof seen }).__eventTimings = seen;
    new PerformanceObserver((list) => {
      // interactionId: the key press an event belongs to (in chromium; not yet in TypeScript's DOM types).
      for (const e of list.getEntries() as Array<PerformanceEventTiming & { interactionId: number }>) {
        seen.push({ name: e.name, interaction: e.interactionId, processingMs: e.processingEnd - e.processingStart, durationMs: e.duration });
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
  });
}

/**
 * The changes made one after another under chromium's trace, each between two marks with a reader's
 * pause after it; the page is closed after (its problems, if any, thrown).
 */
async function traceChanges(opened: OpenedPage, keyChanges: KeyChange[]): Promise<{ per: Change[]; timings: EventTimingSeen[] }> {
  const page = opened.page;
  await watchEventTimings(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'].join(','),
    transferMode: 'ReportEvents',
  });
  const random = createRandom(95);
  for (const [i, change] of keyChanges.entries()) {
    await change.control.focus();
    await page.evaluate((n) => console.timeStamp(`change-${n}`), i);
    await page.keyboard.press(change.key);
    await page.waitForTimeout(random.int(300, 500));
    await page.evaluate((n) => console.timeStamp(`end-${n}`), i);
  }
  const events = await collectTrace(cdp);
  const timings = await page.evaluate(() => (window as unknown as { __eventTimings: EventTimingSeen[] }).__eventTimings);
  const problems = opened.problems;
  await opened.close();
  if (problems.length) throw new Error(`widgets-browser: the page had problems:\n${problems.join('\n')}`);
  const per = changesIn(events);
  if (per.length !== keyChanges.length) throw new Error(`widgets-browser: ${per.length} change windows in the trace, expected ${keyChanges.length}`);
  return { per, timings };
}

/** The figures of one widget's changes; `scripts` names the kinds of task the widget runs besides the key press's. */
function changeFigures(name: string, per: Change[], timings: EventTimingSeen[], scripts: Partial<Record<Exclude<TaskKind, 'input'>, string>>): Figure[] {
  // The key presses (interactions) that gave an event of 16 ms or more: keydown, input, change, keyup.
  const keyEvents = timings.filter((t) => t.interaction > 0 || /^input$|^change$/.test(t.name));
  const interactions = new Set(keyEvents.filter((t) => t.interaction > 0).map((t) => t.interaction)).size;
  return [
    ...medianAndP95(
      `${name}: longest main-thread task, wall`,
      per.map((c) => c.longestTaskMs),
    ),
    ...medianAndP95(
      '  ... the same in CPU time',
      per.map((c) => c.longestTaskCpuMs),
    ),
    ...medianAndP95(
      '  ... script of the key press (events, urgent render), CPU',
      per.map((c) => c.scriptCpuMs.input),
    ),
    ...(Object.entries(scripts) as Array<[Exclude<TaskKind, 'input'>, string]>).flatMap(([kind, label]) =>
      medianAndP95(
        `  ... ${label}, CPU`,
        per.map((c) => c.scriptCpuMs[kind]),
      ),
    ),
    ...medianAndP95(
      '  ... the browser drawing a frame (style, layout, paint), CPU',
      per.map((c) => c.renderingCpuMs),
    ),
    ...medianAndP95(
      '  ... garbage collection, all tasks',
      per.map((c) => c.gcMs),
    ),
    { name: `${name}: key presses with an event of 16 ms or more (Event Timing)`, value: interactions, unit: `of ${per.length}` },
    ...(keyEvents.length
      ? [
          { name: '  ... their longest processing', value: round(Math.max(...keyEvents.map((t) => t.processingMs))), unit: 'ms' },
          { name: '  ... their longest duration to next paint', value: round(Math.max(...keyEvents.map((t) => t.durationMs))), unit: 'ms' },
        ]
      : []),
  ];
}

/** A widget on its lesson, scrolled into view and live (its island's code loaded in place of the server HTML). */
interface LiveWidget {
  opened: OpenedPage;
  page: Page;
  widget: Locator;
}

/** Serves the build, opens `route` in chromium and runs `measure` on the widget `selector` once it is live; closes all after. */
async function onLiveWidget(buildDir: string, route: string, selector: string, measure: (w: LiveWidget) => Promise<Figure[]>): Promise<Figure[]> {
  const site = await serveSite(buildDir);
  const browser = await launchBrowser();
  try {
    const opened = await openPage(browser, site.origin);
    const page = opened.page;
    await visit(opened, new URL(route, site.origin).toString());
    const widget = page.locator(selector);
    await widget.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // Its island loads when the reader reaches for it: the pointer over it.
    await widget.hover({ position: { x: 4, y: 4 } });
    await page.locator(`[data-island-state="live"] ${selector}`).waitFor({ timeout: 60_000 });
    return await measure({ opened, page, widget });
  } finally {
    await browser.close();
    await site.close();
  }
}

/** `changes` key presses on the controls in turn, the key of each from its index. */
function inTurn(controls: Locator[], key: (i: number) => string): KeyChange[] {
  return Array.from({ length: changes }, (_, i) => ({ control: controls[i % controls.length], key: key(i) }));
}

export function azFailureLabBrowserFigures(buildDir: string): Promise<Figure[]> {
  return onLiveWidget(buildDir, route, lab, async ({ opened, page, widget }) => {
    await widget.getByLabel('Web VMs', { exact: true }).fill(String(vms));
    await settle(page, new RegExp(`of ${vms} VMs serving`));
    // A reader reads the new design's run before changing it: idle time records it.
    await page.waitForTimeout(3000);
    const { per, timings } = await traceChanges(opened, readerChanges(page));
    return changeFigures(`AZ failure lab in chromium, ${vms} VMs: design change`, per, timings, {
      other: 'script of the deferred render (new run at 0:00)',
      idle: 'script of an idle callback (recording on)',
    });
  });
}

/**
 * The region explorer (regions lesson), its users moved by keyboard from city to city down the list
 * and back: each move re-ranks every region by round trip, re-sorts the table and redraws the map.
 */
export function regionExplorerBrowserFigures(buildDir: string): Promise<Figure[]> {
  return onLiveWidget(buildDir, regionsRoute, explorer, async ({ opened, widget }) => {
    // The world's outlines are fetched once the explorer is live.
    await widget.locator('svg[data-land="loaded"]').waitFor({ timeout: 60_000 });
    // A select's name includes its chosen option: found by one of its options instead.
    const users = widget.locator('select:has(option[value="berlin"])');
    const { per, timings } = await traceChanges(
      opened,
      inTurn([users], (i) => (i < changes / 2 ? 'ArrowDown' : 'ArrowUp')),
    );
    return changeFigures('Region explorer in chromium: users moved to the next city', per, timings, { other: 'script of any other task' });
  });
}

/**
 * The elasticity lab (infrastructure lesson), its plans changed by arrow keys in their number fields,
 * in turn: the owned VMs, the rented group's most VMs and its target per VM. Each change runs that
 * plan's simulated day in the engine.
 */
export function elasticityLabBrowserFigures(buildDir: string): Promise<Figure[]> {
  return onLiveWidget(buildDir, infrastructureRoute, elasticity, async ({ opened, page, widget }) => {
    const fields = ['VMs, all day', 'At most', 'Target rps per VM'].map((label) => widget.getByLabel(label, { exact: true }));
    await page.waitForTimeout(1000);
    const { per, timings } = await traceChanges(
      opened,
      inTurn(fields, (i) => (Math.floor(i / fields.length) % 2 ? 'ArrowDown' : 'ArrowUp')),
    );
    return changeFigures("Elasticity lab in chromium: a plan's number changed", per, timings, { other: 'script of any other task' });
  });
}

/**
 * The type 1 hypervisor lab (hypervisors lesson): its host filled with 16 VMs by the Create form, then
 * virtual time moved on by its buttons (+10 s, +1 min, +10 min in turn), each press stepping the
 * engine and redrawing the host.
 */
export function hypervisorLabBrowserFigures(buildDir: string): Promise<Figure[]> {
  return onLiveWidget(buildDir, hypervisorsRoute, hypervisorLab, async ({ opened, page, widget }) => {
    // One 1-vCPU, 1 GiB VM per core: the host (16 cores) full without overcommit.
    await widget.locator('input[id$="-vcpu"]').fill('1');
    await widget.locator('input[id$="-memory"]').fill('1');
    await widget.locator('input[id$="-count"]').fill('16');
    await widget.getByRole('button', { name: 'Create', exact: true }).click();
    await widget.getByTestId('live-summary').filter({ hasText: '16 VMs' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    const buttons = ['+10 s', '+1 min', '+10 min'].map((name) => widget.getByRole('button', { name, exact: true }));
    const { per, timings } = await traceChanges(
      opened,
      inTurn(buttons, () => 'Enter'),
    );
    return changeFigures('Hypervisor lab in chromium, 16 VMs (a full host): virtual time moved on', per, timings, { other: 'script of any other task' });
  });
}

/** The lifecycle explorer (vm-lifecycle lesson): a VM launched, then virtual time moved on by +1 min and +1 h in turn. */
export function lifecycleExplorerBrowserFigures(buildDir: string): Promise<Figure[]> {
  return onLiveWidget(buildDir, lifecycleRoute, lifecycle, async ({ opened, page, widget }) => {
    await widget.getByRole('button', { name: 'Launch', exact: true }).click();
    await page.waitForTimeout(1000);
    const buttons = ['+1 min', '+1 h'].map((name) => widget.getByRole('button', { name, exact: true }));
    const { per, timings } = await traceChanges(
      opened,
      inTurn(buttons, () => 'Enter'),
    );
    return changeFigures('Lifecycle explorer in chromium, a launched VM: virtual time moved on', per, timings, { other: 'script of any other task' });
  });
}

/** Lessons whose islands the reach bench reaches for, in turn. */
const reachRoutes = [
  '/docs/lessons/infrastructure',
  '/docs/lessons/regions',
  route,
  '/docs/lessons/virtualization',
  hypervisorsRoute,
  lifecycleRoute,
  '/docs/lessons/cpu-virtualization',
  '/docs/lessons/capstone',
];

/** Lighthouse's mobile preset: a mid-range phone (CPU 4x slower) on slow 4G (150 ms, 1.6 Mbps down, 750 kbps up). */
const slow4g = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/**
 * What a reader waits when they reach for an island (src/components/Island loads one when a pointer
 * comes over it or focus goes in): each lesson read to the end first, then a pointer over each island
 * in turn, the time from the pointer to the live component. The first island of a lesson also loads
 * what the lesson's islands share (the engine, zod); the next ones their own code. Unthrottled
 * (this machine, a local server) and as Lighthouse's mobile preset (slow 4G, CPU 4x slower).
 */
export async function reachFigures(buildDir: string): Promise<Figure[]> {
  const site = await serveSite(buildDir, { gzip: true });
  const browser = await launchBrowser();
  const first: Record<string, number[]> = { fast: [], slow: [] };
  const later: Record<string, number[]> = { fast: [], slow: [] };
  const rows: string[] = [];
  try {
    for (const condition of ['fast', 'slow'] as const) {
      for (const lesson of reachRoutes) {
        const opened = await openPage(browser, site.origin);
        try {
          const page = opened.page;
          await visit(opened, new URL(lesson, site.origin).toString(), { use: false });
          if (condition === 'slow') {
            const cdp = await page.context().newCDPSession(page);
            await cdp.send('Network.enable');
            await cdp.send('Network.emulateNetworkConditions', slow4g);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          }
          const islands = page.locator('[data-island]');
          const times: string[] = [];
          for (let i = 0; i < (await islands.count()); i++) {
            const island = islands.nth(i);
            const name = await island.getAttribute('data-island');
            // The pointer out of the way first (on the navbar): a page scrolled under it would reach the next island.
            await page.mouse.move(1, 1);
            await island.evaluate((el) => el.scrollIntoView({ block: 'center' }));
            if ((await island.getAttribute('data-island-state')) !== 'pending') continue;
            // Time in the page, from the pointer's event to the island's state turning live.
            const waited = island.evaluate(
              (el) =>
                new Promise<number>((done) => {
                  let t0 = 0;
                  el.addEventListener('pointerover', () => (t0 ||= performance.now()), { capture: true, once: true });
                  // The live component's wrapper is a new element in the server HTML's place.
                  const parent = el.parentElement!;
                  const at = Array.from(parent.children).indexOf(el);
                  new MutationObserver((_, observer) => {
                    if (parent.children[at]?.getAttribute('data-island-state') !== 'live') return;
                    observer.disconnect();
                    done(performance.now() - t0);
                  }).observe(parent, { childList: true });
                }),
            );
            await island.hover({ position: { x: 4, y: 4 } });
            const ms = await waited;
            (times.length === 0 ? first : later)[condition].push(ms);
            times.push(`${name} ${Math.round(ms)}`);
          }
          rows.push(`${condition === 'fast' ? 'unthrottled' : 'slow 4G, CPU 4x'} ${lesson}: ${times.join(', ')} ms`);
          console.log(`# ${rows.at(-1)}`);
        } finally {
          await opened.close();
        }
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const figure = (name: string, samples: number[]): Figure[] => [
    { name: `${name}, median`, value: Math.round(percentile(samples, 0.5)), unit: 'ms' },
    { name: `${name}, max`, value: Math.round(Math.max(...samples)), unit: 'ms' },
  ];
  return [
    ...figure("Reaching for a lesson's first island (unthrottled): pointer to live", first.fast),
    ...figure('Reaching for a later island (unthrottled): pointer to live', later.fast),
    ...figure("Reaching for a lesson's first island (slow 4G, CPU 4x): pointer to live", first.slow),
    ...figure('Reaching for a later island (slow 4G, CPU 4x): pointer to live', later.slow),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const buildDir = resolve(process.argv[2] ?? join(__dirname, '..', 'build'));
  if (!existsSync(join(buildDir, 'index.html'))) {
    console.log(`skipped: no build in ${buildDir} (run npm run build first)`);
  } else {
    const which = process.argv[3];
    const benches = {
      az: azFailureLabBrowserFigures,
      regions: regionExplorerBrowserFigures,
      elasticity: elasticityLabBrowserFigures,
      hypervisor: hypervisorLabBrowserFigures,
      lifecycle: lifecycleExplorerBrowserFigures,
      reach: reachFigures,
    };
    if (which !== undefined && !(which in benches))
      throw new Error(`widgets-browser: unknown widget "${which}"; expected one of ${Object.keys(benches).join(', ')}`);
    (async () => {
      for (const figures of which ? [benches[which as keyof typeof benches]] : Object.values(benches)) {
        for (const f of await figures(buildDir)) console.log(format(f));
      }
    })().catch((e) => {
      console.error(e);
      process.exitCode = 1;
    });
  }
}
