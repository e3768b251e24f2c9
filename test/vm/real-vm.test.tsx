// @vitest-environment happy-dom
/**
 * The RealVm component with a fake emulator and terminal: nothing loads before Start, refusals come
 * from the engine, the boot progress follows the serial output, the terminal is labelled and takes
 * the keyboard, memory and boot mode reach the machine, save/restore and copy work.
 */
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import RealVm from '@site/src/components/RealVm/RealVm';
import Experiments from '@site/src/components/RealVm/Experiments';
import { resetLine, resumeLine } from '@site/src/vm';
import { FakeTerminal, fakeLoader } from './fake-vm';

vi.mock('@site/src/components/RealVm/vmBase', () => ({ useVmBase: () => '/vm/' }));

vi.setConfig({ testTimeout: 20_000 });
afterEach(cleanup);

const progressText = () => screen.getByRole('progressbar', { name: /boot stage|no machine/i }).getAttribute('aria-valuetext');

describe('RealVm', () => {
  it('renders on the server without a machine, and names nothing of the terminal', () => {
    const html = renderToString(<RealVm />);
    expect(html).toContain('lab-1<!-- -->: <!-- -->not launched');
    expect(html).toContain('The machine is off.');
    expect(html).toContain('Fetched on Start: nothing yet.');
    expect(html).not.toContain('xterm');
  });

  it('shows the engine refusing a stop before any launch, and loads nothing', async () => {
    const { load } = fakeLoader();
    render(<RealVm loadFactory={load} Terminal={FakeTerminal} />);
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(
      await screen.findByText(
        'Not done: the engine refused (no VM named lab-1): lab-1 is not launched yet, so there is nothing to stop; the first Start launches it',
      ),
    ).toBeTruthy();
    expect(load).not.toHaveBeenCalled();
  });

  it('by keyboard alone: picks 32 MiB and boot from scratch, starts, follows the boot, types a command into the labelled terminal', async () => {
    const { load, machines } = fakeLoader();
    const user = userEvent.setup();
    render(<RealVm loadFactory={load} Terminal={FakeTerminal} />);
    screen.getByRole('radio', { name: '64 MiB' }).focus();
    await user.keyboard('{ArrowLeft}'); // 64 -> 32 in the radio group
    expect((screen.getByRole('radio', { name: '32 MiB' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('live-summary').textContent).toMatch(/32 MiB at launch/);
    screen.getByRole('radio', { name: /Instant start/ }).focus();
    await user.keyboard('{ArrowRight}');
    expect((screen.getByRole('radio', { name: /Boot from scratch/ }) as HTMLInputElement).checked).toBe(true);
    screen.getByRole('button', { name: 'Start' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('vm-state').textContent).toBe('lab-1: running on eu-central-1a-h1, 32 MiB'));
    expect(machines[0].spec).toMatchObject({ memoryMiB: 32, boot: 'scratch' });
    expect(screen.getByTestId('fetched').textContent).toBe('Fetched on Start: 3.0 MB.');
    expect(screen.getByRole('group', { name: 'Memory (fixed at launch)' })).toHaveProperty('disabled', true);

    machines[0].console.push('[    0.3] ACPI BIOS Error\n');
    await waitFor(() => expect(progressText()).toMatch(/^Boot stage 2 of 4, kernel/));
    expect(screen.getByRole('listitem', { current: 'step' }).textContent).toBe('kernel');
    machines[0].console.push('infralab: init up on 6.1.0-50-686\n\ninfralab:/root# \u001b[6n');
    await waitFor(() => expect(progressText()).toMatch(/^Boot stage 4 of 4, shell: A shell is waiting/));
    expect(screen.getByTestId('live-summary').textContent).toMatch(/Boot stage 4 of 4, shell/);
    expect(screen.getByTestId('serial-console').textContent).toContain('infralab:/root# ');

    const terminal = screen.getByRole('textbox', { name: 'Terminal of lab-1: type commands for its shell' });
    terminal.focus();
    await user.keyboard('echo $((6*7)){Enter}');
    expect(machines[0].sent).toEqual(['echo $((6*7))\r']);

    expect(terminal.getAttribute('data-screen-reader')).toBe('false');
    screen.getByRole('checkbox', { name: 'Screen reader mode for the terminal' }).focus();
    await user.keyboard(' ');
    expect(terminal.getAttribute('data-screen-reader')).toBe('true');
  });

  it('a reboot starts the boot progress over: the stage is read from the output after the reset line', async () => {
    const { load, machines } = fakeLoader();
    render(<RealVm loadFactory={load} Terminal={FakeTerminal} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(machines).toHaveLength(1));
    machines[0].console.push('infralab: init up\ninfralab:/root# ');
    await waitFor(() => expect(progressText()).toMatch(/^Boot stage 4 of 4/));
    await userEvent.click(screen.getByRole('button', { name: 'Reboot' }));
    expect(machines[0].restarts).toBe(1);
    machines[0].console.push(resetLine); // what the data plane prints on a reset
    await waitFor(() => expect(progressText()).toMatch(/^Boot stage 1 of 4, firmware/));
    machines[0].console.push('[    0.1] Linux version 6.1\n');
    await waitFor(() => expect(progressText()).toMatch(/^Boot stage 2 of 4, kernel/));
  });

  it('an instant start (resumed state) is in userland until the prompt, then at the shell', async () => {
    const { load, machines } = fakeLoader();
    render(<RealVm loadFactory={load} Terminal={FakeTerminal} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(machines).toHaveLength(1));
    machines[0].console.push(resumeLine);
    await waitFor(() => expect(progressText()).toMatch(/^Boot stage 3 of 4, init/));
    machines[0].console.push('infralab: disk /dev/sda mounted at /mnt/disk (new filesystem)\n');
    expect(progressText()).toMatch(/^Boot stage 3 of 4, init/);
    machines[0].console.push('infralab:/root# ');
    await waitFor(() => expect(progressText()).toMatch(/^Boot stage 4 of 4, shell/));
  });

  it('terminate powers off, keeps the last output, the engine refuses Start, and a new VM launches with a new name', async () => {
    const { load, machines } = fakeLoader();
    render(<RealVm loadFactory={load} Terminal={FakeTerminal} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByTestId('vm-state').textContent).toMatch(/^lab-1: running/));
    machines[0].console.push('infralab:/root# ');
    await userEvent.click(screen.getByRole('button', { name: 'Terminate' }));
    await waitFor(() => expect(screen.getByTestId('vm-state').textContent).toBe('lab-1: terminated, 64 MiB'));
    expect(machines[0].destroyed).toBe(true);
    expect(screen.getByTestId('serial-console').textContent).toMatch(/infralab:\/root# \n\[infralab: machine powered off\]\n$/);
    expect(screen.getByTestId('machine-off')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Not done: lab-1 is terminated: a terminated instance cannot be started')).toBeTruthy();
    expect(machines).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Launch a new VM' }));
    await waitFor(() => expect(screen.getByTestId('vm-state').textContent).toBe('lab-2: running on eu-central-1a-h1, 64 MiB'));
    expect(machines[1].spec.disk.id).toBe('lab-2-disk');
  });

  it('saves the state with its size and restores it; refuses restore before any save and while stopped', async () => {
    const { load, machines } = fakeLoader({ saveBytes: 2 * 1048576 });
    render(<RealVm loadFactory={load} Terminal={FakeTerminal} />);
    await userEvent.click(screen.getByRole('button', { name: 'Restore state' }));
    expect(await screen.findByText('Not done: there is no saved state: save one first, while the machine runs')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save state' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save state' })).toHaveProperty('disabled', false));
    machines[0].memory[0] = 7;
    await userEvent.click(screen.getByRole('button', { name: 'Save state' }));
    await waitFor(() => expect(screen.getByTestId('saved-state').textContent).toMatch(/^Saved state: 2\.0 MB of lab-1 \(64 MiB of RAM/));
    machines[0].memory[0] = 9;
    await userEvent.click(screen.getByRole('button', { name: 'Restore state' }));
    expect(await screen.findByText('restored lab-1 to its saved state (2.0 MB)')).toBeTruthy();
    expect(machines[0].memory[0]).toBe(7);
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    await waitFor(() => expect(screen.getByTestId('vm-state').textContent).toMatch(/stopped/));
    await userEvent.click(screen.getByRole('button', { name: 'Restore state' }));
    expect(await screen.findByText('Not done: lab-1 is stopped: a state is restored into a running machine, so start it first')).toBeTruthy();
    // After a terminate, Start is refused: the message must not send the reader there.
    await userEvent.click(screen.getByRole('button', { name: 'Terminate' }));
    await waitFor(() => expect(screen.getByTestId('vm-state').textContent).toMatch(/terminated/));
    await userEvent.click(screen.getByRole('button', { name: 'Restore state' }));
    const refused = await screen.findByText(/^Not done: lab-1 is terminated and cannot start again/);
    expect(refused.textContent).not.toMatch(/start it first/);
  });

  it('says the launched size in MiB, as the reader chose it', async () => {
    const { load } = fakeLoader();
    render(<RealVm loadFactory={load} Terminal={FakeTerminal} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('launched lab-1: 1 vCPU, 64 MiB of memory, a 1 GiB disk, on eu-central-1a-h1')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/0\.0625 GiB/);
  });

  it('copies the output to the clipboard and says so', async () => {
    const { load, machines } = fakeLoader();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<RealVm loadFactory={load} Terminal={FakeTerminal} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(machines).toHaveLength(1));
    machines[0].console.push('hello from the guest\n');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy output' })).toHaveProperty('disabled', false));
    await userEvent.click(screen.getByRole('button', { name: 'Copy output' }));
    expect(await screen.findByText('Output copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('hello from the guest\n');
  });
});

describe('Experiments inside RealVm', () => {
  it('copies a command (with a visible "Copied"), and types it into the running machine only', async () => {
    const { load, machines } = fakeLoader();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(
      <RealVm loadFactory={load} Terminal={FakeTerminal}>
        <Experiments set="hypervisors" />
      </RealVm>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Copy: free -m' }));
    expect(writeText).toHaveBeenCalledWith('free -m');
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Copied');
    expect(screen.getByRole('button', { name: 'Run in the VM: free -m' })).toHaveProperty('disabled', true);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Run in the VM: free -m' })).toHaveProperty('disabled', false));
    await userEvent.click(screen.getByRole('button', { name: 'Run in the VM: free -m' }));
    expect(machines[0].sent).toEqual(['free -m\n']);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Typed into lab-1: its answer is in the terminal above');
    // The machine it was typed into goes: the line would now be stale.
    await userEvent.click(screen.getByRole('button', { name: 'Terminate' }));
    await waitFor(() => expect(screen.getAllByRole('status').map((s) => s.textContent)).not.toContain('Typed into lab-1: its answer is in the terminal above'));
  });

  it('falls back to the copy command when the Clipboard API is refused', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => Promise.reject(new Error('denied')) }, configurable: true });
    const exec = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    render(<Experiments set="lifecycle" />);
    await userEvent.click(screen.getByRole('button', { name: 'Copy: cat /mnt/disk/note /tmp/note' }));
    expect(exec).toHaveBeenCalledWith('copy');
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Copied');
    // Outside a RealVm there is no machine to type into: no Run button.
    expect(screen.queryByRole('button', { name: /Run in the VM/ })).toBeNull();
    expect(screen.getByRole('table', { name: /What survives each action/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Terminate deleted lost/ })).toBeTruthy();
  });
});
