import { useState } from 'react';
import { serverRendered, useIsBrowser } from './isBrowser';

/**
 * Whether this component's first render hydrates server HTML, decided once at mount: true during
 * the hydration of a built page, false after a client-side navigation and under `docusaurus
 * start`. Islands and code blocks keep their server HTML untouched while it is true.
 */
export function useHydratesServerHtml(): boolean {
  const isBrowser = useIsBrowser();
  const [hydrating] = useState(() => !isBrowser && serverRendered);
  return hydrating;
}
