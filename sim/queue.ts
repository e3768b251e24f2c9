/**
 * The event queue: a binary min-heap ordered by time, then by insertion order, so two events at the
 * same virtual second always run in the order they were scheduled (determinism). A `late` entry
 * runs after every ordinary entry of the same second: the runner uses it for a scenario's actions,
 * so that an action timed at the second a transition completes sees the completed state, as a
 * reader watching the clock would. Times, keys and items live in parallel arrays: no object per
 * entry, fewer cache misses.
 */
export interface Scheduled<T> {
  time: number;
  seq: number;
  item: T;
}

const lateBase = 2 ** 52;

export class EventQueue<T> {
  private times: number[] = [];
  private seqs: number[] = [];
  private items: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.times.length;
  }

  push(time: number, item: T, late = false): void {
    const { times, seqs, items } = this;
    // The order key within a second: late entries sort after every ordinary one.
    const seq = late ? lateBase + this.nextSeq++ : this.nextSeq++;
    let i = times.length;
    times.push(time);
    seqs.push(seq);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent];
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  peekTime(): number | undefined {
    return this.times.length > 0 ? this.times[0] : undefined;
  }

  pop(): Scheduled<T> | undefined {
    const { times, seqs, items } = this;
    const n = times.length - 1;
    if (n < 0) return undefined;
    const top = { time: times[0], seq: seqs[0], item: items[0] };
    const lastTime = times[n];
    const lastSeq = seqs[n];
    const lastItem = items[n];
    times.pop();
    seqs.pop();
    items.pop();
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (right < n && (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))) child = right;
        const ct = times[child];
        if (ct > lastTime || (ct === lastTime && seqs[child] > lastSeq)) break;
        times[i] = ct;
        seqs[i] = seqs[child];
        items[i] = items[child];
        i = child;
      }
      times[i] = lastTime;
      seqs[i] = lastSeq;
      items[i] = lastItem;
    }
    return top;
  }
}
