/**
 * One Debian chromium for the whole suite, and pages that record what went wrong while they were
 * open: console errors, uncaught exceptions, failed or 4xx/5xx same-origin requests, requests that
 * leave the site, and dialogs (which are dismissed: a dialog is an injected script's signature).
 */
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Request } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

export interface OpenedPage {
  context: BrowserContext;
  /** The page (a new one after `renew`: read it from here each time, never keep it). */
  readonly page: Page;
  /** Every problem recorded so far, in the order seen, one line each. */
  problems: string[];
  /** The problems recorded since `mark` (a former `problems.length`). */
  problemsSince(mark: number): string[];
  /** Closes the page (a renderer that stopped answering goes with it) and opens a new one in the same context. */
  renew(): Promise<void>;
  close(): Promise<void>;
}

function shortUrl(url: string, origin: string): string {
  return url.startsWith(origin) ? url.slice(origin.length) || '/' : url;
}

const debuggers = new WeakMap<Page, CDPSession>();

/** Whether the promise settles (resolving; a rejection is rethrown) within `ms`. */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A fresh context (axe needs one: `browser.newPage()` pages are not enough) with recorders. */
export async function openPage(
  browser: Browser,
  origin: string,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', viewport: options.viewport ?? { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  // tsx compiles this suite with esbuild's keepNames, which wraps functions declared inside
  // page.evaluate callbacks in `__name(...)`; the page needs that helper to run them.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const problems: string[] = [];
  const newRecordedPage = async (): Promise<Page> => {
    const page = await context.newPage();
    // The debugger is on from the start, so a page whose script never yields can be paused and its stack read
    // (Debugger.pause interrupts running script; enabling it then would wait behind that script). Breakpoints
    // are off: a `debugger;` statement in a library must not stop the page.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Debugger.enable');
    await cdp.send('Debugger.setBreakpointsActive', { active: false });
    debuggers.set(page, cdp);
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const at = m.location();
      problems.push(`console error: ${m.text()}${at.url ? ` (at ${shortUrl(at.url, origin)}:${at.lineNumber})` : ''}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.name}: ${e.message}`));
    // Which navigation of the page each request belongs to: a request the page's next navigation (a
    // reload, a link) cuts short is not a failure a reader meets.
    let navigations = 0;
    const startedIn = new WeakMap<Request, number>();
    page.on('request', (r) => {
      let main = false;
      try {
        main = r.isNavigationRequest() && r.frame() === page.mainFrame();
      } catch {
        // A service worker's request has no frame.
      }
      if (main) navigations++;
      else startedIn.set(r, navigations);
    });
    page.on('requestfailed', (r) => {
      if (!r.url().startsWith(origin)) return;
      const aborted = r.failure()?.errorText === 'net::ERR_ABORTED';
      if (aborted && !r.isNavigationRequest() && (startedIn.get(r) ?? navigations) < navigations) return;
      // A route prefetch (<link rel="prefetch">, type "other", added in idle time) that a reload or
      // navigation cuts short is not a failure a reader meets: the chunk loads when it is needed.
      if (r.resourceType() === 'other' && aborted && /\/assets\/js\/[^/]+\.js$/.test(r.url())) return;
      problems.push(`request failed: ${r.method()} ${shortUrl(r.url(), origin)} (${r.resourceType()}): ${r.failure()?.errorText ?? 'unknown error'}`);
    });
    page.on('response', (r) => {
      if (r.status() < 400 || !r.url().startsWith(origin)) return;
      problems.push(`HTTP ${r.status()}: ${r.request().method()} ${shortUrl(r.url(), origin)} (${r.request().resourceType()})`);
    });
    page.on('request', (r) => {
      const url = r.url();
      if (/^https?:/.test(url) && !url.startsWith(origin)) problems.push(`request leaves the site: ${r.method()} ${url} (${r.resourceType()})`);
    });
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.type()} "${d.message()}"`);
      d.dismiss().catch(() => undefined);
    });
    return page;
  };
  let page = await newRecordedPage();
  const opened: OpenedPage = {
    context,
    get page() {
      return page;
    },
    problems,
    problemsSince: (mark) => problems.slice(mark),
    async renew() {
      const old = page;
      // Closing the target lets the browser end its renderer even when that renderer answers nothing.
      await settlesWithin(
        old.close({ runBeforeUnload: false }).catch(() => undefined),
        15_000,
      );
      page = await newRecordedPage();
    },
    close: () => context.close(),
  };
  return opened;
}

/**
 * The script stack a page is running now (top first, one line per frame), read by pausing it for a moment; null if
 * it could not be paused within 5 s (no script ran in that time, or the renderer answers nothing).
 */
export async function runningStack(page: Page): Promise<string[] | null> {
  const cdp = debuggers.get(page);
  if (!cdp) return null;
  const origin = new URL(page.url()).origin;
  let stack: string[] | null = null;
  const paused = new Promise<void>((resolve) => {
    cdp.once('Debugger.paused', (e) => {
      stack = e.callFrames.map(
        (f) => `${f.functionName || '(anonymous)'} ${f.url.replace(origin, '')}:${f.location.lineNumber + 1}:${(f.location.columnNumber ?? 0) + 1}`,
      );
      resolve();
    });
  });
  // Every command is bounded: a renderer blocked outside script answers none of them.
  await settlesWithin(
    cdp.send('Debugger.pause').catch(() => undefined),
    5_000,
  );
  await settlesWithin(paused, 5_000);
  if (stack)
    await settlesWithin(
      cdp.send('Debugger.resume').catch(() => undefined),
      5_000,
    );
  return stack;
}

/** Whether the page's main thread runs a trivial script within 5 s. */
async function answers(page: Page): Promise<boolean> {
  return settlesWithin(
    page.evaluate(() => 1).catch(() => undefined),
    5_000,
  );
}

/**
 * Loads a route and waits until React has hydrated it and the network is quiet (lazy chunks,
 * prefetches). Returns the document's HTTP status. Pass the OpenedPage (not its page) where a
 * renderer that stops answering may be replaced by a new page (read `opened.page` afterwards).
 */
export async function visit(target: Page | OpenedPage, url: string, options: HydrationOptions = {}): Promise<number> {
  // Only the OpenedPage's holder reads the new page after a renewal; a bare page is never replaced.
  const opened = 'renew' in target ? target : undefined;
  const page = () => ('renew' in target ? target.page : target);
  const attempt = async (): Promise<number> => {
    const response = await page().goto(url, { waitUntil: 'load', timeout: 30_000 });
    await waitForHydration(page(), options);
    return response?.status() ?? 0;
  };
  let reloads = 0;
  let renewals = 0;
  for (;;) {
    let status = 0;
    let failure: unknown = null;
    const work = attempt().then(
      (s) => {
        status = s;
      },
      (e: unknown) => {
        failure = e;
      },
    );
    // A load, hydration and scroll-through takes seconds; bound it so a page that stops answering is seen,
    // and give up early on one that has answered nothing for 30 s.
    const outcome = await settlesOrFallsSilent(work, page, 120_000, 30_000);
    if (outcome === 'settled' && failure === null) return status;
    if (outcome === 'settled' && !/Timeout \d+ms exceeded/.test(String(failure))) throw failure;
    // The page did not finish. If it still answers, it was slow: load it once more. If not, either its script never
    // yields (a defect in the page: fail, with the stack), or chromium's renderer stopped answering while running no
    // script at all (seen on this machine under load, about 1 load in 30 at a load average of 11: the renderer's main
    // thread waits in native code, idle, for minutes). That one is the browser's, not the page's: the page is opened
    // in a new tab, up to three times.
    const what = outcome === 'settled' ? String(failure).split('\n')[0] : outcome === 'silent' ? 'no answer for 30 s' : 'not finished in 120 s';
    if (await answers(page())) {
      if (++reloads >= 2) throw new Error(`${url} did not finish loading (${what}), twice`);
      console.error(`# visit: ${url.slice(0, 160)}: ${what}; the page answers: loading it once more`);
      continue;
    }
    const stack = await runningStack(page());
    if (stack) throw new Error(`${url} did not finish loading (${what}): its script never yields, running\n${stack.slice(0, 25).join('\n')}`);
    if (!opened || renewals >= 3)
      throw new Error(`${url}: chromium's renderer stopped answering (${what}) and runs no script${opened ? `, ${renewals + 1} times` : ''}`);
    renewals++;
    console.error(
      `# visit: ${url.slice(0, 160)}: chromium's renderer stopped answering (${what}) and runs no script; opening the page in a new tab (${renewals} of 3)`,
    );
    await opened.renew();
  }
}

/**
 * Waits for `work` up to `ms`. Every 10 s that it is not done, asks the page for an answer; a page
 * that has answered nothing for `silentMs` in a row is given up on early.
 */
async function settlesOrFallsSilent(work: Promise<unknown>, page: () => Page, ms: number, silentMs: number): Promise<'settled' | 'timeout' | 'silent'> {
  const deadline = Date.now() + ms;
  let silentSince: number | null = null;
  while (Date.now() < deadline) {
    if (await settlesWithin(work, Math.min(10_000, Math.max(0, deadline - Date.now())))) return 'settled';
    if (await answers(page())) silentSince = null;
    else if (Date.now() - (silentSince ??= Date.now()) >= silentMs) return 'silent';
  }
  return (await settlesWithin(work, 0)) ? 'settled' : 'timeout';
}

/** How `waitForHydration` (and `visit`, which calls it) waits: network idle after (default), islands used (default). */
export interface HydrationOptions {
  idle?: boolean;
  use?: boolean;
}

/** Islands and diagrams still waiting for their code (src/components/Island, src/theme/Mermaid). */
const stillLoading = '[data-island-state="pending"], .il-mermaid-pending';

/**
 * Waits for the page to hydrate, then scrolls through it once, as a reader would, so content that
 * loads near the viewport (diagrams) is there for the checks, and back to the top. Islands load
 * when the reader reaches for them: unless `use` is false, a pointer is moved over each (a
 * `pointerover`, as a mouse entering it makes) and the wait is also for every island to be live.
 * `use: false` is the reader who only reads (`npm run bench:site` weighs that page).
 */
export async function waitForHydration(page: Page, options: HydrationOptions = {}): Promise<void> {
  const use = options.use !== false;
  await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true', null, { timeout: 20_000 });
  const stuck = await page.evaluate(
    async ({ loading, use }) => {
      const waiting = use ? loading : '.il-mermaid-pending';
      const late: string[] = [];
      // A page whose viewport is not laid out yet can report innerHeight 0: never step by less than
      // 400 px (a step of 0 never ends), and never more than 500 steps.
      const step = Math.max(window.innerHeight, 400);
      for (let y = 0, n = 0; y < document.documentElement.scrollHeight && n < 500; y += step, n++) {
        window.scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      // A fast scroll can pass an island between two frames, unseen by its IntersectionObserver:
      // bring each one still waiting into view, and wait for it (a reader stopping there).
      for (const el of Array.from(document.querySelectorAll(waiting))) {
        el.scrollIntoView({ block: 'center' });
        if (el.getAttribute('data-island-state') === 'pending') el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' }));
        const t0 = performance.now();
        while (
          el.isConnected &&
          (el.getAttribute('data-island-state') === 'pending' || el.classList.contains('il-mermaid-pending')) &&
          performance.now() - t0 < 15_000
        ) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        if (el.isConnected && performance.now() - t0 >= 15_000) late.push(el.getAttribute('data-island') ?? el.className);
      }
      window.scrollTo(0, 0);
      return late;
    },
    { loading: stillLoading, use },
  );
  // Not a failure by itself (the checks that follow say what is wrong), but a slow run says why.
  if (stuck.length > 0) console.error(`# waitForHydration: still loading after 15 s at ${page.url().slice(0, 160)}: ${stuck.join(', ')}`);
  // Diagrams drawn, and islands (widgets, quizzes: src/components/Island) live.
  await page
    .waitForFunction(
      (use) =>
        ![...document.querySelectorAll('.docusaurus-mermaid-container')].some((c) => !c.querySelector('svg')) &&
        !document.querySelector('.il-mermaid-pending') &&
        !(use && document.querySelector('[data-island-state="pending"]')),
      use,
      { timeout: 15_000 },
    )
    .catch(async () => {
      const left = await page
        .evaluate((waiting) => [...document.querySelectorAll(waiting)].map((e) => e.getAttribute('data-island') ?? e.className), stillLoading)
        .catch(() => ['(page gone)']);
      console.error(`# waitForHydration: after 15 s at ${page.url().slice(0, 160)} still pending: ${left.join(', ') || 'a diagram without its svg'}`);
    });
  if (options.idle !== false) await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
}
