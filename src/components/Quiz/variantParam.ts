/**
 * The variant in the page's address: `?v-<lesson>=<seed>`. Read with a schema; anything else (a huge
 * number, a word, markup) falls back to the default variant with a notice. Nothing from the address
 * is ever run or inserted as markup.
 */
import * as z from 'zod/mini';
import { defaultSeed, maxSeed } from '@site/quizzes/variants';
import { variantParamName } from './readerState';

export const variantParamSchema = z.pipe(
  z.pipe(z.string().check(z.regex(/^[1-9][0-9]{0,5}$/)), z.transform(Number)),
  z.number().check(z.int(), z.minimum(1), z.maximum(maxSeed)),
);

export { variantParamName } from './readerState';

export function readVariant(search: string, lesson: string): { seed: number; notice: string | null } {
  const values = new URLSearchParams(search).getAll(variantParamName(lesson));
  if (values.length === 0) return { seed: defaultSeed, notice: null };
  const parsed = values.length === 1 ? variantParamSchema.safeParse(values[0]) : null;
  if (parsed?.success) return { seed: parsed.data, notice: null };
  return {
    seed: defaultSeed,
    notice: `The link asks for a variant this quiz does not have (a variant is a whole number from 1 to ${maxSeed.toLocaleString('en')}), so you see the default variant.`,
  };
}

/** The address's query string with this lesson's variant set. */
export function withVariant(search: string, lesson: string, seed: number): string {
  const params = new URLSearchParams(search);
  params.set(variantParamName(lesson), String(seed));
  return `?${params.toString()}`;
}
