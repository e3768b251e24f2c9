import useBaseUrl from '@docusaurus/useBaseUrl';

/** The URL of static/vm/ as the site serves it, with a trailing slash. */
export function useVmBase(): string {
  return useBaseUrl('/vm/');
}
