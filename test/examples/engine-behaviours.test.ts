import { describe, expect, it } from 'vitest';
import { runScenarioText } from '@site/sim/text';
import { vm, events } from './helpers';

// Behaviours that writing the examples showed to matter; each test states one, worked out by hand.
describe('engine behaviours the examples rely on', () => {
  const world = `
regions:
  - id: us-east-1
    azs:
      - id: us-east-1a
        hosts: [{ cores: 16, memoryGiB: 64 }]
`;

  it('service.vms "web" means web-1, web-2, ..., not the VMs of a launch named "web-cache"', () => {
    // web-cache is a legal name of its own. The service needs 2 web VMs; there is only web-1, so the
    // service is never up, whatever web-cache-1 does.
    const r = runScenarioText(
      `${world}
service: { vms: web, minServing: 2 }
actions:
  - { at: 0, launch: { name: web, vcpu: 2, memoryGiB: 4, region: us-east-1 } }
  - { at: 0, launch: { name: web-cache, vcpu: 2, memoryGiB: 4, region: us-east-1 } }
until: 600
`,
      'prefix.yaml',
    );
    expect(r.metrics.servingVms).toBe(1);
    expect(r.metrics.serviceUp).toBe(false);
    expect(r.metrics.firstUpAt).toBeNull();
  });

  it('load on "web" changes web-N only, not web-cache-N', () => {
    const r = runScenarioText(
      `${world}
actions:
  - { at: 0, launch: { name: web, vcpu: 2, memoryGiB: 4, region: us-east-1 } }
  - { at: 0, launch: { name: web-cache, vcpu: 2, memoryGiB: 4, region: us-east-1 } }
  - { at: 60, load: { vm: web, busy: 0.9 } }
until: 600
`,
      'load-prefix.yaml',
    );
    expect(vm(r, 'web-1').busy).toBe(0.9);
    expect(vm(r, 'web-cache-1').busy).toBe(0.25);
  });

  it('drops requests while the database is unavailable (the service is down, nothing can be served)', () => {
    // Two web VMs serve 100 rps each; demand 100 rps. The database's only AZ fails 600..900 with no
    // standby or replica: the service is down 300 s, and the 100 x 300 = 30 000 requests of that time
    // cannot be served. 0..30: nothing runs, 3 000 dropped.
    const r = runScenarioText(
      `
regions:
  - id: us-east-1
    azs:
      - id: us-east-1a
        hosts: [{ cores: 16, memoryGiB: 64 }]
      - id: us-east-1b
        hosts: [{ cores: 16, memoryGiB: 64 }]
database: { region: us-east-1, az: us-east-1b }
traffic: { curve: [{ at: 0, rps: 100 }] }
actions:
  - { at: 0, launch: { name: web, count: 2, vcpu: 2, memoryGiB: 4, region: us-east-1, az: us-east-1a } }
  - { at: 600, fail: { az: us-east-1b } }
  - { at: 900, recover: { az: us-east-1b } }
until: 1200
`,
      'db-down-traffic.yaml',
    );
    expect(r.metrics.downtimeSeconds).toBe(300);
    expect(r.metrics.requests).toEqual({ served: 100 * (1200 - 30 - 300), dropped: 3000 + 30000, droppedPercent: 27.5 });
  });

  it('says a start or launch was refused because the AZ or region is down, not for lack of capacity', () => {
    // An empty 32-core host has room; what is missing is a working AZ (then region).
    const r = runScenarioText(
      `
regions:
  - id: us-east-1
    azs:
      - id: us-east-1a
        hosts: [{ cores: 32, memoryGiB: 128 }]
      - id: us-east-1b
        hosts: [{ cores: 32, memoryGiB: 128 }]
actions:
  - { at: 0, launch: { name: web, vcpu: 2, memoryGiB: 4, region: us-east-1, az: us-east-1a } }
  - { at: 100, stop: { vm: web-1 } }
  - { at: 200, fail: { az: us-east-1a } }
  - { at: 300, start: { vm: web-1 } }
  - { at: 400, fail: { region: us-east-1 } }
  - { at: 500, launch: { name: api, vcpu: 2, memoryGiB: 4, region: us-east-1 } }
until: 600
`,
      'refusal-wording.yaml',
    );
    const refused = events(r, 'refused');
    expect(refused.map((e) => e.time)).toEqual([300, 500]);
    expect(refused[0].message).toMatch(/us-east-1a is down|us-east-1a (has )?failed/);
    expect(refused[1].message).toMatch(/us-east-1 is down|us-east-1 (has )?failed/);
  });

  it('reports a cross-region replica lost while its region is down, and back when it recovers', () => {
    // The replica is reported unhealthy while its region is down, with an event each way.
    const r = runScenarioText(
      `
regions:
  - id: eu-central-1
    azs: [{ id: eu-central-1a, hosts: [{ cores: 8, memoryGiB: 32 }] }]
  - id: eu-west-1
    azs: [{ id: eu-west-1a, hosts: [{ cores: 8, memoryGiB: 32 }] }]
database: { region: eu-central-1, az: eu-central-1a, replica: { region: eu-west-1 } }
actions:
  - { at: 100, fail: { region: eu-west-1 } }
  - { at: 300, recover: { region: eu-west-1 } }
until: 600
`,
      'replica-lost.yaml',
    );
    expect(events(r, 'replica-lost').map((e) => e.time)).toEqual([100]);
    expect(events(r, 'replica-restored').map((e) => e.time)).toEqual([300]);
    expect(r.database!.replica).toEqual({ region: 'eu-west-1', lagSeconds: 1, healthy: true });
  });
});
