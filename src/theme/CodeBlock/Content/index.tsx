/**
 * A code block's lines, highlighted without Prism in the page's first script (swizzled from
 * @docusaurus/theme-classic's CodeBlock/Content).
 *
 * - The server highlights with Prism, as Docusaurus does, but writes both colour modes' token
 *   colours as custom properties (./tokens.ts), so the HTML is right whatever the reader's mode.
 * - While the page hydrates, React keeps that HTML as it is (`dangerouslySetInnerHTML` with
 *   `suppressHydrationWarning`, as islands do) and never needs to render the tokens again.
 * - A code block the browser renders itself (after a client-side navigation) shows its plain text
 *   at once and its colours when the Prism chunk (./highlighter.ts) has loaded.
 *
 * A patch to theme-classic (patches/@docusaurus+theme-classic+*.patch) keeps it from loading Prism at start-up.
 */
import React, { forwardRef, useEffect, useState, type ComponentProps } from 'react';
import clsx from 'clsx';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import { useThemeConfig } from '@docusaurus/theme-common';
import Line from '@theme/CodeBlock/Line';
import type { LineInputProps, LineOutputProps, TokenInputProps, TokenOutputProps } from 'prism-react-renderer';
import { useHydratesServerHtml } from '@site/src/components/Island/hydrating';
import { plainLines, themeDict, tokenClassName, tokenStyle, type PrismThemeLike, type Token } from './tokens';
import styles from './styles.module.css';

type Highlighter = typeof import('./highlighter');

// The server has Prism at once; the browser bundle drops this branch (src/plugins/island-env.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
let highlighter: Highlighter | undefined = process.env.INFRALAB_SSR ? (require('./highlighter') as Highlighter) : undefined;
let loading: Promise<Highlighter> | undefined;

function loadHighlighter(): Promise<Highlighter> {
  loading ??= import(/* webpackChunkName: "prism" */ './highlighter').then((m) => (highlighter = m));
  loading.catch(() => (loading = undefined)); // a failed chunk may be retried by the next block
  return loading;
}

/** Prism, when this block needs it (it renders its own tokens) and once it has loaded. */
function useHighlighter(needed: boolean): Highlighter | undefined {
  const [loaded, setLoaded] = useState(highlighter);
  useEffect(() => {
    if (!needed || loaded) return;
    let live = true;
    loadHighlighter().then(
      (m) => live && setLoaded(m),
      // Unhighlighted code is still the code: say why the colours are missing, and go on.
      (error: unknown) => console.warn(`Code highlighting could not load: ${error instanceof Error ? error.message : String(error)}`),
    );
    return () => {
      live = false;
    };
  }, [needed, loaded]);
  return loaded ?? highlighter;
}

const Pre = forwardRef<HTMLPreElement, ComponentProps<'pre'>>(function Pre(props, ref) {
  // Focusable so the keyboard can scroll long lines, as Docusaurus's own code blocks are.
  return <pre ref={ref} tabIndex={0} {...props} className={clsx(props.className, styles.codeBlock, 'thin-scrollbar')} />;
});

export default function CodeBlockContent({ className }: { className?: string }): React.JSX.Element {
  const { metadata, wordWrap } = useCodeBlockContext();
  const { prism } = useThemeConfig() as unknown as { prism: { theme: PrismThemeLike; darkTheme?: PrismThemeLike } };
  const fromServer = useHydratesServerHtml();
  const prismNow = useHighlighter(!fromServer);
  const { code, lineNumbersStart, lineClassNames } = metadata;
  const language = metadata.language.toLowerCase();
  const showLineNumbers = lineNumbersStart !== undefined;
  const codeProps = {
    className: clsx(styles.codeBlockLines, showLineNumbers && styles.codeBlockLinesWithNumbering),
    style: showLineNumbers ? { counterReset: `line-count ${lineNumbersStart - 1}` } : undefined,
  };
  const preProps = {
    ref: wordWrap.codeBlockRef,
    className: clsx(className, 'prism-code', `language-${language}`, styles.code),
  };

  if (fromServer) {
    return (
      <Pre {...preProps} data-highlighted="true">
        <code {...codeProps} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: '' }} />
      </Pre>
    );
  }

  const light = themeDict(prism.theme, language);
  const dark = themeDict(prism.darkTheme ?? prism.theme, language);
  const where = `code block (${language})`;
  const lines: Token[][] = prismNow ? prismNow.tokenize(code, language) : plainLines(code);
  const getLineProps = ({ className: lineClass }: LineInputProps): LineOutputProps => ({ className: clsx('token-line', lineClass) });
  const getTokenProps = ({ token }: TokenInputProps): TokenOutputProps => ({
    className: tokenClassName(token),
    style: tokenStyle(light, dark, token, where),
    children: token.content,
  });
  return (
    <Pre {...preProps} data-highlighted={prismNow ? 'true' : 'false'}>
      <code {...codeProps}>
        {lines.map((line, i) => (
          <Line
            key={i}
            line={line}
            getLineProps={getLineProps}
            getTokenProps={getTokenProps}
            classNames={lineClassNames[i]}
            showLineNumbers={showLineNumbers}
          />
        ))}
      </code>
    </Pre>
  );
}
