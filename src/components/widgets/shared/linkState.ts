/**
 * Share links' address parameters (`w-<widget id>`), named in a module with no schema in it: widget
 * islands read it before any of their code loads, to load at once when a link carries a widget's
 * state. The state itself is read through the widget's schema (./urlState).
 */

export function paramName(id: string): string {
  return `w-${id}`;
}

/** In the browser: whether the page's address carries any widget's shared state. */
export function linkHasWidgetState(): boolean {
  for (const name of new URLSearchParams(window.location.search).keys()) if (name.startsWith(paramName(''))) return true;
  return false;
}
