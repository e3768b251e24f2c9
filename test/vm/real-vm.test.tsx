// @vitest-environment happy-dom
/**
 * The RealVm component with a fake emulator: nothing loads before Start, refusals come from the
 * engine, the console and boot stages follow the serial output, a line goes to the guest.
 */
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
// @ts-ignore -- @types/react-dom is not installed; renderToString(element): string
import { renderToString } from 'react-dom/server';
import { SerialConsole, type EmulatorFactory, type V86Machine } from '@site/src/vm';
import RealVm from '@site/src/components/RealVm';

vi.mock('@site/src/components/RealVm/vmBase', () => ({ useVmBase: () => '/vm/' }));

vi.setConfig({ testTimeout: 20_000 });
afterEach(cleanup);

function fake() {
  const sent: string[] = [];
  const machines: Array<{ console: SerialConsole; destroyed: boolean }> = [];
  const load = vi.fn(async (): Promise<EmulatorFactory<V86Machine>> => () => {
    const serial = new SerialConsole();
    const m = { console: serial, destroyed: false };
    machines.push(m);
    return {
      v86: null as never,
      console: serial,
      send: (t: string) => void sent.push(t),
      restart: () => undefined,
      destroy: () => void (m.destroyed = true),
    };
  });
  return { sent, machines, load };
}

describe('RealVm', () => {
  it('renders on the server without a machine', () => {
    const html = renderToString(<RealVm />);
    expect(html).toContain('lab-1: <!-- -->not launched');
    expect(html).toContain('The machine is off.');
  });

  it('shows the engine refusing a stop before any launch, and loads nothing', async () => {
    const { load } = fake();
    render(<RealVm loadFactory={load} />);
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Not done: no VM named lab-1');
    expect(load).not.toHaveBeenCalled();
  });

  it('boots on Start, follows the serial console, sends a line, and refuses to start a terminated VM', async () => {
    const { load, machines, sent } = fake();
    render(<RealVm loadFactory={load} />);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByTestId('vm-state').textContent).toMatch(/^lab-1: running on eu-central-1a-h1/));
    expect(load).toHaveBeenCalledTimes(1);
    machines[0].console.push('[    0.3] ACPI BIOS Error\n');
    await waitFor(() => expect(screen.getByRole('listitem', { current: 'step' }).textContent).toMatch(/kernel is booting/));
    machines[0].console.push('infralab: init up on 6.1.0-50-686\n\ninfralab:/root# \u001b[6n');
    await waitFor(() => expect(screen.getByRole('listitem', { current: 'step' }).textContent).toMatch(/shell is waiting/));
    expect(screen.getByTestId('serial-console').textContent).toContain('infralab:/root# ');
    expect(screen.getByTestId('serial-console').textContent).not.toContain('\u001b');
    await userEvent.type(screen.getByLabelText('Command'), 'echo $((6*7))');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(sent).toEqual(['echo $((6*7))\n']);

    await userEvent.click(screen.getByRole('button', { name: 'Terminate' }));
    await waitFor(() => expect(screen.getByTestId('vm-state').textContent).toBe('lab-1: terminated'));
    expect(machines[0].destroyed).toBe(true);
    expect(screen.getByTestId('serial-console').textContent).toMatch(/infralab:\/root# \n\[infralab: machine powered off\]\n$/);
    await userEvent.click(screen.getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Not done: lab-1 is terminated: a terminated instance cannot be started'));
    expect(machines).toHaveLength(1);
  });
});
