/**
 * Spread placement groups, after EC2's: each VM of a group on a host of its own, at most seven per AZ,
 * and a launch or start that cannot keep that promise fails (nothing is placed). `balance`, the soft
 * policy once called `spread`, makes no such promise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, parseScenario, scenarioWarnings, type ActionInput, type Report, type ScenarioInput, type World } from '@site/sim';

/** eu-central-1 with `hosts` type 1 hosts of 8 cores / 32 GiB in each of the given AZ letters. */
function world(hosts: number, azs = ['a'], placement: 'pack' | 'balance' = 'balance'): World {
  return createWorld({
    until: 3600,
    policy: { placement },
    regions: [{ id: 'eu-central-1', azs: azs.map((z) => ({ id: `eu-central-1${z}`, hosts: [{ count: hosts, cores: 8, memoryGiB: 32 }] })) }],
  });
}

const launch = (name: string, count: number, extra: Partial<Extract<ActionInput, { kind: 'launch' }>> = {}): ActionInput => ({
  kind: 'launch',
  name,
  count,
  vcpu: 1,
  memoryGiB: 2,
  region: 'eu-central-1',
  ...extra,
});

const hostsOf = (r: Report, prefix: string) =>
  r.vms
    .filter((v) => v.name.startsWith(`${prefix}-`))
    .map((v) => v.host)
    .filter((h) => h !== null);

describe('spread placement group: a host of its own for each VM', () => {
  it('soft balance puts the third of three VMs back on h1 when an AZ has two hosts; the spread group refuses the launch instead', () => {
    // balance: least-loaded host, ties to the first: h1, h2, then h1 again (both at 1/8).
    const soft = world(2);
    expect(soft.apply(launch('web', 3)).ok).toBe(true);
    expect(hostsOf(soft.report(), 'web')).toEqual(['eu-central-1a-h1', 'eu-central-1a-h2', 'eu-central-1a-h1']);

    const hard = world(2);
    const outcome = hard.apply(launch('db', 3, { spreadGroup: 'db' }));
    expect(outcome.ok).toBe(false);
    const event = hard.events.at(-1)!;
    expect(event.kind).toBe('insufficient-capacity');
    expect(event.message).toContain('room for 2');
    expect(event.message).toContain('spread group db needs a host of its own for each VM: 0 of the 2 host(s) up hold none of its VMs');
    expect(event.message).toContain('nothing was launched');
    expect(hard.report().vms).toEqual([]);
  });

  it('three hosts, three VMs under pack: pack alone would stack them on h1; the spread group gives h1, h2, h3', () => {
    const packed = world(3, ['a'], 'pack');
    packed.apply(launch('web', 3));
    expect(hostsOf(packed.report(), 'web')).toEqual(['eu-central-1a-h1', 'eu-central-1a-h1', 'eu-central-1a-h1']);
    const spread = world(3, ['a'], 'pack');
    expect(spread.apply(launch('db', 3, { spreadGroup: 'db' })).ok).toBe(true);
    const r = spread.report();
    expect(hostsOf(r, 'db')).toEqual(['eu-central-1a-h1', 'eu-central-1a-h2', 'eu-central-1a-h3']);
    expect(r.vms.map((v) => v.spreadGroup)).toEqual(['db', 'db', 'db']);
  });

  it('a later launch into the group also needs fresh hosts: with all three taken, one more is refused; another group may share them', () => {
    const w = world(3);
    w.apply(launch('db', 3, { spreadGroup: 'db' }));
    expect(w.apply(launch('db', 1, { spreadGroup: 'db' })).ok).toBe(false);
    expect(w.apply(launch('cache', 3, { spreadGroup: 'cache' })).ok).toBe(true);
    expect(hostsOf(w.report(), 'cache')).toEqual(['eu-central-1a-h1', 'eu-central-1a-h2', 'eu-central-1a-h3']);
  });

  it('a stopped VM gives its host back: db-4 takes it, and db-1 then cannot start (it stays stopped, with the reason)', () => {
    const w = world(3);
    w.apply(launch('db', 3, { spreadGroup: 'db' }));
    w.runUntil(60);
    w.apply({ kind: 'stop', vm: 'db-1' });
    w.runUntil(100); // stopped at 80
    expect(w.vm('db-1')!.state).toBe('stopped');
    expect(w.apply(launch('db', 1, { spreadGroup: 'db' })).ok).toBe(true);
    expect(w.vm('db-4')!.host).toBe('eu-central-1a-h1');
    const start = w.apply({ kind: 'start', vm: 'db-1' });
    expect(start.ok).toBe(false);
    expect(w.vm('db-1')!.state).toBe('stopped');
    expect(w.events.at(-1)!).toMatchObject({ kind: 'insufficient-capacity', vm: 'db-1' });
    expect(w.events.at(-1)!.message).toMatch(/spread group db needs a host of its own/);
  });

  it('at most seven per AZ: 7 fit in one AZ of eight hosts, the eighth is refused by the rule (not for capacity)', () => {
    const w = world(8);
    expect(w.apply(launch('db', 7, { spreadGroup: 'db' })).ok).toBe(true);
    const eighth = w.apply(launch('db', 1, { spreadGroup: 'db' }));
    expect(eighth).toMatchObject({ ok: false });
    expect(w.events.at(-1)!.kind).toBe('refused');
    expect(w.events.at(-1)!.message).toContain('EC2 allows at most 7 running instances per AZ in a spread placement group');
  });

  it('two AZs of eight hosts: 14 fit (7 + 7, round-robin), 15 are refused with room for 14', () => {
    const w = world(8, ['a', 'b']);
    const fifteen = w.apply(launch('db', 15, { spreadGroup: 'db' }));
    expect(fifteen.ok).toBe(false);
    expect(w.events.at(-1)!.message).toContain('(room for 14)');
    expect(w.apply(launch('db', 14, { spreadGroup: 'db' })).ok).toBe(true);
    const perAz = (az: string) => w.report().vms.filter((v) => v.az === az).length;
    expect([perAz('eu-central-1a'), perAz('eu-central-1b')]).toEqual([7, 7]);
  });

  it('a host failure takes one VM of the group, never two', () => {
    const w = world(3);
    w.apply(launch('db', 3, { spreadGroup: 'db' }));
    w.runUntil(60);
    w.apply({ kind: 'fail', host: 'eu-central-1a-h2' });
    expect(
      w
        .report()
        .vms.filter((v) => v.serving)
        .map((v) => v.name),
    ).toEqual(['db-1', 'db-3']);
  });
});

describe('the old name', () => {
  const input: ScenarioInput = { regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 8, memoryGiB: 32 }] }] }] };

  it('placement "spread" still runs as balance, with a warning on policy.placement saying what to write', () => {
    const s = parseScenario({ ...input, policy: { placement: 'spread' } });
    const warnings = scenarioWarnings(s);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].path).toBe('policy.placement');
    expect(warnings[0].message).toContain('write "balance"');
    expect(warnings[0].message).toContain('spreadGroup');
  });

  it('balance is the default, and draws no warning', () => {
    const s = parseScenario(input);
    expect(s.policy.placement).toBe('balance');
    expect(scenarioWarnings(s)).toEqual([]);
  });
});

type Op =
  | { op: 'launch'; group: 'a' | 'b' | null; count: number; vcpu: number; az: number | null }
  | { op: 'life'; verb: 'start' | 'stop' | 'terminate'; vm: number }
  | { op: 'host'; verb: 'fail' | 'recover'; index: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('launch' as const),
    group: fc.constantFrom<'a' | 'b' | null>('a', 'b', null),
    count: fc.integer({ min: 1, max: 5 }),
    vcpu: fc.integer({ min: 1, max: 6 }),
    az: fc.option(fc.nat(1), { nil: null }),
  }),
  fc.record({ op: fc.constant('life' as const), verb: fc.constantFrom<'start' | 'stop' | 'terminate'>('start', 'stop', 'terminate'), vm: fc.nat(12) }),
  fc.record({ op: fc.constant('host' as const), verb: fc.constantFrom<'fail' | 'recover'>('fail', 'recover'), index: fc.nat(20) }),
);

describe('property', () => {
  it('no two VMs of one spread group ever hold the same host, and no AZ ever holds more than 7 of a group', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }),
        fc.constantFrom<'pack' | 'balance'>('pack', 'balance'),
        fc.array(fc.record({ dt: fc.integer({ min: 0, max: 60 }), op: opArb }), { minLength: 1, maxLength: 25 }),
        (hosts, placement, steps) => {
          const w = world(hosts, ['a', 'b'], placement);
          const hostIds = w.report({ events: false }).hosts.map((h) => h.id);
          const check = () => {
            const r = w.report({ events: false });
            for (const group of ['a', 'b']) {
              const held = r.vms.filter((v) => v.spreadGroup === group && v.host !== null);
              const onHosts = held.map((v) => v.host!);
              expect(new Set(onHosts).size, `group ${group} at ${r.time}: ${onHosts.join(', ')}`).toBe(onHosts.length);
              for (const az of ['eu-central-1a', 'eu-central-1b']) expect(held.filter((v) => v.az === az).length).toBeLessThanOrEqual(7);
            }
          };
          let t = 0;
          let launches = 0;
          for (const { dt, op } of steps) {
            t += dt;
            w.runUntil(t);
            const names = w.report({ events: false }).vms.map((v) => v.name);
            if (op.op === 'launch') {
              const az = op.az === null ? {} : { az: `eu-central-1${'ab'[op.az]}` };
              w.apply(launch(`l${launches++}`, op.count, { vcpu: op.vcpu, ...az, ...(op.group ? { spreadGroup: op.group } : {}) }));
            } else if (op.op === 'life') {
              if (names.length > 0) w.apply({ kind: op.verb, vm: names[op.vm % names.length] });
            } else {
              w.apply({ kind: op.verb, host: hostIds[op.index % hostIds.length] });
            }
            check();
          }
        },
      ),
      { numRuns: 150, seed: 5 },
    );
  });
});
