/**
 * The AZ failure lab's record of a run (LabHistory) against the engine: at every time asked, what
 * the record derives must equal what a fresh engine world, built and run from 0:00 to that time,
 * reports. The engine run is the reference; the record is under test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom, createWorld, type ScenarioInput } from '@site/sim';
import { parseScenarioText } from '@site/sim/text';
import { frameOf, LabHistory } from '@site/src/components/widgets/AzFailureLab/history';
import { benchmarkDesign, benchmarkScenario } from '../../bench/fixtures/az-failure-lab';
import { buildScenario, labUntil, presetNames, presets, type Fault } from '@site/src/components/widgets/AzFailureLab/scenario';

const examples = join(__dirname, '..', '..', 'examples', 'scenarios');

/** A fresh world run from 0:00 to `time`, as the lab drew it before the record. */
function engineFrame(scenario: ScenarioInput, time: number) {
  const world = createWorld(scenario);
  world.runUntil(time);
  return frameOf(world.report());
}

/** The times at which something happens, from a whole run's trace, with the scenario's end. */
function eventTimes(scenario: ScenarioInput, until: number): number[] {
  const world = createWorld(scenario);
  world.runUntil(until);
  return [...new Set([0, ...world.events.map((e) => e.time), until])].filter((t) => t <= until);
}

/**
 * Times that probe every way a time can fall: each event time, half a second and a second either
 * side of it (the service's up and down events are noted as the clock leaves a time), the slider's
 * 10 s steps and play's 1.5 s steps, in an order that goes backwards as often as forwards.
 */
function probeTimes(scenario: ScenarioInput, until: number, sliderEvery: number): number[] {
  const times = new Set<number>();
  for (const t of eventTimes(scenario, until)) for (const d of [-1, -0.5, 0, 0.5, 1]) times.add(t + d);
  for (let t = 0; t <= until; t += sliderEvery) times.add(t);
  for (let t = 0; t <= Math.min(until, 120); t += 1.5) times.add(t);
  const inRange = [...times].filter((t) => t >= 0 && t <= until);
  const random = createRandom(7);
  for (let i = inRange.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [inRange[i], inRange[j]] = [inRange[j], inRange[i]];
  }
  return inRange;
}

function expectSameAsEngine(scenario: ScenarioInput, until: number, times: number[]) {
  // One record read in shuffled order (scrubbing back and forth), one read forward from 0:00 (playing).
  const shuffled = new LabHistory(scenario, until);
  const forward = new LabHistory(scenario, until);
  const inOrder = [...times].sort((a, b) => a - b);
  const fromForward = new Map(inOrder.map((t) => [t, forward.frameAt(t)]));
  for (const t of times) {
    const reference = engineFrame(scenario, t);
    expect(shuffled.frameAt(t), `at ${t} s, read in shuffled order`).toEqual(reference);
    expect(fromForward.get(t), `at ${t} s, read forward`).toEqual(reference);
  }
}

const faults: Fault[] = [
  { at: 600, op: 'fail', level: 'az', target: 'us-east-1a' },
  { at: 1200, op: 'fail', level: 'region', target: 'us-east-1' },
  { at: 1805, op: 'recover', level: 'az', target: 'us-east-1a' },
  { at: 2400, op: 'recover', level: 'region', target: 'us-east-1' },
  { at: 3000, op: 'fail', level: 'vm', target: 'web-2' },
];

describe('the lab record shows at each time what a fresh engine run to that time reports', () => {
  it.each(presetNames.map((p) => [p]))(
    'preset %s, as the lesson starts it',
    (preset) => {
      const scenario = buildScenario(presets[preset]);
      expectSameAsEngine(scenario, labUntil, probeTimes(scenario, labUntil, 30));
    },
    60_000,
  );

  it.each(presetNames.map((p) => [p]))(
    'preset %s with AZ, region and VM faults and recoveries',
    (preset) => {
      const scenario = buildScenario({ ...presets[preset], faults });
      expectSameAsEngine(scenario, labUntil, probeTimes(scenario, labUntil, 30));
    },
    60_000,
  );

  it('a 1 000-VM design in a group over three AZs, us-east-1a failing at 10 min and back at 30 min', () => {
    const scenario = benchmarkScenario(1000);
    // A fresh 1 000-VM run per time is slow: every event time and its neighbours, and the slider every 5 min.
    expectSameAsEngine(scenario, labUntil, probeTimes(scenario, labUntil, 300));
  }, 300_000);

  it('a 1 000-VM design without a group, a host and a VM failing', () => {
    const scenario = buildScenario({
      ...benchmarkDesign(1000),
      group: false,
      faults: [
        { at: 300, op: 'fail', level: 'host', target: 'us-east-1b-h1' },
        { at: 900, op: 'fail', level: 'vm', target: 'web-1' },
        { at: 1500, op: 'recover', level: 'host', target: 'us-east-1b-h1' },
      ],
    });
    expectSameAsEngine(scenario, labUntil, probeTimes(scenario, labUntil, 900));
  }, 300_000);

  const files = readdirSync(examples).filter((f) => /\.(ya?ml|json)$/.test(f));
  it.each(files.map((f) => [f]))(
    'the example scenario file %s, loaded into the lab',
    (file) => {
      const scenario = parseScenarioText(readFileSync(join(examples, file), 'utf8'), file);
      const every = Math.max(10, Math.ceil(scenario.until / 200 / 10) * 10);
      expectSameAsEngine(scenario, scenario.until, probeTimes(scenario, scenario.until, every));
    },
    60_000,
  );
});

describe('stepping and bounds', () => {
  it('"step to next event" goes to the next time the engine has something due, then to the end', () => {
    const scenario = buildScenario({ ...presets['multi-az-group'], faults });
    const history = new LabHistory(scenario, labUntil);
    const world = createWorld(scenario);
    world.runUntil(0);
    let time = 0;
    while (time < labUntil) {
      const next = world.nextEventTime();
      const expected = next === null ? labUntil : Math.min(labUntil, Math.max(next, world.time));
      time = history.nextChangeAfter(time);
      expect(time).toBe(expected);
      world.runUntil(time);
    }
    expect(history.complete).toBe(true);
  });

  it('records forward only as far as asked', () => {
    const history = new LabHistory(buildScenario({ ...presets['multi-az'], faults }), labUntil);
    history.frameAt(0);
    const atStart = history.recordedKnots;
    history.frameAt(700);
    expect(history.recordedKnots).toBeGreaterThan(atStart);
    expect(history.complete).toBe(false);
  });

  it('a frame at a recorded event time records nothing more: a new design shows 0:00 from its first knot alone, then 0:01 needs the next', () => {
    const scenario = buildScenario({ ...presets['multi-az'], faults });
    const history = new LabHistory(scenario, labUntil);
    expect(history.frameAt(0)).toEqual(engineFrame(scenario, 0));
    expect(history.recordedKnots).toBe(1);
    // Between 0:00 and the VMs' first transition, the frame needs the knot after it (what accrues, what is noted on leaving 0:00).
    expect(history.frameAt(1)).toEqual(engineFrame(scenario, 1));
    expect(history.recordedKnots).toBe(2);
  });

  it("an event time that changes nothing the lab shows holds no copy of it: it shares the earlier time's VM statuses and names", () => {
    const file = 'traffic-scaling-group.yaml';
    const scenario = parseScenarioText(readFileSync(join(examples, file), 'utf8'), file);
    const history = new LabHistory(scenario, scenario.until);
    let shared = 0;
    let previous = history.frameAt(0);
    for (let t = history.nextChangeAfter(0); t < scenario.until; t = history.nextChangeAfter(t)) {
      const frame = history.frameAt(t);
      if (JSON.stringify(frame.view.azs) === JSON.stringify(previous.view.azs)) {
        expect(frame.view.azs, `at ${t} s`).toBe(previous.view.azs);
        shared++;
      }
      if (JSON.stringify(frame.vmNames) === JSON.stringify(previous.vmNames)) expect(frame.vmNames, `at ${t} s`).toBe(previous.vmNames);
      previous = frame;
    }
    // The scaling group checks every interval; most checks change nothing.
    expect(shared).toBeGreaterThan(0);
  });

  it('refuses a time outside the run, naming it and the range', () => {
    const history = new LabHistory(buildScenario(presets['multi-az']), labUntil);
    expect(() => history.frameAt(-1)).toThrow('time -1 is outside 0..3600');
    expect(() => history.frameAt(labUntil + 1)).toThrow('time 3601 is outside 0..3600');
  });
});
