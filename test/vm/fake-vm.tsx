/**
 * Fakes for the VM components: a machine factory whose serial console the test writes, and a
 * terminal that is a labelled textarea sending each line (xterm needs a real layout engine).
 */
import React, { useState } from 'react';
import { vi } from 'vitest';
import { SerialConsole, type EmulatorFactory, type MachineSpec, type V86Machine } from '@site/src/vm';
import type { TerminalProps } from '@site/src/components/RealVm/terminal-props';

export interface FakeMachine {
  spec: MachineSpec;
  console: SerialConsole;
  sent: string[];
  destroyed: boolean;
  restarts: number;
  /** The fake's "RAM", copied by saveState and put back by restoreState. */
  memory: Uint8Array;
}

export function fakeLoader(options: { saveBytes?: number } = {}) {
  const machines: FakeMachine[] = [];
  const load = vi.fn(async (_base: string, onProgress: (p: { loadedBytes: number; totalBytes: number }) => void): Promise<EmulatorFactory<V86Machine>> => {
    onProgress({ loadedBytes: 3 * 1048576, totalBytes: 3 * 1048576 });
    return (spec) => {
      const m: FakeMachine = { spec, console: new SerialConsole(), sent: [], destroyed: false, restarts: 0, memory: new Uint8Array(options.saveBytes ?? 4) };
      machines.push(m);
      return {
        v86: null as never,
        console: m.console,
        send: (t: string) => void m.sent.push(t),
        restart: () => void m.restarts++,
        destroy: () => void (m.destroyed = true),
        saveState: async () => m.memory.slice().buffer,
        restoreState: async (state: ArrayBuffer) => void m.memory.set(new Uint8Array(state)),
      };
    };
  });
  return { machines, load };
}

export function FakeTerminal({ machine, label, screenReader }: TerminalProps): React.JSX.Element {
  const [line, setLine] = useState('');
  return (
    <textarea
      aria-label={label}
      data-screen-reader={String(Boolean(screenReader))}
      value={line}
      onChange={(e) => setLine(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        machine?.send(`${line}\r`);
        setLine('');
      }}
    />
  );
}
