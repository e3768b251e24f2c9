/**
 * The built site under test: a private copy of build/ (other people rebuild build/ while the suite
 * runs) and its routes, read from the sitemap so new pages are tested without touching the suite.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(import.meta.url), '../../..');

export interface BuiltSite {
  /** The directory served: a snapshot of build/. */
  dir: string;
  /** Paths (`/docs/intro`) from the sitemap, in its order. */
  routes: string[];
  dispose(): void;
}

/** `<loc>https://host/docs/x</loc>` -> `/docs/x`: the host is the production one, ours differs. */
export function routesFromSitemap(xml: string): string[] {
  const routes: string[] = [];
  for (const m of xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
    const loc = m[1].replace(/&amp;/g, '&');
    const url = new URL(loc);
    const route = url.pathname + url.search;
    if (!routes.includes(route)) routes.push(route);
  }
  return routes;
}

/**
 * Copies the build to a temp dir. A build in progress elsewhere can leave build/ without its
 * sitemap (written last) for a few seconds: wait for it rather than test half a site.
 */
export function snapshotBuild(source = process.env.E2E_BUILD_DIR ?? join(projectRoot, 'build')): BuiltSite {
  const deadline = Date.now() + 60_000;
  let waited = false;
  for (;;) {
    if (existsSync(join(source, 'sitemap.xml')) && existsSync(join(source, 'index.html'))) {
      const dir = mkdtempSync(join(tmpdir(), 'infralab-e2e-site-'));
      try {
        cpSync(source, dir, { recursive: true });
      } catch (e) {
        rmSync(dir, { recursive: true, force: true });
        if (Date.now() > deadline) throw e;
        sleepSync(1000);
        continue;
      }
      if (existsSync(join(dir, 'sitemap.xml'))) {
        const routes = routesFromSitemap(readFileSync(join(dir, 'sitemap.xml'), 'utf8'));
        return { dir, routes, dispose: () => rmSync(dir, { recursive: true, force: true }) };
      }
      rmSync(dir, { recursive: true, force: true });
    }
    if (Date.now() > deadline) {
      throw new Error(`No built site at ${source} (no sitemap.xml): run \`npm run build\` first.`);
    }
    if (!waited) console.error(`# waiting for ${source}/sitemap.xml (a build may be in progress)`);
    waited = true;
    sleepSync(1000);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
