import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '@site/sim/queue';

describe('EventQueue', () => {
  it('pops events in time order, and same-time events in the order they were pushed', () => {
    const q = new EventQueue<string>();
    q.push(10, 'b');
    q.push(5, 'a');
    q.push(10, 'c');
    q.push(0, 'first');
    expect([q.pop(), q.pop(), q.pop(), q.pop()].map((e) => e?.item)).toEqual(['first', 'a', 'b', 'c']);
    expect(q.pop()).toBeUndefined();
  });

  it('orders any sequence of pushes like a stable sort by time', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), (times) => {
        const q = new EventQueue<number>();
        times.forEach((t, i) => q.push(t, i));
        const popped: number[] = [];
        for (let e = q.pop(); e; e = q.pop()) popped.push(e.item);
        const expected = times
          .map((t, i) => ({ t, i }))
          .sort((a, b) => a.t - b.t || a.i - b.i)
          .map((x) => x.i);
        expect(popped).toEqual(expected);
      }),
    );
  });
});

describe('late entries', () => {
  it('run after every ordinary entry of the same second, even ones pushed after them, and keep their own order', () => {
    const q = new EventQueue<string>();
    q.push(10, 'action-1', true);
    q.push(10, 'action-2', true);
    q.push(10, 'completion');
    q.push(5, 'earlier action', true);
    q.push(11, 'next second');
    const order: string[] = [];
    for (let e = q.pop(); e; e = q.pop()) order.push(e.item);
    expect(order).toEqual(['earlier action', 'completion', 'action-1', 'action-2', 'next second']);
  });
});
