/**
 * Code blocks without Prism at start-up (src/theme/CodeBlock, patches/@docusaurus+theme-classic+*.patch):
 * - a page's start-up scripts hold no Prism;
 * - hydration keeps the server's highlighted HTML as it is;
 * - after a client-side navigation the browser highlights the same blocks itself, loading Prism
 *   then, and its tokens are the server's, token for token.
 */
import type { Browser, Page } from 'playwright-core';
import { openPage, waitForHydration } from './browser';

export interface CodeBlockFlow {
  problems: string[];
  steps: string[];
}

/** Each code block as lines of [class, text, style], the style's declarations sorted. */
type Blocks = [string, string, string][][][];

/** Reads the code blocks of `root` (the live document, or server HTML parsed in the page). */
async function readBlocks(page: Page, serverHtmlOf?: string): Promise<Blocks> {
  return page.evaluate(async (route) => {
    const doc = route ? new DOMParser().parseFromString(await (await fetch(route)).text(), 'text/html') : document;
    const norm = (style: string | null) =>
      (style ?? '')
        .split(';')
        .map((d) =>
          d
            .split(':')
            .map((s) => s.trim())
            .join(':'),
        )
        .filter(Boolean)
        .sort()
        .join(';');
    return [...doc.querySelectorAll('article pre.prism-code > code')].map((code) =>
      [...code.querySelectorAll(':scope > .token-line')].map((line) =>
        [...line.querySelectorAll('.token')].map((t) => [t.className, t.textContent ?? '', norm(t.getAttribute('style'))] as [string, string, string]),
      ),
    );
  }, serverHtmlOf);
}

function firstDifference(want: Blocks, got: Blocks): string | null {
  if (want.length !== got.length) return `${got.length} code blocks, the server has ${want.length}`;
  for (let b = 0; b < want.length; b++) {
    if (want[b].length !== got[b].length) return `block ${b + 1}: ${got[b].length} lines, the server has ${want[b].length}`;
    for (let l = 0; l < want[b].length; l++) {
      const w = JSON.stringify(want[b][l]);
      const g = JSON.stringify(got[b][l]);
      if (w !== g) return `block ${b + 1} line ${l + 1}: ${g.slice(0, 200)}, the server has ${w.slice(0, 200)}`;
    }
  }
  return null;
}

/** Prism's core runs this hook; nothing else in the site names it. */
const prismSignature = 'before-tokenize';

export async function codeBlockFlow(browser: Browser, origin: string, route: string, from: string): Promise<CodeBlockFlow> {
  const problems: string[] = [];
  const steps: string[] = [];
  const opened = await openPage(browser, origin);
  const { page } = opened;
  try {
    // 1. Loaded and hydrated, not scrolled: the start-up scripts.
    await page.goto(new URL(route, origin).toString(), { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.hasHydrated === 'true', null, { timeout: 20_000 });
    await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
    const withPrism = await page.evaluate(async (signature) => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => /\.js(\?|$)/.test(u));
      const found: string[] = [];
      for (const u of urls) if ((await (await fetch(u)).text()).includes(signature)) found.push(new URL(u).pathname);
      return { found, scripts: urls.length };
    }, prismSignature);
    if (withPrism.found.length > 0)
      problems.push(`Prism is in the start-up scripts of ${route}: ${withPrism.found.join(', ')} (did patches/@docusaurus+theme-classic+*.patch apply?)`);
    else steps.push(`${route}: no Prism in its ${withPrism.scripts} start-up scripts`);

    const server = await readBlocks(page, route);
    if (server.length === 0) return { problems: [...problems, `${route} has no code block in its server HTML`], steps };
    const tokens = server.flat(2).filter((t) => t[2] !== '').length;
    if (tokens === 0) problems.push(`the server's code blocks on ${route} have no coloured token`);
    const hydrated = await readBlocks(page);
    const kept = firstDifference(server, hydrated);
    if (kept) problems.push(`hydration changed the code blocks: ${kept}`);
    else steps.push(`hydration kept ${server.length} highlighted blocks (${tokens} coloured tokens) as served`);

    // 2. A client-side navigation to the same page: the browser renders and highlights the blocks.
    await page.goto(new URL(from, origin).toString(), { waitUntil: 'load' });
    await waitForHydration(page, { idle: false });
    await page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, route);
    const count = server.length;
    const highlighted = await page
      .waitForFunction((n) => document.querySelectorAll('article pre.prism-code[data-highlighted="true"]').length === n, count, { timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    if (!highlighted) {
      const seen = await page.evaluate(() => ({
        path: location.pathname,
        blocks: document.querySelectorAll('article pre.prism-code').length,
        done: document.querySelectorAll('article pre.prism-code[data-highlighted="true"]').length,
      }));
      problems.push(
        `after a client-side navigation from ${from} to ${route}: ${seen.done} of ${seen.blocks} code blocks highlighted (at ${seen.path}), expected ${count}`,
      );
    } else {
      const rendered = await readBlocks(page);
      const same = firstDifference(server, rendered);
      if (same) problems.push(`after a client-side navigation the browser's highlighting differs from the server's: ${same}`);
      else steps.push(`client-side navigation from ${from}: the browser highlighted the ${count} blocks as the server did`);
    }
    problems.push(...opened.problems);
  } finally {
    await opened.close();
  }
  return { problems, steps };
}
