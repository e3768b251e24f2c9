/**
 * What a RealVm shares with the experiments placed inside it: whether a shell can take a command
 * now, and how to type one.
 */
import { createContext, useContext } from 'react';

export interface RunningVm {
  /** The engine VM's name, for labels ("Run in lab-1"). */
  vm: string;
  /** True while a machine runs (the engine's VM is running and the emulator is on). */
  running: boolean;
  /** Types the command on the guest's serial line and presses Enter; false when no machine runs. */
  run(command: string): boolean;
}

export const RunningVmContext = createContext<RunningVm | null>(null);

export function useRunningVm(): RunningVm | null {
  return useContext(RunningVmContext);
}
