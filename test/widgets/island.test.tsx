// @vitest-environment happy-dom
/**
 * Islands (src/components/Island): the server's HTML stays through hydration and while the reader
 * reads past it; when they reach for it (pointer, focus) the live component replaces it, and what
 * they did meanwhile is carried over (focus, a press, values); an island with the reader's own
 * state loads when near; after a client-side navigation a labelled placeholder stands in; a chunk
 * that fails to load says so.
 */
import React, { act, useEffect, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import { island } from '@site/src/components/Island';

// Tell React this environment drives act() (hydrateRoot is called by hand here).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Docusaurus's flag: false while the page hydrates, true after (and after client-side navigation). */
const browser = vi.hoisted(() => ({ hydrated: false }));
vi.mock('@site/src/components/Island/isBrowser', () => ({ useIsBrowser: () => browser.hydrated, serverRendered: true }));

/** A counter: its first button adds one; the server and the live component render the same markup. */
function Counter({ label }: { label: string }): React.JSX.Element {
  const [n, setN] = useState(0);
  return (
    <section aria-label={label}>
      <button type="button" onClick={() => setN(n + 1)}>
        Add one
      </button>
      <button type="button">Second</button>
      <output>{n}</output>
    </section>
  );
}

/** A field that, like a widget reading its share link, sets its state once more after mounting (two renders on). */
function Rereading({ label }: { label: string }): React.JSX.Element {
  const [name, setName] = useState('web');
  const [read, setRead] = useState(false);
  useEffect(() => setRead(true), []);
  useEffect(() => {
    if (read) setName('web');
  }, [read]);
  return (
    <section aria-label={label}>
      <input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} />
      <output>{name}</output>
    </section>
  );
}

/** A form: a name field, a box, a choice and a submit button; what it submitted is shown. */
function Form({ label }: { label: string }): React.JSX.Element {
  const [name, setName] = useState('web');
  const [spread, setSpread] = useState(false);
  const [zones, setZones] = useState('1');
  const [sent, setSent] = useState('nothing yet');
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        setSent(`${name}, ${spread ? 'spread' : 'packed'}, ${zones} zones`);
      }}
    >
      <input aria-label="Name" value={name} onChange={(e) => setName(e.target.value)} />
      <input aria-label="Spread" type="checkbox" checked={spread} onChange={(e) => setSpread(e.target.checked)} />
      <select aria-label="Zones" value={zones} onChange={(e) => setZones(e.target.value)}>
        <option value="1">1</option>
        <option value="3">3</option>
      </select>
      <button type="submit">Launch</button>
      <output>{sent}</output>
    </form>
  );
}

/** IntersectionObserver under test control: `enter()` tells every observer its element is near. */
let observers: Array<{ callback: IntersectionObserverCallback; disconnected: boolean }> = [];
class FakeObserver {
  private entry: { callback: IntersectionObserverCallback; disconnected: boolean };
  constructor(callback: IntersectionObserverCallback) {
    this.entry = { callback, disconnected: false };
    observers.push(this.entry);
  }
  observe(): void {}
  disconnect(): void {
    this.entry.disconnected = true;
  }
}
function enter(): void {
  for (const o of observers) if (!o.disconnected) o.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver);
}

beforeEach(() => {
  browser.hydrated = false;
  observers = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

/** The page as the server wrote it: the island's wrapper around the component's HTML. */
function serverPage(label: string, name = 'counter', Component: React.ComponentType<{ label: string }> = Counter): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = `<div class="il-island" data-island="${name}" data-island-state="pending">${renderToString(<Component label={label} />)}</div>`;
  document.body.appendChild(container);
  return container;
}

/** Every element laid out 200 px tall from `top` px below the top of the viewport (for the islands' timer). */
function laidOutAt(top: number) {
  return vi
    .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
    .mockReturnValue({ top, bottom: top + 200, left: 0, right: 500, width: 500, height: 200, x: 0, y: top, toJSON: () => ({}) } as DOMRect);
}

/** The server page of `Component` hydrated as an island whose code arrives only when `arrive()` is called. */
async function hydrateHeldBack(
  label: string,
  name = 'counter',
  Component: React.ComponentType<{ label: string }> = Counter,
): Promise<{ container: HTMLElement; arrive: () => Promise<void> }> {
  let resolve!: (c: React.ComponentType<{ label: string }>) => void;
  const Island = island(name, () => new Promise<React.ComponentType<{ label: string }>>((r) => (resolve = r)), Component);
  const container = serverPage(label, name, Component);
  await act(async () => {
    hydrateRoot(container, <Island label={label} />);
  });
  return { container, arrive: () => act(async () => resolve(Component)) };
}

describe('island', () => {
  it('keeps the server HTML through hydration and while the reader reads past it; a pointer over it loads it', async () => {
    const load = vi.fn(async () => Counter);
    const Island = island('counter', load, Counter);
    const container = serverPage('Hydrated');
    const before = container.innerHTML;
    let root: { unmount(): void } | undefined;
    await act(async () => {
      root = hydrateRoot(container, <Island label="Hydrated" />);
    });
    expect(container.innerHTML).toBe(before);
    expect(screen.getByRole('button', { name: 'Add one' })).toBeTruthy();
    // In the viewport, and seen by the timer too: still nothing loads while the reader only reads.
    const rect = laidOutAt(100);
    await act(async () => enter());
    await new Promise((done) => setTimeout(done, 1200));
    rect.mockRestore();
    expect(load).not.toHaveBeenCalled();
    expect(container.innerHTML).toBe(before);

    await act(async () => fireEvent.pointerOver(screen.getByRole('button', { name: 'Second' })));
    expect(load).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(container.querySelector('[data-island-state="live"]')).not.toBeNull());
    // The live component is the one on screen now: it counts.
    await act(async () => screen.getByRole('button', { name: 'Add one' }).click());
    expect(screen.getByRole('region', { name: 'Hydrated' }).querySelector('output')?.textContent).toBe('1');
    expect(container.querySelectorAll('section')).toHaveLength(1);
    act(() => root!.unmount());
  });

  it('is aria-busy while its code loads after the reader reached for it', async () => {
    const { container, arrive } = await hydrateHeldBack('Busy');
    const wrapper = container.querySelector('[data-island]')!;
    expect(wrapper.getAttribute('aria-busy')).toBeNull();
    await act(async () => fireEvent.pointerDown(screen.getByRole('button', { name: 'Add one' })));
    expect(wrapper.getAttribute('aria-busy')).toBe('true');
    await arrive();
    await waitFor(() => expect(container.querySelector('[data-island-state="live"]')).not.toBeNull());
    expect(container.querySelector('[data-island-state="live"]')!.getAttribute('aria-busy')).toBeNull();
  });

  it('presses again on the live component a button pressed before its code arrived (the first press, once)', async () => {
    const { container, arrive } = await hydrateHeldBack('Pressed');
    const serverButton = screen.getByRole('button', { name: 'Add one' });
    let reachedPage = 0;
    const onDocument = () => reachedPage++;
    document.addEventListener('click', onDocument);
    await act(async () => {
      serverButton.click();
      serverButton.click();
    });
    document.removeEventListener('click', onDocument);
    expect(reachedPage).toBe(0); // the server HTML's press goes nowhere else
    await arrive();
    await waitFor(() => expect(container.querySelector('[data-island-state="live"]')).not.toBeNull());
    const live = screen.getByRole('button', { name: 'Add one' });
    expect(live).not.toBe(serverButton);
    // Once the live component has settled (two frames on): pressed there, once, with focus on it.
    await waitFor(() => expect(screen.getByRole('region', { name: 'Pressed' }).querySelector('output')?.textContent).toBe('1'));
    await new Promise((done) => setTimeout(done, 100));
    expect(screen.getByRole('region', { name: 'Pressed' }).querySelector('output')?.textContent).toBe('1');
    expect(document.activeElement).toBe(live);
  });

  it('carries over what the reader typed, ticked and chose in the server HTML, and a form they submitted', async () => {
    const { container, arrive } = await hydrateHeldBack('Launcher', 'form', Form);
    const name = screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    await act(async () => name.focus());
    name.value = 'api';
    (screen.getByRole('checkbox', { name: 'Spread' }) as HTMLInputElement).checked = true;
    (screen.getByRole('combobox', { name: 'Zones' }) as HTMLSelectElement).value = '3';
    const submitted = new Event('submit', { bubbles: true, cancelable: true });
    await act(async () => {
      container.querySelector('form')!.dispatchEvent(submitted);
    });
    expect(submitted.defaultPrevented).toBe(true); // the page is not reloaded by the server HTML's form
    await arrive();
    await waitFor(() => expect(container.querySelector('[data-island-state="live"]')).not.toBeNull());
    const liveName = screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    expect(liveName).not.toBe(name);
    await waitFor(() => expect(liveName.value).toBe('api'));
    expect((screen.getByRole('checkbox', { name: 'Spread' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('combobox', { name: 'Zones' }) as HTMLSelectElement).value).toBe('3');
    expect(document.activeElement).toBe(liveName);
    await waitFor(() => expect(container.querySelector('output')?.textContent).toBe('api, spread, 3 zones'));
  });

  it('keeps a value typed before the code arrived even when the live component sets its state once more as it mounts', async () => {
    const { container, arrive } = await hydrateHeldBack('Rereading', 'rereading', Rereading);
    const name = screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement;
    await act(async () => name.focus());
    name.value = 'db';
    await arrive();
    await waitFor(() => expect(container.querySelector('[data-island-state="live"]')).not.toBeNull());
    await waitFor(() => expect(container.querySelector('output')?.textContent).toBe('db'));
    await new Promise((done) => setTimeout(done, 100));
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe('db');
  });

  it("an island with the reader's own state loads when it comes near, even if the browser renders no frame (its position is read by a timer)", async () => {
    const load = vi.fn(async () => Counter);
    const Island = island('counter', load, Counter, { showsReaderState: () => true });
    const container = serverPage('Frameless');
    let root: { unmount(): void } | undefined;
    await act(async () => {
      root = hydrateRoot(container, <Island label="Frameless" />);
    });
    expect(load).not.toHaveBeenCalled();
    // Laid out 100 px below the top of the viewport; the observer (FakeObserver) is never told.
    const rect = laidOutAt(100);
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1), { timeout: 3000 });
    await waitFor(() => expect(container.querySelector('[data-island-state="live"]')).not.toBeNull());
    rect.mockRestore();
    act(() => root!.unmount());
  });

  it("an island with the reader's own state loads when its observer reports it near, and not while far below", async () => {
    const load = vi.fn(async () => Counter);
    const Island = island('counter', load, Counter, { showsReaderState: () => true });
    const container = serverPage('Far');
    const rect = laidOutAt(5000);
    let root: { unmount(): void } | undefined;
    await act(async () => {
      root = hydrateRoot(container, <Island label="Far" />);
    });
    await new Promise((done) => setTimeout(done, 2200));
    expect(load).not.toHaveBeenCalled();
    rect.mockRestore();
    await act(async () => enter());
    expect(load).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(container.querySelector('[data-island-state="live"]')).not.toBeNull());
    act(() => root!.unmount());
  });

  it('loads at once when the reader tabs into the server HTML, and keeps focus on the same control', async () => {
    const Island = island('counter', async () => Counter, Counter);
    const container = serverPage('Focused');
    await act(async () => {
      hydrateRoot(container, <Island label="Focused" />);
    });
    const second = screen.getByRole('button', { name: 'Second' });
    await act(async () => second.focus());
    await waitFor(() => expect(container.querySelector('[data-island-state="live"]')).not.toBeNull());
    const live = screen.getByRole('button', { name: 'Second' });
    expect(live).not.toBe(second); // a new element: the live component's
    expect(document.activeElement).toBe(live);
  });

  it('shows a labelled placeholder after a client-side navigation, then the live component', async () => {
    let resolve!: (c: typeof Counter) => void;
    const Island = island('counter', () => new Promise<typeof Counter>((r) => (resolve = r)), Counter);
    browser.hydrated = true;
    render(<Island label="Navigated" />);
    expect(screen.getByRole('status').textContent).toBe('Loading the counter…');
    await act(async () => enter());
    await act(async () => resolve(Counter));
    expect(screen.getByRole('region', { name: 'Navigated' })).toBeTruthy();
    expect(screen.queryByText('Loading the counter…')).toBeNull();
  });

  it('says which island failed and why when its code cannot load', async () => {
    const Island = island('counter', () => Promise.reject(new Error('ChunkLoadError: /assets/js/42.js')), Counter);
    const container = serverPage('Broken');
    await act(async () => {
      hydrateRoot(container, <Island label="Broken" />);
    });
    await act(async () => fireEvent.focusIn(screen.getByRole('button', { name: 'Add one' })));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The counter could not load: ChunkLoadError: /assets/js/42.js. Reload the page to try again.');
  });

  it('loads once per key: two islands of the same lesson quiz share one load, another key loads its own', async () => {
    const load = vi.fn(async (_props: { label: string }) => Counter);
    const Island = island<{ label: string }>('counter', load, Counter, { key: (p) => p.label.slice(0, 1) });
    browser.hydrated = true;
    render(
      <>
        <Island label="a1" />
        <Island label="a2" />
        <Island label="b1" />
      </>,
    );
    await act(async () => enter());
    await waitFor(() => expect(screen.getAllByRole('region')).toHaveLength(3));
    expect(load.mock.calls.map(([p]) => p.label).sort()).toEqual(['a1', 'b1']);
  });
});
