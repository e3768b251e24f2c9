/**
 * What each Docusaurus patch gains on its own (npm run bench:patches): the site is built once with
 * every patch and once with each patched file put back as upstream ships it, and a lesson's start-up
 * is measured in chromium as a phone would run it (4× CPU slowdown, 412 × 823): blocking time of the
 * long tasks from navigation to 5 s after load (Lighthouse's TBT, without its FCP/TTI bounds), the
 * number of `<link rel="prefetch">` the page adds in that time, and the start-up scripts' gzip bytes.
 * Figures, not tests. Each build goes to a temporary directory; the patched files are restored (and
 * checked) whatever happens. Docusaurus's persistent cache is off for these builds: it keys
 * node_modules by package version and would not see a file put back.
 *
 *   BENCH_PATCH_RUNS=N   loads per route and build, the median reported (default 5)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../tools/browser/browser';
import { serveSite } from '../tools/browser/server';
import { projectRoot } from '../tools/browser/site';
import { median, timed } from './site';

const log = (line: string) => process.stderr.write(`${line}\n`);
const runs = Number(process.env.BENCH_PATCH_RUNS ?? 5);
const routes = ['/docs/lessons/availability-zones', '/docs/lessons/infrastructure'];

/** One patched file, put back as upstream ships it for one build. */
interface Variant {
  name: string;
  patch?: string;
  file?: string;
}

const variants: Variant[] = [
  { name: 'every patch applied' },
  {
    name: 'without: theme-classic prism-include-languages',
    patch: '@docusaurus+theme-classic+3.10.2.patch',
    file: 'node_modules/@docusaurus/theme-classic/lib/prism-include-languages.js',
  },
  {
    name: 'without: core browserContext (transition)',
    patch: '@docusaurus+core+3.10.2.patch',
    file: 'node_modules/@docusaurus/core/lib/client/browserContext.js',
  },
  { name: 'without: core prefetch (once, idle)', patch: '@docusaurus+core+3.10.2.patch', file: 'node_modules/@docusaurus/core/lib/client/prefetch.js' },
];

function gitApply(v: Variant, reverse: boolean): void {
  const args = ['apply', ...(reverse ? ['-R'] : []), `--include=${v.file}`, join('patches', v.patch!)];
  execFileSync('git', args, { cwd: projectRoot, stdio: 'pipe' });
}

function build(outDir: string): Promise<number> {
  return timed('npx', ['docusaurus', 'build', '--out-dir', outDir], { cwd: projectRoot, env: { ...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: 'true' } });
}

interface Load {
  blockingMs: number;
  prefetches: number;
  startupJsBytes: number;
}

async function load(browser: Browser, origin: string, dir: string, route: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    const w = window as unknown as { __blocking: number; __prefetches: number };
    w.__blocking = 0;
    w.__prefetches = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__blocking += Math.max(0, e.duration - 50);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver((ms) => {
      for (const m of ms) for (const n of Array.from(m.addedNodes)) if (n instanceof HTMLLinkElement && n.rel === 'prefetch') w.__prefetches++;
    }).observe(document, { subtree: true, childList: true });
  });
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script' && r.url().startsWith(origin)) scripts.add(new URL(r.url()).pathname);
  });
  try {
    await page.goto(new URL(route, origin).toString(), { waitUntil: 'load', timeout: 60_000 });
    const startup = [...scripts];
    await page.waitForTimeout(5000);
    const { blocking, prefetches } = await page.evaluate(() => {
      const w = window as unknown as { __blocking: number; __prefetches: number };
      return { blocking: w.__blocking, prefetches: w.__prefetches };
    });
    const startupJsBytes = startup.reduce((sum, path) => sum + gzipSync(readFileSync(join(dir, decodeURIComponent(path)))).length, 0);
    return { blockingMs: blocking, prefetches, startupJsBytes };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'infralab-patches-'));
  const rows: { variant: string; route: string; blockingMs: number; prefetches: number; kb: number }[] = [];
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    for (const [i, v] of variants.entries()) {
      const out = join(root, String(i));
      log(`building: ${v.name}…`);
      if (v.file) gitApply(v, true);
      try {
        await build(out);
      } finally {
        if (v.file) gitApply(v, false);
      }
      const server = await serveSite(out, { gzip: true });
      try {
        for (const route of routes) {
          const loads: Load[] = [];
          for (let r = 0; r < runs; r++) loads.push(await load(browser, server.origin, out, route));
          rows.push({
            variant: v.name,
            route,
            blockingMs: Math.round(median(loads.map((l) => l.blockingMs))),
            prefetches: median(loads.map((l) => l.prefetches)),
            kb: Math.round(median(loads.map((l) => l.startupJsBytes)) / 102.4) / 10,
          });
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser?.close();
    rmSync(root, { recursive: true, force: true });
    // Whatever happened, the patched files must be as the patches leave them.
    execFileSync(
      'git',
      ['apply', '--check', '-R', ...variants.filter((v) => v.patch).map((v) => join('patches', v.patch!))].filter((x, i, a) => a.indexOf(x) === i),
      {
        cwd: projectRoot,
        stdio: 'pipe',
      },
    );
  }
  console.log(`\nDocusaurus patches, each left out in turn (median of ${runs} loads, 4× CPU slowdown, 412 × 823)`);
  console.log('| build | route | blocking ms | ratio to all patches | prefetch links | start-up JS KB gzip |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const base = rows.find((r) => r.variant === variants[0].name && r.route === row.route)!;
    const ratio = base.blockingMs > 0 ? (row.blockingMs / base.blockingMs).toFixed(2) : '—';
    console.log(`| ${row.variant} | ${row.route} | ${row.blockingMs} | ${ratio} | ${row.prefetches} | ${row.kb} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
