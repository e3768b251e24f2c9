/** Numbers written for an LMS as decimals: what the author meant, without binary noise. */

/**
 * A number as a decimal without binary floating-point noise: a key computed as 2.304 that the
 * machine holds as 2.3040000000000003 is written 2.304. Twelve significant digits are far more than
 * any question's tolerance asks, and few enough to drop the noise of a sum or a product. Importers
 * read the text as a decimal (Canvas takes margins with BigDecimal), so a tolerance bound written
 * here as key ± tolerance gives back exactly the tolerance.
 */
export function decimal(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot write ${x} as a decimal`);
  const r = Number(x.toPrecision(12));
  const s = String(Object.is(r, -0) ? 0 : r);
  if (!/e/i.test(s)) return s;
  // Exponent notation is not a decimal number to Moodle or GIFT: spell it out.
  if (Math.abs(r) >= 1e21) return BigInt(r).toString();
  return r
    .toFixed(Math.min(100, Math.max(0, 12 - Math.floor(Math.log10(Math.abs(r))))))
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** The exact decimal sum of two decimals written by `decimal` (no binary rounding on the way). */
export function decimalSum(a: string, b: string): string {
  const parse = (s: string) => {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m) throw new Error(`not a plain decimal: "${s}"`);
    return { sign: m[1] ? -1n : 1n, digits: m[2] + (m[3] ?? ''), scale: (m[3] ?? '').length };
  };
  const x = parse(a);
  const y = parse(b);
  const scale = Math.max(x.scale, y.scale);
  const sum = x.sign * BigInt(x.digits) * 10n ** BigInt(scale - x.scale) + y.sign * BigInt(y.digits) * 10n ** BigInt(scale - y.scale);
  const negative = sum < 0n;
  const abs = (negative ? -sum : sum).toString().padStart(scale + 1, '0');
  const whole = abs.slice(0, abs.length - scale);
  const frac = abs.slice(abs.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** The bounds of a numeric answer, key ∓ tolerance, as exact decimals. */
export function toleranceBounds(key: number, tolerance: number): { key: string; low: string; high: string; tolerance: string } {
  const k = decimal(key);
  const t = decimal(tolerance);
  // A tolerance is never negative (the schema says so), so its negation is a leading minus.
  return { key: k, tolerance: t, low: decimalSum(k, t === '0' ? '0' : `-${t}`), high: decimalSum(k, t) };
}
