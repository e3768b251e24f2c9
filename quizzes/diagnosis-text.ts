/**
 * A wrong answer's diagnosis in words, from the misconceptions this module has been told about.
 * Apart from the catalogue (./misconceptions.ts) so that a lesson page carries only the entries its
 * quiz names (./named-misconceptions/): the catalogue tells this module every entry when it loads
 * (the validator, the exports, the CLI and the progress page have it all), and a page's quiz tells
 * it the entries its questions name before it makes a question concrete.
 */
import type { Misconception } from './misconception-schema';
import type { LessonId, SlipKind } from './schema';

/** Where the course is published: links in exported feedback must work outside the site. */
export const courseSite = 'https://infralab.example.org';

/** What each kind of slip is: a mistake in carrying out the idea, not a wrong idea. */
const slipWords: Record<SlipKind, string> = {
  arithmetic: 'a slip in the arithmetic, not a wrong idea',
  unit: 'a slip with units or percentages, not a wrong idea',
  reading: 'a slip in reading the question, not a wrong idea',
  estimate: 'a slip in estimating a distance or a size, not a wrong idea',
};

const lessonTitles: Partial<Record<LessonId, string>> = {
  infrastructure: 'What infrastructure is',
  regions: 'Regions',
  'availability-zones': 'Availability zones',
  virtualization: 'Virtualization',
  hypervisors: 'Hypervisors',
  'vm-lifecycle': 'The life of a VM',
  capstone: 'Putting it together',
  'cpu-virtualization': 'How a guest’s instructions run',
};

const known = new Map<string, Misconception>();

/** Makes entries findable by id: the whole catalogue, or the ones a page's quiz names. */
export function learnMisconceptions(entries: readonly Misconception[]): void {
  for (const m of entries) known.set(m.id, m);
}

export function findMisconception(id: string): Misconception | undefined {
  return known.get(id);
}

/** The section's address on the site (for the page's links). */
export function sectionPath(m: Pick<Misconception, 'lesson' | 'anchor'>): string {
  return `/docs/lessons/${m.lesson}#${m.anchor}`;
}

export function lessonTitle(lesson: LessonId): string {
  return lessonTitles[lesson] ?? lesson;
}

/**
 * The diagnosis in words, appended to a distractor's feedback: the belief, why it is wrong, and
 * where the course corrects it (an absolute address, so an LMS that imports the export can link it).
 */
export function diagnosisText(m: Misconception): string {
  return `The belief behind this answer: “${m.belief}” ${m.why} Read “${m.section}” in ${lessonTitle(m.lesson)}: ${courseSite}${sectionPath(m)}`;
}

export function slipText(kind: SlipKind): string {
  return `(This is ${slipWords[kind]}.)`;
}

/** A distractor's feedback as the page and the exports show it: the author's note, then the diagnosis. */
export function composeFeedback(note: string | undefined, tag: { misconception?: string; slip?: SlipKind }): string | undefined {
  const m = tag.misconception ? findMisconception(tag.misconception) : undefined;
  const suffix = m ? diagnosisText(m) : tag.slip ? slipText(tag.slip) : '';
  const parts = [note?.trim(), suffix].filter((s): s is string => !!s);
  return parts.length ? parts.join(' ') : undefined;
}

/** The author's note of composed feedback: what the page shows beside the structured diagnosis. */
export function noteOf(feedback: string | undefined, tag: { misconception?: string; slip?: SlipKind }): string | undefined {
  if (!feedback) return undefined;
  const m = tag.misconception ? findMisconception(tag.misconception) : undefined;
  const suffix = m ? diagnosisText(m) : tag.slip ? slipText(tag.slip) : '';
  if (suffix && feedback.endsWith(suffix)) {
    const note = feedback.slice(0, feedback.length - suffix.length).trim();
    return note || undefined;
  }
  return feedback;
}
