// @vitest-environment happy-dom
/**
 * Memory pressure in the hypervisor lab, used as a reader uses it. The lab's host is type 1, 16
 * cores and 64 GiB: 64 − 1 = 63 GiB left for guests, 4 GiB of swap (the engine's defaults).
 */
import React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import HypervisorLab from '@site/src/components/widgets/HypervisorLab/HypervisorLab';
import { labStepSchema, toTimedAction } from '@site/src/components/widgets/HypervisorLab/labState';

vi.setConfig({ testTimeout: 30_000 });
beforeEach(() => window.history.replaceState(null, '', '/lab'));
afterEach(() => cleanup());

const lab = () => within(screen.getAllByRole('region', { name: /^Hypervisor lab: one physical host/ })[0]);
type Lab = ReturnType<typeof lab>;
type User = ReturnType<typeof userEvent.setup>;

async function fill(user: User, w: Lab, label: string, value: string) {
  const input = w.getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
}

describe('memory pressure in the hypervisor lab', () => {
  it('6 VMs of 16 GiB at 50% with memory overcommit 2: 96 promised on 63 balloons 33; all at 100% needs 33 of swap > 4, so two are killed and 1 GiB of 64 (1.6%) is swapped', async () => {
    const user = userEvent.setup();
    render(<HypervisorLab />);
    const w = lab();
    await user.selectOptions(w.getByLabelText('Memory overcommit'), '2');
    await fill(user, w, 'vCPUs', '1');
    await fill(user, w, 'Memory (GiB)', '16');
    await fill(user, w, 'How many', '6');
    await fill(user, w, 'Working set (% of memory used)', '50');
    await user.click(w.getByRole('button', { name: 'Create' }));
    await user.click(w.getByRole('button', { name: '+1 min' }));

    const summary = () => w.getByTestId('live-summary').textContent ?? '';
    expect(summary()).toContain('Memory pressure: ballooning. The running guests were promised 96 GiB but 63 GiB is left for them');
    expect(summary()).toContain('balloon drivers took back 33 GiB of idle guest memory');
    expect(w.getByRole('img', { name: /^Memory pressure: ballooning/ })).toBeTruthy();

    await fill(user, w, 'Working set (% of its memory used)', '100');
    await user.click(w.getByRole('button', { name: 'Set working set for every VM' }));
    // 96 used on 63: 33 to swap > 4. Equal working sets: the last to start goes first (vm-6, then vm-5);
    // with 4 left, 64 used on 63: 1 GiB swapped, 1/64 = 1.5625% of every working set.
    expect(w.getByTestId('memory-pressure').textContent).toBe(
      "Memory pressure: swapping. The guests' working sets (64 GiB) pass the 63 GiB left for them: with no idle memory to balloon, 1 GiB is in the host's swap (4 GiB), 1.6% of every working set, and each touch of it waits for the disk.",
    );
    const row = (vm: string) => within(w.getByRole('radio', { name: vm }).closest('tr')!);
    expect(row('vm-1').getByTestId('vm-swapped').textContent).toBe('1.6%');
    expect(row('vm-6').getByTestId('vm-state').textContent).toContain('stopping');
    expect(row('vm-5').getByTestId('vm-state').textContent).toContain('stopping');
    expect(w.getByText(/vm-5 was ended by us-east-1a-h1's out-of-memory killer/)).toBeTruthy();
  });

  it('share links keep working: a launch without a working set (older links) and a working-set step both read', () => {
    const old = labStepSchema.parse(['launch', 0, 2, 1, 4, 0.25]);
    expect(toTimedAction(old).action).not.toHaveProperty('workingSet');
    expect(toTimedAction(labStepSchema.parse(['launch', 0, 2, 1, 4, 0.25, 0.8])).action).toMatchObject({ workingSet: 0.8 });
    expect(toTimedAction(labStepSchema.parse(['working-set', 30, 'vm-1', 1])).action).toEqual({ kind: 'load', vm: 'vm-1', workingSet: 1 });
    expect(labStepSchema.safeParse(['working-set', 30, 'vm-1', 1.5]).success).toBe(false);
  });
});
