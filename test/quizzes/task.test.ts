/** Tasks graded by the engine: each single-AZ outage is run, and the goal reads the reports. */
import { describe, expect, it } from 'vitest';
import { loadQuiz } from '@site/quizzes';
import type { CloudTask, CpuTaskRun, Quiz, Task, TaskRun } from '@site/quizzes/schema';
import { defaultConfig, runTask } from '@site/quizzes/task';

const anyTask = (lesson: string, id: string) => (loadQuiz(lesson) as { quiz: Quiz }).quiz.questions.find((q) => q.id === id) as Task;
const task = (lesson: string, id: string) => anyTask(lesson, id) as CloudTask;
/** The cloud engine's runs of a verdict (fails the test if the CPU model ran it). */
const cloudRun = (run: TaskRun | CpuTaskRun | null) => {
  if (!run || !('outages' in run)) throw new Error('expected the cloud engine’s runs');
  return run;
};

describe('runTask', () => {
  const t = task('availability-zones', 'survive-an-az');

  it('runs the configuration once as it is and once per AZ outage', () => {
    const v = runTask(t, { a: 2, b: 2, c: 2 });
    expect(cloudRun(v.run).outages.map((o) => o.az)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    // Two per AZ: losing any AZ leaves 4, the service's minimum.
    expect(cloudRun(v.run).outages.map((o) => o.report.metrics.servingVms)).toEqual([4, 4, 4]);
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

describe('a task of the CPU model', () => {
  const t = anyTask('cpu-virtualization', 'run-it-right');

  it('runs the CPU scenarios of the configuration, one per loop, and no cloud world', () => {
    const v = runTask(t, { technique: 'hw-nested' });
    const run = v.run as CpuTaskRun;
    expect(run.runs.map((r) => r.workload)).toEqual(['System-call heavy', 'Page-fault heavy (touches fresh pages)']);
    expect(run.runs.every((r) => r.results.length === 1 && r.results[0].technique === 'hw-nested')).toBe(true);
    expect(v.ok).toBe(true);
  });

  it('says which condition fails: shadow paging takes page faults to the hypervisor', () => {
    const v = runTask(t, { technique: 'hw-shadow' });
    const failed = v.checks.filter((c) => !c.ok).map((c) => c.id);
    expect(failed).toContain('stays-in-guest');
    expect(failed).not.toContain('correct');
  });

  it('a configuration the CPU model refuses is a failed check, not a crash', () => {
    const v = runTask(t, { technique: 'quantum' });
    expect(v.ok).toBe(false);
    expect(v.checks).toEqual([
      { id: 'valid-world', label: 'The CPU model accepts the configuration', ok: false, detail: expect.stringContaining('techniques[0]') },
    ]);
  });
});
