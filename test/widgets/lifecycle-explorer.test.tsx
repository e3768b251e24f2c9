// @vitest-environment happy-dom
/**
 * The lifecycle explorer, used as a reader uses it. Expected numbers are worked out here from the
 * engine's documented defaults: pending 30 s, stopping 20 s, shutting-down 10 s, reboot 60 s; the
 * VM is 2 vCPU (one m5.large, 0.096 USD an hour in us-east-1) with a 100 GiB gp3 root volume
 * (0.08 USD per GiB-month, a month being 730 h) and a 75 GiB instance store; compute is billed while
 * running, the root volume until terminated, the instance store not apart.
 */
import React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { lifecycle, settlesTo } from '@site/sim';
import LifecycleExplorer from '@site/src/components/widgets/LifecycleExplorer/LifecycleExplorer';

// Typing through user-event is slow on a busy two-core machine: give a reader's session room.
vi.setConfig({ testTimeout: 20_000 });
beforeEach(() => window.history.replaceState(null, '', '/lab'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const computePerHour = 0.096;
const diskPerHour = (100 * 0.08) / 730;
const usd = (x: number) => `$${(Math.round(x * 1e6) / 1e6).toFixed(6)}`;

function explorer() {
  return within(screen.getByRole('region', { name: 'Lifecycle explorer: one VM, start to finish' }));
}
type W = ReturnType<typeof explorer>;
type User = ReturnType<typeof userEvent.setup>;

const summary = (w: W) => w.getByTestId('live-summary').textContent ?? '';
const button = (w: W, name: string) => w.getByRole('button', { name }) as HTMLButtonElement;
const current = () => document.querySelector('[data-current]')?.getAttribute('data-state') ?? null;
const reasonFor = (w: W, name: string) => {
  const id = button(w, name).getAttribute('aria-describedby');
  return id ? document.getElementById(id)?.textContent : undefined;
};

async function press(user: User, w: W, ...names: string[]) {
  for (const name of names) await user.click(button(w, name));
}

describe('before launch', () => {
  it('only Launch is open; the others are disabled with the reason', () => {
    render(<LifecycleExplorer />);
    const w = explorer();
    expect(button(w, 'Launch').disabled).toBe(false);
    for (const name of ['Start', 'Stop', 'Reboot', 'Terminate', 'Wait']) {
      expect(button(w, name).disabled).toBe(true);
      expect(reasonFor(w, name)).toBe(`${name}: there is no VM yet: launch one first`);
    }
    expect(current()).toBeNull();
    expect(summary(w)).toBe('No VM yet. Time 0 s. Launch one to begin.');
  });
});

describe('the lifecycle', () => {
  it('launch: pending for 30 s on a host, unbilled for compute, then running', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await press(user, w, 'Launch');
    expect(current()).toBe('pending');
    expect(reasonFor(w, 'Stop')).toBe('Stop: cannot stop web-1 while it is pending: stop needs a VM that is running');
    await press(user, w, 'Wait');
    expect(current()).toBe('running');
    expect(summary(w)).toContain('web-1 is running on us-east-1a-h1, serving. Time 30 s.');
    // 30 s pending: no compute; disk for 30 s.
    expect(w.getByText(`Over the last 30 s: compute did not grow, disk grew by ${usd((diskPerHour * 30) / 3600)}.`)).toBeTruthy();
    const history = within(w.getByRole('region', { name: 'History' }));
    expect(history.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '0 s web-1 is pending on us-east-1a-h1',
      '30 s web-1 is running on us-east-1a-h1',
    ]);
  });

  it('an hour running bills 0.096 USD of compute and 8/730 USD of disk', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await press(user, w, 'Launch', 'Wait', '+1 h');
    expect(w.getByText(`Over the last 1 h: compute grew by ${usd(computePerHour)}, disk grew by ${usd(diskPerHour)}.`)).toBeTruthy();
  });

  it('stop → stopped (20 s) holds no host and bills only disk; start places it again', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await press(user, w, 'Launch', 'Wait', 'Stop');
    expect(current()).toBe('stopping');
    await press(user, w, 'Wait');
    expect(current()).toBe('stopped');
    expect(summary(w)).toContain('web-1 is stopped, on no host, not serving: stopped. Time 50 s.');
    expect(w.getByText('Holds no host while stopped.')).toBeTruthy();
    await press(user, w, '+1 h');
    expect(w.getByText(`Over the last 1 h: compute did not grow, disk grew by ${usd(diskPerHour)}.`)).toBeTruthy();
    await press(user, w, 'Start');
    expect(current()).toBe('pending');
    await press(user, w, 'Wait');
    expect(current()).toBe('running');
    // Both hosts are empty: a start after a stop prefers a host other than the last one, as a cloud usually does.
    expect(w.getByText('Runs on host us-east-1a-h2. Its last start moved it from us-east-1a-h1 to us-east-1a-h2.')).toBeTruthy();
  });

  it('a failed host: reboot keeps the VM on it, stop and start moves it to the healthy host', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await press(user, w, 'Launch', 'Wait', 'Fail us-east-1a-h1');
    expect(summary(w)).toContain('web-1 is running on us-east-1a-h1, not serving: host failed.');
    await press(user, w, 'Reboot');
    expect(current()).toBe('running');
    await press(user, w, 'Wait');
    expect(summary(w)).toContain('on us-east-1a-h1, not serving: host failed');
    await press(user, w, 'Stop', 'Wait', 'Start', 'Wait');
    expect(summary(w)).toContain('web-1 is running on us-east-1a-h2, serving.');
    expect(w.getByText('Runs on host us-east-1a-h2. Its last start moved it from us-east-1a-h1 to us-east-1a-h2.')).toBeTruthy();
  });

  it('reboot: 60 s on the same host without serving, then back', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await press(user, w, 'Launch', 'Wait', 'Reboot');
    expect(summary(w)).toContain('web-1 is running (rebooting) on us-east-1a-h1, not serving: rebooting. Time 30 s.');
    await press(user, w, 'Wait');
    expect(summary(w)).toContain('web-1 is running on us-east-1a-h1, serving. Time 1 min 30 s.');
    expect(w.getByText('web-1 is back up on us-east-1a-h1')).toBeTruthy();
  });

  it('terminate: shutting-down for 10 s, then terminated; it cannot start again and nothing is billed', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await press(user, w, 'Launch', 'Wait', 'Terminate');
    expect(current()).toBe('shutting-down');
    await press(user, w, 'Wait');
    expect(current()).toBe('terminated');
    expect(summary(w)).toContain('Time 40 s.');
    expect(button(w, 'Start').disabled).toBe(true);
    expect(reasonFor(w, 'Start')).toBe('Start: web-1 is terminated: a terminated instance cannot be started');
    for (const name of ['Stop', 'Reboot', 'Terminate', 'Wait']) expect(button(w, name).disabled).toBe(true);
    await press(user, w, '+1 h');
    expect(w.getByText('Over the last 1 h: compute did not grow, disk did not grow.')).toBeTruthy();
  });
});

describe('the diagram', () => {
  it('has a row and an arrow for every transition of the engine tables (crash, a fault, aside)', () => {
    render(<LifecycleExplorer />);
    const rows = within(screen.getByRole('table'))
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    const expected: Array<[string, string, string]> = [['(nothing)', 'launch', 'pending']];
    for (const [action, rule] of Object.entries(lifecycle)) {
      if (action === 'crash') continue;
      for (const from of rule.from) expected.push([from, action === 'reboot' ? 'reboot (60 s)' : action, rule.to]);
    }
    const seconds: Record<string, number> = { pending: 30, stopping: 20, 'shutting-down': 10 };
    for (const [from, to] of Object.entries(settlesTo)) expected.push([from, `after ${seconds[from]} s`, to!]);
    expect(rows.map((r) => r.slice(0, 3))).toEqual(expected);
    expect(document.querySelectorAll('svg g[data-state]').length).toBe(6);
  });

  it('describes the current state and the ways out of it in text', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await press(user, w, 'Launch', 'Wait');
    expect(
      w.getByRole('img', {
        name: /^The EC2 instance lifecycle\. Now: running\. From here: stop leads to stopping; reboot \(60 s\) leads to running; terminate leads to shutting-down\.$/,
      }),
    ).toBeTruthy();
  });
});

describe('keyboard', () => {
  it('launches and waits with the keyboard alone', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    // Tab order: the diagram's table toggle, then the actions.
    await user.tab();
    expect(document.activeElement?.textContent).toBe('The diagram as a table');
    await user.tab();
    expect(document.activeElement).toBe(button(w, 'Launch'));
    await user.keyboard('{Enter}');
    // Launch is now disabled; the next enabled control is Terminate, then Wait.
    button(w, 'Wait').focus();
    await user.keyboard('{Enter}');
    expect(current()).toBe('running');
  });
});

describe('the instance-store story', () => {
  // The VM has a 100 GiB root volume on the network and a 75 GiB instance store on its host; each
  // write button writes 10 GiB. Keys only: each control is focused and pressed with Enter.
  async function key(user: User, w: W, ...names: string[]) {
    for (const name of names) {
      button(w, name).focus();
      await user.keyboard('{Enter}');
    }
  }
  const toStore = 'Write 10 GiB to the instance store';
  const toVolume = 'Write 10 GiB to the root volume';
  const storage = (w: W) =>
    within(w.getByRole('region', { name: 'Storage' }))
      .getAllByRole('definition')
      .map((d) => d.textContent);

  it('a reboot keeps the instance store; a stop erases it while the root volume keeps its data and its bill; a start brings an empty store', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await key(user, w, 'Launch', 'Wait', toStore, toStore, toVolume);
    expect(summary(w)).toContain('Storage: instance store 20 of 75 GiB used; root volume 10 of 100 GiB used, billed.');
    expect(storage(w)[1]).toContain('20 of 75 GiB used, on us-east-1a-h1.');

    // Reboot: same host, 60 s without serving, then the 20 GiB are still there.
    await key(user, w, 'Reboot');
    expect(button(w, toStore).disabled).toBe(true);
    expect(reasonFor(w, toStore)).toBe(`${toStore}: cannot write to web-1's instance store: it is rebooting; data is written by a running guest`);
    await key(user, w, 'Wait');
    expect(summary(w)).toContain('Storage: instance store 20 of 75 GiB used; root volume 10 of 100 GiB used, billed.');

    // Stop: the VM leaves its host at the end of stopping (20 s) and its instance store goes with it.
    await key(user, w, 'Stop', 'Wait');
    expect(current()).toBe('stopped');
    expect(summary(w)).toContain('Storage: instance store 0 of 75 GiB used; root volume 10 of 100 GiB used, billed.');
    const erased = "web-1's instance store (75 GiB on the host) was erased: web-1 stopped and left its host; 20 GiB of data lost";
    expect(w.getByText(`Last erased at 1 min 50 s: ${erased}.`)).toBeTruthy();
    expect(reasonFor(w, toVolume)).toBe(`${toVolume}: cannot write to web-1's root volume: it is stopped; data is written by a running guest`);
    // Stopped for an hour: the 100 GiB volume is billed (8/730 USD an hour), compute is not.
    await key(user, w, '+1 h');
    expect(w.getByText(`Over the last 1 h: compute did not grow, disk grew by ${usd(diskPerHour)}.`)).toBeTruthy();
    expect(storage(w)[0]).toContain(
      `10 of 100 GiB used. Attached whatever the state (kept while stopped), billed until the VM is terminated: ${usd(diskPerHour)} an hour.`,
    );

    // Start: another host, an empty instance store, the volume's 10 GiB still there.
    await key(user, w, 'Start', 'Wait');
    expect(summary(w)).toContain('web-1 is running on us-east-1a-h2, serving.');
    expect(storage(w)[1]).toContain('0 of 75 GiB used, on us-east-1a-h2.');
    expect(summary(w)).toContain('root volume 10 of 100 GiB used, billed.');
  });

  it('a host failure erases the instance store of the VM on it; the root volume is untouched', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await key(user, w, 'Launch', 'Wait', toStore, toVolume, 'Fail us-east-1a-h1');
    expect(summary(w)).toContain('Storage: instance store 0 of 75 GiB used; root volume 10 of 100 GiB used, billed.');
    const history = within(w.getByRole('region', { name: 'History' }));
    expect(history.getByText("web-1's instance store (75 GiB on the host) was erased: its host us-east-1a-h1 failed; 10 GiB of data lost")).toBeTruthy();
  });

  it("the instance store fills up: seven writes of 10 GiB fit in 75 GiB, the eighth is refused in the engine's words", async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await key(user, w, 'Launch', 'Wait', ...Array<string>(7).fill(toStore));
    expect(button(w, toStore).disabled).toBe(true);
    expect(reasonFor(w, toStore)).toBe(`${toStore}: web-1's instance store is full: 70 of 75 GiB used, no room for 10 GiB more`);
    expect(button(w, toVolume).disabled).toBe(false);
  });

  it('terminate deletes the root volume: its bill stops and the panel says so', async () => {
    const user = userEvent.setup();
    render(<LifecycleExplorer />);
    const w = explorer();
    await key(user, w, 'Launch', 'Wait', toVolume, 'Terminate', 'Wait');
    expect(summary(w)).toContain('Storage: instance store 0 of 75 GiB used; root volume deleted with the VM, no longer billed.');
    expect(storage(w)[0]).toBe('100 GiB, deleted with the VM at termination; no longer billed.');
    const history = within(w.getByRole('region', { name: 'History' }));
    expect(history.getByText("web-1's 100 GiB root volume was deleted with it (10 GiB of data); its billing ends")).toBeTruthy();
  });

  it('before launch the write buttons are disabled with the reason', () => {
    render(<LifecycleExplorer />);
    const w = explorer();
    for (const name of [toStore, toVolume]) expect(reasonFor(w, name)).toBe(`${name}: there is no VM yet: launch one first`);
  });
});

describe('share links', () => {
  it('a hostile link falls back to the default with a visible notice and no script', async () => {
    window.history.replaceState(null, '', '/lab?w-lifecycle-explorer=<script>alert(1)</script>');
    render(<LifecycleExplorer />);
    const w = explorer();
    expect((await w.findByRole('alert')).textContent).toBe("The shared link's state is not valid JSON; showing the default instead.");
    expect(document.querySelector('script')).toBeNull();
    expect(summary(w)).toBe('No VM yet. Time 0 s. Launch one to begin.');
  });

  it('a link whose actions go back in time is refused', async () => {
    const state = {
      time: 100,
      log: [
        ['launch', 50],
        ['stop', 10, 'web-1'],
      ],
    };
    window.history.replaceState(null, '', `/lab?w-lifecycle-explorer=${encodeURIComponent(JSON.stringify(state))}`);
    render(<LifecycleExplorer />);
    expect((await explorer().findByRole('alert')).textContent).toBe(
      "The shared link's state is not valid (log: the actions must be in time order, at or before the time); showing the default instead.",
    );
  });

  it('a copied link rebuilds the same VM, history and bill', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<LifecycleExplorer id="explorer-2" />);
    const w = explorer();
    await press(user, w, 'Launch', 'Wait', 'Write 10 GiB to the instance store', '+1 min', 'Stop', 'Wait', 'Start');
    const before = summary(w);
    await press(user, w, 'Copy share link');
    const link = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(new URL(link).searchParams.get('w-explorer-2')).toBe(
      '{"time":110,"log":[["launch",0],["write",30,"web-1","instance-store"],["stop",90,"web-1"],["start",110,"web-1"]]}',
    );
    cleanup();

    const url = new URL(link);
    window.history.replaceState(null, '', url.pathname + url.search);
    render(<LifecycleExplorer id="explorer-2" />);
    const again = explorer();
    expect(await again.findByText('Restored from the share link: replayed 4 actions, all accepted.')).toBeTruthy();
    expect(summary(again)).toBe(before);
    expect(current()).toBe('pending');
  });
});

describe('server rendering', () => {
  it('renders without touching window', () => {
    vi.stubGlobal('window', undefined);
    const html: string = renderToString(<LifecycleExplorer />);
    expect(html).toContain('No VM yet. Time 0 s. Launch one to begin.');
  });
});
