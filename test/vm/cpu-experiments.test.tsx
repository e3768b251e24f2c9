// @vitest-environment happy-dom
/**
 * The CPU experiments with a fake machine: commands typed into the guest, busybox's answers read,
 * the figures worked out (per system call, per fresh page) and shown beside the engine's full-
 * emulation figures; and the pure pieces they rest on.
 */
import React from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import CpuExperiments from '@site/src/components/CpuExperiments/CpuExperiments';
import {
  computeCommand,
  cpuinfoCommand,
  emulationPrediction,
  extraSyscalls,
  fewSyscallsCommand,
  freshPages,
  freshPagesCommand,
  InstructionMeter,
  manySyscallsCommand,
  parseCpuinfo,
  realSeconds,
  reusedPagesCommand,
  timeJsLoop,
} from '@site/src/components/CpuExperiments/measure';
import { FakeTerminal, fakeLoader, type FakeMachine } from './fake-vm';

vi.mock('@site/src/components/RealVm/vmBase', () => ({ useVmBase: () => '/vm/' }));
vi.setConfig({ testTimeout: 20_000 });
afterEach(cleanup);

/** What the guest printed for /proc/cpuinfo in v86 (captured from the shipped image). */
const v86Cpuinfo = `vendor_id\t: GenuineIntel
model name\t: Pentium III (Katmai)
flags\t\t: fpu pse tsc msr pae cx8 sep pge cmov mmx fxsr sse sse2 constant_tsc tsc_reliable cpuid tsc_known_freq pni popcnt rdrand hypervisor erms
`;

describe('reading the guest’s answers', () => {
  it('busybox time: "real 0m 6.22s" is 6.22 s, "real 1m 2.50s" is 62.5 s, no line is null', () => {
    expect(realSeconds('100000+0 records out\nreal\t0m 6.22s\nuser\t0m 1.57s\n')).toBe(6.22);
    expect(realSeconds('real\t1m 2.50s\n')).toBe(62.5);
    expect(realSeconds('sh: tme: not found')).toBeNull();
  });

  it('v86’s CPU: a Pentium III with the hypervisor bit and neither vmx nor svm', () => {
    expect(parseCpuinfo(v86Cpuinfo)).toMatchObject({ vendor: 'GenuineIntel', model: 'Pentium III (Katmai)', vmx: false, svm: false, hypervisor: true });
    expect(parseCpuinfo('flags : fpu vmx ept').vmx).toBe(true);
  });
});

describe('the arithmetic of the experiments', () => {
  it('20,000 one-byte blocks make a read and a write each (40,000 calls); one block makes 2: 39,998 extra', () => {
    expect(extraSyscalls).toBe(39_998);
  });

  it('an 8 MiB buffer is 2,048 pages of 4 KiB; 64 KiB blocks reuse 16: 2,032 fresh pages more', () => {
    expect(freshPages).toBe(2032);
  });

  it('the instruction counter is 32 bits: from 2³² − 296 to 200 is 496 instructions', () => {
    const reads = [2 ** 32 - 296, 200, 1200];
    const meter = new InstructionMeter(() => reads.shift()!);
    expect(meter.sample()).toBe(496);
    expect(meter.sample()).toBe(1496);
  });

  it('the JavaScript loop: 20,000 runs over a clock that moves 1,000 ms take 1 s ÷ 20,000 = 50 µs each', () => {
    const times = [0, 1000];
    expect(timeJsLoop(100, () => times.shift()!)).toBe(1 / 20000);
  });

  it('the engine’s full emulation at 3 GHz and 10 cycles a guest cycle: 300 million instructions a second; a system call 100 × 10 = 1,000 cycles, 1/3 µs', () => {
    const m = emulationPrediction();
    expect(m.guestInstructionsPerSecond).toBe(3e8);
    expect(m.computeSlowdown).toBe(10);
    expect(m.syscallSeconds).toBeCloseTo(1000 / 3e9, 15);
    expect(m.syscallSecondsHardware).toBeCloseTo(100 / 3e9, 15);
    expect(m.pageFaultSecondsHardware).toBeCloseTo(100 / 3e9, 15);
  });
});

/** Answers the next command the machine was sent with `output` and a prompt. */
async function answer(m: FakeMachine, command: string, output: string): Promise<void> {
  await waitFor(() => expect(m.sent.at(-1)).toBe(`${command}\n`));
  const before = m.sent.length;
  m.console.push(`${command}\n${output}\ninfralab:/root# `);
  // wait until the component sends something else or finishes
  await waitFor(() => expect(m.sent.length >= before).toBe(true));
}

describe('CpuExperiments', () => {
  it('renders on the server with nothing measured and the engine’s figures in place', () => {
    const html = renderToString(<CpuExperiments loadFactory={fakeLoader().load} Terminal={FakeTerminal} />);
    expect(html).toContain('not measured');
    expect(html).toContain('300 million');
  });

  it('reads the CPU, works out one system call and one fresh page, and times the loop against JavaScript', async () => {
    const user = userEvent.setup();
    const { load, machines } = fakeLoader();
    render(<CpuExperiments loadFactory={load} Terminal={FakeTerminal} />);
    await user.click(screen.getByRole('button', { name: 'Start the VM' }));
    await waitFor(() => expect(machines).toHaveLength(1));
    const m = machines[0];
    m.console.push('infralab: init up\ninfralab:/root# ');

    await user.click(await screen.findByRole('button', { name: 'Read the guest’s CPU' }));
    await answer(m, cpuinfoCommand, v86Cpuinfo);
    await waitFor(() => expect(screen.getByTestId('cpuinfo').textContent).toBe('GenuineIntel Pentium III (Katmai); vmx: no, svm: no, hypervisor flag: yes'));
    expect(screen.getByTestId('cpuinfo-note').textContent).toContain('no vmx or svm');

    await user.click(screen.getByRole('button', { name: 'Time both and work out one system call' }));
    await answer(m, manySyscallsCommand, 'real\t0m 2.26s');
    await answer(m, fewSyscallsCommand, 'real\t0m 0.26s');
    // (2.26 − 0.26) s ÷ 39,998 calls = 50.0 µs
    await waitFor(() => expect(screen.getByTestId('syscall').textContent).toBe('50.0 µs'));

    await user.click(screen.getByRole('button', { name: 'Time both and work out one fresh page' }));
    await answer(m, freshPagesCommand, 'real\t0m 2.47s');
    await answer(m, reusedPagesCommand, 'real\t0m 0.44s');
    // (2.47 − 0.44) s ÷ 2,032 pages = 999 µs
    await waitFor(() => expect(screen.getByTestId('page').textContent).toBe('999.0 µs'));

    await user.click(screen.getByRole('button', { name: 'Time the loop in the guest and in JavaScript' }));
    await answer(m, computeCommand, 'real\t0m 4.10s');
    await waitFor(() => expect(m.sent.filter((s) => s === `${computeCommand}\n`)).toHaveLength(2));
    m.console.push(`${computeCommand}\nreal\t0m 3.90s\ninfralab:/root# `);
    // Best of two: 3.90 s; the fake has no instruction counter.
    await waitFor(() => expect(screen.getByTestId('compute-ratio').textContent).toMatch(/^3\.90 s vs .+: [\d,]+× slower$/));
    expect(screen.getByTestId('mips').textContent).toBe('not counted');
    expect(screen.getByTestId('honest-note').textContent).toContain('the guest’s shell interprets its loop'.replace('’', "'"));
    expect(screen.getByTestId('live-summary').textContent).toMatch(/One system call: 50\.0 µs\. One fresh page: 999\.0 µs\./);
  });
});
