/**
 * The guest's serial console as text: collects bytes, drops terminal escape sequences, tells which
 * boot stage the output shows, and waits for a pattern. Pure: no DOM, no Node, no emulator.
 */

/** Where a booting guest is, read from its serial output. */
export type BootStage = 'firmware' | 'kernel' | 'userland' | 'shell';

export const bootStageLabels: Record<BootStage, string> = {
  firmware: 'Firmware (SeaBIOS) is starting the machine',
  kernel: 'The Linux kernel is booting',
  userland: 'The kernel ran /init: busybox userland is up',
  shell: 'A shell is waiting on the serial console',
};

/** The prompt /init gives the guest's shell (scripts/vm-image/init.sh). */
export const promptPattern = /infralab:[^\n#]*# $/;
/** The line /init prints once the kernel has handed over to userland. */
export const initMarker = 'infralab: init up';
/** The line /init prints once the disk is attached: /dev/sda, formatted on first use, at /mnt/disk. */
export const diskMountedPattern = /infralab: disk \/dev\/sda mounted at \/mnt\/disk \((new|existing) filesystem\)/;
/** On the kernel command line, makes /init wait for one line on the console before attaching the disk. */
export const snapshotCmdlineFlag = 'infralab.snapshot';
/** The line /init prints while it waits there: the point where the instant-start state is saved. */
export const snapshotMarker = 'infralab: waiting to attach the disk';

// CSI sequences (ESC [ ... final byte) such as the cursor-position query ash's line editor sends.
const escapes = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[()][A-Za-z0-9]|\u001b[=>78]/g;

export function stripEscapes(text: string): string {
  return text.replace(escapes, '').replace(/\r/g, '');
}

/** The stage the cleaned output shows so far. */
export function bootStage(output: string): BootStage {
  const init = output.indexOf(initMarker);
  if (init >= 0) return /infralab:[^\n#]*# /.test(output.slice(init)) ? 'shell' : 'userland';
  if (output.length > 0) return 'kernel';
  return 'firmware';
}

type Waiter = { pattern: RegExp | string; from: number; resolve: (text: string) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> };

const wholeEscape = /^\u001b(?:\[[0-9;?]*[ -/]*[@-~]|[()][A-Za-z0-9]|[=>78])$/;
const escapePrefix = /^\u001b(?:\[[0-9;?]*[ -/]*|[()])?$/;

export class SerialConsole {
  /** The cleaned text, built as bytes arrive (an escape sequence may span several pushes). */
  private clean = '';
  private pendingEscape = '';
  private waiters: Waiter[] = [];
  private listeners = new Set<(text: string, stage: BootStage) => void>();

  /** The cleaned output so far. */
  get text(): string {
    return this.clean;
  }

  get stage(): BootStage {
    return bootStage(this.text);
  }

  /** Feeds output bytes (or a string) from the guest. */
  push(data: number | string): void {
    for (const ch of typeof data === 'number' ? String.fromCharCode(data) : data) this.take(ch);
    const text = this.clean;
    for (const w of [...this.waiters]) {
      const hit = match(text, w.pattern, w.from);
      if (hit !== null) {
        this.drop(w);
        w.resolve(hit);
      }
    }
    for (const l of this.listeners) l(text, bootStage(text));
  }

  private take(ch: string): void {
    if (this.pendingEscape === '' && ch !== '\u001b') {
      if (ch !== '\r') this.clean += ch;
      return;
    }
    this.pendingEscape += ch;
    if (wholeEscape.test(this.pendingEscape)) this.pendingEscape = '';
    else if (!escapePrefix.test(this.pendingEscape)) {
      // Not an escape we know: show it as text, without the ESC byte.
      this.clean += this.pendingEscape.slice(1).replace(/\r/g, '');
      this.pendingEscape = '';
    }
  }

  /** Forgets what was printed (a new boot). Pending waits keep waiting for new output. */
  clear(): void {
    this.clean = '';
    this.pendingEscape = '';
    for (const w of this.waiters) w.from = 0;
  }

  /** Offset of the end of the current cleaned text, to wait only for what comes after it. */
  mark(): number {
    return this.text.length;
  }

  onChange(listener: (text: string, stage: BootStage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the text from `from` up to the end of the first match of `pattern` after `from`. */
  waitFor(pattern: RegExp | string, options: { from?: number; timeoutMs?: number } = {}): Promise<string> {
    const from = options.from ?? 0;
    const now = match(this.text, pattern, from);
    if (now !== null) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        pattern,
        from,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.drop(w);
          reject(new Error(`serial console: no ${String(pattern)} within ${options.timeoutMs ?? 60000} ms; last output:\n${this.text.slice(-400)}`));
        }, options.timeoutMs ?? 60000),
      };
      this.waiters.push(w);
    });
  }

  /** Rejects every pending wait (the emulator went away). */
  abort(reason: string): void {
    for (const w of [...this.waiters]) {
      this.drop(w);
      w.reject(new Error(reason));
    }
  }

  private drop(w: Waiter): void {
    clearTimeout(w.timer);
    this.waiters = this.waiters.filter((x) => x !== w);
  }
}

function match(text: string, pattern: RegExp | string, from: number): string | null {
  const rest = text.slice(from);
  if (typeof pattern === 'string') {
    const i = rest.indexOf(pattern);
    return i < 0 ? null : rest.slice(0, i + pattern.length);
  }
  const m = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(rest);
  return m ? rest.slice(0, m.index + m[0].length) : null;
}
