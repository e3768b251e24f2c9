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

/* eslint-disable no-control-regex -- a serial console's escape sequences start with the ESC control character */

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

/** The line the console shows when the machine is reset, so a reader sees where a new boot begins. */
export const resetLine = '\n[infralab: machine reset]\n';
/** The line the console shows when a machine resumes from a saved state instead of booting. */
export const resumeLine = '[infralab: resumed from a saved state]\n';

/** How much cleaned text a console keeps (characters): a VM left running for hours stays this big. */
export const keptChars = 64 * 1024;
/**
 * How far back a new batch is searched for a marker or a waited pattern that began in the previous
 * batch: longer than any line the console waits for (a prompt, a marker line, a command's output).
 */
const overlapChars = 4096;

type Waiter = {
  pattern: RegExp | string;
  from: number;
  scanned: number;
  resolve: (text: string) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
};

const wholeEscape = /^\u001b(?:\[[0-9;?]*[ -/]*[@-~]|[()][A-Za-z0-9]|[=>78])$/;
const escapePrefix = /^\u001b(?:\[[0-9;?]*[ -/]*|[()])?$/;
const shellPrompt = new RegExp(promptPattern.source.replace(/\$$/, ''));

/**
 * The guest's console output as text. Bytes are queued as the emulator emits them (one event per
 * byte) and handled once per task: decoded as UTF-8 (a character split across bytes or batches is
 * kept whole), cleaned of escapes, searched for the boot stage's markers and for what callers wait
 * for, and then listeners hear of it once. Only the last `keptChars` of text are kept; offsets
 * (mark, waitFor's `from`) count from the first byte ever pushed, so they stay valid as old text goes.
 */
export class SerialConsole {
  /** The kept cleaned text: the end of everything printed. */
  private kept = '';
  /** How many characters of cleaned text were dropped before `kept` (offsets are absolute). */
  private dropped = 0;
  private pendingEscape = '';
  private queued: Array<Uint8Array | number[] | string> = [];
  private flushScheduled = false;
  private readonly decoder = new TextDecoder('utf-8');
  private waiters: Waiter[] = [];
  private listeners = new Set<(text: string, stage: BootStage) => void>();
  /** The latest boot: where its output starts, and what it has shown so far. */
  private boot = { start: 0, resumed: false, initAt: -1, stage: 'firmware' as BootStage };
  /** Text before this offset has been searched for boot markers. */
  private stageScanned = 0;

  constructor(private readonly capacity = keptChars) {}

  /** The cleaned output: all of it, or its last `keptChars` characters on a long run. */
  get text(): string {
    this.flush();
    return this.kept;
  }

  /** Where the latest boot is (a reset starts a new boot; a resume starts in userland). */
  get stage(): BootStage {
    this.flush();
    return this.boot.stage;
  }

  /** Queues output bytes (or a string of the page's own) from the guest; handled once per task. */
  push(data: number | string | Uint8Array): void {
    if (typeof data === 'number') {
      const last = this.queued.at(-1);
      if (Array.isArray(last)) last.push(data);
      else this.queued.push([data]);
    } else this.queued.push(data);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Handles what was queued: decode, clean, track the stage, settle waits, tell listeners once. */
  private flush(): void {
    this.flushScheduled = false;
    if (this.queued.length === 0) return;
    const chunks = this.queued;
    this.queued = [];
    let added = '';
    for (const chunk of chunks) {
      const text =
        typeof chunk === 'string'
          ? this.decoder.decode() + chunk
          : this.decoder.decode(Array.isArray(chunk) ? Uint8Array.from(chunk) : chunk, { stream: true });
      added += this.clean(text);
    }
    if (added === '') return;
    this.kept += added;
    if (this.kept.length > this.capacity * 1.25) {
      const cut = this.kept.length - this.capacity;
      this.kept = this.kept.slice(cut);
      this.dropped += cut;
    }
    this.trackStage();
    this.settleWaiters();
    const text = this.kept;
    for (const l of this.listeners) l(text, this.boot.stage);
  }

  /** The text without escape sequences and carriage returns (a sequence may span batches). */
  private clean(text: string): string {
    if (this.pendingEscape === '' && !text.includes('\u001b')) return text.includes('\r') ? text.replace(/\r/g, '') : text;
    let out = '';
    for (const ch of text) {
      if (this.pendingEscape === '' && ch !== '\u001b') {
        if (ch !== '\r') out += ch;
        continue;
      }
      this.pendingEscape += ch;
      if (wholeEscape.test(this.pendingEscape)) this.pendingEscape = '';
      else if (!escapePrefix.test(this.pendingEscape)) {
        // Not an escape we know: show it as text, without the ESC byte.
        out += this.pendingEscape.slice(1).replace(/\r/g, '');
        this.pendingEscape = '';
      }
    }
    return out;
  }

  /** Absolute offset of the end of the text. */
  private get end(): number {
    return this.dropped + this.kept.length;
  }

  /** The kept text from absolute offset `from` (or from the oldest kept character). */
  private since(from: number): string {
    return this.kept.slice(Math.max(0, from - this.dropped));
  }

  /** Absolute offset of the start of the line holding absolute offset `at` (within the kept text). */
  private lineStart(at: number): number {
    const i = at - this.dropped;
    if (i <= 0) return this.dropped;
    const nl = this.kept.lastIndexOf('\n', i - 1);
    return nl < 0 ? this.dropped : this.dropped + nl + 1;
  }

  /** Reads the boot markers in the text added since the last batch (and a little before it). */
  private trackStage(): void {
    const from = Math.max(this.dropped, this.stageScanned - overlapChars);
    let window = this.since(from);
    const reset = window.lastIndexOf(resetLine);
    if (reset >= 0 && from + reset + resetLine.length > this.boot.start) {
      this.boot = { start: from + reset + resetLine.length, resumed: false, initAt: -1, stage: 'firmware' };
    }
    const bootFrom = Math.max(from, this.boot.start);
    window = this.since(bootFrom);
    const b = this.boot;
    if (!b.resumed && window.includes(resumeLine.trim())) {
      b.resumed = true;
      b.initAt = bootFrom + window.indexOf(resumeLine.trim());
    }
    if (b.initAt < 0 && window.includes(initMarker)) b.initAt = bootFrom + window.indexOf(initMarker);
    if (b.stage !== 'shell') {
      if (b.initAt >= 0) b.stage = shellPrompt.test(this.since(Math.max(b.initAt, from))) ? 'shell' : 'userland';
      else if (this.end > b.start) b.stage = 'kernel';
    }
    this.stageScanned = this.end;
  }

  private settleWaiters(): void {
    for (const w of [...this.waiters]) {
      // From the start of a line, so that `^` in a pattern means what it says.
      const start = Math.max(w.from, this.lineStart(w.scanned - overlapChars));
      const hit = match(this.since(start), w.pattern);
      w.scanned = this.end;
      if (hit === null) continue;
      this.drop(w);
      w.resolve(this.since(w.from).slice(0, Math.max(0, start - Math.max(w.from, this.dropped))) + hit);
    }
  }

  /** Forgets what was printed (a new boot). Pending waits keep waiting for new output. */
  clear(): void {
    this.flush();
    this.dropped += this.kept.length;
    this.kept = '';
    this.pendingEscape = '';
    this.boot = { start: this.dropped, resumed: false, initAt: -1, stage: 'firmware' };
    for (const w of this.waiters) w.from = Math.max(w.from, this.dropped);
  }

  /** Offset of the end of the text so far, to wait only for what comes after it. */
  mark(): number {
    this.flush();
    return this.end;
  }

  onChange(listener: (text: string, stage: BootStage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves with the text from `from` up to the end of the first match of `pattern` after `from`.
   * Output is searched once per batch (per emulator task), so a pattern anchored with `$` matches
   * text that ends a batch, as a prompt waiting for input does.
   */
  waitFor(pattern: RegExp | string, options: { from?: number; timeoutMs?: number } = {}): Promise<string> {
    this.flush();
    const from = options.from ?? 0;
    const compiled = typeof pattern === 'string' ? pattern : new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    const now = match(this.since(from), compiled);
    if (now !== null) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        pattern: compiled,
        from,
        scanned: this.end,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.drop(w);
          reject(new Error(`serial console: no ${String(pattern)} within ${options.timeoutMs ?? 60000} ms; last output:\n${this.kept.slice(-400)}`));
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

/** The text up to the end of the first match of `pattern` in `text`, or null. */
function match(text: string, pattern: RegExp | string): string | null {
  if (typeof pattern === 'string') {
    const i = text.indexOf(pattern);
    return i < 0 ? null : text.slice(0, i + pattern.length);
  }
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index + m[0].length) : null;
}
