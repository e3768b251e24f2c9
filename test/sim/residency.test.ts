import { describe, expect, it } from 'vitest';
import {
  parseAction,
  createWorld,
  euMemberStates,
  jurisdictionsOf,
  knownJurisdictions,
  parseScenario,
  regionAllowed,
  regionCatalog,
  type ScenarioInput,
} from '@site/sim';

const region = (id: string) => ({ id, azs: [{ id: `${id}a`, hosts: [{ cores: 8, memoryGiB: 32 }] }] });

/** Frankfurt (Germany, EU), London (UK, not EU) and N. Virginia (US). */
function world(allowed: string[], extra: Partial<ScenarioInput> = {}) {
  return createWorld({
    regions: [region('eu-central-1'), region('eu-west-2'), region('us-east-1')],
    residency: { dataset: 'customer data', allowed },
    ...extra,
  });
}

const launchIn = (name: string, r: string) => parseAction({ kind: 'launch', name, vcpu: 1, memoryGiB: 1, region: r });

describe('jurisdictions', () => {
  it('Frankfurt is in Germany and so in the EU; London is in the United Kingdom, which left the EU; N. Virginia is in the US', () => {
    expect(jurisdictionsOf('eu-central-1')).toEqual(['Germany', 'EU']);
    expect(jurisdictionsOf('eu-west-2')).toEqual(['United Kingdom']);
    expect(jurisdictionsOf('us-east-1')).toEqual(['United States of America']);
  });

  it('Hong Kong (ap-east-1) is its own jurisdiction, not China', () => {
    expect(jurisdictionsOf('ap-east-1')).toEqual(['Hong Kong']);
  });

  it('every EU region of the catalog (Stockholm, Ireland, Paris, Frankfurt, Milan) counts as EU', () => {
    const eu = regionCatalog.filter((r) => jurisdictionsOf(r.code).includes('EU')).map((r) => r.code);
    expect(eu.sort()).toEqual(['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-west-1', 'eu-west-3']);
  });

  it('the EU has 27 member states, without the United Kingdom', () => {
    expect(euMemberStates).toHaveLength(27);
    expect(euMemberStates).toContain('Germany');
    expect(euMemberStates).not.toContain('United Kingdom');
  });

  it('an unknown region has no jurisdiction, so no rule allows it', () => {
    expect(jurisdictionsOf('xx-nowhere-1')).toEqual([]);
    expect(regionAllowed('xx-nowhere-1', ['EU'])).toBe(false);
  });

  it('a rule allows a region by its country or by "EU"', () => {
    expect(regionAllowed('eu-central-1', ['EU'])).toBe(true);
    expect(regionAllowed('eu-central-1', ['Germany'])).toBe(true);
    expect(regionAllowed('eu-west-3', ['Germany'])).toBe(false);
    expect(regionAllowed('eu-west-2', ['EU'])).toBe(false);
    expect(regionAllowed('eu-west-2', ['EU', 'United Kingdom'])).toBe(true);
  });

  it('the jurisdictions a rule may name: "EU" and each country of the catalog', () => {
    const known = knownJurisdictions();
    expect(known[0]).toBe('EU');
    for (const r of regionCatalog) expect(known).toContain(r.country);
  });
});

describe('placements outside the rule are flagged', () => {
  it('an EU-only rule: a VM in Frankfurt is fine; VMs in London and N. Virginia are flagged, with where and since when', () => {
    const w = world(['EU']);
    w.apply(launchIn('ok', 'eu-central-1'));
    w.runUntil(10);
    w.apply(launchIn('uk', 'eu-west-2'));
    w.apply(launchIn('us', 'us-east-1'));
    const r = w.report();
    expect(r.metrics.residencyViolations).toEqual([
      { what: 'VM uk-1', region: 'eu-west-2', jurisdictions: ['United Kingdom'], since: 10 },
      { what: 'VM us-1', region: 'us-east-1', jurisdictions: ['United States of America'], since: 10 },
    ]);
    const events = r.events.filter((e) => e.kind === 'residency-violation');
    expect(events.map((e) => e.region)).toEqual(['eu-west-2', 'us-east-1']);
    expect(events[0].message).toContain('customer data');
  });

  it('allowing the United Kingdom as well clears London', () => {
    const w = world(['EU', 'United Kingdom']);
    w.apply(launchIn('uk', 'eu-west-2'));
    expect(w.report().metrics.residencyViolations).toEqual([]);
  });

  it('a VM is flagged once, however often it is stopped and started again', () => {
    const w = world(['EU']);
    w.apply(launchIn('us', 'us-east-1'));
    for (let t = 30; t < 400; t += 100) {
      w.runUntil(t);
      w.apply({ kind: 'stop', vm: 'us-1' });
      w.runUntil(t + 20);
      w.apply({ kind: 'start', vm: 'us-1' });
    }
    expect(w.report().metrics.residencyViolations).toHaveLength(1);
  });

  it('a refused launch places nothing, so flags nothing', () => {
    const w = world(['EU']);
    w.apply({ kind: 'launch', name: 'huge', vcpu: 64, memoryGiB: 1, region: 'us-east-1' });
    expect(w.report().metrics.residencyViolations).toEqual([]);
  });

  it('a group member outside the rule is flagged', () => {
    const w = world(['EU']);
    w.apply({ kind: 'group', name: 'web', desired: 1, vcpu: 1, memoryGiB: 1, region: 'us-east-1' });
    expect(w.report().metrics.residencyViolations.map((v) => v.what)).toEqual(['VM web-1']);
  });

  it('a database replica outside the rule is flagged from the start; its promotion flags the primary moving there', () => {
    const w = world(['EU'], { database: { region: 'eu-central-1', az: 'eu-central-1a', replica: { region: 'us-east-1', lagSeconds: 1 } } });
    expect(w.report().metrics.residencyViolations).toEqual([
      { what: 'database db replica', region: 'us-east-1', jurisdictions: ['United States of America'], since: 0 },
    ]);
    w.runUntil(100);
    w.apply({ kind: 'fail', region: 'eu-central-1' });
    w.runUntil(220); // promotion takes 120 s by default
    expect(w.report().metrics.residencyViolations.map((v) => [v.what, v.region, v.since])).toEqual([
      ['database db replica', 'us-east-1', 0],
      ['database db', 'us-east-1', 220],
    ]);
  });

  it('without a rule nothing is flagged', () => {
    const w = createWorld({ regions: [region('us-east-1')] });
    w.apply(launchIn('us', 'us-east-1'));
    expect(w.report().metrics.residencyViolations).toEqual([]);
  });

  it('a rule naming an unknown jurisdiction is an error at residency.allowed[i]', () => {
    expect(() => parseScenario({ regions: [region('eu-central-1')], residency: { allowed: ['EU', 'Atlantis'] } })).toThrow(
      /residency\.allowed\[1\]: unknown jurisdiction "Atlantis"/,
    );
  });
});
