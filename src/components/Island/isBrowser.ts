/** Docusaurus's "has the page hydrated" flag, in a module of its own so tests can stand in for it. */
export { default as useIsBrowser } from '@docusaurus/useIsBrowser';
