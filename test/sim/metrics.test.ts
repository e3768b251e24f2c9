/**
 * World.metrics against the engine's full report of the same moment: equal at every event time of
 * every example scenario and of a day of the elasticity lab (traffic, a scaling group, costs). The
 * report is the reference.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld, type ScenarioInput, type World } from '@site/sim';
import { parseScenarioText } from '@site/sim/text';
import { dayScenario, defaultConfig } from '@site/src/components/widgets/ElasticityLab/day';

const examples = join(__dirname, '..', '..', 'examples', 'scenarios');

/** Steps the world event by event to its end, comparing at each; returns how many moments were compared. */
function compareThroughout(world: World, label: string): { moments: number; withTraffic: number } {
  let moments = 0;
  let withTraffic = 0;
  const check = () => {
    const metrics = world.metrics();
    expect(metrics, `${label} at ${world.time}`).toEqual(world.report({ events: false }).metrics);
    moments++;
    if (metrics.requests) withTraffic++;
  };
  check();
  for (let next = world.nextEventTime(); next !== null && next <= world.scenario.until; next = world.nextEventTime()) {
    world.runUntil(next);
    check();
  }
  world.runUntil(world.scenario.until);
  check();
  return { moments, withTraffic };
}

describe("a world's metrics are its report's", () => {
  const files = readdirSync(examples).filter((f) => /\.(ya?ml|json)$/.test(f));
  it('there are example scenarios to check against', () => expect(files.length).toBeGreaterThan(5));
  for (const file of files) {
    it(`${file}: at every event time`, () => {
      const { moments } = compareThroughout(createWorld(parseScenarioText(readFileSync(join(examples, file), 'utf8'), file)), file);
      expect(moments).toBeGreaterThan(1);
    });
  }

  it('a day of the elasticity lab, both plans: requests served and dropped, costs, VMs serving', () => {
    for (const plan of ['owned', 'rented'] as const) {
      const scenario: ScenarioInput = dayScenario({ ...defaultConfig, curve: 'flash' }, plan);
      const { moments, withTraffic } = compareThroughout(createWorld(scenario), plan);
      expect(withTraffic).toBe(moments);
      expect(moments).toBeGreaterThan(20);
    }
  });
});
