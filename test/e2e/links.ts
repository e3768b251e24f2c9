/**
 * Same-origin links of a hydrated page: each target must be a route of the build (or the sitemap),
 * and a `#fragment` must name an element of the target page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { resolveInSite } from './server';

interface PageLink {
  href: string;
  raw: string;
  text: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hasAnchorInHtml(html: string, id: string): boolean {
  const v = escapeRegExp(id);
  return new RegExp(`\\s(id|name)=("${v}"|'${v}'|${v}[\\s>])`).test(html);
}

export async function brokenLinks(page: Page, origin: string, siteDir: string, sitemapRoutes: ReadonlySet<string>): Promise<string[]> {
  const links = await page.$$eval('a[href]', (as) =>
    as.map((a) => ({ href: (a as HTMLAnchorElement).href, raw: a.getAttribute('href') ?? '', text: (a.textContent ?? '').trim().slice(0, 60) })),
  );
  const here = new URL(page.url());
  const problems: string[] = [];
  const htmlCache = new Map<string, string>();
  const seen = new Set<string>();
  for (const link of links as PageLink[]) {
    if (seen.has(link.href)) continue;
    seen.add(link.href);
    let url: URL;
    try {
      url = new URL(link.href);
    } catch {
      problems.push(`broken link: "${link.raw}" (text "${link.text}") is not a valid URL`);
      continue;
    }
    if (url.origin !== origin) continue;
    const path = url.pathname;
    const file = resolveInSite(siteDir, path);
    const known = sitemapRoutes.has(path) || sitemapRoutes.has(path.replace(/\/$/, '') || '/');
    if (file === null && !known) {
      problems.push(`broken link: "${link.raw}" (text "${link.text}") -> ${path} is neither in the build nor in the sitemap`);
      continue;
    }
    if (url.hash.length <= 1) continue;
    let id: string;
    try {
      id = decodeURIComponent(url.hash.slice(1));
    } catch {
      problems.push(`broken anchor: "${link.raw}" has an undecodable fragment`);
      continue;
    }
    const samePage = path.replace(/\/$/, '') === here.pathname.replace(/\/$/, '');
    if (samePage) {
      const exists = await page.evaluate((name) => document.getElementById(name) !== null || document.getElementsByName(name).length > 0, id);
      if (!exists) problems.push(`broken anchor: "${link.raw}" (text "${link.text}"): no element with id "${id}" on this page`);
    } else if (file !== null && file.endsWith('.html')) {
      let html = htmlCache.get(file);
      if (html === undefined) {
        html = readFileSync(file, 'utf8');
        htmlCache.set(file, html);
      }
      if (!hasAnchorInHtml(html, id)) problems.push(`broken anchor: "${link.raw}" (text "${link.text}"): ${path} has no element with id "${id}"`);
    }
  }
  return problems;
}
