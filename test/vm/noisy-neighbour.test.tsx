// @vitest-environment happy-dom
/**
 * The two-VM experiment with fake machines: both VMs on one engine host, the loop timed alone and
 * with the burner running, the measured ratio next to the engine's contention model.
 */
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import NoisyNeighbour, { burnerCommand, loopCommand, stopBurnerCommand } from '@site/src/components/RealVm/NoisyNeighbourPair';
import { FakeTerminal, fakeLoader, type FakeMachine } from './fake-vm';

vi.mock('@site/src/components/RealVm/vmBase', () => ({ useVmBase: () => '/vm/' }));
vi.setConfig({ testTimeout: 20_000 });
afterEach(cleanup);

/** Answers the `n`th loop command the way busybox time does, then gives the prompt back. */
async function answerLoop(m: FakeMachine, n: number, seconds: string): Promise<void> {
  await waitFor(() => expect(m.sent.filter((s) => s === `${loopCommand}\n`)).toHaveLength(n));
  m.console.push(`${loopCommand}\nreal\t0m ${seconds}s\nuser\t0m ${seconds}s\nsys\t0m 0.00s\ninfralab:/root# `);
}

describe('NoisyNeighbour', () => {
  it('places both VMs on the one host, measures the slowdown, and shows the engine model beside it', async () => {
    const { load, machines } = fakeLoader();
    render(<NoisyNeighbour loadFactory={load} Terminal={FakeTerminal} />);
    expect(screen.getByTestId('model-slowdown').textContent).toBe('2.00×');
    await userEvent.click(screen.getByRole('radio', { name: '32 MiB' }));
    expect(screen.getByTestId('live-summary').textContent).toMatch(/Memory of each VM: 32 MiB/);
    await userEvent.click(screen.getByRole('button', { name: 'Start both VMs' }));
    expect(await screen.findByText('the engine placed timed-1 and noisy-1 on eu-central-1a-h1; both machines are booting in this tab')).toBeTruthy();
    expect(machines.map((m) => [m.spec.vm, m.spec.host, m.spec.memoryMiB])).toEqual([
      ['timed-1', 'eu-central-1a-h1', 32],
      ['noisy-1', 'eu-central-1a-h1', 32],
    ]);
    expect(screen.getByRole('textbox', { name: 'Terminal of timed-1' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Terminal of noisy-1' })).toBeTruthy();
    for (const m of machines) m.console.push('infralab: init up\ninfralab:/root# ');

    await userEvent.click(screen.getByRole('button', { name: 'Time the loop alone' }));
    // A first run left out (v86 still translating the loop), then the median of three.
    await answerLoop(machines[0], 1, '9.00');
    await answerLoop(machines[0], 2, '2.10');
    await answerLoop(machines[0], 3, '1.90');
    await answerLoop(machines[0], 4, '2.00');
    await waitFor(() => expect(screen.getByTestId('alone').textContent).toBe('2.00 s (median of 2.10, 1.90, 2.00)'));

    await userEvent.click(screen.getByRole('button', { name: 'Start the CPU burner in noisy-1' }));
    await waitFor(() => expect(machines[1].sent).toEqual([`${burnerCommand}\n`]));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Time the loop with the neighbour burning' }).getAttribute('aria-disabled')).toBe('false'));
    await userEvent.click(screen.getByRole('button', { name: 'Time the loop with the neighbour burning' }));
    // The machine is warm already: three runs, no run left out.
    await answerLoop(machines[0], 5, '4.30');
    await answerLoop(machines[0], 6, '4.50');
    await answerLoop(machines[0], 7, '4.20');
    await waitFor(() => expect(screen.getByTestId('slowdown').textContent).toBe('2.15×'));
    expect(screen.queryByTestId('why-not-slower')).toBeNull(); // near the model: nothing to explain
    expect(screen.getByTestId('live-summary').textContent).toMatch(/Measured slowdown 2\.15×, engine model 2\.00×/);

    await userEvent.click(screen.getByRole('button', { name: 'Stop the burner' }));
    await waitFor(() => expect(machines[1].sent.at(-1)).toBe(`${stopBurnerCommand}\n`));
    await userEvent.click(screen.getByRole('button', { name: 'Stop both VMs' }));
    expect(await screen.findByText('both VMs stopped: the host is released')).toBeTruthy();
    expect(machines.map((m) => m.destroyed)).toEqual([true, true]);
  });

  it('measures both situations in turn, three rounds, and explains a slowdown well below the model (v86 yields between slices; the OS has other programs)', async () => {
    const { load, machines } = fakeLoader();
    render(<NoisyNeighbour loadFactory={load} Terminal={FakeTerminal} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start both VMs' }));
    await waitFor(() => expect(machines).toHaveLength(2));
    for (const m of machines) m.console.push('infralab:/root# ');
    // The interleaved measurement: a left-out first run, then alone and together in turn, three rounds.
    const measure = screen.getByRole('button', { name: 'Measure both, interleaved (3 rounds)' });
    measure.focus();
    await userEvent.keyboard('{Enter}');
    await answerLoop(machines[0], 1, '9.00');
    // Round by round the ratios are 0.50, 0.50 and 0.70: their median, 0.50, is the slowdown (the
    // ratio of the medians would be 1.60 / 3.00 = 0.53).
    const times = [
      ['3.00', '1.50'],
      ['3.20', '1.60'],
      ['2.00', '1.40'],
    ];
    for (const [r, [alone, together]] of times.entries()) {
      await answerLoop(machines[0], 2 + 2 * r, alone);
      await waitFor(() => expect(machines[1].sent.filter((c) => c === `${burnerCommand}\n`)).toHaveLength(r + 1));
      await answerLoop(machines[0], 3 + 2 * r, together);
      await waitFor(() => expect(machines[1].sent.filter((c) => c === `${stopBurnerCommand}\n`)).toHaveLength(r + 1));
    }
    await waitFor(() => expect(screen.getByTestId('slowdown').textContent).toBe('0.50×'));
    expect(screen.getByTestId('alone').textContent).toBe('3.00 s (median of 3.00, 3.20, 2.00; interleaved)');
    expect(screen.getByTestId('together').textContent).toBe('1.50 s (median of 1.50, 1.60, 1.40; interleaved)');
    // The button pressed by keyboard kept the focus while it was unavailable, and after.
    expect(document.activeElement).toBe(measure);
    expect(screen.getByTestId('why-not-slower').textContent).toMatch(/less than the model says, or even sped up\. v86 is not a hypervisor's scheduler/);
  });

  it('refuses the measurements until both VMs run, and Stop works while a loop is being timed', async () => {
    const { load, machines } = fakeLoader();
    render(<NoisyNeighbour loadFactory={load} Terminal={FakeTerminal} />);
    expect(screen.getByRole('button', { name: 'Time the loop alone' }).getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'Time the loop alone' }));
    expect(machines).toHaveLength(0); // pressing an unavailable step does nothing
    await userEvent.click(screen.getByRole('button', { name: 'Stop both VMs' }));
    expect(
      await screen.findByText(
        /^Not done: the engine refused \(no VM named timed-1\): timed-1 is not launched yet, so there is nothing to stop; the first Start launches it; the engine refused \(no VM named noisy-1\)/,
      ),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Start both VMs' }));
    await waitFor(() => expect(machines).toHaveLength(2));
    for (const m of machines) m.console.push('infralab:/root# ');
    await userEvent.click(screen.getByRole('button', { name: 'Time the loop alone' }));
    await waitFor(() => expect(machines[0].sent).toHaveLength(1));
    await userEvent.click(screen.getByRole('button', { name: 'Stop both VMs' }));
    expect(await screen.findByText('both VMs stopped: the host is released')).toBeTruthy();
    expect(screen.getByTestId('alone').textContent).toBe('not measured');
  });
});
