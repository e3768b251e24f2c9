/**
 * The misconceptions a lesson page loads with its quiz (quizzes/named-misconceptions/): for each
 * lesson, exactly the catalogue's entries its quiz names, as the catalogue has them now.
 */
import { describe, expect, it } from 'vitest';
import { loadQuiz, quizSources } from '@site/quizzes';
import { misconceptionCatalogue } from '@site/quizzes/misconceptions';
import { misconceptionIdsNamedBy, namedMisconceptionLoaders } from '@site/quizzes/named-misconceptions';
import { wrongAnswers } from '@site/quizzes/validate';

const rewrite = 'run `npx tsx scripts/misconceptions/write-named.ts` after changing the catalogue or the misconceptions a quiz names';

describe('the misconceptions each lesson page loads with its quiz', () => {
  for (const { lesson, quiz } of quizSources) {
    it(`${lesson}: the catalogue's entries its quiz names, and no other`, async () => {
      const named = new Set(misconceptionIdsNamedBy(quiz));
      const expected = misconceptionCatalogue.filter((m) => named.has(m.id));
      expect((await namedMisconceptionLoaders[lesson]()).default, rewrite).toEqual(expected);
    });

    it(`${lesson}: every diagnosis the validator finds in its quiz is among the names`, () => {
      const load = loadQuiz(lesson);
      if (!load || !('quiz' in load)) throw new Error(`${lesson}: the quiz does not load`);
      const named = new Set(misconceptionIdsNamedBy(quiz));
      const diagnosed = load.quiz.questions.flatMap((q) => wrongAnswers(q).flatMap((w) => (w.tag.misconception ? [w.tag.misconception] : [])));
      expect(diagnosed.length).toBeGreaterThan(0);
      for (const id of diagnosed) expect(named.has(id), id).toBe(true);
    });
  }

  it('finds a name wherever the data puts it, and nothing from a function', () => {
    const ids = misconceptionIdsNamedBy({
      questions: [
        { options: [{ misconception: 'b' }, { missed: { misconception: 'a' } }] },
        { ask: { distractors: [{ value: () => 1, misconception: 'c' }], mistakes: [{ misconception: 'a' }] } },
        { diagnoses: { served: { misconception: 'd' } }, note: 'misconception' },
      ],
    });
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
  });
});
