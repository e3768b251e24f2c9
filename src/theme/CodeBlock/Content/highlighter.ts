/**
 * Prism, with the site's additional languages, as one chunk. The server requires it synchronously;
 * the browser loads it only when it renders a code block itself (after a client-side navigation),
 * since the server's HTML for a code block is already highlighted in both colour modes.
 */
import { Prism, normalizeTokens } from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';
import type { Token } from './tokens';

prismIncludeLanguages(Prism);

/** Lines of tokens, as prism-react-renderer's Highlight tokenizes (hooks included). */
export function tokenize(code: string, language: string): Token[][] {
  const grammar = Prism.languages[language];
  if (!grammar) return normalizeTokens([code]) as Token[][];
  const env: { code: string; grammar: typeof grammar; language: string; tokens: ReturnType<typeof Prism.tokenize> } = { code, grammar, language, tokens: [] };
  Prism.hooks.run('before-tokenize', env);
  env.tokens = Prism.tokenize(code, grammar);
  Prism.hooks.run('after-tokenize', env);
  return normalizeTokens(env.tokens) as Token[][];
}
