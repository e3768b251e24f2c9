/**
 * Seeded variants. A quiz variant is one whole number (the seed, shared in links as `?v-<lesson>=N`);
 * each question draws its parameters from it and its own id, so the same seed gives the same
 * questions on every machine. The generator is the engine's seeded one.
 */
import { createRandom } from '@site/sim';
import type { ParamValue, Params } from './schema';

export const defaultSeed = 1;
export const maxSeed = 999_999;

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
}

export function createPrng(seed: number): Prng {
  const random = createRandom(seed);
  return { next: random.next, below: (n) => Math.floor(random.next() * n) };
}

/** FNV-1a over the text: mixes a seed with a question id and a purpose. */
export function hashSeed(seed: number, ...parts: string[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export type ParamSpace = Readonly<Record<string, readonly ParamValue[]>>;

export function spaceSize(space: ParamSpace): number {
  return Object.values(space).reduce((n, values) => n * values.length, 1);
}

/** The parameters a seed gives one question: each parameter drawn in declared order. */
export function drawParams(space: ParamSpace, seed: number, questionId: string): Params {
  const rng = createPrng(hashSeed(seed, questionId, 'params'));
  return Object.fromEntries(Object.entries(space).map(([name, values]) => [name, values[rng.below(values.length)]]));
}

/** Every combination of a parameter space, in declared order. */
export function enumerateSpace(space: ParamSpace): Params[] {
  let out: Record<string, ParamValue>[] = [{}];
  for (const [name, values] of Object.entries(space)) out = out.flatMap((p) => values.map((v) => ({ ...p, [name]: v })));
  return out;
}

/** A seeded shuffle (Fisher–Yates) that never returns the original order when it can avoid it. */
export function shuffle<T>(items: readonly T[], seed: number, ...purpose: string[]): T[] {
  const rng = createPrng(hashSeed(seed, ...purpose, 'order'));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  if (out.length > 1 && out.every((x, i) => x === items[i])) out.push(out.shift()!);
  return out;
}

/** A fresh seed for "New variant": differs from the current one. */
export function nextSeed(current: number, random: () => number): number {
  for (;;) {
    const s = 1 + Math.floor(random() * maxSeed);
    if (s !== current) return s;
  }
}

/** `azs=3, perAz=2`, for messages. */
export function describeParams(p: Params): string {
  const entries = Object.entries(p);
  return entries.length === 0 ? 'no parameters' : entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

/** Replaces `{name}` by the parameter's value; unknown names are left as they are (the validator reports them). */
export function fillTemplate(template: string, values: Readonly<Record<string, ParamValue>>): string {
  return template.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function unfilledPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g)].map((m) => m[1]);
}
