import type { V86Machine } from '@site/src/vm';

/** What a terminal view of a machine's serial console takes (xterm in the page, a fake in tests). */
export interface TerminalProps {
  /** Null while the emulator loads: the terminal is shown, and shows the machine once it runs. */
  machine: V86Machine | null;
  /** The accessible name of the terminal's input. */
  label: string;
  rows?: number;
  /** xterm's screen reader mode: an accessible copy of the rows that assistive tech reads as they change. */
  screenReader?: boolean;
}
