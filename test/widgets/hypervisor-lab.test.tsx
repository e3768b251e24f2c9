// @vitest-environment happy-dom
/**
 * The hypervisor lab, used as a reader uses it. Expected numbers are worked out here from the
 * engine's documented defaults: type 1 keeps 0 cores and 1 GiB; type 2 keeps 2 cores and 4 GiB and
 * spends 0.5 GiB per VM; a VM is pending for 30 s; capacity is (cores - kept) x CPU overcommit and
 * (memory - kept) x memory overcommit.
 */
import React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import HypervisorLab from '@site/src/components/widgets/HypervisorLab/HypervisorLab';
import { hypervisorLabBenchWorld, hypervisorLabFrame } from '../../bench/fixtures/hypervisor-lab';

// Typing through user-event is slow on a busy two-core machine: give a reader's session room.
vi.setConfig({ testTimeout: 20_000 });
beforeEach(() => window.history.replaceState(null, '', '/lab'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function lab(name: string | RegExp = /^Hypervisor lab: one physical host/) {
  return within(screen.getAllByRole('region', { name })[0]);
}
type Lab = ReturnType<typeof lab>;
type User = ReturnType<typeof userEvent.setup>;

const summary = (w: Lab) => w.getByTestId('live-summary').textContent ?? '';

async function fill(user: User, w: Lab, label: string, value: string) {
  const input = w.getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
}

/** Creates VMs through the form, as a reader does. */
async function create(user: User, w: Lab, spec: { vcpu: number; memoryGiB: number; count?: number; busyPercent?: number }) {
  await fill(user, w, 'vCPUs', String(spec.vcpu));
  await fill(user, w, 'Memory (GiB)', String(spec.memoryGiB));
  await fill(user, w, 'How many', String(spec.count ?? 1));
  await fill(user, w, 'Busy (%)', String(spec.busyPercent ?? 25));
  await user.click(w.getByRole('button', { name: 'Create' }));
}

function row(w: Lab, vm: string) {
  return within(w.getByRole('radio', { name: vm }).closest('tr')!);
}

describe('what the hypervisor or host OS keeps', () => {
  it('type 2 on a 16-core, 64 GiB host keeps 2 cores and 4 GiB, leaving 14 vCPUs and 60 GiB for VMs', () => {
    render(<HypervisorLab hypervisor="type2" />);
    const w = lab();
    expect(summary(w)).toContain('Type 2 host, 16 cores and 64 GiB, up: the host OS keeps 2 cores and 4 GiB plus 0.5 GiB per VM.');
    expect(summary(w)).toContain('0 of 14 vCPUs and 0 GiB of 60 GiB allocated');
    expect(w.getByRole('img', { name: /^CPU: The host OS keeps 2 cores of 16\./ })).toBeTruthy();
    expect(w.getByRole('img', { name: /^Memory: The host OS keeps 4 GiB of 64 GiB, plus 0.5 GiB per VM\./ })).toBeTruthy();
  });

  it('type 1 keeps no core and 1 GiB: 16 vCPUs and 63 GiB for VMs', () => {
    render(<HypervisorLab />);
    expect(summary(lab())).toContain(
      'Type 1 host, 16 cores and 64 GiB, up: the hypervisor keeps 0 cores and 1 GiB. No VMs. 0 of 16 vCPUs and 0 GiB of 63 GiB allocated.',
    );
  });

  it('picking type 2 in the select rebuilds the host with what the host OS keeps', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await user.selectOptions(w.getByLabelText('Hypervisor'), 'type2');
    expect(summary(w)).toContain('the host OS keeps 2 cores and 4 GiB plus 0.5 GiB per VM');
  });
});

describe('capacity', () => {
  it('type 2 takes 7 VMs of 2 vCPU / 4 GiB (14 vCPUs ÷ 2 = 7 before 60 GiB ÷ 4.5 = 13.3), then refuses the 8th with the engine reason', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab hypervisor="type2" />);
    const w = lab();
    await create(user, w, { vcpu: 2, memoryGiB: 4 });
    for (let i = 2; i <= 7; i++) {
      await user.click(w.getByRole('button', { name: 'Create' }));
      expect(w.queryByText(/Refused by the engine/)).toBeNull();
    }
    await user.click(w.getByRole('button', { name: 'Create' }));
    expect(w.getByText(/^Refused by the engine/).textContent).toBe(
      // 7 × 2 = 14 vCPUs of 14: the CPU ran out first.
      'Refused by the engine: insufficient capacity: 1 × 2 vCPU / 4 GiB do not fit in us-east-1 (room for 0; no host has 2 vCPU free); nothing was launched',
    );
    // 7 × (4 + 0.5) = 31.5 GiB taken of 60.
    expect(summary(w)).toContain('7 VMs (7 pending), 0 serving. 14 of 14 vCPUs and 31.5 GiB of 60 GiB allocated.');
  });

  it('type 1 takes 15 VMs of 1 vCPU / 4 GiB: memory (63 GiB ÷ 4 = 15.75) runs out before the 16 cores', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await create(user, w, { vcpu: 1, memoryGiB: 4, count: 16 });
    expect(w.getByText(/^Refused by the engine/).textContent).toContain(
      '16 × 1 vCPU / 4 GiB do not fit in us-east-1 (room for 15; no host has 4 GiB of memory free); nothing was launched',
    );
    await create(user, w, { vcpu: 1, memoryGiB: 4, count: 15 });
    expect(summary(w)).toContain('15 of 16 vCPUs and 60 GiB of 63 GiB allocated');
  });

  it('raising the CPU overcommit replays the accepted VMs and makes room for more', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await create(user, w, { vcpu: 2, memoryGiB: 2, count: 8 });
    await create(user, w, { vcpu: 2, memoryGiB: 2 });
    expect(w.getByText(/Refused by the engine: insufficient capacity/)).toBeTruthy();
    await user.selectOptions(w.getByLabelText('CPU overcommit'), '2');
    expect(w.getByText('Rebuilt the host with the new settings: replayed 1 action, all accepted.')).toBeTruthy();
    expect(summary(w)).toContain('16 of 32 vCPUs');
    await create(user, w, { vcpu: 2, memoryGiB: 2 });
    expect(summary(w)).toContain('18 of 32 vCPUs');
  });
});

describe('lifecycle and faults', () => {
  it('a VM is pending for 30 s, then running and serving', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await create(user, w, { vcpu: 2, memoryGiB: 4 });
    await user.click(w.getByRole('button', { name: '+10 s' }));
    await user.click(w.getByRole('button', { name: '+10 s' }));
    expect(row(w, 'vm-1').getByTestId('vm-state').textContent).toBe('pendingnot serving: pending');
    await user.click(w.getByRole('button', { name: '+10 s' }));
    expect(row(w, 'vm-1').getByTestId('vm-state').textContent).toBe('runningserving');
  });

  it('crashing one VM leaves the other serving', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await create(user, w, { vcpu: 2, memoryGiB: 4, count: 2 });
    await user.click(w.getByRole('button', { name: '+1 min' }));
    await user.click(w.getByRole('radio', { name: 'vm-1' }));
    await user.click(w.getByRole('button', { name: 'Crash it' }));
    expect(row(w, 'vm-1').getByTestId('vm-state').textContent).toBe('runningnot serving: crashed');
    expect(row(w, 'vm-2').getByTestId('vm-state').textContent).toBe('runningserving');
    expect(w.getByText(/vm-1 crashed \(its guest OS stopped responding\); its neighbours on us-east-1a-h1 are untouched/)).toBeTruthy();
  });

  it('failing the host takes every VM down; recovering it brings them back', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await create(user, w, { vcpu: 2, memoryGiB: 4, count: 3 });
    await user.click(w.getByRole('button', { name: '+1 min' }));
    await user.click(w.getByRole('button', { name: 'Fail the host' }));
    for (const vm of ['vm-1', 'vm-2', 'vm-3']) expect(row(w, vm).getByTestId('vm-state').textContent).toBe('runningnot serving: host failed');
    expect(summary(w)).toContain('failed');
    await user.click(w.getByRole('button', { name: 'Recover the host' }));
    for (const vm of ['vm-1', 'vm-2', 'vm-3']) expect(row(w, vm).getByTestId('vm-state').textContent).toBe('runningserving');
  });

  it('stop then start: the VM leaves the host while stopped and comes back pending', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await create(user, w, { vcpu: 4, memoryGiB: 8 });
    await user.click(w.getByRole('button', { name: '+1 min' }));
    await user.click(w.getByRole('button', { name: 'Stop' }));
    await user.click(w.getByRole('button', { name: '+1 min' }));
    expect(row(w, 'vm-1').getByTestId('vm-state').textContent).toBe('stoppednot serving: stopped');
    expect(summary(w)).toContain('0 of 16 vCPUs');
    await user.click(w.getByRole('button', { name: 'Start' }));
    expect(row(w, 'vm-1').getByTestId('vm-state').textContent).toBe('pendingnot serving: pending');
    expect(summary(w)).toContain('4 of 16 vCPUs and 8 GiB of 63 GiB');
  });

  it('an illegal transition is refused with the engine reason: a terminated VM cannot start', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await create(user, w, { vcpu: 1, memoryGiB: 1 });
    await user.click(w.getByRole('button', { name: 'Terminate' }));
    await user.click(w.getByRole('button', { name: '+1 min' }));
    await user.click(w.getByRole('button', { name: 'Start' }));
    expect(w.getByText('Refused by the engine: vm-1 is terminated: a terminated instance cannot be started')).toBeTruthy();
  });
});

describe('contention', () => {
  it('overcommit 2 with 7 VMs of 4 vCPUs 55% busy: type 2 wants 15.4 cores of 14, so each waits 1 - 14/15.4 = 9.1%', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab hypervisor="type2" />);
    const w = lab();
    await user.selectOptions(w.getByLabelText('CPU overcommit'), '2');
    await create(user, w, { vcpu: 4, memoryGiB: 4, count: 7, busyPercent: 55 });
    await user.click(w.getByRole('button', { name: '+1 min' }));
    expect(summary(w)).toContain('Steal time 9.1%.');
    expect(row(w, 'vm-7').getByTestId('vm-steal').textContent).toBe('9.1%');
    expect(w.getByRole('img', { name: /busy vCPUs want 15.4 cores of CPU time; 14 cores serve them\. Each running VM waits 9.1% of the time/ })).toBeTruthy();
  });

  it('type 1 has 16 cores for the same 15.4: no steal; raising every VM to 75% (21 cores) gives 1 - 16/21 = 23.8%', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await user.selectOptions(w.getByLabelText('CPU overcommit'), '2');
    await create(user, w, { vcpu: 4, memoryGiB: 4, count: 7, busyPercent: 55 });
    await user.click(w.getByRole('button', { name: '+1 min' }));
    expect(summary(w)).toContain('Steal time 0%.');
    await fill(user, w, 'Busy (% of its vCPUs)', '75');
    await user.click(w.getByRole('button', { name: 'Set for every VM' }));
    expect(summary(w)).toContain('Steal time 23.8%.');
  });
});

describe('keyboard', () => {
  it('creates a VM and advances time with the keyboard alone', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    w.getByLabelText('vCPUs').focus();
    await user.keyboard('{Control>}a{/Control}4');
    await user.tab();
    await user.keyboard('{Control>}a{/Control}8');
    await user.keyboard('{Enter}');
    expect(summary(w)).toContain('4 of 16 vCPUs and 8 GiB of 63 GiB');
    w.getByRole('button', { name: '+1 min' }).focus();
    await user.keyboard('{Enter}');
    expect(summary(w)).toContain('1 VM (1 running), 1 serving');
  });
});

describe('share links', () => {
  it('a hostile link falls back to the default with a visible notice and no script', async () => {
    window.history.replaceState(null, '', '/lab?w-hypervisor-lab=<script>alert(1)</script>');
    render(<HypervisorLab />);
    const w = lab();
    expect((await w.findByRole('alert')).textContent).toBe("The shared link's state is not valid JSON; showing the default instead.");
    expect(document.querySelector('script')).toBeNull();
    expect(summary(w)).toContain('No VMs.');
  });

  it('a well-formed link with values out of range falls back too', async () => {
    window.history.replaceState(
      null,
      '',
      `/lab?w-hypervisor-lab=${encodeURIComponent(JSON.stringify({ hypervisor: 'type3', cpuOvercommit: 1, memoryOvercommit: 1, time: 0, log: [] }))}`,
    );
    render(<HypervisorLab />);
    expect((await lab().findByRole('alert')).textContent).toMatch(/^The shared link's state is not valid \(hypervisor: /);
  });

  it('a copied link rebuilds the same world in a fresh page', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<HypervisorLab hypervisor="type2" />);
    const w = lab();
    await user.selectOptions(w.getByLabelText('CPU overcommit'), '2');
    await create(user, w, { vcpu: 4, memoryGiB: 4, count: 7, busyPercent: 55 });
    await user.click(w.getByRole('button', { name: '+1 min' }));
    await user.click(w.getByRole('radio', { name: 'vm-3' }));
    await user.click(w.getByRole('button', { name: 'Crash it' }));
    await user.click(w.getByRole('button', { name: '+10 s' }));
    const before = summary(w);
    await user.click(w.getByRole('button', { name: 'Copy share link' }));
    const link = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(link).toContain('w-hypervisor-lab=');
    cleanup();

    const url = new URL(link);
    window.history.replaceState(null, '', url.pathname + url.search);
    render(<HypervisorLab hypervisor="type2" />);
    const again = lab();
    expect(await again.findByText('Restored from the share link: replayed 2 actions, all accepted.')).toBeTruthy();
    expect(summary(again)).toBe(before);
    expect((again.getByLabelText('CPU overcommit') as HTMLSelectElement).value).toBe('2');
    expect(again.getByText('1 min 10 s')).toBeTruthy();
  });
});

describe('many on a page', () => {
  it('two labs with distinct ids keep separate worlds and ids', async () => {
    const user = userEvent.setup();
    render(
      <>
        <HypervisorLab id="lab-a" />
        <HypervisorLab id="lab-b" hypervisor="type2" />
      </>,
    );
    const [a, b] = screen.getAllByRole('region', { name: /^Hypervisor lab: one physical host/ }).map((el) => within(el));
    await create(user, a, { vcpu: 2, memoryGiB: 4 });
    expect(summary(a)).toContain('1 VM');
    expect(summary(b)).toContain('No VMs.');
    const ids = Array.from(document.querySelectorAll('[id]')).map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('server rendering', () => {
  it('renders the deterministic initial world without touching window', () => {
    vi.stubGlobal('window', undefined);
    const html: string = renderToString(<HypervisorLab hypervisor="type2" />);
    expect(html).toContain('Type 2 host, 16 cores and 64 GiB, up: the host OS keeps 2 cores and 4 GiB');
  });
});

describe('benchmark hook', () => {
  it('applies one action, builds the report and renders 1 000 VMs', () => {
    const bench = hypervisorLabBenchWorld(1000);
    expect(bench.world.report().vms.length).toBe(1000);
    const html = hypervisorLabFrame(bench, { kind: 'load', vm: 'vm-500', busy: 0.9 });
    expect(html).toContain('vm-1000');
    expect(html).toContain('1000 VMs (1000 running), 1000 serving');
  });
});

describe('play', () => {
  it('Play advances virtual time until paused', async () => {
    vi.useFakeTimers();
    try {
      render(<HypervisorLab />);
      const w = lab();
      act(() => w.getByRole('button', { name: 'Play' }).click());
      act(() => vi.advanceTimersByTime(2000));
      // 4 ticks of 5 virtual seconds.
      expect(w.getByText('20 s')).toBeTruthy();
      act(() => w.getByRole('button', { name: 'Pause' }).click());
      act(() => vi.advanceTimersByTime(2000));
      expect(w.getByText('20 s')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
