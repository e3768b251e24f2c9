/**
 * The browser suite against the built site (`npm run build` first): every route of the sitemap in
 * light and dark mode, every widget and quiz found on them, crafted links, and engine determinism
 * between Node and the browser. Nothing here names a page: routes, widgets and quizzes are found.
 *
 *   npm run test:e2e                 all of it
 *   E2E_ROUTES=/docs/intro,/lab      only these routes (the determinism check still runs)
 *   E2E_BUILD_DIR=/path/to/build     another build than ./build
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { snapshotBuild } from './site';
import { resolveInSite, serveSite, type StaticSite } from './server';
import { launchBrowser, openPage, visit, type OpenedPage } from './browser';
import { axeViolations } from './accessibility';
import { brokenLinks } from './links';
import { keyboardFlow, widgetIds } from './widgets';
import { neighbourFlow, vmDiskFlow, vmFlow, vmMessagesFlow } from './vm';
import { cpuExperimentsFlow } from './cpu-experiments';
import { codeBlockFlow } from './code-blocks';
import { quizFlow, quizIds } from './quizzes';
import { pressBeforeCode, readingLoadsNoIsland, typedBeforeCode } from './islands';
import { azLabHugeFile, focusKeptAfterDisabling, phone, phoneOverflow, scenarioRunnerCancel, searchKeepsQuery } from './learner';
import { discoverShareState, hostileRounds, mutationsOf, sharePayloads, variantPayloads, widgetsReadingLinks, type Target } from './hostile-links';
import { browserTrace, engineBundle, firstDifference, loadBrowserEngine, nodeTrace, scenarioFiles } from './determinism';
import { checkCounts, countCheck, describeProblems, formatFindings, recordFindings } from './findings';

const started = Date.now();
const site = snapshotBuild();
process.on('exit', () => site.dispose());
// Interrupted: leave no temp copy behind (playwright kills its chromium on exit by itself).
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => process.exit(code));
const only = process.env.E2E_ROUTES?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const routes = only ? site.routes.filter((r) => only.includes(r)) : site.routes;
const sitemap = new Set(site.routes);

let server: StaticSite;
let browser: Browser;
// Bundled now, while Node's import of sim/ is fresh: others edit sim/ while the suite runs.
const engineCode = engineBundle();
engineCode.catch(() => undefined);

before(async () => {
  server = await serveSite(site.dir);
  browser = await launchBrowser();
});

after(async () => {
  console.log(formatFindings());
  console.log(checkCounts());
  console.log(`# ${routes.length} routes, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await browser?.close().catch(() => undefined);
  await server?.close();
  site.dispose();
});

/** A check: records what it found under the route, then fails with the list. */
async function check(t: TestContext, route: string, name: string, run: () => Promise<string[]> | string[]): Promise<void> {
  await t.test(name, async (st) => {
    let problems: string[];
    try {
      problems = await run();
    } catch (e) {
      countCheck(false);
      recordFindings(route, name, [`the check itself failed: ${(e as Error).message.split('\n')[0]}`]);
      throw e;
    }
    countCheck(problems.length === 0);
    recordFindings(route, name, problems);
    if (problems.length === 0) st.diagnostic('ok');
    assert.equal(problems.length, 0, describeProblems('problems', problems));
  });
}

/** Loads the route in a fresh context and checks the load itself. */
async function loadChecked(t: TestContext, route: string, mode: 'light' | 'dark'): Promise<OpenedPage | null> {
  const url = new URL(route, server.origin);
  if (mode === 'dark') url.searchParams.set('docusaurus-theme', 'dark');
  const opened = await openPage(browser, server.origin, { colorScheme: mode });
  let loaded = true;
  await check(t, route, `${mode}: loads hydrated, no console error, no failed request`, async () => {
    let status = 0;
    try {
      status = await visit(opened, url.toString());
    } catch (e) {
      loaded = false;
      return [`did not load and hydrate: ${(e as Error).message.split('\n')[0]}`, ...opened.problems];
    }
    const problems = status === 200 ? [] : [`HTTP ${status} for the page itself`];
    if (mode === 'dark') {
      const theme = await opened.page.evaluate(() => document.documentElement.dataset.theme);
      if (theme !== 'dark') problems.push(`?docusaurus-theme=dark gave data-theme="${theme}"`);
    }
    return [...problems, ...opened.problems];
  });
  if (!loaded) {
    await opened.close();
    return null;
  }
  return opened;
}

describe('pages', { concurrency: 2 }, () => {
  for (const route of routes) {
    // A lesson route runs some forty checks (three loads, axe twice, every widget and quiz by keyboard, crafted
    // links): about a minute on a quiet machine, several on a loaded one; a load that stops answering takes 120 s
    // more before it is opened again (tools/browser/browser.ts).
    test(route, { timeout: 600_000 }, async (t) => {
      const light = await loadChecked(t, route, 'light');
      let widgets: string[] = [];
      let quizzes: string[] = [];
      let linkReaders = new Set<string>();
      // Real widget states (from share links, after the keyboard flows changed them) to mutate.
      const derived = new Map<string, ReturnType<typeof mutationsOf>>();
      if (light) {
        try {
          const loaded = light.problems.length;
          await check(t, route, 'links: every same-origin target exists', () => brokenLinks(light.page, server.origin, site.dir, sitemap));
          await check(t, route, 'axe (light): no violations', () => axeViolations(light.page));
          await check(t, route, 'light: no late console error or failed request (lazy chunks, effects)', () => light.problemsSince(loaded));
          widgets = await widgetIds(light.page);
          quizzes = await quizIds(light.page);
          linkReaders = await widgetsReadingLinks(light.page, widgets);
          for (const id of widgets) {
            await check(t, route, `widget ${id}: keyboard alone changes its live summary`, async () => {
              const mark = light.problems.length;
              const flow = await keyboardFlow(light.page, id);
              t.diagnostic(`widget ${id}: ${flow.steps.join(' | ')}`);
              return [...flow.problems, ...light.problemsSince(mark)];
            });
          }
          for (const id of linkReaders) {
            const state = await discoverShareState(light.page, id).catch(() => undefined);
            if (state !== undefined) derived.set(id, mutationsOf(state));
          }
          // Buttons that disable themselves once pressed must not drop keyboard focus to <body>.
          const selfDisabling: [RegExp, string[]][] = [
            [/^lifecycle-explorer/, ['Launch', 'Wait', 'Stop', 'Wait', 'Start', 'Wait', 'Terminate']],
            [/^az-failure-lab/, ['Run to the end', 'Back to 0:00']],
          ];
          for (const id of widgets) {
            const buttons = selfDisabling.find(([re]) => re.test(id))?.[1];
            if (!buttons) continue;
            await check(t, route, `widget ${id}: focus stays in the widget when a pressed button becomes disabled`, async () => {
              const mark = light.problems.length;
              const flow = await focusKeptAfterDisabling(light.page, id, buttons);
              t.diagnostic(`widget ${id}: ${flow.steps.join(' | ')}`);
              return [...flow.problems, ...light.problemsSince(mark)];
            });
          }
          const azLab = widgets.find((id) => id.startsWith('az-failure-lab'));
          if (azLab) {
            await check(t, route, `widget ${azLab}: a scenario file past the lab's limits is refused in words, the lesson lives`, async () => {
              const mark = light.problems.length;
              const flow = await azLabHugeFile(light.page, azLab);
              t.diagnostic(`widget ${azLab}: ${flow.steps.join(' | ')}`);
              return [...flow.problems, ...light.problemsSince(mark)];
            });
          }
        } finally {
          await light.close();
        }
      }

      await check(t, route, `phone (${phone.width} px): the page does not scroll sideways`, async () => {
        const opened = await openPage(browser, server.origin, { viewport: phone });
        try {
          await visit(opened, new URL(route, server.origin).toString());
          return await phoneOverflow(opened.page);
        } finally {
          await opened.close();
        }
      });

      const dark = await loadChecked(t, route, 'dark');
      if (dark) {
        try {
          const loaded = dark.problems.length;
          await check(t, route, 'axe (dark): no violations', () => axeViolations(dark.page));
          await check(t, route, 'dark: no late console error or failed request (lazy chunks, effects)', () => dark.problemsSince(loaded));
          // A widget whose changed state cannot be shared may share its default one.
          for (const id of linkReaders) {
            if (derived.has(id)) continue;
            const state = await discoverShareState(dark.page, id).catch(() => undefined);
            if (state !== undefined) derived.set(id, mutationsOf(state));
          }
        } finally {
          await dark.close();
        }
      }

      for (const id of quizzes) {
        await check(t, route, `quiz ${id}: graded, kept across reload, survives corrupt storage`, async () => {
          const seed = 7;
          const url = new URL(route, server.origin);
          url.searchParams.set(`v-${id}`, String(seed));
          const opened = await openPage(browser, server.origin);
          try {
            await visit(opened, url.toString());
            const flow = await quizFlow(opened.page, url.toString(), id, seed);
            t.diagnostic(`quiz ${id}: ${flow.steps.join(' | ')}`);
            return [...flow.problems, ...opened.problems];
          } finally {
            await opened.close();
          }
        });
      }

      if (widgets.length + quizzes.length > 0) {
        await check(t, route, 'islands: reading to the end loads none of them; focus in one loads it and stays on its control', async () => {
          const flow = await readingLoadsNoIsland(browser, server.origin, route);
          t.diagnostic(`islands: ${flow.steps.join(' | ')}`);
          return flow.problems;
        });
        const elasticity = widgets.find((id) => /^elasticity-lab/.test(id));
        if (elasticity) {
          await check(t, route, `widget ${elasticity}: a number changed before its code arrived is the live widget's`, async () => {
            const flow = await typedBeforeCode(browser, server.origin, route, elasticity);
            t.diagnostic(`widget ${elasticity}: ${flow.steps.join(' | ')}`);
            return flow.problems;
          });
        }
        const lifecycle = widgets.find((id) => /^lifecycle-explorer/.test(id));
        if (lifecycle) {
          await check(t, route, `widget ${lifecycle}: Launch clicked before its code arrived is pressed on the live widget`, async () => {
            const flow = await pressBeforeCode(browser, server.origin, route, lifecycle, 'Launch');
            t.diagnostic(`widget ${lifecycle}: ${flow.steps.join(' | ')}`);
            return flow.problems;
          });
        }
        await check(t, route, 'crafted share and variant links: a notice, nothing runs', async () => {
          t.diagnostic(
            `widgets reading share links (owe a notice): ${[...linkReaders].join(', ') || 'none'}; real states mutated for: ${[...derived.keys()].join(', ') || 'none'}`,
          );
          const targets: Target[] = [
            ...widgets.map((id) => ({ kind: 'widget' as const, id, readsLink: linkReaders.has(id), payloads: [...sharePayloads, ...(derived.get(id) ?? [])] })),
            ...quizzes.map((id) => ({ kind: 'quiz' as const, id, readsLink: true, payloads: variantPayloads })),
          ];
          return hostileRounds(browser, server.origin, route, targets);
        });
      }
    });
  }
});

/** The real VM boots in this lesson: Start, the prompt, a command's answer, axe with it running. */
const vmRoute = '/docs/lessons/hypervisors';
describe('real VM', () => {
  test(vmRoute, { timeout: 300_000, skip: routes.includes(vmRoute) ? false : `${vmRoute} is not among the routes` }, async (t) => {
    const opened = await openPage(browser, server.origin);
    try {
      await visit(opened, new URL(vmRoute, server.origin).toString());
      const loaded = opened.problems.length;
      await check(t, vmRoute, 'real VM: Start by keyboard, prompt, echo $((6*7)) prints 42 in the labelled terminal, no console error', async () => {
        const flow = await vmFlow(opened.page);
        t.diagnostic(`real VM: ${flow.steps.join(' | ')}`);
        return [...flow.problems, ...opened.problemsSince(loaded)];
      });
      await check(t, vmRoute, 'real VM: axe with the VM running', () => axeViolations(opened.page));
      await check(t, vmRoute, 'noisy neighbour: focus kept on pressed steps, medians of interleaved runs, a low slowdown explained', async () => {
        const flow = await neighbourFlow(opened.page);
        t.diagnostic(`noisy neighbour: ${flow.steps.join(' | ')}`);
        return [...flow.problems, ...opened.problemsSince(loaded)];
      });
    } finally {
      await opened.close();
    }
  });

  const diskRoute = '/docs/lessons/vm-lifecycle';
  test(diskRoute, { timeout: 420_000, skip: routes.includes(diskRoute) ? false : `${diskRoute} is not among the routes` }, async (t) => {
    const opened = await openPage(browser, server.origin);
    try {
      await visit(opened, new URL(diskRoute, server.origin).toString());
      const loaded = opened.problems.length;
      await check(t, diskRoute, 'real VM: the disk keeps its file across reboot and stop/start, /tmp does not, terminate leaves nothing', async () => {
        const flow = await vmDiskFlow(opened.page);
        t.diagnostic(`real VM disk: ${flow.steps.join(' | ')}`);
        return [...flow.problems, ...opened.problemsSince(loaded)];
      });
    } finally {
      await opened.close();
    }
  });
  test(`${diskRoute} (messages, phone width)`, {
    timeout: 300_000,
    skip: routes.includes(diskRoute) ? false : `${diskRoute} is not among the routes`,
  }, async (t) => {
    const opened = await openPage(browser, server.origin);
    try {
      await visit(opened, new URL(diskRoute, server.origin).toString());
      const loaded = opened.problems.length;
      await check(
        t,
        diskRoute,
        'real VM: messages before Start, at launch, after Terminate; BIOS lines explained; instant reboot; the survival table fits 390 px',
        async () => {
          const flow = await vmMessagesFlow(opened.page);
          t.diagnostic(`real VM messages: ${flow.steps.join(' | ')}`);
          return [...flow.problems, ...opened.problemsSince(loaded)];
        },
      );
    } finally {
      await opened.close();
    }
  });
});

describe('pages that run long work or read their address', () => {
  const runner = '/scenarios';
  test(runner, { timeout: 120_000, skip: routes.includes(runner) ? false : `${runner} is not among the routes` }, async (t) => {
    const opened = await openPage(browser, server.origin);
    try {
      await visit(opened, new URL(runner, server.origin).toString());
      const loaded = opened.problems.length;
      await check(t, runner, 'scenario runner: a month-long run of 60,000 VMs shows progress, the page keeps drawing, Cancel stops it', async () => {
        const flow = await scenarioRunnerCancel(opened.page);
        t.diagnostic(`scenario runner: ${flow.steps.join(' | ')}`);
        return [...flow.problems, ...opened.problemsSince(loaded)];
      });
    } finally {
      await opened.close();
    }
  });
  const search = '/search';
  test(search, { timeout: 120_000, skip: routes.includes(search) || routes.includes('/search/') ? false : `${search} is not among the routes` }, async (t) => {
    const opened = await openPage(browser, server.origin);
    try {
      const url = new URL(`${search}?q=hypervisor`, server.origin).toString();
      await visit(opened, url);
      const loaded = opened.problems.length;
      await check(t, search, 'search: ?q= kept on load and reload, no keystroke dropped when typing 40 ms apart', async () => {
        const flow = await searchKeepsQuery(opened.page, url);
        t.diagnostic(`search: ${flow.steps.join(' | ')}`);
        return [...flow.problems, ...opened.problemsSince(loaded)];
      });
    } finally {
      await opened.close();
    }
  });
});

/** The CPU experiments use the real VM as an instrument: every measurement by keyboard, then axe. */
const cpuRoute = '/docs/lessons/cpu-virtualization';
describe('CPU experiments', () => {
  test(cpuRoute, { timeout: 900_000, skip: routes.includes(cpuRoute) ? false : `${cpuRoute} is not among the routes` }, async (t) => {
    const opened = await openPage(browser, server.origin);
    try {
      await visit(opened, new URL(cpuRoute, server.origin).toString());
      const loaded = opened.problems.length;
      await check(
        t,
        cpuRoute,
        'CPU experiments: Start by keyboard; CPU flags, a system call, a fresh page and the loop each measured beside the model; no console error',
        async () => {
          const flow = await cpuExperimentsFlow(opened.page);
          t.diagnostic(`CPU experiments: ${flow.steps.join(' | ')}`);
          return [...flow.problems, ...opened.problemsSince(loaded)];
        },
      );
      await check(t, cpuRoute, 'CPU experiments: axe with results shown', () => axeViolations(opened.page));
    } finally {
      await opened.close();
    }
  });
});

/** The route with the most code blocks, and one without any to navigate from. */
const codeRoutes = routes
  .map((route) => {
    const file = resolveInSite(site.dir, route);
    return { route, blocks: file ? (readFileSync(file, 'utf8').match(/<pre[^>]*class="[^"]*prism-code/g) ?? []).length : 0 };
  })
  .sort((a, b) => b.blocks - a.blocks);
describe('code blocks', () => {
  const target = codeRoutes[0]?.blocks ? codeRoutes[0].route : undefined;
  const from = codeRoutes.find((r) => r.blocks === 0 && r.route !== '/')?.route;
  test(target ?? '(no page with code blocks)', { timeout: 120_000, skip: target && from ? false : 'no page with code blocks among the routes' }, async (t) => {
    await check(
      t,
      target!,
      'code blocks: no Prism at start-up, server HTML kept, the browser highlights them alike after a client-side navigation',
      async () => {
        const flow = await codeBlockFlow(browser, server.origin, target!, from!);
        t.diagnostic(`code blocks: ${flow.steps.join(' | ')}`);
        return flow.problems;
      },
    );
  });
});

test('static server: answers like docusaurus serve', async () => {
  // Raw paths through node:http: fetch would normalise `..` away before it reaches the server.
  const get = (path: string) =>
    new Promise<{ status: number; type: string }>((resolve, reject) => {
      httpGet(`${server.origin}/`, { path }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? '') }));
      }).on('error', reject);
    });
  const problems: string[] = [];
  const expect = async (path: string, status: number, type: RegExp) => {
    const r = await get(path);
    if (r.status !== status || !type.test(r.type)) problems.push(`${path}: ${r.status} ${r.type}, expected ${status} ${type}`);
  };
  const route = site.routes.find((r) => r !== '/' && !r.endsWith('/')) ?? '/';
  const script = readdirSync(join(site.dir, 'assets', 'js')).find((f) => f.endsWith('.js'));
  await expect('/', 200, /^text\/html/);
  await expect(route, 200, /^text\/html/);
  await expect(`${route}/`, 200, /^text\/html/);
  await expect(`${route}?docusaurus-theme=dark`, 200, /^text\/html/);
  if (script) await expect(`/assets/js/${script}`, 200, /^text\/javascript/);
  await expect('/sitemap.xml', 200, /xml/);
  await expect('/no-such-page-here', 404, /^text\/html/);
  await expect('/../../../../etc/passwd', 404, /^text\/html/);
  await expect('/%2e%2e/%2e%2e/%2e%2e/etc/passwd', 404, /^text\/html/);
  countCheck(problems.length === 0);
  recordFindings('(static server)', 'static server', problems);
  assert.deepEqual(problems, []);
});

test('engine determinism: examples/scenarios give byte-identical traces in Node and the browser', { timeout: 180_000 }, async (t) => {
  const files = scenarioFiles();
  assert.ok(files.length > 0, 'no scenario files in examples/scenarios');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const how = await loadBrowserEngine(page, server.origin, site.routes, engineCode);
    t.diagnostic(`browser engine: ${how}`);
    assert.deepEqual(errors, [], `the engine bundle threw while loading: ${errors.join('; ')}`);
    for (const file of files) {
      await t.test(file, async () => {
        const inNode = nodeTrace(file);
        const inBrowser = await browserTrace(page, file);
        const problems = inNode === inBrowser ? [] : [firstDifference(inNode, inBrowser)];
        if (inNode.startsWith('error:')) problems.push(`the scenario does not run: ${inNode}`);
        recordFindings(`examples/scenarios/${file}`, 'determinism', problems);
        countCheck(problems.length === 0);
        assert.equal(problems.length, 0, problems.join('\n'));
      });
    }
  } finally {
    await context.close();
  }
});
