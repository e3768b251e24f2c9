/**
 * The same scenario gives the same trace in Node and in the browser. The browser side uses the
 * site's own engine page when the build has one (a route `/engine-check` that puts
 * `runScenarioText` on window); otherwise sim/ is bundled for the browser with esbuild (which comes
 * with tsx) and loaded into a blank page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { runScenarioText } from '@site/sim/text';
import { projectRoot } from './site';
import { visit } from './browser';

export const scenarioDir = join(projectRoot, 'examples', 'scenarios');

export function scenarioFiles(): string[] {
  try {
    return readdirSync(scenarioDir)
      .filter((f) => /\.(ya?ml|json)$/i.test(f))
      .sort();
  } catch {
    return [];
  }
}

/** The report as JSON, or the error's message: an error must be the same error on both sides. */
export function nodeTrace(file: string): string {
  const text = readFileSync(join(scenarioDir, file), 'utf8');
  try {
    return JSON.stringify(runScenarioText(text, file), null, 2);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** sim/ as one browser script; built when the suite starts, next to Node's import of sim/. */
export async function engineBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: "import { runScenarioText } from '@site/sim/text';\n(globalThis as any).runScenarioText = runScenarioText;\n",
      resolveDir: projectRoot,
      loader: 'ts',
      sourcefile: 'engine-check.ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(projectRoot, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Makes `page` able to run scenarios; says which engine build it uses. */
export async function loadBrowserEngine(page: Page, origin: string, routes: readonly string[], bundle: Promise<string>): Promise<string> {
  const sitePage = routes.find((r) => r.replace(/\/$/, '') === '/engine-check');
  if (sitePage) {
    await visit(page, new URL(sitePage, origin).toString());
    const ready = await page
      .waitForFunction(() => typeof (window as unknown as { runScenarioText?: unknown }).runScenarioText === 'function', null, { timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (ready) return `the site's own bundle (${sitePage})`;
  }
  const code = await bundle;
  await page.setContent('<!doctype html><html lang="en"><head><title>engine check</title></head><body></body></html>');
  await page.addScriptTag({ content: code });
  return 'sim/ bundled with esbuild into a blank page';
}

export async function browserTrace(page: Page, file: string): Promise<string> {
  const text = readFileSync(join(scenarioDir, file), 'utf8');
  return page.evaluate(
    ([t, f]) => {
      const run = (window as unknown as { runScenarioText: (text: string, source: string) => unknown }).runScenarioText;
      try {
        return JSON.stringify(run(t, f), null, 2);
      } catch (e) {
        return `error: ${(e as Error).message}`;
      }
    },
    [text, file] as const,
  );
}

/** Where two traces first differ, with a little context on each side. */
export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const line = a.slice(0, i).split('\n').length;
  const ctx = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 60), i + 60));
  return `traces differ at character ${i} (line ${line}; lengths ${a.length} vs ${b.length}):\n  node:    ${ctx(a)}\n  browser: ${ctx(b)}`;
}
