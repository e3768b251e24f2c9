import { useEffect, type RefObject } from 'react';

const focusable = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A pressed button that becomes disabled (Launch while a VM starts, "Run to the end" at the end)
 * drops keyboard focus to <body>, and the reader starts again from the top of the page. This keeps
 * focus inside the container: to the next control that can take it, else the one before.
 */
export function useFocusRescue(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = container.current;
    if (!root || typeof MutationObserver === 'undefined') return undefined;
    let last: HTMLElement | null = null;
    const onFocus = (e: FocusEvent) => {
      last = e.target instanceof HTMLElement ? e.target : null;
    };
    const rescue = () => {
      const lost = last;
      if (!lost) return;
      const active = document.activeElement;
      const dropped = active === null || active === document.body || active === lost;
      const unusable = !lost.isConnected || lost.matches(':disabled') || lost.closest('[hidden], [inert]') !== null;
      if (!dropped || !unusable) return;
      const candidates = Array.from(root.querySelectorAll<HTMLElement>(focusable)).filter(
        (el) => !el.matches(':disabled') && el.closest('[hidden], [inert]') === null && el.getClientRects().length > 0,
      );
      const after = lost.isConnected ? candidates.find((el) => lost.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) : undefined;
      const before = lost.isConnected ? candidates.filter((el) => lost.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING).at(-1) : undefined;
      const next = after ?? before ?? candidates[0];
      if (next) next.focus();
    };
    const observer = new MutationObserver(rescue);
    observer.observe(root, { attributes: true, attributeFilter: ['disabled', 'hidden'], subtree: true, childList: true });
    root.addEventListener('focusin', onFocus);
    return () => {
      observer.disconnect();
      root.removeEventListener('focusin', onFocus);
    };
  }, [container]);
}
