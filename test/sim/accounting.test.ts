import { describe, expect, it } from 'vitest';
import { createWorld, runScenario, type ScenarioInput } from '@site/sim';

/** One host in Frankfurt; every VM launched at 0 runs from 30 s (default pending). */
function scenario(until: number, actions: ScenarioInput['actions'], extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    until,
    regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 16, memoryGiB: 64 }] }] }],
    actions: [{ at: 0, launch: { name: 'web', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } }, ...(actions ?? [])],
    ...extra,
  };
}

describe('availability is counted from the moment the service first comes up', () => {
  it('up from 30 s to 630 s without a fault: 600 s up, 100%, no downtime', () => {
    expect(runScenario(scenario(630, [])).metrics).toMatchObject({
      firstUpAt: 30,
      upSeconds: 600,
      downtimeSeconds: 0,
      availabilityPercent: 100,
      serviceUp: true,
    });
  });

  it('the 30 s of pending before the first "up" are not downtime', () => {
    expect(runScenario(scenario(630, [])).metrics.downtimeSeconds).toBe(0);
  });

  it('crashed 130–430 s in a 30–630 s window: 300 of 600 s up = 50%, 300 s down', () => {
    const m = runScenario(
      scenario(630, [
        { at: 130, crash: { vm: 'web-1' } },
        { at: 430, recover: { vm: 'web-1' } },
      ]),
    ).metrics;
    expect(m).toMatchObject({ upSeconds: 300, downtimeSeconds: 300, availabilityPercent: 50 });
  });

  it('crashed 1030–1330 s in a 30–3630 s window: 3300 / 3600 = 91.666…% → 91.667', () => {
    const m = runScenario(
      scenario(3630, [
        { at: 1030, crash: { vm: 'web-1' } },
        { at: 1330, recover: { vm: 'web-1' } },
      ]),
    ).metrics;
    expect(m).toMatchObject({ upSeconds: 3300, downtimeSeconds: 300, availabilityPercent: 91.667 });
  });

  it('a reboot is downtime: rebooting 100–160 s, to 400 s: 310 of 370 s = 83.784%', () => {
    const m = runScenario(scenario(400, [{ at: 100, reboot: { vm: 'web-1' } }])).metrics;
    expect(m).toMatchObject({ upSeconds: 310, downtimeSeconds: 60, availabilityPercent: 83.784 });
  });

  it('a service that never came up has no availability window: firstUpAt null, 0%, 0 s down', () => {
    const m = runScenario(scenario(600, [{ at: 10, terminate: { vm: 'web-1' } }])).metrics;
    expect(m).toMatchObject({ firstUpAt: null, upSeconds: 0, downtimeSeconds: 0, availabilityPercent: 0, serviceUp: false });
  });

  it('the trace says when the service went up and down: up at 30, down at 130, up at 430', () => {
    const r = runScenario(
      scenario(630, [
        { at: 130, crash: { vm: 'web-1' } },
        { at: 430, recover: { vm: 'web-1' } },
      ]),
    );
    expect(r.events.filter((e) => e.kind === 'service-up' || e.kind === 'service-down').map((e) => [e.time, e.kind])).toEqual([
      [30, 'service-up'],
      [130, 'service-down'],
      [430, 'service-up'],
    ]);
  });

  it('stepping a world by hand and running the same actions from the scenario give the same metrics', () => {
    const timed = runScenario(
      scenario(630, [
        { at: 130, crash: { vm: 'web-1' } },
        { at: 430, recover: { vm: 'web-1' } },
      ]),
    );
    const w = createWorld(scenario(630, []));
    w.runUntil(130);
    w.apply({ kind: 'crash', vm: 'web-1' });
    w.runUntil(430);
    w.apply({ kind: 'recover', vm: 'web-1' });
    w.runUntil(630);
    expect(w.report().metrics).toEqual(timed.metrics);
  });
});

describe('which VMs make the service', () => {
  it('service web with minServing 2: losing web-1 of web-1, web-2 takes it down although api-1 serves; up 30–100, down 100–400 → 70 / 370 = 18.919%', () => {
    const m = runScenario(
      scenario(
        400,
        [
          { at: 0, launch: { name: 'web', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } },
          { at: 0, launch: { name: 'api', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } },
          { at: 100, crash: { vm: 'web-1' } },
        ],
        { service: { vms: 'web', minServing: 2 } },
      ),
    ).metrics;
    expect(m).toMatchObject({ servingVms: 1, upSeconds: 70, downtimeSeconds: 300, availabilityPercent: 18.919 });
  });

  it('service web is made of web-N only: web-api-1 (another launch) does not keep it up when web-1 crashes', () => {
    const m = runScenario(
      scenario(
        200,
        [
          { at: 0, launch: { name: 'web-api', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } },
          { at: 100, crash: { vm: 'web-1' } },
        ],
        { service: { vms: 'web' } },
      ),
    ).metrics;
    // web-1 up 30–100, down 100–200.
    expect(m).toMatchObject({ servingVms: 0, serviceUp: false, upSeconds: 70, downtimeSeconds: 100 });
  });
});

describe('requests', () => {
  it('150 rps against one VM of 100 rps from 30 s, to 130 s: served 100 × 100 = 10 000; dropped 150 × 30 + 50 × 100 = 9 500 of 19 500 = 48.718%', () => {
    const m = runScenario(scenario(130, [], { traffic: { perVmRps: 100, curve: [{ at: 0, rps: 150 }] } })).metrics;
    expect(m.requests).toEqual({ served: 10_000, dropped: 9_500, droppedPercent: 48.718 });
  });

  it('nothing is served while the database is down: 50 rps, one VM from 30 s, database AZ down 130–230 s → served 50 × 100 = 5 000; dropped 50 × 30 + 50 × 100 = 6 500 of 11 500 = 56.522%', () => {
    const m = runScenario({
      until: 230,
      regions: [
        {
          id: 'eu-central-1',
          azs: [
            { id: 'eu-central-1a', hosts: [{ cores: 16, memoryGiB: 64 }] },
            { id: 'eu-central-1b', hosts: [{ cores: 16, memoryGiB: 64 }] },
          ],
        },
      ],
      database: { region: 'eu-central-1', az: 'eu-central-1a' },
      traffic: { perVmRps: 100, curve: [{ at: 0, rps: 50 }] },
      actions: [
        { at: 0, launch: { name: 'web', vcpu: 1, memoryGiB: 1, region: 'eu-central-1', az: 'eu-central-1b' } },
        { at: 130, fail: { az: 'eu-central-1a' } },
      ],
    }).metrics;
    expect(m.requests).toEqual({ served: 5_000, dropped: 6_500, droppedPercent: 56.522 });
  });

  it('without traffic there is no request count', () => {
    expect(runScenario(scenario(60, [])).metrics.requests).toBeNull();
  });
});

describe('every VM keeps its own bill', () => {
  // Frankfurt: m5.large (2 vCPU) 0.115 USD/h, so 1 vCPU = 0.0575 USD/h; gp3 0.0952 USD per GB-month, a month 2 628 000 s.
  it('forty 1-vCPU VMs, vm-k launched at 60(k − 1) s, to 3000 s: vm-k runs 2970 − 60(k − 1) s (0.0575 USD/h) and keeps its 100 GiB disk 3000 − 60(k − 1) s', () => {
    const launches = Array.from({ length: 40 }, (_, i) => ({
      at: 60 * i,
      launch: { name: 'vm', vcpu: 1, memoryGiB: 1, diskGiB: 100, region: 'eu-central-1' },
    }));
    const world = createWorld({
      until: 3000,
      regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 48, memoryGiB: 64 }] }] }],
      actions: launches,
    }).run();
    let total = 0;
    for (let k = 1; k <= 40; k++) {
      const launched = 60 * (k - 1);
      const compute = (0.0575 * (3000 - launched - 30)) / 3600;
      const vm = world.vm(`vm-${k}`)!;
      // The report rounds each cost to the micro-dollar: compare to 5 digits.
      expect(vm.computeUsd, `vm-${k}`).toBeCloseTo(compute, 5);
      expect(vm.diskUsd, `vm-${k}`).toBeCloseTo((9.52 * (3000 - launched)) / 2_628_000, 5);
      total += compute;
    }
    expect(world.report().metrics.cost.computeUsd).toBeCloseTo(total, 5);
  });
});
