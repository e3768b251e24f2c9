/**
 * Stands in for @docusaurus/theme-common's hooks/useWindowSize (src/plugins/after-hydration.ts):
 * the same hook and breakpoint, but the first reading after hydration ('ssr' to 'mobile' or
 * 'desktop', which mounts the mobile menu's sidebar) is a transition, rendered in slices instead
 * of one long task. Later resizes update as before.
 * Plain JavaScript: it is compiled as the module it replaces would be.
 */
import { startTransition, useEffect, useState } from 'react';

/** Also in Infima's CSS: both must change together (facebook/docusaurus#9603). */
const desktopBreakpointDefault = 996;

export function useWindowSize({ desktopBreakpoint = desktopBreakpointDefault } = {}) {
  // Always 'ssr' on the first render, as on the server: no hydration mismatch.
  const [windowSize, setWindowSize] = useState('ssr');
  useEffect(() => {
    const update = () => setWindowSize(window.innerWidth > desktopBreakpoint ? 'desktop' : 'mobile');
    startTransition(update);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [desktopBreakpoint]);
  return windowSize;
}
