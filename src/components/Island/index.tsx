/**
 * Islands: a widget or quiz whose code (and the engine it runs) loads when the reader reaches for
 * it, while the server-rendered HTML stays on screen until then.
 *
 * - On the server, the real component renders in full, synchronously (`server`, a `require` the
 *   browser bundle drops: src/plugins/island-env.ts), so the static page shows the widget as it
 *   will be, even without JavaScript.
 * - While the page hydrates, the island renders an element whose content React must leave alone
 *   (`dangerouslySetInnerHTML` with `suppressHydrationWarning`): the server HTML stays, and none of
 *   the widget's code is in the page's first scripts.
 * - Reading past an island loads nothing. Its chunk loads when the reader reaches for it: a pointer
 *   over it (a mouse hovering, a finger touching), or focus inside it (Tab). The live component
 *   then replaces the server HTML in one commit, and what the reader did meanwhile is carried
 *   over: focus stays on the same control; a button or summary pressed before the code arrived is
 *   pressed again on the live one; a field typed in, a box ticked, a radio or option chosen keeps
 *   its value; a form submitted is submitted. The wrapper is `aria-busy` while its code loads.
 * - An island with something of the reader's own to show at once (`showsReaderState`: state in a
 *   share link, saved quiz progress) loads when it comes within a screen of the viewport, so what
 *   it shows is theirs by the time they see it.
 * - After a client-side navigation there is no server HTML: a labelled placeholder holds the space
 *   until the chunk, loaded when the island comes near, arrives.
 *
 * Lessons import widgets and quizzes by their usual paths; those modules are islands. Tests import
 * the components themselves.
 */
import React, { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { useIsBrowser } from './isBrowser';
import { useHydratesServerHtml } from './hydrating';
import { carryOver, pressAgain, pressTarget, type Carried, type Press } from './carry';

type Loader<P> = (props: P) => Promise<ComponentType<P>>;

/** How far outside the viewport an island that must load by itself starts loading. */
const nearPx = 600;
const nearMargin = `${nearPx}px 0px`;

export interface IslandOptions<P> {
  /**
   * What the code to load depends on, for islands whose chunk differs by props (a lesson's quiz).
   * Islands with the same key share one load.
   */
  key?: (props: P) => string;
  /**
   * Read in the browser before any of the island's code loads: whether it has something of the
   * reader's own to show (a share link's state, saved progress). Such an island loads when it comes
   * near the viewport instead of waiting for the reader to reach for it.
   */
  showsReaderState?: (props: P) => boolean;
}

/**
 * An island of the component `load` resolves to. `name` appears in the markup (data-island) and in
 * the error a reader sees if the chunk cannot load.
 */
export function island<P extends object>(
  name: string,
  load: Loader<P>,
  server: ComponentType<P> | undefined,
  options: IslandOptions<P> = {},
): ComponentType<P> {
  const keyOf = options.key ?? (() => '');
  const loads = new Map<string, Promise<ComponentType<P>>>();
  const loaded = new Map<string, ComponentType<P>>();
  const fetchComponent = (props: P): Promise<ComponentType<P>> => {
    const key = keyOf(props);
    let p = loads.get(key);
    if (!p) {
      p = load(props).then((c) => {
        loaded.set(key, c);
        return c;
      });
      p.catch(() => loads.delete(key)); // a failed chunk may be retried
      loads.set(key, p);
    }
    return p;
  };
  function Island(props: P): React.JSX.Element {
    const isBrowser = useIsBrowser();
    const hydrating = useHydratesServerHtml();
    const [Live, setLive] = useState<ComponentType<P> | null>(() => (isBrowser ? (loaded.get(keyOf(props)) ?? null) : null));
    const [failure, setFailure] = useState<string | null>(null);
    const [busy, setBusy] = useState(false);
    const ref = useRef<HTMLDivElement>(null);
    /** What the reader did in the server HTML, taken when the code arrives, given to the live component. */
    const carried = useRef<Carried | null>(null);
    /** A press on a button (or summary, or a form's submit) made before the code arrived. */
    const pressed = useRef<Press | null>(null);
    const started = useRef(false);
    // The props of the latest render: a start triggered later loads the component they name.
    const latestProps = useRef(props);
    useEffect(() => {
      latestProps.current = props;
    });

    const start = useCallback(() => {
      if (started.current) return;
      started.current = true;
      setBusy(true);
      fetchComponent(latestProps.current).then(
        (c) => {
          if (ref.current) carried.current = carryOver(ref.current);
          setLive(() => c);
        },
        (error: unknown) => {
          started.current = false;
          pressed.current = null;
          setBusy(false);
          setFailure(error instanceof Error ? error.message : String(error));
        },
      );
    }, []);

    // The server HTML: loads when the reader reaches for it, and keeps a press made meanwhile.
    useEffect(() => {
      const el = ref.current;
      if (Live || !hydrating || failure || !el) return;
      const reach = () => start();
      const press = (event: Event) => {
        const target = pressTarget(el, event);
        if (target === null) return;
        // Nothing in the server HTML acts on a press (its buttons have no code yet; a form would
        // reload the page): the live component gets the first one.
        event.preventDefault();
        event.stopPropagation();
        pressed.current ??= target;
        start();
      };
      const reachEvents = ['pointerover', 'pointerdown', 'focusin'] as const;
      for (const type of reachEvents) el.addEventListener(type, reach);
      el.addEventListener('touchstart', reach, { passive: true });
      el.addEventListener('click', press, true);
      el.addEventListener('submit', press, true);
      return () => {
        for (const type of reachEvents) el.removeEventListener(type, reach);
        el.removeEventListener('touchstart', reach);
        el.removeEventListener('click', press, true);
        el.removeEventListener('submit', press, true);
      };
    }, [Live, hydrating, failure, start]);

    // Loading by itself, when near the viewport: the placeholder after a client-side navigation, and
    // an island with the reader's own state to show.
    useEffect(() => {
      if (Live || typeof window === 'undefined') return;
      if (hydrating && !failure && !(options.showsReaderState?.(latestProps.current) ?? false)) return;
      const el = ref.current;
      if (!el || typeof IntersectionObserver === 'undefined') {
        start();
        return;
      }
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            stop();
            start();
          }
        },
        { rootMargin: nearMargin },
      );
      // The observer reports only when the browser renders a frame. A browser that produces no frames
      // for a while (seen in headless chromium under load, the page otherwise running) would leave an
      // island waiting beside the reader, so its position is also read by a timer, once a second.
      const timer = window.setInterval(() => {
        const r = el.getBoundingClientRect();
        const laidOut = r.width > 0 || r.height > 0;
        if (laidOut && r.bottom >= -nearPx && r.top <= window.innerHeight + nearPx) {
          stop();
          start();
        }
      }, 1000);
      const stop = () => {
        observer.disconnect();
        window.clearInterval(timer);
      };
      observer.observe(el);
      return stop;
    }, [Live, hydrating, failure, start]);

    // Give the live component what the reader did in the server HTML: focus at once, then values, then a press.
    useEffect(() => {
      const el = ref.current;
      if (!Live || !el) return;
      const what = carried.current;
      const press = pressed.current;
      carried.current = null;
      pressed.current = null;
      what?.mount(el);
      if (!what && !press) return;
      // Values and the press wait for the live component to settle: its first effects (a share link
      // read, progress loaded) set its state once more after mounting, which would undo them. Two
      // frames on, that is done; the press then comes in a task of its own, after React has drawn the
      // values it may act on.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!el.isConnected) return;
          what?.apply(el);
          if (press)
            window.setTimeout(() => {
              if (el.isConnected) pressAgain(el, press);
            }, 0);
        }),
      );
    }, [Live]);

    if (typeof window === 'undefined') {
      if (!server) throw new Error(`island ${name}: no server component (is src/plugins/island-env.ts in docusaurus.config.ts?)`);
      const Server = server;
      return (
        <div className="il-island" data-island={name} data-island-state="pending">
          <Server {...props} />
        </div>
      );
    }
    if (Live) {
      return (
        <div key="live" ref={ref} className="il-island" data-island={name} data-island-state="live">
          <Live {...props} />
        </div>
      );
    }
    if (hydrating && !failure) {
      // The server's HTML for this island stays as it is until the live component replaces it.
      return (
        <div
          key="server"
          ref={ref}
          className="il-island"
          data-island={name}
          data-island-state="pending"
          aria-busy={busy || undefined}
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: '' }}
        />
      );
    }
    return (
      <div key="placeholder" ref={ref} className="il-island il-island-placeholder" data-island={name} data-island-state={failure ? 'failed' : 'pending'}>
        <p role={failure ? 'alert' : 'status'}>{failure ? `The ${name} could not load: ${failure}. Reload the page to try again.` : `Loading the ${name}…`}</p>
      </div>
    );
  }
  Island.displayName = `Island(${name})`;
  return Island;
}
