/**
 * Hostile and oversized inputs: each is refused when read, with one line naming the file, the line
 * and the field, or read as documented. Also hand-worked runs of the checks the engine keeps
 * incrementally (service up/down, cost) against the same run stepped second by second.
 */
import { describe, expect, it } from 'vitest';
import { createWorld, limits, parseScenario, ScenarioError, type ScenarioInput } from '@site/sim';
import { parseScenarioText, readScenarioText, runScenarioText } from '@site/sim/text';

const world = `regions:
  - id: us-east-1
    azs: [{ id: us-east-1a, hosts: [{ cores: 8, memoryGiB: 32 }] }]
`;
const worldJson = { regions: [{ id: 'us-east-1', azs: [{ id: 'us-east-1a', hosts: [{ cores: 8, memoryGiB: 32 }] }] }] };

/** The one-line messages a text gives, or [] when it is accepted. */
function messages(text: string, source: string): string[] {
  try {
    parseScenarioText(text, source);
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.message.split('\n');
  }
}

describe('sizes past the documented limits are refused when read', () => {
  it('ten million hosts: names the host entry whose count passes 10,000, and its line', () => {
    const text = world.replace('{ cores: 8', '{ count: 10000000, cores: 8');
    expect(messages(text, 'big.yaml')).toEqual([
      'big.yaml: line 3: regions[0].azs[0].hosts[0].count: brings the world to 10,000,000 hosts in all: the engine takes at most 10,000',
    ]);
  });

  it('exactly 10,000 hosts is accepted', () => {
    expect(messages(world.replace('{ cores: 8', '{ count: 10000, cores: 8'), 'edge.yaml')).toEqual([]);
  });

  it('a million VMs in one launch: names that launch', () => {
    const text = `${world}actions:\n  - { at: 0, launch: { name: web, count: 1000000, vcpu: 1, memoryGiB: 1, region: us-east-1 } }\n`;
    expect(messages(text, 'vms.yaml')).toEqual([
      "vms.yaml: line 5: actions[0].launch.count: the scenario asks for 1,000,000 VMs (launch counts plus each group's largest size): the engine takes at most 100,000",
    ]);
  });

  it('a group counts at its largest size: desired 10, scaling max 200,000', () => {
    const text = `${world}actions:\n  - { at: 0, group: { name: web, desired: 10, vcpu: 1, memoryGiB: 1, region: us-east-1, scaling: { min: 1, max: 200000, targetRpsPerVm: 10 } } }\n`;
    expect(messages(text, 'g.yaml')[0]).toMatch(/^g\.yaml: line 5: actions\[0\]\.group: the scenario asks for 200,000 VMs/);
  });

  it('until past 31 days, and until 1e300, are refused; Infinity (.inf) is not a number of seconds', () => {
    expect(messages(`until: 2678401\n${world}`, 'u.yaml')).toEqual([
      'u.yaml: line 1: until: 2,678,401 s is longer than the engine runs: expected at most 2,678,400 s (31 days)',
    ]);
    expect(messages(`until: 1e300\n${world}`, 'u.yaml')[0]).toMatch(/^u\.yaml: line 1: until: 1\.00e\+300 s is longer than the engine runs/);
    expect(messages(`until: .inf\n${world}`, 'u.yaml')).toEqual(['u.yaml: line 1: until: expected a positive time in seconds']);
    expect(messages(`until: .nan\n${world}`, 'u.yaml')).toEqual(['u.yaml: line 1: until: expected a positive time in seconds']);
  });

  it('a detection delay or scaling interval under 1 s is refused (1e-300 s used to hang)', () => {
    expect(messages(`timings: { detectionSeconds: 1e-300 }\n${world}`, 'd.yaml')).toEqual([
      'd.yaml: line 1: timings.detectionSeconds: expected at least 1 s (the shortest delay the engine schedules)',
    ]);
    const scaling = `${world}actions:\n  - { at: 0, group: { name: web, desired: 1, vcpu: 1, memoryGiB: 1, region: us-east-1, scaling: { min: 1, max: 2, targetRpsPerVm: 10, intervalSeconds: 0.001 } } }\n`;
    expect(messages(scaling, 's.yaml')).toEqual([
      's.yaml: line 5: actions[0].group.scaling.intervalSeconds: expected at least 1 s (the shortest interval the engine schedules)',
    ]);
  });

  it('groups that could schedule more than 500,000 checks on their own: 10 groups, 1 s detection, 31 days', () => {
    // Each group may retry every detection delay: 10 x 2,678,400 / 1 = 26,784,000 checks.
    const groups = Array.from({ length: 10 }, (_, i) => `  - { at: 0, group: { name: g${i}, desired: 1, vcpu: 1, memoryGiB: 1, region: us-east-1 } }`).join(
      '\n',
    );
    const text = `until: 2678400\ntimings: { detectionSeconds: 1 }\n${world}actions:\n${groups}\n`;
    expect(messages(text, 'p.yaml')[0]).toMatch(
      /^p\.yaml: line 1: until: 26,784,000 group checks over 2,678,400 s .* at most 500,000; shorten until, or lengthen the delays$/,
    );
  });

  it('more than 100 groups: names the 101st', () => {
    const groups = Array.from({ length: 101 }, (_, i) => ({ at: 0, group: { name: `g${i}`, desired: 0, vcpu: 1, memoryGiB: 1, region: 'us-east-1' } }));
    expect(() => parseScenario({ ...worldJson, until: 60, actions: groups }, 'code')).toThrow(
      'code: actions[100].group: group number 101: the engine takes at most 100 groups',
    );
  });

  it('too many outages over too many VMs: 202 AZ outages x 100,000 VMs', () => {
    const actions: ScenarioInput['actions'] = [{ at: 0, launch: { name: 'vm', count: 100_000, vcpu: 1, memoryGiB: 1, region: 'us-east-1' } }];
    for (let i = 0; i < 202; i++) actions.push({ at: 10 + i, [i % 2 ? 'recover' : 'fail']: { az: 'us-east-1a' } });
    expect(() => parseScenario({ ...worldJson, actions }, 'code')).toThrow(/^code: actions: 202 outages .* over 100,000 VMs: .* at most 20,000,000/);
  });

  it('more actions than 50,000 are refused before any is checked', () => {
    const actions = Array.from({ length: limits.actions + 1 }, () => ({ at: 0, nonsense: {} }));
    expect(() => parseScenario({ ...worldJson, actions }, 'code')).toThrow('code: actions: 50,001 actions: the engine takes at most 50,000');
  });

  it('text longer than the input limit is refused without being parsed', () => {
    const text = `${world}#${'x'.repeat(limits.inputBytes)}\n`;
    expect(messages(text, 'huge.yaml')[0]).toMatch(/^huge\.yaml: the file is [\d,]+ characters: the engine reads at most 8,388,608$/);
  });
});

describe('malformed files say what and where', () => {
  it("a YAML alias bomb is the file's fault (a ScenarioError, not an engine failure)", () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    let prev = 'a';
    for (let i = 1; i < 10; i++) {
      text += `b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
      prev = `b${i}`;
    }
    const m = messages(`${text}regions: *${prev}\n`, 'bomb.yaml');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^bomb\.yaml: YAML: .*alias.*at most 1000 times/i);
  });

  it('a JSON syntax error names its own line and column, not the last line', () => {
    const text = '{\n  "regions": [\n    { "id": us-east-1, "azs": [] }\n  ],\n\n\n\n\n  "until": 10\n}\n';
    expect(messages(text, 'bad.json')).toEqual([
      'bad.json: line 3, column 13: JSON syntax: unexpected "u": expected a value (a number, a string in double quotes, true, false, null, an object or a list)',
    ]);
  });

  it('JSON: a missing comma, a trailing comma, an unclosed string, text after the value', () => {
    expect(messages('{\n  "a": 1\n  "b": 2\n}', 'x.json')[0]).toBe(
      'x.json: line 3, column 3: JSON syntax: unexpected """: expected "," or "}" (is a comma missing?)',
    );
    expect(messages('{\n  "a": [1, 2,]\n}', 'x.json')[0]).toBe('x.json: line 2, column 14: JSON syntax: a trailing comma before "]": JSON does not allow one');
    expect(messages('{\n  "a": "open\n}', 'x.json')[0]).toBe(
      'x.json: line 2, column 13: JSON syntax: a control character (such as a line break) inside a string: expected \\n or a closing "',
    );
    expect(messages('{}\n{}', 'x.json')[0]).toBe('x.json: line 2, column 1: JSON syntax: unexpected "{" after the end of the JSON value');
  });

  it('JSON duplicate keys are refused, as YAML refuses them', () => {
    const text = '{\n  "until": 100,\n  "until": 200,\n  "regions": []\n}\n';
    expect(messages(text, 'dup.json')).toEqual(['dup.json: line 3, column 3: JSON syntax: the key "until" is given twice in this object']);
    expect(messages(`until: 100\nuntil: 200\n${world}`, 'dup.yaml')[0]).toMatch(/^dup\.yaml: line 2, column 1: YAML syntax: Map keys must be unique/);
  });

  it('a UTF-8 byte order mark is accepted, in JSON and in YAML', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(worldJson)}`, 'bom.json').regions[0].id).toBe('us-east-1');
    expect(parseScenarioText(`\uFEFF${world}`, 'bom.yaml').regions[0].id).toBe('us-east-1');
  });

  it('a missing required field says "missing", with its line', () => {
    expect(messages(world.replace('cores: 8, ', ''), 'm.yaml')).toEqual([
      'm.yaml: line 3: regions[0].azs[0].hosts[0].cores: missing; expected a whole number of cores >= 1',
    ]);
    expect(messages('{\n  "regions": [\n    { "azs": [] }\n  ]\n}', 'm.json')).toContain(
      'm.json: line 3: regions[0].id: missing; expected a region code such as "eu-central-1"',
    );
  });

  it('a hypervisor reserving more cores or memory than its host has is refused', () => {
    const text = world.replace('{ cores: 8, memoryGiB: 32 }', '{ cores: 2, memoryGiB: 32, hypervisor: { type: type1, reservedCores: 4 } }');
    expect(messages(text, 'r.yaml')).toEqual([
      'r.yaml: line 3: regions[0].azs[0].hosts[0].hypervisor: reserves 4 cores of a 2-core host: expected reservedCores <= cores',
    ]);
    // type 2's default reserve (2 cores, 4 GiB) does not fit a 1-core host either.
    expect(messages(world.replace('{ cores: 8, memoryGiB: 32 }', '{ cores: 1, memoryGiB: 32, hypervisor: type2 }'), 'r.yaml')[0]).toMatch(
      /reserves 2 cores of a 1-core host/,
    );
  });

  it('an action after `until` is accepted with a warning naming its line', () => {
    const text = `until: 100\n${world}actions:\n  - { at: 50, launch: { name: web, vcpu: 1, memoryGiB: 1, region: us-east-1 } }\n  - { at: 200, stop: { vm: web-1 } }\n`;
    const { warnings } = readScenarioText(text, 'late.yaml');
    expect(warnings).toEqual([{ path: 'actions[1].at', line: 7, message: '200 s is after the run ends (100 s): this stop never happens' }]);
    expect(readScenarioText(text, 'late.yaml', { until: 300 }).warnings).toEqual([]);
  });
});

describe('what the engine keeps incrementally matches the world second by second', () => {
  // Hand-worked: two 2-vCPU VMs in us-east-1 (0.096 USD per 2 vCPU-hour; gp3 0.08 per GB-month,
  // 730 h a month). a-1 runs 30..630 s, a-2 runs 30..3600 s; both keep 8 GiB of disk all hour.
  // Service of both VMs, minServing 2: up at 30 s, down at 630 s (a-1 stops), so 600 s up, 2970 s down.
  const text = `until: 3600
service: { minServing: 2 }
regions:
  - id: us-east-1
    azs: [{ id: us-east-1a, hosts: [{ cores: 8, memoryGiB: 32 }] }]
actions:
  - { at: 0, launch: { name: a, count: 2, vcpu: 2, memoryGiB: 4, region: us-east-1 } }
  - { at: 630, stop: { vm: a-1 } }
`;

  it('service up 600 s then down 2970 s; cost by hand', () => {
    const r = runScenarioText(text, 'books.yaml');
    expect(r.metrics.upSeconds).toBe(600);
    expect(r.metrics.downtimeSeconds).toBe(2970);
    expect(r.events.filter((e) => e.kind === 'service-up' || e.kind === 'service-down').map((e) => [e.kind, e.time])).toEqual([
      ['service-up', 30],
      ['service-down', 630],
    ]);
    const compute = (0.096 / 3600) * (600 + 3570);
    const disk = ((0.08 * 8) / (730 * 3600)) * 3600 * 2;
    expect(r.metrics.cost.computeUsd).toBeCloseTo(compute, 6);
    expect(r.metrics.cost.diskUsd).toBeCloseTo(disk, 6);
    expect(r.vms.map((v) => v.computeUsd)).toEqual([Math.round((0.096 / 3600) * 600 * 1e6) / 1e6, Math.round((0.096 / 3600) * 3570 * 1e6) / 1e6]);
  });

  it('stepping the same world one second at a time reports the same, byte for byte', () => {
    const whole = runScenarioText(text, 'books.yaml');
    const w = createWorld(parseScenarioText(text, 'books.yaml'));
    for (let t = 1; t <= 3600; t++) w.runUntil(t);
    expect(JSON.stringify(w.report())).toBe(JSON.stringify(whole));
  });

  it('a group member restarted by hand before the detection delay is not replaced (no stale "unhealthy since")', () => {
    // Detection 60 s. web-1 stops at 100 (stopping 20 s, stopped at 120), starts at 130 (pending
    // 30 s, running at 160). The group's check at 160 s (100 + 60) finds it healthy: no replacement.
    const r = runScenarioText(
      `until: 600\n${world}actions:\n  - { at: 0, group: { name: web, desired: 1, vcpu: 1, memoryGiB: 1, region: us-east-1 } }\n  - { at: 100, stop: { vm: web-1 } }\n  - { at: 130, start: { vm: web-1 } }\n`,
      'restart.yaml',
    );
    expect(r.events.filter((e) => e.kind === 'group-replacing')).toEqual([]);
    expect(r.vms.map((v) => [v.name, v.state])).toEqual([['web-1', 'running']]);
  });
});
