/**
 * The misconception catalogue: its size, its links into the lessons (each anchor is a heading the
 * lesson has, slugged as Docusaurus does), its sources, and how a diagnosis reaches a wrong
 * answer's feedback, which is what the exports carry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuiz } from '@site/quizzes';
import { concretize } from '@site/quizzes/concrete';
import {
  checkedOn,
  composeFeedback,
  courseSite,
  diagnosisText,
  findMisconception,
  misconceptionCatalogue,
  misconceptionSchema,
  noteOf,
  sectionPath,
} from '@site/quizzes/misconceptions';
import type { Quiz } from '@site/quizzes/schema';

const root = join(__dirname, '..', '..');

/** A heading's anchor as Docusaurus makes it (github-slugger's rule: lower case, punctuation dropped, spaces to dashes). */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/ /g, '-');

/** The anchors of a lesson's headings (an explicit {#id} wins). */
function anchors(lesson: string): Map<string, string> {
  const text = readFileSync(join(root, 'docs', 'lessons', `${lesson}.mdx`), 'utf8');
  const out = new Map<string, string>();
  for (const m of text.matchAll(/^#{2,4} (.+?)\s*$/gm)) {
    const explicit = /\{#([\w-]+)\}$/.exec(m[1]);
    const heading = m[1].replace(/\s*\{#[\w-]+\}$/, '').replace(/[*_`]/g, '');
    out.set(explicit ? explicit[1] : slug(heading), heading);
  }
  return out;
}

describe('the misconception catalogue', () => {
  it('holds at least 25 misconceptions, each with a belief, why it is wrong and a section', () => {
    expect(misconceptionCatalogue.length).toBeGreaterThanOrEqual(25);
    for (const m of misconceptionCatalogue) expect(misconceptionSchema.safeParse(m).success).toBe(true);
  });

  it.each(misconceptionCatalogue.map((m) => [m.id, m] as const))('%s links to a heading its lesson has', (_id, m) => {
    const found = anchors(m.lesson);
    expect([...found.keys()]).toContain(m.anchor);
    expect(found.get(m.anchor)).toBe(m.section);
  });

  it('dates every real-cloud source, on the day the facts were checked', () => {
    const sourced = misconceptionCatalogue.filter((m) => m.source);
    expect(sourced.length).toBeGreaterThan(20);
    for (const m of sourced) {
      expect(m.source!.url).toMatch(/^https:\/\//);
      expect(m.source!.asOf).toBe(checkedOn);
    }
  });

  it('links to the site the course is published on', () => {
    const config = readFileSync(join(root, 'docusaurus.config.ts'), 'utf8');
    expect(config).toContain(`url: '${courseSite}'`);
  });

  it('refuses a malformed entry, naming the field', () => {
    const r = misconceptionSchema.safeParse({ id: 'x', belief: 'no full stop', why: 'Because.', lesson: 'nowhere', section: 'S', anchor: 'Bad Anchor' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['anchor', 'belief', 'lesson']);
  });
});

describe('a diagnosis in a wrong answer’s feedback', () => {
  const m = findMisconception('replication-protects-deletes')!;

  it('says the belief, why it is wrong, and the section’s address on the site', () => {
    const text = composeFeedback('The standby drops it too.', { misconception: m.id })!;
    expect(text.startsWith('The standby drops it too. ')).toBe(true);
    expect(text).toContain(m.belief);
    expect(text).toContain(m.why);
    expect(text).toContain(`${courseSite}/docs/lessons/availability-zones#what-multi-az-does-not-protect-against`);
    expect(noteOf(text, { misconception: m.id })).toBe('The standby drops it too.');
    expect(sectionPath(m)).toBe('/docs/lessons/availability-zones#what-multi-az-does-not-protect-against');
  });

  it('says a slip is a slip', () => {
    expect(composeFeedback('Check the units.', { slip: 'unit' })).toBe('Check the units. (This is a slip with units or percentages, not a wrong idea.)');
    expect(noteOf(composeFeedback('Check the units.', { slip: 'unit' }), { slip: 'unit' })).toBe('Check the units.');
  });

  it('is in every wrong option of the concrete question that the page and the exports use', () => {
    const quiz = (loadQuiz('availability-zones') as { quiz: Quiz }).quiz;
    const q = concretize(quiz.questions.find((x) => x.id === 'drop-table')!, 1);
    if (q.form !== 'single') throw new Error('expected a single-choice question');
    const failover = q.options.find((o) => o.id === 'failover')!;
    expect(failover.misconception).toBe('replication-protects-deletes');
    expect(failover.feedback).toContain(diagnosisText(m));
    expect(q.options.find((o) => o.correct)!.misconception).toBeUndefined();
  });

  it('follows an engine question’s variant: an option true in this variant diagnoses nothing', () => {
    const quiz = (loadQuiz('hypervisors') as { quiz: Quiz }).quiz;
    const def = quiz.questions.find((x) => x.id === 'steal-on-less')!;
    const low = concretize(def, 1, { busy: 55 });
    const high = concretize(def, 1, { busy: 60 });
    if (low.form !== 'multiple' || high.form !== 'multiple') throw new Error('expected multiple select');
    expect(low.options.find((o) => o.id === 'type1-steal')).toMatchObject({ correct: false, slip: 'arithmetic' });
    expect(high.options.find((o) => o.id === 'type1-steal')).toMatchObject({ correct: true });
    expect(high.options.find((o) => o.id === 'type1-steal')!.slip).toBeUndefined();
  });
});
