/**
 * The AZ lab's record shares what did not change between event times: an AZ whose VMs are as they
 * were keeps its view object (the grid skips it by identity), and one whose VMs changed gets a new one.
 */
import { describe, expect, it } from 'vitest';
import { LabHistory } from '@site/src/components/widgets/AzFailureLab/history';
import { buildScenario, labUntil, presets } from '@site/src/components/widgets/AzFailureLab/scenario';

describe('sharing between event times', () => {
  // Six VMs over three AZs; us-east-1a fails at 10:00 and comes back at 30:00.
  const scenario = buildScenario({
    ...presets['multi-az'],
    faults: [
      { at: 600, op: 'fail', level: 'az', target: 'us-east-1a' },
      { at: 1800, op: 'recover', level: 'az', target: 'us-east-1a' },
    ],
  });

  it('at the AZ failure, the failed AZ gets a new view and the other two keep theirs', () => {
    const history = new LabHistory(scenario, labUntil);
    const before = history.frameAt(599).view.azs;
    const after = history.frameAt(600).view.azs;
    expect(after.map((az) => az.id)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(after[0]).not.toBe(before[0]);
    expect(after[0].up).toBe(false);
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });

  it('between two event times nothing is rebuilt: the same AZ views', () => {
    const history = new LabHistory(scenario, labUntil);
    const at = history.nextChangeAfter(600);
    expect(at).toBeGreaterThan(601);
    expect(history.frameAt(601).view.azs).toBe(history.frameAt(at - 1).view.azs);
  });
});
