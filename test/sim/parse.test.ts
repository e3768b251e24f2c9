import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError, type ScenarioIssue } from '@site/sim';
import { parseScenarioText } from '@site/sim/text';

/** A valid scenario: Frankfurt with three AZs, one host each; extra fields override. */
function valid(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    regions: [{ id: 'eu-central-1', azs: ['a', 'b', 'c'].map((z) => ({ id: `eu-central-1${z}`, hosts: [{ cores: 8, memoryGiB: 32 }] })) }],
    ...extra,
  };
}

const launchWeb = { at: 0, launch: { name: 'web', count: 2, vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } };

/** The issues a scenario raises, or [] when it parses. */
function issuesOf(input: unknown, source = 'scenario'): ScenarioIssue[] {
  try {
    parseScenario(input, source);
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.issues;
  }
}

function textIssuesOf(text: string, source: string): ScenarioIssue[] {
  try {
    parseScenarioText(text, source);
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.issues;
  }
}

describe('a valid scenario gets its documented defaults', () => {
  it('seed 1, until 3600 s, balance (soft placement) without overcommit, the default timings and network, no actions', () => {
    const s = parseScenario(valid());
    expect([s.name, s.seed, s.until]).toEqual(['Untitled scenario', 1, 3600]);
    expect(s.policy).toEqual({ placement: 'balance', cpuOvercommit: 1, memoryOvercommit: 1 });
    expect(s.timings).toEqual({ pendingSeconds: 30, stoppingSeconds: 20, shuttingDownSeconds: 10, rebootSeconds: 60, detectionSeconds: 60, jitter: 0 });
    expect(s.network).toEqual({ interAzRttMs: 1, routeFactor: 1.65, fibreKmPerMs: 200, fixedRttMs: 3 });
    expect(s.actions).toEqual([]);
  });

  it('a host defaults to one type 1 host with 1024 GiB of local disk and 4 GiB of swap; a launch to one VM with an 8 GiB root volume, no instance store, 25% busy, half its memory its working set', () => {
    const s = parseScenario(valid({ actions: [{ at: 5, launch: { name: 'web', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } }] }));
    expect(s.regions[0].azs[0].hosts[0]).toEqual({ count: 1, cores: 8, memoryGiB: 32, diskGiB: 1024, hypervisor: 'type1', swapGiB: 4 });
    expect(s.actions).toEqual([
      {
        at: 5,
        action: {
          kind: 'launch',
          name: 'web',
          count: 1,
          vcpu: 1,
          memoryGiB: 1,
          diskGiB: 8,
          instanceStoreGiB: 0,
          region: 'eu-central-1',
          busy: 0.25,
          workingSet: 0.5,
        },
      },
    ]);
  });

  it('YAML text reads the same as the object', () => {
    const yaml = [
      'seed: 7',
      'regions:',
      '  - id: eu-central-1',
      '    azs:',
      '      - id: eu-central-1a',
      '        hosts: [{ cores: 4, memoryGiB: 16 }]',
      'actions:',
      '  - { at: 0, launch: { name: web, vcpu: 1, memoryGiB: 1, region: eu-central-1 } }',
    ].join('\n');
    expect(parseScenarioText(yaml)).toEqual(
      parseScenario({
        seed: 7,
        regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 4, memoryGiB: 16 }] }] }],
        actions: [{ at: 0, launch: { name: 'web', vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } }],
      }),
    );
  });

  it('an action may name a group member by any number (members are replaced and renumbered)', () => {
    expect(
      issuesOf(
        valid({
          actions: [
            { at: 0, group: { name: 'web', desired: 2, vcpu: 1, memoryGiB: 1, region: 'eu-central-1' } },
            { at: 500, crash: { vm: 'web-7' } },
          ],
        }),
      ),
    ).toEqual([]);
  });
});

describe('errors name the field path and what was expected', () => {
  it('an unknown region: regions[0].id, with examples of real codes', () => {
    const [issue] = issuesOf({ regions: [{ id: 'eu-moon-1', azs: [{ id: 'eu-moon-1a', hosts: [{ cores: 4, memoryGiB: 8 }] }] }] });
    expect(issue.path).toBe('regions[0].id');
    expect(issue.message).toMatch(/^unknown region "eu-moon-1": expected a region code .*eu-central-1/);
  });

  it('negative cores: regions[0].azs[1].hosts[0].cores: expected a whole number of cores >= 1', () => {
    const input = valid();
    (input.regions as { azs: { hosts: { cores: number }[] }[] }[])[0].azs[1].hosts[0].cores = -4;
    expect(issuesOf(input)).toEqual([{ path: 'regions[0].azs[1].hosts[0].cores', message: 'expected a whole number of cores >= 1' }]);
  });

  it('an unknown AZ: regions[0].azs[0].id, listing the real AZs of the region', () => {
    const [issue] = issuesOf({ regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1z', hosts: [{ cores: 4, memoryGiB: 8 }] }] }] });
    expect(issue.path).toBe('regions[0].azs[0].id');
    expect(issue.message).toBe('unknown AZ "eu-central-1z" in eu-central-1: expected one of eu-central-1a, eu-central-1b, eu-central-1c');
  });

  it('an action on a VM that does not exist: actions[1].stop.vm, suggesting a name that does', () => {
    const [issue] = issuesOf(valid({ actions: [launchWeb, { at: 10, stop: { vm: 'api-1' } }] }));
    expect(issue.path).toBe('actions[1].stop.vm');
    expect(issue.message).toMatch(/^no VM named "api-1" has been launched by then: expected a name such as web-1/);
  });

  it('an action before the launch it refers to: stop web-1 at 5 s, launched at 10 s', () => {
    const [issue] = issuesOf(
      valid({
        actions: [
          { at: 5, stop: { vm: 'web-1' } },
          { ...launchWeb, at: 10 },
        ],
      }),
    );
    expect(issue.path).toBe('actions[0].stop.vm');
  });

  it('web-3 when only web-1 and web-2 were launched', () => {
    expect(issuesOf(valid({ actions: [launchWeb, { at: 10, terminate: { vm: 'web-3' } }] })).map((i) => i.path)).toEqual(['actions[1].terminate.vm']);
  });

  it('an unknown field: its path, its name, and the fields that were expected there', () => {
    const input = valid();
    (input.regions as { azs: { hosts: Record<string, unknown>[] }[] }[])[0].azs[0].hosts[0].gpus = 2;
    const issues = issuesOf(input);
    expect(issues.map((i) => i.path)).toEqual(['regions[0].azs[0].hosts[0].gpus']);
    expect(issues[0].message).toBe('unknown field "gpus"; expected "count", "cores", "memoryGiB", "diskGiB", "hypervisor", "swapGiB"');
  });

  it("an unknown field at the top level lists the scenario's fields", () => {
    const [issue] = issuesOf(valid({ colour: 'red' }));
    expect(issue.path).toBe('colour');
    expect(issue.message).toMatch(/^unknown field "colour"; expected .*"regions"/);
  });

  it("an unknown field inside an action lists that verb's fields", () => {
    const [issue] = issuesOf(valid({ actions: [{ at: 0, launch: { ...launchWeb.launch, size: 'large' } }] }));
    expect(issue.path).toBe('actions[0].launch.size');
    expect(issue.message).toMatch(/^unknown field "size"; expected "name", "count", "vcpu", "memoryGiB"/);
  });

  it('two verbs in one action: actions[0], expected exactly one action verb', () => {
    const [issue] = issuesOf(valid({ actions: [{ at: 0, launch: launchWeb.launch, stop: { vm: 'web-1' } }] }));
    expect(issue.path).toBe('actions[0]');
    expect(issue.message).toMatch(
      /^expected exactly one action verb \(launch, group, start, stop, reboot, terminate, crash, fail, recover, write, load, scale\)/,
    );
  });

  it('an unknown verb: actions[0].explode, listing the verbs', () => {
    const [issue] = issuesOf(valid({ actions: [{ at: 0, explode: {} }] }));
    expect(issue.path).toBe('actions[0].explode');
    expect(issue.message).toContain('got "explode"');
  });

  it('a fault with two targets: actions[0].fail, expected exactly one of vm, host, az or region', () => {
    expect(issuesOf(valid({ actions: [{ at: 0, fail: { az: 'eu-central-1a', region: 'eu-central-1' } }] }))).toEqual([
      { path: 'actions[0].fail', message: 'expected exactly one of vm, host, az or region' },
    ]);
  });

  it('an unknown host: actions[0].fail.host, explaining how hosts are named', () => {
    const [issue] = issuesOf(valid({ actions: [{ at: 0, fail: { host: 'eu-central-1a-h2' } }] }));
    expect(issue.path).toBe('actions[0].fail.host');
    expect(issue.message).toMatch(/^unknown host "eu-central-1a-h2": hosts are named <az>-h<n>, such as eu-central-1a-h1/);
  });

  it('a launch into an AZ the scenario does not declare: actions[0].launch.az', () => {
    const input = {
      regions: [{ id: 'eu-central-1', azs: [{ id: 'eu-central-1a', hosts: [{ cores: 4, memoryGiB: 8 }] }] }],
      actions: [{ at: 0, launch: { ...launchWeb.launch, az: 'eu-central-1b' } }],
    };
    expect(issuesOf(input)).toEqual([
      { path: 'actions[0].launch.az', message: 'unknown AZ "eu-central-1b": expected one of eu-central-1\'s declared AZs (eu-central-1a)' },
    ]);
  });

  it('a launch with 0 vCPUs: actions[0].launch.vcpu', () => {
    expect(issuesOf(valid({ actions: [{ at: 0, launch: { ...launchWeb.launch, vcpu: 0 } }] }))).toEqual([
      { path: 'actions[0].launch.vcpu', message: 'expected a whole number of vCPUs >= 1' },
    ]);
  });

  it('a negative time: actions[0].at', () => {
    expect(issuesOf(valid({ actions: [{ ...launchWeb, at: -1 }] })).map((i) => i.path)).toEqual(['actions[0].at']);
  });

  it('a standby in the primary AZ, and a replica in the primary region', () => {
    const issues = issuesOf(
      valid({ database: { region: 'eu-central-1', az: 'eu-central-1a', standby: { az: 'eu-central-1a' }, replica: { region: 'eu-central-1' } } }),
    );
    expect(issues.map((i) => i.path)).toEqual(['database.standby.az', 'database.replica.region']);
  });

  it('a region declared twice, an AZ declared twice', () => {
    const region = {
      id: 'eu-central-1',
      azs: [
        { id: 'eu-central-1a', hosts: [{ cores: 4, memoryGiB: 8 }] },
        { id: 'eu-central-1a', hosts: [{ cores: 4, memoryGiB: 8 }] },
      ],
    };
    expect(issuesOf({ regions: [region, region] }).map((i) => i.path)).toEqual(['regions[0].azs[1].id', 'regions[1].id', 'regions[1].azs[1].id']);
  });

  it('scaling with min above max, and a traffic curve going back in time', () => {
    const issues = issuesOf(
      valid({
        traffic: {
          curve: [
            { at: 10, rps: 1 },
            { at: 5, rps: 2 },
          ],
        },
        actions: [
          { at: 0, group: { name: 'web', desired: 1, vcpu: 1, memoryGiB: 1, region: 'eu-central-1', scaling: { min: 4, max: 2, targetRpsPerVm: 10 } } },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['traffic.curve[1].at', 'actions[0].group.scaling.min']);
  });

  it('every problem is reported at once, and the error message puts the source in front of each', () => {
    let error: unknown;
    try {
      parseScenario({ regions: [{ id: 'eu-moon-1', azs: [{ id: 'x', hosts: [{ cores: 0, memoryGiB: -1 }] }] }] }, 'labs/broken.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const e = error as ScenarioError;
    expect(e.source).toBe('labs/broken.yaml');
    expect(e.issues.map((i) => i.path)).toEqual(['regions[0].azs[0].hosts[0].cores', 'regions[0].azs[0].hosts[0].memoryGiB']);
    expect(e.message.split('\n')).toEqual(e.issues.map((i) => `labs/broken.yaml: ${i.path}: ${i.message}`));
  });
});

describe('syntax errors give the line', () => {
  it('a YAML indentation error on line 4 is reported at line 4', () => {
    const issues = textIssuesOf('seed: 1\nregions:\n  - id: eu-central-1\n   azs: x\n', 'labs/bad.yaml');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/^YAML syntax: /);
    expect(issues[0].path).toMatch(/^line 4, column \d+$/);
  });

  it('a key repeated on line 3 is reported at line 3', () => {
    const [issue] = textIssuesOf('seed: 1\nuntil: 100\nseed: 2\nregions: []\n', 'labs/dup.yaml');
    expect(issue.message).toBe('YAML syntax: Map keys must be unique');
    expect(issue.path).toMatch(/^line 3, column \d+$/);
  });

  it('a JSON file with an unclosed object is reported as JSON, from line 5 (where the "]" comes too early)', () => {
    const issues = textIssuesOf('{\n  "seed": 1,\n  "regions": [\n    { "id": "eu-central-1" \n  ]\n}\n', 'labs/bad.json');
    expect(issues[0].message).toMatch(/^JSON syntax: /);
    expect(issues[0].path).toMatch(/^line 5, column \d+$/);
  });

  it('the error message names the file and the line', () => {
    expect(() => parseScenarioText('seed: 1\nregions:\n  - id: eu-central-1\n   azs: x\n', 'labs/bad.yaml')).toThrow(/^labs\/bad\.yaml: line 4/);
  });

  it('JSON is read strictly: a trailing comma on line 3 is a JSON syntax error at line 3', () => {
    const issues = textIssuesOf('{\n  "seed": 1,\n  "regions": [],\n}\n', 'labs/comma.json');
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/^JSON syntax: /);
    expect(issues[0].path).toMatch(/^line [34], column \d+$/);
  });

  it('an empty file says so', () => {
    expect(textIssuesOf('  \n', 'labs/empty.yaml')[0].message).toMatch(/empty/);
  });

  it('a schema error in YAML text names the field path, like an object, and the line it is on', () => {
    expect(
      textIssuesOf('regions:\n  - id: eu-central-1\n    azs:\n      - id: eu-central-1a\n        hosts: [{ cores: -4, memoryGiB: 8 }]\n', 'labs/cores.yaml'),
    ).toEqual([{ path: 'regions[0].azs[0].hosts[0].cores', message: 'expected a whole number of cores >= 1', line: 5 }]);
  });
});
