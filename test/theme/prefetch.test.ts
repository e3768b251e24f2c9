// @vitest-environment happy-dom
/**
 * Docusaurus's prefetch as patched (patches/@docusaurus+core+*.patch): each URL once, however often
 * links ask for it, and the <link rel="prefetch"> elements added in idle time, not in the caller's
 * task.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Idle = (deadline: { timeRemaining(): number; didTimeout: boolean }) => void;

// happy-dom's relList does not know "prefetch"; Chromium's does (the browser suite runs there).
Object.defineProperty(HTMLLinkElement.prototype, 'relList', { configurable: true, get: () => ({ supports: (t: string) => t === 'prefetch' }) });

describe('prefetch, patched', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
    document.head.innerHTML = '';
  });

  it('adds one prefetch link per URL, in idle time, a few per idle period', async () => {
    const idle: Idle[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: Idle) => idle.push(cb));
    const { default: prefetch } = await import('@docusaurus/core/lib/client/prefetch.js');
    const links = () => [...document.head.querySelectorAll('link[rel="prefetch"]')].map((l) => l.getAttribute('href'));
    for (let i = 0; i < 3; i++) for (const chunk of ['/a.js', '/b.js', '/c.js']) prefetch(chunk);
    expect(links(), 'nothing added in the calling task').toEqual([]);
    expect(idle).toHaveLength(1);
    // An idle period with room for one only: one link, and another idle period asked for.
    let left = 0;
    idle.shift()!({ timeRemaining: () => (left-- > 0 ? 10 : 0), didTimeout: false });
    expect(links()).toEqual(['/a.js']);
    expect(idle).toHaveLength(1);
    idle.shift()!({ timeRemaining: () => 50, didTimeout: false });
    expect(links()).toEqual(['/a.js', '/b.js', '/c.js']);
    expect(idle).toHaveLength(0);
    prefetch('/a.js');
    expect(idle, 'a URL asked for again is not fetched again').toHaveLength(0);
  });

  it('settles when the link loads, and lets a failed URL be asked for again', async () => {
    const idle: Idle[] = [];
    vi.stubGlobal('requestIdleCallback', (cb: Idle) => idle.push(cb));
    const { default: prefetch } = await import('@docusaurus/core/lib/client/prefetch.js');
    const ok = prefetch('/ok.js');
    const bad = prefetch('/missing.js');
    idle.shift()!({ timeRemaining: () => 50, didTimeout: false });
    const [okLink, badLink] = [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')];
    okLink.onload!(new Event('load'));
    badLink.onerror!(new Event('error'));
    await expect(ok).resolves.toBeUndefined();
    await expect(bad).resolves.toBeUndefined();
    prefetch('/missing.js');
    expect(idle).toHaveLength(1);
  });
});
