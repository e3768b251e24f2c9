/** Decimals for an LMS: the number the author meant, and bounds that give back the tolerance exactly. */
import { describe, expect, it } from 'vitest';
import { decimal, decimalSum, toleranceBounds } from '@site/quizzes/export/decimal';

describe('decimal', () => {
  it('drops the noise of binary arithmetic: 24 × 0.096 is written 2.304, 0.1 + 0.2 is 0.3', () => {
    expect(24 * 0.096).not.toBe(2.304);
    expect(decimal(24 * 0.096)).toBe('2.304');
    expect(decimal(0.1 + 0.2)).toBe('0.3');
    expect(decimal(3.4659999999999997)).toBe('3.466');
  });

  it('keeps twelve significant digits of a number that has more: 400/7 is 57.1428571429', () => {
    expect(decimal(400 / 7)).toBe('57.1428571429');
  });

  it('never writes exponent notation, which Moodle, GIFT and Canvas do not read as a decimal', () => {
    expect(decimal(1e-7)).toBe('0.0000001');
    expect(decimal(2.5e21)).toBe('2500000000000000000000');
    expect(decimal(-0)).toBe('0');
  });

  it('refuses what is not a number', () => {
    expect(() => decimal(Number.NaN)).toThrow('cannot write NaN as a decimal');
  });
});

describe('decimalSum and toleranceBounds', () => {
  it('adds decimals digit by digit, where binary arithmetic gives 2.3139999999999996', () => {
    expect(2.304 + 0.01).not.toBe(2.314);
    expect(decimalSum('2.304', '0.01')).toBe('2.314');
    expect(decimalSum('2.304', '-0.01')).toBe('2.294');
    expect(decimalSum('-0.5', '0.25')).toBe('-0.25');
    expect(decimalSum('0.005', '-0.01')).toBe('-0.005');
    expect(decimalSum('3', '-3')).toBe('0');
  });

  it('gives bounds key ∓ tolerance as exact decimals', () => {
    expect(toleranceBounds(4.8, 0.005)).toEqual({ key: '4.8', tolerance: '0.005', low: '4.795', high: '4.805' });
    expect(toleranceBounds(3, 0)).toEqual({ key: '3', tolerance: '0', low: '3', high: '3' });
    expect(toleranceBounds(24 * 0.096, 0.01)).toEqual({ key: '2.304', tolerance: '0.01', low: '2.294', high: '2.314' });
  });

  it('refuses a text that is not a plain decimal', () => {
    expect(() => decimalSum('1e5', '1')).toThrow('not a plain decimal: "1e5"');
  });
});
