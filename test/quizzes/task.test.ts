/** Tasks graded by the engine: each single-AZ outage is run, and the goal reads the reports. */
import { describe, expect, it } from 'vitest';
import { loadQuiz } from '@site/quizzes';
import type { Quiz, Task } from '@site/quizzes/schema';
import { defaultConfig, runTask } from '@site/quizzes/task';

const task = (lesson: string, id: string) => (loadQuiz(lesson) as { quiz: Quiz }).quiz.questions.find((q) => q.id === id) as Task;

describe('runTask', () => {
  const t = task('availability-zones', 'survive-an-az');

  it('runs the configuration once as it is and once per AZ outage', () => {
    const v = runTask(t, { a: 2, b: 2, c: 2 });
    expect(v.run?.outages.map((o) => o.az)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    // Two per AZ: losing any AZ leaves 4, the service's minimum.
    expect(v.run?.outages.map((o) => o.report.metrics.servingVms)).toEqual([4, 4, 4]);
    expect(v.ok).toBe(true);
  });

  it('says which condition fails and what the engine saw', () => {
    const v = runTask(t, { a: 3, b: 2, c: 1 });
    const survives = v.checks.find((c) => c.id === 'survives')!;
    expect(survives.ok).toBe(false);
    expect(survives.detail).toContain('us-east-1a down: 3 VM(s) serving');
  });

  it('turns a world the engine refuses into a failed check, not a crash', () => {
    const v = runTask(task('availability-zones', 'database-copies'), { primary: 'us-east-1b', standby: 'us-east-1b', replica: false });
    expect(v.ok).toBe(false);
    expect(v.checks).toEqual([{ id: 'valid-world', label: 'The engine accepts the configuration', ok: false, detail: expect.stringContaining('standby') }]);
  });

  it('gives each control its default', () => {
    expect(defaultConfig(t.controls)).toEqual({ a: 1, b: 1, c: 1 });
  });
});
