/** The variant in the address: only a plain whole number from 1 to 999,999 is read. */
import { describe, expect, it } from 'vitest';
import { readVariant, withVariant } from '@site/src/components/Quiz/variantParam';

describe('readVariant', () => {
  it('reads a valid variant', () => {
    expect(readVariant('?v-regions=1234', 'regions')).toEqual({ seed: 1234, notice: null });
  });

  it('ignores other quizzes’ variants and gives the default without a notice when there is none', () => {
    expect(readVariant('?v-capstone=5', 'regions')).toEqual({ seed: 1, notice: null });
  });

  it.each([
    ['huge number', '1e999'],
    ['past the maximum', '99999999999'],
    ['negative', '-1'],
    ['fraction', '1.5'],
    ['zero', '0'],
    ['leading zero', '007'],
    ['a word', 'abc'],
    ['a script', '<script>alert(1)</script>'],
    ['empty', ''],
  ])('falls back to the default variant with a notice for %s', (_, value) => {
    const r = readVariant(`?v-regions=${encodeURIComponent(value)}`, 'regions');
    expect(r.seed).toBe(1);
    expect(r.notice).toMatch(/default variant/);
    expect(r.notice).not.toContain('<');
  });

  it('refuses the parameter given twice', () => {
    expect(readVariant('?v-regions=1&v-regions=2', 'regions').notice).not.toBeNull();
  });
});

describe('withVariant', () => {
  it('sets the lesson’s variant and keeps the rest of the query', () => {
    expect(withVariant('?a=1&v-regions=3', 'regions', 42)).toBe('?a=1&v-regions=42');
  });
});
