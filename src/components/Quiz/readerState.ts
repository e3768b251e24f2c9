/**
 * Where a learner's own quiz state lives (saved progress, a variant in the page's address), named in
 * a module with no schema in it: the quiz's island reads it before any of the quiz's code loads
 * (src/components/Quiz/index.tsx), to load at once for a learner with something to see.
 */

/** The one localStorage key of quiz progress (read through its schema in ./progress). */
export const progressKey = 'infralab.progress.v1';

/** The address parameter of a lesson's quiz variant: `?v-<lesson>=<seed>` (read in ./variantParam). */
export function variantParamName(lesson: string): string {
  return `v-${lesson}`;
}

/** In the browser: whether this lesson's quiz has the learner's own state to show (any saved progress, or a variant in the address). */
export function quizHasReaderState(lesson: string): boolean {
  if (new URLSearchParams(window.location.search).has(variantParamName(lesson))) return true;
  try {
    return window.localStorage.getItem(progressKey) !== null;
  } catch {
    return false; // storage refused (private mode, policy): nothing saved to show
  }
}
