/**
 * Stands in for @docusaurus/core's client/browserContext (src/plugins/after-hydration.ts): the
 * same context and provider, but "the page has hydrated" is set in a transition, so React renders
 * what changes with it (everything using useIsBrowser) in slices instead of one long task.
 * Plain JavaScript: it is compiled as the module it replaces would be.
 */
import { createContext, createElement, startTransition, useEffect, useState } from 'react';

export const Context = createContext(false);

export function BrowserContextProvider({ children }) {
  const [isBrowser, setIsBrowser] = useState(false);
  useEffect(() => {
    startTransition(() => setIsBrowser(true));
  }, []);
  return createElement(Context.Provider, { value: isBrowser }, children);
}
