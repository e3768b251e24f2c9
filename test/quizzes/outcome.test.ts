/** What the engine says about a question: the reading and the replay's moments. */
import { describe, expect, it } from 'vitest';
import { loadQuiz } from '@site/quizzes';
import { observe, replay } from '@site/quizzes/outcome';
import type { EngineQuestion, Quiz } from '@site/quizzes/schema';

const question = (lesson: string, id: string) => (loadQuiz(lesson) as { quiz: Quiz }).quiz.questions.find((q) => q.id === id) as EngineQuestion;

describe('observe', () => {
  it('reads the outcome at the end of the scenario: 3 AZs × 2 VMs, one AZ lost, 4 serve', () => {
    const r = observe(question('availability-zones', 'one-az-fails'), { azs: 3, perAz: 2 });
    expect(r.at).toBe(3600);
    expect(r.value).toBe(4);
  });

  it('reads at the question’s own time when it has one', () => {
    expect(observe(question('virtualization', 'crash-is-local'), {}).at).toBe(600);
  });
});

describe('replay', () => {
  it('shows the moments that matter: VMs running, the AZ failing, the reading', () => {
    const story = replay(question('availability-zones', 'one-az-fails'), { azs: 3, perAz: 2 });
    expect(story.moments.map((m) => m.time)).toEqual([30, 600, 3600]);
    const atFailure = story.moments[1].report;
    expect(atFailure.vms.filter((v) => !v.serving).map((v) => [v.name, v.az, v.reason])).toEqual([
      ['web-1', 'us-east-1a', 'az-down'],
      ['web-4', 'us-east-1a', 'az-down'],
    ]);
    expect(story.reading.report.events.some((e) => e.kind === 'az-failed')).toBe(true);
  });

  it('keeps at most the given number of moments, always ending at the reading', () => {
    const story = replay(question('capstone', 'after-az-loss'), {}, 3);
    expect(story.moments.length).toBeLessThanOrEqual(3);
    expect(story.moments.at(-1)!.time).toBe(story.reading.at);
  });
});
