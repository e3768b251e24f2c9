/**
 * axe-core over a loaded page (axe's default rule set: WCAG A/AA and best practices), one line per
 * failing element, with the colours axe measured when the rule is about colour.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

interface CheckData {
  [key: string]: unknown;
}

const colourKeys = [
  'fgColor',
  'bgColor',
  'nodeColor',
  'parentColor',
  'contrastRatio',
  'expectedContrastRatio',
  'requiredContrastRatio',
  'fontSize',
  'fontWeight',
];

function colours(data: unknown): string {
  if (data === null || typeof data !== 'object') return '';
  const d = data as CheckData;
  const parts = colourKeys.filter((k) => d[k] !== undefined && d[k] !== null).map((k) => `${k} ${String(d[k])}`);
  return parts.join(', ');
}

/**
 * One line per rule, impact and measured colours: `rule-id (impact): colours — help — N elements:
 * selector, selector, … — e.g. <html of the first>`. Every failing element is listed by selector.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const groups = new Map<string, { targets: string[]; html: string }>();
  for (const v of results.violations) {
    for (const node of v.nodes) {
      const checks = [...node.any, ...node.all, ...node.none];
      const measured = [...new Set(checks.map((c) => colours(c.data)).filter((s) => s !== ''))].join('; ');
      const target = node.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ');
      const key = `${v.id} (${node.impact ?? v.impact ?? 'n/a'})${measured ? `: ${measured}` : ''} — ${v.help}`;
      const group = groups.get(key) ?? { targets: [], html: node.html.length > 140 ? `${node.html.slice(0, 140)}…` : node.html };
      group.targets.push(`\`${target}\``);
      groups.set(key, group);
    }
  }
  return [...groups].map(([key, g]) => `${key} — ${g.targets.length} element${g.targets.length > 1 ? 's' : ''}: ${g.targets.join(', ')} — e.g. ${g.html}`);
}
