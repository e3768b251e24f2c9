/**
 * Islands: a widget or quiz whose code (and the engine it runs) loads only when the reader comes
 * near it, while the server-rendered HTML stays on screen until then.
 *
 * - On the server, the real component renders in full, synchronously (`server`, a `require` the
 *   browser bundle drops: src/plugins/island-env.ts), so the static page shows the widget as it
 *   will be, even without JavaScript.
 * - While the page hydrates, the island renders an element whose content React must leave alone
 *   (`dangerouslySetInnerHTML` with `suppressHydrationWarning`): the server HTML stays, and none of
 *   the widget's code is in the page's first scripts.
 * - When the island comes within a screen of the viewport, or gets focus or a pointer, its chunk
 *   loads and the live component replaces the server HTML in one commit. Focus inside it is carried
 *   over to the same control.
 * - After a client-side navigation there is no server HTML: a labelled placeholder holds the space
 *   until the chunk loads.
 *
 * Lessons import widgets and quizzes by their usual paths; those modules are islands. Tests import
 * the components themselves.
 */
import React, { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { useIsBrowser } from './isBrowser';
import { useHydratesServerHtml } from './hydrating';

type Loader<P> = (props: P) => Promise<ComponentType<P>>;

/** How far outside the viewport an island starts loading. */
const nearPx = 600;
const nearMargin = `${nearPx}px 0px`;

const focusableSelector = 'a[href],button,input,select,textarea,summary,[tabindex]';

export interface IslandOptions<P> {
  /**
   * What the code to load depends on, for islands whose chunk differs by props (a lesson's quiz).
   * Islands with the same key share one load.
   */
  key?: (props: P) => string;
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
    const ref = useRef<HTMLDivElement>(null);
    const focusIndex = useRef<number | null>(null);
    const started = useRef(false);
    // The props of the latest render: a start triggered later loads the component they name.
    const latestProps = useRef(props);
    useEffect(() => {
      latestProps.current = props;
    });

    const start = useCallback(() => {
      if (started.current) return;
      started.current = true;
      fetchComponent(latestProps.current).then(
        (c) => {
          const el = ref.current;
          const active = el && document.activeElement && el.contains(document.activeElement) ? document.activeElement : null;
          focusIndex.current = active ? Array.from(el!.querySelectorAll(focusableSelector)).indexOf(active) : null;
          setLive(() => c);
        },
        (error: unknown) => {
          started.current = false;
          setFailure(error instanceof Error ? error.message : String(error));
        },
      );
    }, []);

    useEffect(() => {
      if (Live || typeof window === 'undefined') return;
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
    }, [Live, start]);

    // Carry focus over to the same control of the live component.
    useEffect(() => {
      if (!Live || focusIndex.current === null || focusIndex.current < 0) return;
      const target = ref.current?.querySelectorAll<HTMLElement>(focusableSelector)[focusIndex.current];
      focusIndex.current = null;
      target?.focus({ preventScroll: true });
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
          onFocusCapture={start}
          onPointerEnter={start}
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
