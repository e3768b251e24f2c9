/**
 * Site figures (npm run bench:site): build time, JS and CSS bytes per lesson page against a stock
 * Docusaurus classic site of the same size built in the same run, and Lighthouse scores per lesson,
 * each lesson audited in turn with its stock twin (a plain-prose page of as many words), so that the
 * machine's load moves both alike. Figures, not tests: nothing here fails on a missed target.
 *
 *   BENCH_SKIP_BUILD=1          measure the existing build/ instead of timing `npm run build`
 *   BENCH_LIGHTHOUSE=desktop    Lighthouse's desktop preset (default: its mobile default)
 *   BENCH_LIGHTHOUSE=off        no Lighthouse runs
 *   BENCH_LIGHTHOUSE_RUNS=N     Lighthouse runs per page and per twin, the median run reported
 *                               (default 3: one run on a 2-core machine moves by 10 points with the
 *                               machine's load)
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createServer, type AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import type { Figure } from './engine';
import { chromiumArgs, chromiumPath, launchBrowser, waitForHydration } from '../tools/browser/browser';
import { serveSite } from '../tools/browser/server';
import { projectRoot, snapshotBuild, type BuiltSite } from '../tools/browser/site';

const log = (line: string) => process.stderr.write(`${line}\n`);
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

interface Weight {
  js: number;
  css: number;
  /** Each file's path, gzip bytes and the libraries it was seen to hold, largest first. */
  files: { path: string; bytes: number; holds: string[] }[];
}

/** Libraries a chunk may hold, each known by text its minified code keeps. */
const signatures: [string, string][] = [
  ['zod', '_zod'],
  ['yaml', 'Implicit keys of flow sequence pairs'],
];

/** Which of the signatures' libraries a script holds. */
function libraries(body: Buffer): string[] {
  const text = body.toString('latin1');
  return signatures.filter(([, marker]) => text.includes(marker)).map(([name]) => name);
}

const fileLabel = (f: { path: string; bytes: number; holds: string[] }) =>
  `${f.path} ${kb(f.bytes).toFixed(1)}${f.holds.length ? ` (${f.holds.join(', ')})` : ''}`;

/** Runs a command, returns its wall time in seconds; throws with the end of its output on failure. */
export function timed(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve((performance.now() - t0) / 1000);
      else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`));
    });
  });
}

/**
 * The same-origin scripts and stylesheets a route loads, each gzip-compressed here: at load (the
 * page hydrated and the network quiet, as a reader who has not scrolled sees it) and after reading
 * to the end (scrolled through, so diagrams and widget islands have loaded).
 */
async function pageWeight(browser: Browser, origin: string, route: string): Promise<{ atLoad: Weight; afterRead: Weight; afterUse: Weight }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Promise<{ type: string; path: string; bytes: number; holds: string[] }>[] = [];
  page.on('response', (r) => {
    const type = r.request().resourceType();
    if (!r.url().startsWith(origin) || (type !== 'script' && type !== 'stylesheet') || r.status() >= 400) return;
    pending.push(
      r
        .body()
        .then((b) => ({ type, path: r.url().slice(origin.length), bytes: gzipSync(b).length, holds: type === 'script' ? libraries(b) : [] }))
        .catch(() => ({ type, path: r.url().slice(origin.length), bytes: 0, holds: [] })),
    );
  });
  const weigh = async (): Promise<Weight> => {
    const all = await Promise.all(pending);
    return {
      js: all.filter((x) => x.type === 'script').reduce((s, x) => s + x.bytes, 0),
      css: all.filter((x) => x.type === 'stylesheet').reduce((s, x) => s + x.bytes, 0),
      files: all.map(({ path, bytes, holds }) => ({ path, bytes, holds })).sort((a, b) => b.bytes - a.bytes),
    };
  };
  try {
    await page.goto(new URL(route, origin).toString(), { waitUntil: 'load', timeout: 30_000 });
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true', null, { timeout: 20_000 });
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    const atLoad = await weigh();
    // A reader who reads to the end: scrolls through the page, diagrams drawn, no island touched.
    await waitForHydration(page, { use: false });
    const afterRead = await weigh();
    // The same reader then reaching for every widget and quiz (a pointer over each): all islands live.
    await waitForHydration(page);
    return { atLoad, afterRead, afterUse: await weigh() };
  } finally {
    await context.close();
  }
}

/** Words of prose in a Markdown/MDX source: code, imports and JSX tags left out. */
function proseWords(source: string): number {
  const text = source
    .replace(/^---[\s\S]*?\n---/, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/^(import|export) .*$/gm, '')
    .replace(/<[^>]+>/g, ' ');
  return text.split(/\s+/).filter((w) => /[a-z]/i.test(w)).length;
}

function listDocs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listDocs(path));
    else if (/\.mdx?$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

const vocabulary =
  'the a cloud region zone host machine virtual network latency capacity each runs when which data service instance failure outage recovers between users copies price storage is are can must will because while after before'.split(
    ' ',
  );

function prose(words: number, seed: number): string {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return vocabulary[x % vocabulary.length];
  };
  const paragraphs: string[] = [];
  for (let left = words, i = 0; left > 0; i++) {
    const n = Math.min(left, 80);
    const sentence = Array.from({ length: n }, next).join(' ');
    if (i % 4 === 0) paragraphs.push(`## Section ${i / 4 + 1}`);
    paragraphs.push(`${sentence[0].toUpperCase()}${sentence.slice(1)}.`);
    left -= n;
  }
  return paragraphs.join('\n\n');
}

/**
 * A stock classic site (docs only, no custom code) with one plain-prose page per doc page of ours,
 * each as long as ours in words, built with the same Docusaurus and Faster as ours.
 */
async function buildStockSite(): Promise<{ dir: string; routes: string[]; twins: Map<string, string>; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'infralab-stock-site-'));
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'stock-site', private: true }));
  writeFileSync(
    join(dir, 'docusaurus.config.js'),
    `module.exports = {
  title: 'Stock',
  url: 'https://stock.example.org',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  future: { v4: true },
  presets: [['classic', { docs: { routeBasePath: '/docs', sidebarPath: require.resolve('./sidebars.js') }, blog: false }]],
  themeConfig: { navbar: { title: 'Stock', items: [{ type: 'docSidebar', sidebarId: 'docs', label: 'Docs' }] } },
};
`,
  );
  writeFileSync(join(dir, 'sidebars.js'), `module.exports = { docs: [{ type: 'autogenerated', dirName: '.' }] };\n`);
  const ours = listDocs(join(projectRoot, 'docs'));
  mkdirSync(join(dir, 'docs'));
  const routes: string[] = [];
  // Our route of each doc (its path under docs/, as Docusaurus makes it) -> its stock twin's.
  const twins = new Map<string, string>();
  ours.forEach((file, i) => {
    const slug = `page-${String(i + 1).padStart(2, '0')}`;
    const words = proseWords(readFileSync(file, 'utf8'));
    writeFileSync(join(dir, 'docs', `${slug}.md`), `---\ntitle: Page ${i + 1}\nsidebar_position: ${i + 1}\n---\n\n${prose(words, i + 1)}\n`);
    routes.push(`/docs/${slug}`);
    twins.set(
      `/docs/${relative(join(projectRoot, 'docs'), file)
        .split(sep)
        .join('/')
        .replace(/\.mdx?$/, '')}`,
      `/docs/${slug}`,
    );
  });
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'src', 'pages', 'index.md'), '# Stock\n\nA stock Docusaurus classic site.\n');
  log(`stock site: ${routes.length} plain-prose doc pages (mirroring ${ours.map((f) => relative(projectRoot, f)).join(', ')})`);
  const seconds = await timed(process.execPath, [join(projectRoot, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build', dir], {
    cwd: dir,
    // Its own cache would land in our node_modules/.cache through the symlink.
    env: { ...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: 'true' },
  });
  return { dir, routes, twins, seconds };
}

interface LighthouseScores {
  performance: number;
  accessibility: number;
  failing: string[];
  /** The performance metrics as Lighthouse shows them, with the score of each (what keeps a page below 100). */
  metrics: string;
}

const metricAudits: [string, string][] = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['speed-index', 'SI'],
  ['cumulative-layout-shift', 'CLS'],
];

/**
 * The chromium Lighthouse audits in: launched as the browser suite launches it (playwright-core,
 * Debian's chromium, the suite's flags), with a DevTools port on 127.0.0.1 that Lighthouse connects
 * to. Lighthouse 12.8.2 launching chromium 150 itself never got a first paint here (NO_FCP, protocol
 * timeouts); connected to this one it runs. One per bench run, closed with it.
 */
let auditBrowser: Promise<{ port: number; browser: Browser }> | null = null;
function lighthouseChromium(): Promise<{ port: number; browser: Browser }> {
  auditBrowser ??= freePort().then(async (port) => ({
    port,
    browser: await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, `--remote-debugging-port=${port}`] }),
  }));
  return auditBrowser;
}

/** A TCP port free on 127.0.0.1 at the moment of asking. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function lighthouseOnce(url: string, preset: string): Promise<LighthouseScores> {
  const out = join(mkdtempSync(join(tmpdir(), 'infralab-lh-')), 'report.json');
  const { port } = await lighthouseChromium();
  const args = [
    join(projectRoot, 'node_modules', 'lighthouse', 'cli', 'index.js'),
    url,
    '--only-categories=performance,accessibility',
    '--output=json',
    `--output-path=${out}`,
    '--quiet',
    `--port=${port}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { timeout: 180_000 }, (err, _stdout, stderr) => {
      if (err) {
        rmSync(join(out, '..'), { recursive: true, force: true });
        reject(new Error(`lighthouse ${url}: ${err.message}\n${stderr.slice(-1000)}`));
        return;
      }
      const report = JSON.parse(readFileSync(out, 'utf8')) as {
        categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
        audits: Record<string, { score: number | null; title: string; displayValue?: string }>;
      };
      rmSync(join(out, '..'), { recursive: true, force: true });
      const failing = Object.values(report.categories)
        .flatMap((c) => c.auditRefs.filter((a) => a.weight > 0))
        .map((a) => ({ id: a.id, audit: report.audits[a.id] }))
        .filter((a) => a.audit && a.audit.score !== null && a.audit.score < 0.9)
        .map((a) => `${a.id}${a.audit.displayValue ? ` (${a.audit.displayValue})` : ''}`);
      const metrics = metricAudits
        .map(([id, short]) => [short, report.audits[id]] as const)
        .filter(([, a]) => a)
        .map(([short, a]) => `${short} ${a.displayValue ?? '?'} (${a.score ?? '?'})`)
        .join(', ');
      resolve({
        performance: Math.round((report.categories.performance.score ?? 0) * 100),
        accessibility: Math.round((report.categories.accessibility.score ?? 0) * 100),
        failing,
        metrics,
      });
    });
  });
}

/**
 * Lighthouse, or null once it has failed in this run: a run that cannot finish (three minutes a
 * page) is reported once, and the page weights are still measured.
 */
let lighthouseFailure: string | null = null;
async function lighthouseOrNull(url: string, twinUrl: string, preset: string): Promise<{ ours: LighthouseScores; twin: LighthouseScores } | null> {
  if (lighthouseFailure !== null) return null;
  try {
    return await lighthousePaired(url, twinUrl, preset);
  } catch (error) {
    lighthouseFailure = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    console.log(`lighthouse failed, not run again in this bench: ${lighthouseFailure}`);
    return null;
  }
}

/**
 * A page and its stock twin audited in turn, run after run, so that a machine whose load drifts during
 * the bench moves both alike; the median of each, by performance score.
 */
async function lighthousePaired(url: string, twinUrl: string, preset: string): Promise<{ ours: LighthouseScores; twin: LighthouseScores }> {
  const runs = Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3));
  const ours: LighthouseScores[] = [];
  const twin: LighthouseScores[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(await lighthouseOnce(url, preset));
    twin.push(await lighthouseOnce(twinUrl, preset));
  }
  const middle = (results: LighthouseScores[]) => [...results].sort((a, b) => a.performance - b.performance)[Math.floor(results.length / 2)];
  return { ours: middle(ours), twin: middle(twin) };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export async function siteFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const preset = process.env.BENCH_LIGHTHOUSE ?? 'mobile';

  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('timing npm run build…');
    const seconds = await timed('npm', ['run', 'build'], { cwd: projectRoot });
    figures.push({ name: 'build time: npm run build', value: Math.round(seconds * 10) / 10, unit: 's' });
  }
  let ours: BuiltSite | null = null;
  let stock: Awaited<ReturnType<typeof buildStockSite>> | null = null;
  let browser: Browser | null = null;
  const closers: (() => Promise<void>)[] = [];
  try {
    ours = snapshotBuild();
    const lessons = ours.routes.filter((r) => r.startsWith('/docs/lessons/'));
    const measured = lessons.length ? lessons : ours.routes.filter((r) => r.startsWith('/docs/'));
    log('building the stock classic site…');
    stock = await buildStockSite();
    figures.push({ name: `build time: stock classic site (${stock.routes.length} docs)`, value: Math.round(stock.seconds * 10) / 10, unit: 's' });

    const oursServer = await serveSite(ours.dir, { gzip: true });
    const stockServer = await serveSite(join(stock.dir, 'build'), { gzip: true });
    closers.push(oursServer.close, stockServer.close);
    browser = await launchBrowser();

    log('measuring page weight…');
    const stockWeights: Weight[] = [];
    for (const r of stock.routes) stockWeights.push((await pageWeight(browser, stockServer.origin, r)).afterRead);
    const stockJs = median(stockWeights.map((w) => w.js));
    const stockCss = median(stockWeights.map((w) => w.css));
    const stockTotal = stockJs + stockCss;
    figures.push({ name: 'stock doc page: JS (gzip, median)', value: kb(stockJs), unit: 'KB' });
    figures.push({ name: 'stock doc page: CSS (gzip, median)', value: kb(stockCss), unit: 'KB' });

    const rows: string[][] = [];
    const largest: string[] = [];
    /** What each lesson loaded when its islands were used, to name the files every lesson loads then. */
    const whenUsed: Weight['files'][] = [];
    rows.push([
      `stock (${stock.routes.length} plain-prose pages, median)`,
      kb(stockJs).toFixed(1),
      kb(stockCss).toFixed(1),
      '1.00',
      kb(stockTotal).toFixed(1),
      '1.00',
      kb(stockTotal).toFixed(1),
      '1.00',
      '-',
      '-',
      '-',
      '',
    ]);
    const twinScores: number[] = [];
    const metricLines: string[] = [];
    for (const route of measured) {
      const { atLoad, afterRead, afterUse } = await pageWeight(browser, oursServer.origin, route);
      const loadedAtFirst = new Set(atLoad.files.map((f) => f.path));
      const read = afterRead.files.filter((f) => !loadedAtFirst.has(f.path));
      const loadedByReading = new Set(afterRead.files.map((f) => f.path));
      const used = afterUse.files.filter((f) => !loadedByReading.has(f.path));
      whenUsed.push(used);
      largest.push(`${route} at load: ${atLoad.files.slice(0, 6).map(fileLabel).join(', ')}`);
      largest.push(`${route} loaded while reading (${sum(read)}): ${read.map(fileLabel).join(', ') || 'nothing'}`);
      largest.push(`${route} loaded when every island was used (${sum(used)}): ${used.map(fileLabel).join(', ')}`);
      const ratio = (atLoad.js + atLoad.css) / stockTotal;
      const readRatio = (afterRead.js + afterRead.css) / stockTotal;
      const useRatio = (afterUse.js + afterUse.css) / stockTotal;
      figures.push({ name: `${route}: JS+CSS at load (gzip)`, value: kb(atLoad.js + atLoad.css), unit: 'KB' });
      figures.push({ name: `${route}: JS+CSS at load vs stock`, value: Math.round(ratio * 100) / 100, unit: 'x', target: { value: 1.3, better: 'lower' } });
      figures.push({ name: `${route}: JS+CSS after reading to the end (gzip)`, value: kb(afterRead.js + afterRead.css), unit: 'KB' });
      figures.push({
        name: `${route}: JS+CSS after reading to the end vs stock`,
        value: Math.round(readRatio * 100) / 100,
        unit: 'x',
        target: { value: 1.3, better: 'lower' },
      });
      // No target of its own: what a reader who uses every widget and quiz loads, for the record.
      figures.push({ name: `${route}: JS+CSS after using every widget and quiz (gzip)`, value: kb(afterUse.js + afterUse.css), unit: 'KB' });
      figures.push({ name: `${route}: JS+CSS after using every widget and quiz vs stock`, value: Math.round(useRatio * 100) / 100, unit: 'x' });
      let scores: LighthouseScores | null = null;
      let twin: LighthouseScores | null = null;
      // The stock page of the same prose (as many words), audited in turn with ours.
      const twinRoute = stock.twins.get(route);
      if (preset !== 'off' && lighthouseFailure === null && twinRoute) {
        log(`lighthouse (${preset}) ${route}, in turn with its stock twin ${twinRoute}…`);
        const paired = await lighthouseOrNull(new URL(route, oursServer.origin).toString(), new URL(twinRoute, stockServer.origin).toString(), preset);
        scores = paired?.ours ?? null;
        twin = paired?.twin ?? null;
      }
      if (scores && twin) {
        twinScores.push(twin.performance);
        metricLines.push(`${route}: ${scores.metrics}; its twin: ${twin.metrics} (the run of median score)`);
        figures.push({ name: `${route}: Lighthouse ${preset} performance`, value: scores.performance, unit: 'pts', target: { value: 100, better: 'higher' } });
        figures.push({ name: `${route}: its stock twin, Lighthouse ${preset} performance (in turn)`, value: twin.performance, unit: 'pts' });
        figures.push({
          name: `${route}: Lighthouse ${preset} performance minus the stock twin's`,
          value: scores.performance - twin.performance,
          unit: 'pts',
          target: { value: 0, better: 'higher' },
        });
        figures.push({
          name: `${route}: Lighthouse ${preset} accessibility`,
          value: scores.accessibility,
          unit: 'pts',
          target: { value: 100, better: 'higher' },
        });
      }
      rows.push([
        route,
        kb(atLoad.js).toFixed(1),
        kb(atLoad.css).toFixed(1),
        ratio.toFixed(2),
        kb(afterRead.js + afterRead.css).toFixed(1),
        readRatio.toFixed(2),
        kb(afterUse.js + afterUse.css).toFixed(1),
        useRatio.toFixed(2),
        scores ? String(scores.performance) : '-',
        twin ? String(twin.performance) : '-',
        scores ? String(scores.accessibility) : '-',
        scores ? scores.failing.join(', ') : lighthouseFailure ? `Lighthouse failed: ${lighthouseFailure}` : '',
      ]);
    }
    console.log(`\nStock page (plain prose, same Docusaurus): ${kb(stockTotal).toFixed(1)} KB gzip JS+CSS`);
    printTable(
      [
        'route',
        'JS at load',
        'CSS at load',
        'load/stock',
        'after read',
        'read/stock',
        'after use',
        'use/stock',
        'perf',
        'stock twin perf',
        'a11y',
        'audits under 0.9',
      ],
      rows,
    );
    if (twinScores.length)
      console.log(
        `Stock twins' Lighthouse ${preset} performance: ${Math.min(...twinScores)} to ${Math.max(...twinScores)} (each audited in turn with its lesson)`,
      );
    if (metricLines.length) console.log(`\nLighthouse ${preset} metrics (score of each, 0 to 1):\n${metricLines.join('\n')}`);
    console.log(
      `\nLargest files (KB gzip); stock page: ${
        stockWeights[0]?.files
          .slice(0, 5)
          .map((f) => `${f.path} ${kb(f.bytes).toFixed(1)}`)
          .join(', ') ?? ''
      }`,
    );
    for (const l of largest) console.log(l);
    const everyLesson = (whenUsed[0] ?? []).filter((f) => whenUsed.every((files) => files.some((g) => g.path === f.path)));
    console.log(`\nLoaded by every lesson when its islands are used (${sum(everyLesson)} KB gzip): ${everyLesson.map(fileLabel).join(', ')}`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (auditBrowser) await (await auditBrowser).browser.close().catch(() => undefined);
    for (const close of closers) await close();
    ours?.dispose();
    if (stock) rmSync(stock.dir, { recursive: true, force: true });
  }
  return figures;
}

/** The files' gzip KB, as printed. */
function sum(files: Weight['files']): string {
  return kb(files.reduce((t, f) => t + f.bytes, 0)).toFixed(1);
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(
    `\nPage weight (KB gzip, same-origin JS and CSS: at load; after scrolling to the end; after a pointer over every widget and quiz) and Lighthouse`,
  );
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
