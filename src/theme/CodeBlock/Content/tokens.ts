/**
 * Code block tokens and their colours, without Prism.
 *
 * Docusaurus colours each token with an inline style for the current colour mode, so every code
 * block re-renders after hydration (the server only knows the default mode) and Prism has to be in
 * the page's first script. Here each token carries both themes' values as CSS custom properties
 * (`--il-l-color`, `--il-d-color`, …) and a stylesheet picks by `[data-theme]`: the server's HTML
 * is right in both modes, it never needs re-rendering, and Prism loads only to highlight a code
 * block the browser renders itself (after a client-side navigation).
 *
 * The merging mirrors prism-react-renderer 2.4 (themeToDict and getTokenProps): a theme's entries
 * apply in order, language-scoped entries only to their languages, and a token's types merge left
 * to right. test/theme/code-block.test.tsx checks the result against prism-react-renderer itself.
 */
import type { CSSProperties } from 'react';

export interface Token {
  types: string[];
  content: string;
  empty?: boolean;
}

export interface PrismThemeLike {
  plain: Record<string, unknown>;
  styles: { types: string[]; languages?: string[]; style: Record<string, unknown> }[];
}

type Dict = Record<string, Record<string, unknown>>;

/** The token style properties the stylesheet (styles.module.css) maps from custom properties. */
export const tokenProperties = ['color', 'backgroundColor', 'fontStyle', 'fontWeight', 'textDecorationLine', 'opacity'] as const;
const supported = new Set<string>(tokenProperties);

const kebab = (property: string): string => property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** A theme's styles by token type for one language. */
export function themeDict(theme: PrismThemeLike, language: string): Dict {
  const dict: Dict = {};
  for (const entry of theme.styles) {
    if (entry.languages && !entry.languages.includes(language)) continue;
    for (const type of entry.types) dict[type] = { ...dict[type], ...entry.style };
  }
  return dict;
}

/** A token's style in one theme (undefined: the block's plain colour). */
function styleIn(dict: Dict, token: Token): Record<string, unknown> | undefined {
  if (token.types.length === 1 && token.types[0] === 'plain') return undefined;
  return Object.assign({}, ...token.types.map((type) => dict[type]));
}

/**
 * A token's inline style: both themes' values as custom properties, plus `display: inline-block`
 * for the placeholder of an empty line (as prism-react-renderer gives it).
 */
export function tokenStyle(light: Dict, dark: Dict, token: Token, where: string): CSSProperties | undefined {
  const style: Record<string, string | number> = {};
  for (const [prefix, dict] of [
    ['l', light],
    ['d', dark],
  ] as const) {
    const own = styleIn(dict, token);
    if (!own) continue;
    for (const [property, value] of Object.entries(own)) {
      if (value === undefined) continue;
      if (!supported.has(property)) {
        throw new Error(
          `${where}: the Prism theme styles tokens with "${property}", which code blocks do not carry (supported: ${tokenProperties.join(', ')}); add it to src/theme/CodeBlock/Content/tokens.ts and styles.module.css`,
        );
      }
      style[`--il-${prefix}-${kebab(property)}`] = value as string | number;
    }
  }
  if (token.empty) style.display = 'inline-block';
  return Object.keys(style).length ? (style as CSSProperties) : undefined;
}

/** The class names prism-react-renderer gives a token. */
export function tokenClassName(token: Token): string {
  return ['token', ...token.types].join(' ');
}

/** Unhighlighted lines, shaped as prism-react-renderer's normalizeTokens shapes plain text. */
export function plainLines(code: string): Token[][] {
  return code.split(/\r\n|\r|\n/).map((content) => [content === '' ? { types: ['plain'], content: '\n', empty: true } : { types: ['plain'], content }]);
}
