/**
 * Code block colours (src/theme/CodeBlock/Content/tokens.ts) against prism-react-renderer itself:
 * for each configured theme and each language the lessons use, every token's style in that theme,
 * read back from the custom properties, is the style prism-react-renderer's Highlight gives it.
 */
import { describe, expect, it } from 'vitest';
import React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Highlight, themes, type Token as PrrToken, type TokenOutputProps } from 'prism-react-renderer';
import { plainLines, themeDict, tokenClassName, tokenProperties, tokenStyle, type Token } from '@site/src/theme/CodeBlock/Content/tokens';
import config from '@site/docusaurus.config';

const prism = (config.themeConfig as { prism: { theme: typeof themes.vsLight; darkTheme: typeof themes.vsDark } }).prism;

const samples: Record<string, string> = {
  yaml: 'name: One VM\nregions:\n  - id: eu-central-1 # Frankfurt\n    hosts: [{ cores: 8 }]\n\nseed: 42\n',
  json: '{\n  "name": "One VM",\n  "seed": 42,\n  "ok": true\n}',
  ts: "import { run } from '@site/sim';\nconst r: number = run({ seed: 42 }); // go\nexport default r;\n",
  tsx: 'export const A = () => <div className="x">{1 + 2}</div>;\n',
  jsx: 'const b = <Quiz quiz="regions" />;\n',
  markdown: '# Title\n\nSome *text* and `code`.\n',
  markup: '<p class="x">Hi <b>there</b></p>\n',
  text: 'plain words\n\nmore',
};

/** prism-react-renderer's lines and token props for one theme. */
function reference(code: string, language: string, theme: typeof themes.vsLight): { lines: PrrToken[][]; props: TokenOutputProps[][] } {
  let out: { lines: PrrToken[][]; props: TokenOutputProps[][] } | undefined;
  renderToStaticMarkup(
    <Highlight code={code} language={language} theme={theme}>
      {({ tokens, getTokenProps }) => {
        out = { lines: tokens, props: tokens.map((line) => line.map((token) => getTokenProps({ token }))) };
        return null;
      }}
    </Highlight>,
  );
  return out!;
}

/** Our token style for one theme, read back from its custom properties. */
function readBack(style: React.CSSProperties | undefined, prefix: 'l' | 'd'): Record<string, unknown> | undefined {
  if (!style) return undefined;
  const out: Record<string, unknown> = {};
  for (const property of tokenProperties) {
    const value = (style as Record<string, unknown>)[`--il-${prefix}-${property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`];
    if (value !== undefined) out[property] = value;
  }
  if (style.display) out.display = style.display;
  return out;
}

/** prism-react-renderer's style with undefined values dropped (it spreads the theme's entries). */
function defined(style: React.CSSProperties | undefined): Record<string, unknown> | undefined {
  if (!style) return undefined;
  return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined));
}

describe('code block token colours', () => {
  it('uses the themes the site configures (vsLight, vsDark)', () => {
    expect(prism.theme).toBe(themes.vsLight);
    expect(prism.darkTheme).toBe(themes.vsDark);
  });

  for (const [language, code] of Object.entries(samples)) {
    it(`matches prism-react-renderer for ${language} in both themes`, () => {
      const light = reference(code, language, prism.theme);
      const dark = reference(code, language, prism.darkTheme);
      const lightDict = themeDict(prism.theme, language);
      const darkDict = themeDict(prism.darkTheme, language);
      let styled = 0;
      light.lines.forEach((line, i) =>
        line.forEach((token, j) => {
          const ours = tokenStyle(lightDict, darkDict, token as Token, 'test');
          const lightWant = defined(light.props[i][j].style);
          const darkWant = defined(dark.props[i][j].style);
          const lightGot = readBack(ours, 'l');
          const darkGot = readBack(ours, 'd');
          // A token prism-react-renderer leaves unstyled has none of our properties either.
          expect(lightGot && Object.keys(lightGot).length ? lightGot : undefined, `${language} line ${i} "${token.content}" light`).toEqual(
            lightWant && Object.keys(lightWant).length ? lightWant : undefined,
          );
          expect(darkGot && Object.keys(darkGot).length ? darkGot : undefined, `${language} line ${i} "${token.content}" dark`).toEqual(
            darkWant && Object.keys(darkWant).length ? darkWant : undefined,
          );
          expect(tokenClassName(token as Token)).toBe(light.props[i][j].className);
          if (lightWant?.color) styled++;
        }),
      );
      if (language !== 'text') expect(styled, `${language}: some tokens are coloured`).toBeGreaterThan(0);
    });
  }

  it('shapes unhighlighted code as prism-react-renderer shapes plain text', () => {
    const code = 'one\n\ntwo\r\nthree\n';
    expect(plainLines(code)).toEqual(reference(code, 'no-such-language', prism.theme).lines);
  });

  it('names the property when a theme styles tokens with one code blocks do not carry', () => {
    const theme = { plain: {}, styles: [{ types: ['keyword'], style: { textShadow: '0 0 1px red' } }] };
    expect(() => tokenStyle(themeDict(theme, 'ts'), themeDict(theme, 'ts'), { types: ['keyword'], content: 'if' }, 'code block (ts)')).toThrow(
      /code block \(ts\): the Prism theme styles tokens with "textShadow".*supported: color, backgroundColor/,
    );
  });
});
