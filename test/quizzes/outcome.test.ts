/** What the engine says about a question: the reading and the replay's moments. */
import { describe, expect, it } from 'vitest';
import { loadQuiz } from '@site/quizzes';
import { observe, replay, type EngineReading } from '@site/quizzes/outcome';
import type { EngineQuestion, Quiz } from '@site/quizzes/schema';

/** A reading of the cloud engine (fails the test if the question runs the CPU model). */
const cloud = (r: EngineReading) => {
  if (r.model !== 'cloud') throw new Error('expected a cloud reading');
  return r;
};
const question = (lesson: string, id: string) => (loadQuiz(lesson) as { quiz: Quiz }).quiz.questions.find((q) => q.id === id) as EngineQuestion;

describe('observe', () => {
  it('reads the outcome at the end of the scenario: 3 AZs × 2 VMs, one AZ lost, 4 serve', () => {
    const r = cloud(observe(question('availability-zones', 'one-az-fails'), { azs: 3, perAz: 2 }));
    expect(r.at).toBe(3600);
    expect(r.value).toBe(4);
  });

  it('reads at the question’s own time when it has one', () => {
    expect(cloud(observe(question('virtualization', 'crash-is-local'), {})).at).toBe(600);
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
    expect(cloud(story.reading).report.events.some((e) => e.kind === 'az-failed')).toBe(true);
  });

  it('keeps at most the given number of moments, always ending at the reading', () => {
    const story = replay(question('capstone', 'after-az-loss'), {}, 3);
    expect(story.moments.length).toBeLessThanOrEqual(3);
    expect(story.moments.at(-1)!.time).toBe(cloud(story.reading).at);
  });
});

describe('questions of the CPU model', () => {
  const cpuRuns = (r: EngineReading) => {
    if (r.model !== 'cpu') throw new Error('expected a CPU reading');
    return r;
  };

  it('run the CPU scenario the question names and read it: the I/O loop under nested paging exits twice a pass', () => {
    const r = cpuRuns(observe(question('cpu-virtualization', 'io-exits'), {}));
    expect(r.value).toBe(2);
    expect(r.report).toHaveLength(1);
    expect(r.report[0].results.map((t) => t.technique)).toEqual(['hw-nested']);
    // Its own readings: each instruction of the pass and what happened to it.
    expect(r.measured).toEqual(r.report[0].results[0].steps.map((s) => ({ label: s.instruction.text, value: s.event })));
    expect((r.measured as { value: string }[]).filter((m) => m.value === 'vm-exit')).toHaveLength(2);
  });

  it('a question comparing workloads runs one scenario each, in order', () => {
    const r = cpuRuns(observe(question('cpu-virtualization', 'worst-workload'), { t: 'hw-nested' }));
    expect(r.report.map((run) => run.workload)).toEqual([
      'Compute loop',
      'System-call heavy',
      'Page-fault heavy (touches fresh pages)',
      'I/O heavy (writes to a disk)',
    ]);
    expect(r.value).toBe('io');
  });

  it('the replay has no moments of a world to show', () => {
    expect(replay(question('cpu-virtualization', 'which-breaks'), {}).moments).toEqual([]);
  });
});
