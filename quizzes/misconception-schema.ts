/**
 * What a misconception entry is: the schema the catalogue (./misconceptions.ts) is checked by, and
 * the type the page's diagnoses are written from (./diagnosis-text.ts).
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { lessonIdSchema } from './schema';

// English messages, as full zod writes them (zod/mini, so a page bundles only the parts of zod it uses).
z.config(en());

const text = z.string().check(z.trim(), z.minLength(1));
const sentence = z.string().check(z.trim(), z.minLength(1), z.regex(/[.?!]$/, { error: 'expected a whole sentence, ending with . ? or !' }));

export const misconceptionSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,59}$/, { error: 'expected an id of lowercase letters, digits and dashes' })),
  /** What the learner believes, in their words: one sentence. */
  belief: sentence,
  /** Why it is wrong, in one or two sentences. */
  why: sentence,
  lesson: lessonIdSchema,
  /** The heading of the section that corrects it, as the lesson writes it. */
  section: text,
  /** Docusaurus's anchor for that heading. */
  anchor: z.string().check(z.regex(/^[a-z0-9-]+$/, { error: 'expected a heading anchor (lowercase, dashes)' })),
  /** For a fact about real clouds: where it is written down, and when that was checked. */
  source: z.optional(z.strictObject({ url: z.url({ protocol: /^https$/ }), asOf: z.iso.date() })),
});
export type Misconception = z.infer<typeof misconceptionSchema>;
