import { describe, expect, it } from 'vitest';
import {
  createPrng,
  describeParams,
  drawParams,
  enumerateSpace,
  fillTemplate,
  hashSeed,
  nextSeed,
  shuffle,
  spaceSize,
  unfilledPlaceholders,
} from '@site/quizzes/variants';

describe('seeded variants', () => {
  it('the generator repeats for a seed and differs between seeds', () => {
    const seq = (s: number) =>
      Array.from(
        { length: 10 },
        (
          (r) => () =>
            r.next()
        )(createPrng(s)),
      );
    expect(seq(42)).toEqual(seq(42));
    expect(seq(42)).not.toEqual(seq(43));
  });

  it('a seed gives each question its own parameters, the same every time', () => {
    const space = { azs: [2, 3, 4], perAz: [1, 2, 3] };
    expect(drawParams(space, 1234, 'one-az-fails')).toEqual(drawParams(space, 1234, 'one-az-fails'));
    const draws = new Set(Array.from({ length: 40 }, (_, s) => JSON.stringify(drawParams(space, s + 1, 'one-az-fails'))));
    expect(draws.size).toBe(9); // 40 seeds reach all 3 × 3 combinations
    expect(hashSeed(1, 'a')).not.toBe(hashSeed(1, 'b'));
  });

  it('enumerates a space as the product of its parameters', () => {
    const space = { a: [1, 2], b: ['x', 'y', 'z'] };
    expect(spaceSize(space)).toBe(6);
    expect(enumerateSpace(space)).toHaveLength(6);
    expect(enumerateSpace({})).toEqual([{}]);
  });

  it('shuffles deterministically and never leaves the original order', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const s = shuffle(['a', 'b', 'c'], seed, 'q');
      expect(s).not.toEqual(['a', 'b', 'c']);
      expect([...s].sort()).toEqual(['a', 'b', 'c']);
      expect(shuffle(['a', 'b', 'c'], seed, 'q')).toEqual(s);
    }
  });

  it('draws a new seed different from the current one', () => {
    let calls = 0;
    const rigged = () => (calls++ === 0 ? 0 : 0.5); // first draw gives seed 1, the current one
    expect(nextSeed(1, rigged)).toBe(500_000);
  });

  it('fills templates from parameters and reports what it could not fill', () => {
    expect(fillTemplate('{perAz} VMs in {azs} AZs', { perAz: 2, azs: 3 })).toBe('2 VMs in 3 AZs');
    expect(unfilledPlaceholders(fillTemplate('{a} and {b}', { a: 1 }))).toEqual(['b']);
    expect(describeParams({ azs: 3, region: 'us-east-1' })).toBe('azs=3, region=us-east-1');
  });
});
