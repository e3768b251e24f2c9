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
    // Best of two runs: the first (v86 still translating the loop) is slower.
    await answerLoop(machines[0], 1, '2.60');
    await answerLoop(machines[0], 2, '2.00');
    await waitFor(() => expect(screen.getByTestId('alone').textContent).toBe('2.00 s'));

    await userEvent.click(screen.getByRole('button', { name: 'Start the CPU burner in noisy-1' }));
    await waitFor(() => expect(machines[1].sent).toEqual([`${burnerCommand}\n`]));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Time the loop with the neighbour burning' })).toHaveProperty('disabled', false));
    await userEvent.click(screen.getByRole('button', { name: 'Time the loop with the neighbour burning' }));
    await answerLoop(machines[0], 3, '4.30');
    await answerLoop(machines[0], 4, '4.50');
    await waitFor(() => expect(screen.getByTestId('slowdown').textContent).toBe('2.15×'));
    expect(screen.queryByTestId('why-not-slower')).toBeNull(); // near the model: nothing to explain
    expect(screen.getByTestId('live-summary').textContent).toMatch(/Measured slowdown 2\.15×, engine model 2\.00×/);

    await userEvent.click(screen.getByRole('button', { name: 'Stop the burner' }));
    await waitFor(() => expect(machines[1].sent.at(-1)).toBe(`${stopBurnerCommand}\n`));
    await userEvent.click(screen.getByRole('button', { name: 'Stop both VMs' }));
    expect(await screen.findByText('both VMs stopped: the host is released')).toBeTruthy();
    expect(machines.map((m) => m.destroyed)).toEqual([true, true]);
  });

  it('explains a measured slowdown well below the model (v86 yields between slices; the OS has other programs)', async () => {
    const { load, machines } = fakeLoader();
    render(<NoisyNeighbour loadFactory={load} Terminal={FakeTerminal} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start both VMs' }));
    await waitFor(() => expect(machines).toHaveLength(2));
    for (const m of machines) m.console.push('infralab:/root# ');
    await userEvent.click(screen.getByRole('button', { name: 'Time the loop alone' }));
    await answerLoop(machines[0], 1, '3.00');
    await answerLoop(machines[0], 2, '3.00');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start the CPU burner in noisy-1' })).toHaveProperty('disabled', false));
    await userEvent.click(screen.getByRole('button', { name: 'Start the CPU burner in noisy-1' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Time the loop with the neighbour burning' })).toHaveProperty('disabled', false));
    await userEvent.click(screen.getByRole('button', { name: 'Time the loop with the neighbour burning' }));
    await answerLoop(machines[0], 3, '1.50');
    await answerLoop(machines[0], 4, '1.60');
    await waitFor(() => expect(screen.getByTestId('slowdown').textContent).toBe('0.50×'));
    expect(screen.getByTestId('why-not-slower').textContent).toMatch(/less than the model says, or even sped up\. v86 is not a hypervisor's scheduler/);
  });

  it('refuses the measurements until both VMs run, and Stop works while a loop is being timed', async () => {
    const { load, machines } = fakeLoader();
    render(<NoisyNeighbour loadFactory={load} Terminal={FakeTerminal} />);
    expect(screen.getByRole('button', { name: 'Time the loop alone' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Stop both VMs' }));
    expect(await screen.findByText('Not done: no VM named timed-1; no VM named noisy-1')).toBeTruthy();
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
