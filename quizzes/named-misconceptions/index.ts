/**
 * For each lesson, the catalogue's entries (../misconceptions.ts) that its quiz names, in a file of
 * their own: a lesson page loads these with its quiz rather than the catalogue of every lesson (about
 * a tenth of it; the entries may belong to other lessons' sections). The files are written by
 * `npx tsx scripts/misconceptions/write-named.ts` from the catalogue and the quizzes, and
 * test/quizzes/named-misconceptions.test.ts fails, naming that command, when one differs from what
 * the catalogue and its quiz say now.
 */
import type { Misconception } from '../misconception-schema';
import type { LessonId } from '../schema';

type Named = { default: readonly Misconception[] };

export const namedMisconceptionLoaders: Record<LessonId, () => Promise<Named>> = {
  infrastructure: () => import('./infrastructure'),
  regions: () => import('./regions'),
  'availability-zones': () => import('./availability-zones'),
  virtualization: () => import('./virtualization'),
  'cpu-virtualization': () => import('./cpu-virtualization'),
  hypervisors: () => import('./hypervisors'),
  'vm-lifecycle': () => import('./vm-lifecycle'),
  capstone: () => import('./capstone'),
};

/** Every misconception id a quiz's data names, wherever it sits (options, distractors, mistakes, task diagnoses), sorted. */
export function misconceptionIdsNamedBy(quiz: unknown): string[] {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (key === 'misconception' && typeof v === 'string') ids.add(v);
        else walk(v);
      }
  };
  walk(quiz);
  return [...ids].sort();
}
