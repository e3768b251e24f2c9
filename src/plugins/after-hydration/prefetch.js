/**
 * Stands in for @docusaurus/core's client/prefetch (src/plugins/after-hydration.ts): the same
 * `prefetch(url)`, called for each chunk of each route a visible link leads to. Docusaurus adds a
 * `<link rel="prefetch">` at once for every call, duplicates included (a lesson asked for 138
 * links, 16 of them distinct), all in the task where the links came into view: on a phone that
 * was a long task right after hydration. Here each URL is prefetched once, and the links are
 * added while the browser is idle, a few at a time.
 * Plain JavaScript: it is compiled as the module it replaces would be.
 */
const requested = new Map();
const queue = [];
let scheduled = false;

let linkPrefetch;

/** Whether the browser prefetches with <link rel="prefetch"> (asked once). */
function supportsLinkPrefetch() {
  if (linkPrefetch === undefined) {
    try {
      linkPrefetch = document.createElement('link').relList.supports('prefetch');
    } catch {
      linkPrefetch = false;
    }
  }
  return linkPrefetch;
}

function fetchLater(url) {
  return new Promise((resolve, reject) => {
    if (supportsLinkPrefetch()) {
      const link = document.createElement('link');
      link.setAttribute('rel', 'prefetch');
      link.setAttribute('href', url);
      link.onload = () => resolve();
      link.onerror = () => reject();
      (document.head ?? document.documentElement).appendChild(link);
    } else {
      const req = new XMLHttpRequest();
      req.open('GET', url, true);
      req.withCredentials = true;
      req.onload = () => (req.status === 200 ? resolve() : reject());
      req.onerror = () => reject();
      req.send(null);
    }
  });
}

function drain(deadline) {
  scheduled = false;
  // At least one per idle period, then as many as fit in it.
  do {
    const next = queue.shift();
    if (!next) return;
    fetchLater(next.url).then(next.resolve, next.reject);
  } while (deadline && deadline.timeRemaining() > 4);
  schedule();
}

function schedule() {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  if (typeof requestIdleCallback === 'function') requestIdleCallback(drain, { timeout: 3000 });
  else setTimeout(() => drain(undefined), 50);
}

export default function prefetch(url) {
  if (typeof document === 'undefined') return Promise.resolve();
  let pending = requested.get(url);
  if (!pending) {
    pending = new Promise((resolve, reject) => queue.push({ url, resolve, reject })).catch(() => {
      // A failed prefetch may be asked for again (404s are logged by the browser).
      requested.delete(url);
    });
    requested.set(url, pending);
    schedule();
  }
  return pending;
}
