// @vitest-environment happy-dom
import React from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import CpuLab from '@site/src/components/widgets/CpuLab/CpuLab';

beforeEach(() => window.history.replaceState(null, '', '/docs/lessons/cpu-virtualization'));
afterEach(cleanup);

const lab = () => within(screen.getByRole('region', { name: 'CPU virtualization lab' }));
const live = () => lab().getByTestId('live-summary').textContent!;
const row = (label: string) => within(lab().getByRole('row', { name: new RegExp(`^${label}`) }));

describe('server rendering', () => {
  it('renders the same deterministic first state twice, without touching window', () => {
    const a = renderToString(<CpuLab />);
    expect(renderToString(<CpuLab />)).toBe(a);
    expect(a).toContain('Step 1 of 7');
  });
});

describe('stepping through the system-call loop under classic trap-and-emulate (the default)', () => {
  it('step 1 is an ordinary user instruction: it stays in the guest, 1 cycle', () => {
    render(<CpuLab />);
    expect(live()).toContain('Step 1 of 7: mov eax, 3 ; read (user mode) runs directly on the CPU. Control: the guest. 1 cycle in the engine');
  });

  it('Next step twice reaches int 0x80, which traps: guest → hypervisor → guest, 2,000 + 100 = 2,100 cycles', async () => {
    const user = userEvent.setup();
    render(<CpuLab />);
    await user.click(lab().getByRole('button', { name: 'Next step' }));
    await user.click(lab().getByRole('button', { name: 'Next step' }));
    expect(live()).toContain('Step 3 of 7: int 0x80');
    expect(live()).toContain('traps to the hypervisor. Control: the guest → the hypervisor → the guest. 2,100 cycles in the engine (100 cycles on bare metal)');
    expect(
      within(lab().getByRole('list', { name: 'Where control goes, in order' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['the guest', 'the hypervisor', 'the guest']);
  });

  it('by keyboard: the program list takes arrow keys and End; POPF (step 6) silently leaves interrupts off', async () => {
    const user = userEvent.setup();
    render(<CpuLab />);
    const list = lab().getByRole('list', { name: /The loop body/ });
    list.focus();
    await user.keyboard('{End}{ArrowLeft}');
    expect(live()).toContain('Step 6 of 7: popf');
    expect(live()).toContain('silently does the wrong thing');
    expect(live()).toContain('Wrong result: the guest believes interrupts are on; they are off.');
    expect(lab().getByTestId('interrupts').textContent).toContain('the guest believes on; actually off');
    await user.keyboard('{Home}');
    expect(live()).toContain('Step 1 of 7');
  });

  it('the same POPF under hardware assistance is right: the kernel runs in ring 0 of guest mode', async () => {
    const user = userEvent.setup();
    render(<CpuLab />);
    await user.selectOptions(lab().getByRole('combobox', { name: 'Technique' }), 'hw-nested');
    lab()
      .getByRole('list', { name: /The loop body/ })
      .focus();
    await user.keyboard('{End}{ArrowLeft}');
    expect(live()).toContain('Step 6 of 7: popf');
    expect(live()).not.toContain('Wrong result');
    expect(lab().getByTestId('interrupts').textContent).toBe('the guest believes on; actually on');
  });
});

describe('the comparison table: every technique on the same loop (hand-worked from the default costs)', () => {
  it('system calls: trap-and-emulate 5 + 2100 + 20 = 2,125 a pass (17× the 125 of bare metal), 1 entry, 1,000 wrong results in 1,000 passes', () => {
    render(<CpuLab />);
    const r = row('Trap-and-emulate on classic x86');
    expect(r.getAllByRole('cell').map((c) => c.textContent)).toEqual(['2,125', '17.0×', '1', '1,000 (POPF)']);
  });

  it('system calls under hardware assist with nested paging: 125 a pass, 1.00×, no entry, no wrong result', () => {
    render(<CpuLab />);
    expect(
      row('Hardware assist, nested paging')
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['125', '1.00×', '0', 'none']);
  });

  it('page faults: nested paging 1,323 a pass against shadow paging 2,822 (two VM exits a pass)', async () => {
    const user = userEvent.setup();
    render(<CpuLab />);
    await user.selectOptions(lab().getByRole('combobox', { name: 'Workload' }), 'page-faults');
    expect(row('Hardware assist, nested paging').getAllByRole('cell')[0].textContent).toBe('1,323');
    expect(
      row('Hardware assist, shadow page tables')
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 3),
    ).toEqual(['2,822', '8.74×', '2']);
  });
});

describe('a scenario file', () => {
  it('the example text runs: its own loop and techniques replace the built-in ones', async () => {
    const user = userEvent.setup();
    render(<CpuLab />);
    await user.click(lab().getByText('Load a CPU scenario (YAML or JSON)'));
    await user.click(lab().getByRole('button', { name: 'Run this scenario' }));
    await waitFor(() => expect(lab().getByRole('combobox', { name: 'Workload' })).toHaveProperty('value', 'file'));
    // compute 1, syscall trap 2000 + 100, POPF 20 = 2,121 a pass under trap-and-emulate
    expect(row('Trap-and-emulate on classic x86').getAllByRole('cell')[0].textContent).toBe('2,121');
    expect(lab().getAllByRole('row')).toHaveLength(5); // header + the 4 techniques it names
  });

  it('a bad field is refused with its path and what was expected', async () => {
    const user = userEvent.setup();
    render(<CpuLab />);
    await user.click(lab().getByText('Load a CPU scenario (YAML or JSON)'));
    const box = lab().getByRole('textbox', { name: 'Scenario text' });
    await user.clear(box);
    await user.type(box, 'iterations: 0');
    await user.click(lab().getByRole('button', { name: 'Run this scenario' }));
    const alert = await lab().findByRole('alert');
    expect(alert.textContent).toContain('iterations');
    expect(alert.textContent).toContain('expected at least 1');
  });
});

describe('state in the URL', () => {
  it('a share link opens on its workload, technique and step', async () => {
    window.history.replaceState(null, '', `/x?w-cpu-lab=${encodeURIComponent(JSON.stringify({ workload: 'io', technique: 'paravirtual', step: 3 }))}`);
    render(<CpuLab />);
    await waitFor(() => expect(live()).toContain('Step 4 of 7: out dx, eax'));
    expect(live()).toContain('is a hypercall');
  });

  it('a malformed link falls back to the default with a notice', async () => {
    window.history.replaceState(null, '', `/x?w-cpu-lab=${encodeURIComponent(JSON.stringify({ workload: 'mining', technique: 'paravirtual', step: 0 }))}`);
    render(<CpuLab />);
    expect((await lab().findByRole('alert')).textContent).toContain('workload');
  });
});
