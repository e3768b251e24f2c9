/**
 * Each AZ's hosts ordered by load (then declared order), so `spread` finds the least-loaded host
 * without scanning the AZ: an indexed binary min-heap, updated whenever a host's allocation changes.
 */
export class LoadIndex<T extends { order: number }> {
  private heap: T[] = [];
  private keys: number[] = [];
  private position = new Map<T, number>();

  /** `load` gives an item's key; ties go to the lower `order`. */
  constructor(
    items: T[],
    private readonly load: (item: T) => number,
  ) {
    for (const item of items) this.insert(item);
  }

  /** The least-loaded item (ties: declared order). */
  peek(): T | undefined {
    return this.heap[0];
  }

  /** Call after the item's load changed. */
  update(item: T): void {
    const i = this.position.get(item);
    if (i === undefined) return;
    this.keys[i] = this.load(item);
    this.up(i);
    this.down(this.position.get(item)!);
  }

  private insert(item: T): void {
    this.heap.push(item);
    this.keys.push(this.load(item));
    this.position.set(item, this.heap.length - 1);
    this.up(this.heap.length - 1);
  }

  private less(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.heap[a].order < this.heap[b].order);
  }

  private swap(a: number, b: number): void {
    // Plain temporaries: a destructuring swap allocates two arrays, and this runs per host moved.
    const h = this.heap;
    const k = this.keys;
    const item = h[a];
    h[a] = h[b];
    h[b] = item;
    const key = k[a];
    k[a] = k[b];
    k[b] = key;
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
