/** Docusaurus's "has the page hydrated" flag, in a module of its own so tests can stand in for it. */
export { default as useIsBrowser } from '@docusaurus/useIsBrowser';

/**
 * Whether the page arrived with server HTML for React to hydrate: true on a built site, false under
 * `docusaurus start`, which renders in the browser only. Read once, as the first script runs
 * (before React renders anything).
 */
export const serverRendered: boolean = typeof document !== 'undefined' && (document.getElementById('__docusaurus')?.childElementCount ?? 0) > 0;
