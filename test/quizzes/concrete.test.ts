import { describe, expect, it } from 'vitest';
import { loadQuiz } from '@site/quizzes';
import { concreteQuiz, concretize } from '@site/quizzes/concrete';
import { concreteSchema, lessonIds, type Quiz } from '@site/quizzes/schema';

const quiz = (id: string) => (loadQuiz(id) as { quiz: Quiz }).quiz;

describe('concrete questions', () => {
  it('are schema-valid for every question of every lesson and several seeds', () => {
    for (const id of lessonIds) {
      for (const seed of [1, 2, 777, 999_999]) for (const c of concreteQuiz(quiz(id), seed)) expect(concreteSchema.safeParse(c).success).toBe(true);
    }
  });

  it('fill the prompt from the variant, and put the key among the options exactly once', () => {
    const q = quiz('availability-zones').questions.find((x) => x.id === 'one-az-fails')!;
    const c = concretize(q, 1, { azs: 3, perAz: 2 });
    expect(c.prompt).toContain('2 VMs in each of 3 AZs');
    if (c.form !== 'single') throw new Error('expected single');
    expect(c.options.filter((o) => o.correct).map((o) => o.text)).toEqual(['4 VMs']);
    expect(c.options.map((o) => o.text).sort()).toEqual(['0 VMs', '4 VMs', '5 VMs', '6 VMs']);
  });

  it('are the same for the same seed, so a shared link reproduces the variant exactly', () => {
    expect(concreteQuiz(quiz('regions'), 4321)).toEqual(concreteQuiz(quiz('regions'), 4321));
    expect(concreteQuiz(quiz('regions'), 4321)).not.toEqual(concreteQuiz(quiz('regions'), 4322));
  });
});
