/**
 * Running guests by what the out-of-memory killer looks at: the largest working set first, then the
 * one that started running last. A binary max-heap with lazy removal (an entry is live while its
 * stamp is the VM's current one), so that a host of many guests finds its next victim in log time.
 */
export class OomQueue {
  private keys: number[] = [];
  private started: number[] = [];
  private stamps: number[] = [];
  private names: string[] = [];
  private readonly current = new Map<string, { stamp: number; started: number }>();
  private nextStamp = 0;

  /** A guest started running (started = undefined) or its working set changed (started = kept). */
  set(name: string, workingSetGiB: number): void {
    const started = this.current.get(name)?.started ?? this.nextStamp;
    const stamp = this.nextStamp++;
    this.current.set(name, { stamp, started });
    this.push(workingSetGiB, started, stamp, name);
    if (this.names.length > 2 * this.current.size + 64) this.compact();
  }

  delete(name: string): void {
    this.current.delete(name);
  }

  /** The next guest the killer would take, or undefined when none runs. */
  peek(): string | undefined {
    while (this.names.length > 0 && this.current.get(this.names[0])?.stamp !== this.stamps[0]) this.pop();
    return this.names[0];
  }

  private compact(): void {
    const live = this.names.map((name, i) => ({ name, i })).filter(({ name, i }) => this.current.get(name)?.stamp === this.stamps[i]);
    const entries = live.map(({ i }) => [this.keys[i], this.started[i], this.stamps[i], this.names[i]] as const);
    this.keys = [];
    this.started = [];
    this.stamps = [];
    this.names = [];
    for (const [key, started, stamp, name] of entries) this.push(key, started, stamp, name);
  }

  private before(a: number, b: number): boolean {
    return this.keys[a] > this.keys[b] || (this.keys[a] === this.keys[b] && this.started[a] > this.started[b]);
  }

  private push(key: number, started: number, stamp: number, name: string): void {
    this.keys.push(key);
    this.started.push(started);
    this.stamps.push(stamp);
    this.names.push(name);
    let i = this.names.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private pop(): void {
    const last = this.names.length - 1;
    this.swap(0, last);
    this.keys.pop();
    this.started.pop();
    this.stamps.pop();
    this.names.pop();
    const n = this.names.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const c = r < n && this.before(r, l) ? r : l;
      if (!this.before(c, i)) return;
      this.swap(c, i);
      i = c;
    }
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
    [this.started[a], this.started[b]] = [this.started[b], this.started[a]];
    [this.stamps[a], this.stamps[b]] = [this.stamps[b], this.stamps[a]];
    [this.names[a], this.names[b]] = [this.names[b], this.names[a]];
  }
}
