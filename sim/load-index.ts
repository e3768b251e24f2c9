/**
 * Each AZ's hosts ordered by load (then declared order), so `spread` finds the least-loaded host
 * without scanning the AZ: an indexed binary min-heap, updated whenever a host's allocation changes.
 */
import { loadShare } from './host';
import type { HostState } from './types';

export class LoadIndex {
  private heap: HostState[] = [];
  private keys: number[] = [];
  private position = new Map<HostState, number>();

  constructor(hosts: HostState[]) {
    for (const host of hosts) this.insert(host);
  }

  /** The least-loaded host (ties: declared order). */
  peek(): HostState | undefined {
    return this.heap[0];
  }

  /** Call after the host's allocation changed. */
  update(host: HostState): void {
    const i = this.position.get(host);
    if (i === undefined) return;
    this.keys[i] = loadShare(host);
    this.up(i);
    this.down(this.position.get(host)!);
  }

  private insert(host: HostState): void {
    this.heap.push(host);
    this.keys.push(loadShare(host));
    this.position.set(host, this.heap.length - 1);
    this.up(this.heap.length - 1);
  }

  private less(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.heap[a].order < this.heap[b].order);
  }

  private swap(a: number, b: number): void {
    const h = this.heap;
    const k = this.keys;
    [h[a], h[b]] = [h[b], h[a]];
    [k[a], k[b]] = [k[b], k[a]];
    this.position.set(h[a], a);
    this.position.set(h[b], b);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const c = r < n && this.less(r, l) ? r : l;
      if (!this.less(c, i)) return;
      this.swap(c, i);
      i = c;
    }
  }
}
