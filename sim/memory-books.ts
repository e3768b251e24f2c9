/**
 * What a host keeps of its running guests' memory, apart from the rules of memory pressure
 * (./memory.ts), so that the world's state can hold it without depending on those rules.
 */
import { OomQueue } from './oom-queue';

export type MemoryPressure = 'none' | 'ballooning' | 'swapping';

/** What a host keeps of its running guests' memory, kept up to date by the rules. */
export interface HostMemoryBooks {
  /** VMs in the `running` state (a crashed or rebooting guest still holds its memory). */
  running: number;
  /** The memory they were promised, in GiB. */
  promisedGiB: number;
  /** Their working sets, in GiB. */
  workingSetGiB: number;
  /** The pressure last recorded in the trace, so that only a change is recorded. */
  recorded: MemoryPressure;
  /** Set while the host settles its memory, so that a kill does not start a second settling. */
  settling: boolean;
  /** The running guests in the order the out-of-memory killer would take them. */
  victims: OomQueue;
}

export function emptyMemoryBooks(): HostMemoryBooks {
  return { running: 0, promisedGiB: 0, workingSetGiB: 0, recorded: 'none', settling: false, victims: new OomQueue() };
}
