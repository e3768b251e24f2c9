import { chromium } from 'playwright-core';
import { serveSite } from './tools/browser/server';
import { chromiumArgs, chromiumPath, waitForHydration } from './tools/browser/browser';

const extra = (process.env.EXTRA ?? '').split(' ').filter(Boolean);
const n = Number(process.env.N ?? 20);
const routes = (process.env.ROUTES ?? '/docs/lessons/vm-lifecycle').split(',');
const site = await serveSite('build');
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, ...extra] });
let hangs = 0, loads = 0;
const t0 = Date.now();
for (let i = 0; i < n; i++) {
  for (const route of routes) for (const theme of ['light', 'dark']) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const url = `${site.origin}${route}${theme === 'dark' ? '?docusaurus-theme=dark' : ''}`;
    const work = (async () => { await page.goto(url, { waitUntil: 'load', timeout: 60_000 }); await waitForHydration(page); })();
    const ok = await Promise.race([work.then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 45_000))]);
    loads++;
    if (!ok) {
      const alive = await Promise.race([page.evaluate(() => 1).then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      hangs++;
      console.log(`hang ${hangs} at load ${loads} ${route} ${theme} (answers: ${alive}) load=${(await import('node:fs')).readFileSync('/proc/loadavg','utf8').split(' ')[0]}`);
    }
    await Promise.race([context.close().catch(() => undefined), new Promise((r) => setTimeout(r, 10_000))]);
  }
}
console.log(`EXTRA=${extra.join(' ')}: ${hangs} hangs in ${loads} loads, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
await browser.close();
await site.close();
process.exit(0);
