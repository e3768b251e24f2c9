/**
 * The scenario CLI, run as a child process the way a person runs it (`npm run sim -- FILE`):
 * a good file prints a readable timeline, --json prints the report, a bad file says which file,
 * which field (or line) and what was expected, and nothing ever prints a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const badDir = 'test/fixtures/bad-scenarios';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function sim(...args: string[]): Result {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/sim.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack frame as Node prints it: four spaces, "at ", then a place. */
const stackFrame = /^\s+at\s/m;
const timeout = 60_000;

describe('a good file', () => {
  const file = 'examples/scenarios/vm-lifecycle.yaml';
  const r = sim(file);

  it('exits 0 and writes nothing to stderr', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('prints a readable timeline: the scenario, one event a line with its clock time, and a summary', () => {
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^The life of a cloud VM \(seed 1, until 15:00\)$/);
    // Hand-derived times (see test/examples/vm-lifecycle.test.ts): app-1 restarts on the other host at 230 s = 3:50.
    expect(r.stdout).toMatch(/^\s*0:30\s+running\s+app-1 is running on eu-west-1a-h1$/m);
    expect(r.stdout).toMatch(/^\s*3:50\s+running\s+app-1 is running on eu-west-1a-h2$/m);
    expect(r.stdout).toMatch(/^\s*5:00\s+rebooting\s+app-2 is rebooting on eu-west-1a-h2/m);
    expect(r.stdout).toMatch(/^\s*6:40\s+refused\s+cannot start app-2 while it is running/m);
    expect(r.stdout).toMatch(/^\s*8:30\s+terminated\s+batch-1 is terminated$/m);
    expect(r.stdout).toMatch(/^At 15:00:$/m);
    expect(r.stdout).toMatch(/service availability: 78\.161%/);
    expect(r.stdout).toMatch(/cost: \$0\.0686/);
    expect(r.stdout).not.toMatch(/^\s*[{[]/); // not JSON
    expect(r.stdout + r.stderr).not.toMatch(stackFrame);
  });

  it(
    'runs a JSON scenario too',
    () => {
      const j = sim('examples/scenarios/placement-pack.json');
      expect(j.code).toBe(0);
      expect(j.stdout).toMatch(/^Pack placement and a host failure/);
      expect(j.stdout).toMatch(/host-failed\s+host us-west-2a-h1 failed: 4 VM\(s\) under it stop serving/);
    },
    timeout,
  );
});

describe('--json', () => {
  const r = sim('examples/scenarios/vm-lifecycle.yaml', '--json');

  it('prints a report that JSON.parse accepts, with the documented shape', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    expect(report.time).toBe(900);
    expect(Array.isArray(report.vms)).toBe(true);
    for (const v of report.vms) {
      expect(Object.keys(v)).toEqual(expect.arrayContaining(['name', 'state', 'serving', 'host', 'az', 'region']));
      expect(typeof v.name).toBe('string');
      expect(typeof v.serving).toBe('boolean');
    }
    expect(report.vms.map((v: { name: string; state: string; host: string | null; az: string }) => [v.name, v.state, v.host, v.az])).toEqual([
      ['app-1', 'running', 'eu-west-1a-h2', 'eu-west-1a'],
      ['app-2', 'running', 'eu-west-1a-h2', 'eu-west-1a'],
      ['batch-1', 'terminated', null, 'eu-west-1a'],
    ]);
    expect(Array.isArray(report.events)).toBe(true);
    for (const e of report.events) {
      expect(typeof e.time).toBe('number');
      expect(typeof e.kind).toBe('string');
      expect(typeof e.message).toBe('string');
    }
    expect(report.metrics).toMatchObject({ availabilityPercent: 78.161, downtimeSeconds: 190, firstUpAt: 30 });
    expect(report.metrics.cost).toEqual(expect.objectContaining({ totalUsd: expect.any(Number), computeUsd: expect.any(Number), diskUsd: expect.any(Number) }));
  });

  it('prints only the JSON on stdout', () => {
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.stdout.trim().endsWith('}')).toBe(true);
  });
});

describe('--until', () => {
  it(
    'stops the run at the given time',
    () => {
      const r = sim('examples/scenarios/vm-lifecycle.yaml', '--json', '--until', '250');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      expect(report.time).toBe(250);
      // At 250 s app-1 has restarted on h2 (230 s); the reboot at 300 s has not happened.
      expect(report.vms.find((v: { name: string }) => v.name === 'app-1')).toMatchObject({ state: 'running', host: 'eu-west-1a-h2' });
      expect(report.events.every((e: { time: number }) => e.time <= 250)).toBe(true);
    },
    timeout,
  );

  it(
    "can go past the scenario's own end, and the world keeps working (a scaling group still scales)",
    () => {
      // until 3600 in the file; demand jumps to 500 rps at 4000 s; run to 5000 s. A group that tracks
      // 100 rps per VM, checking every 60 s, should reach ceil(500 / 100) = 5 VMs by 4000 + 60 + 30 s.
      const dir = mkdtempSync(join(tmpdir(), 'infralab-cli-'));
      try {
        const file = join(dir, 'past-until.yaml');
        writeFileSync(
          file,
          `name: Past until
until: 3600
regions:
  - id: us-east-1
    azs:
      - id: us-east-1a
        hosts: [{ cores: 32, memoryGiB: 128 }]
traffic:
  curve:
    - { at: 0, rps: 100 }
    - { at: 4000, rps: 500 }
actions:
  - { at: 0, group: { name: web, desired: 1, vcpu: 2, memoryGiB: 4, region: us-east-1, scaling: { min: 1, max: 10, targetRpsPerVm: 100 } } }
`,
        );
        const r = sim(file, '--json', '--until', '5000');
        expect(r.code).toBe(0);
        const report = JSON.parse(r.stdout);
        expect(report.time).toBe(5000);
        expect(report.groups[0]).toMatchObject({ desired: 5, serving: 5 });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    timeout,
  );

  it(
    'rejects a time that is not a positive number, without a stack trace',
    () => {
      const r = sim('examples/scenarios/vm-lifecycle.yaml', '--until', 'soon');
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/--until/);
      expect(r.stderr).toMatch(/expected a positive number/);
      expect(r.stderr).not.toMatch(stackFrame);
    },
    timeout,
  );
});

// Each bad file: which file, which field path (or line for a syntax error), and what was expected.
const bad: Array<{ file: string; where: RegExp; expected: RegExp; why: string }> = [
  {
    file: 'unknown-region.yaml',
    where: /regions\[0\]\.id/,
    expected: /unknown region "eu-middle-9": expected a region code/,
    why: 'a region code that is not in the catalog',
  },
  {
    file: 'negative-cores.yaml',
    where: /regions\[0\]\.azs\[0\]\.hosts\[0\]\.cores/,
    expected: /expected a whole number of cores >= 1/,
    why: 'cores: -4',
  },
  {
    file: 'missing-vm.yaml',
    where: /actions\[1\]\.stop\.vm/,
    expected: /no VM named "web-3".*expected/,
    why: 'stop web-3 when only web-1 and web-2 were launched',
  },
  {
    file: 'yaml-syntax.yaml',
    // The flow sequence opened on line 6 is never closed; the parser notices on line 7.
    where: /line [67], column \d+/,
    expected: /YAML syntax: .*(end with a \]|expected)/i,
    why: 'an unclosed [',
  },
  {
    file: 'unknown-field.yaml',
    // The path of the object, the field that is not known, and which fields are.
    where: /regions\[0\]\.azs\[0\]\.hosts\[0\]/,
    expected: /unknown field "cpus".*expected.*\bcores\b/,
    why: 'cpus instead of cores',
  },
  {
    file: 'json-syntax.json',
    // A comma is missing at the end of line 5; the parser notices at the start of line 6.
    where: /line [56], column \d+/,
    expected: /JSON syntax: .*(missing|expected).*,/i,
    why: 'a missing comma between two members',
  },
  {
    file: 'json-trailing-comma.json',
    // YAML's flow syntax allows a trailing comma; JSON does not. A .json file must be JSON.
    where: /line 7, column \d+/,
    expected: /JSON syntax/,
    why: 'a trailing comma, which JSON does not allow',
  },
];

describe('bad files', () => {
  it('every fixture in test/fixtures/bad-scenarios has an expectation here', () => {
    expect(readdirSync(join(root, badDir)).sort()).toEqual(bad.map((b) => b.file).sort());
  });

  it.each(bad)(
    '$file ($why): exits non-zero naming the file, where, and what was expected',
    ({ file, where, expected }) => {
      const path = `${badDir}/${file}`;
      const r = sim(path);
      expect(r.code, r.stdout).not.toBe(0);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      // Every line of the message starts with the file's name, as given on the command line.
      for (const line of lines) expect(line.startsWith(`${path}: `), line).toBe(true);
      expect(r.stderr).toMatch(where);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(stackFrame);
      expect(r.stderr).not.toMatch(/ZodError|at Object\.|node:internal/);
    },
    timeout,
  );
});

describe('usage errors', () => {
  it(
    'a missing file exits non-zero with a clear message',
    () => {
      const r = sim('examples/scenarios/no-such-file.yaml');
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/examples\/scenarios\/no-such-file\.yaml/);
      expect(r.stderr).toMatch(/cannot read|no such file|not found|does not exist/i);
      expect(r.stderr).not.toMatch(stackFrame);
    },
    timeout,
  );

  it(
    'no file prints the usage and exits non-zero',
    () => {
      const r = sim();
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/usage: npm run sim -- FILE \[--json\] \[--until SECONDS\]/);
    },
    timeout,
  );

  it(
    '--help prints the usage and exits 0',
    () => {
      const r = sim('--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/usage:/);
    },
    timeout,
  );
});

describe('refused command lines and hostile files (exit 2, one line, no stack)', () => {
  const refused = (r: Result, pattern: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(stackFrame);
  };

  it(
    'an unknown option is refused, not ignored',
    () => {
      refused(sim('examples/scenarios/vm-lifecycle.yaml', '--jsno'), /^unknown option --jsno: expected --json, --until SECONDS or --help\nusage:/);
    },
    timeout,
  );

  it(
    'a bare --until is refused',
    () => {
      refused(sim('examples/scenarios/vm-lifecycle.yaml', '--until'), /^--until: expected a number of seconds after it/);
    },
    timeout,
  );

  it(
    '--until Infinity, or past 31 days, is refused',
    () => {
      refused(sim('examples/scenarios/traffic-scaling-group.yaml', '--until', 'Infinity'), /^--until: expected a positive number of seconds, got "Infinity"/);
      refused(sim('examples/scenarios/traffic-scaling-group.yaml', '--until', '1e300'), /^--until: 1\.00e\+300 s is longer than the engine runs/);
    },
    timeout,
  );

  it(
    'a YAML alias bomb is the file\'s fault: exit 2, not "the engine failed"',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'infralab-cli-'));
      try {
        let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
        for (let i = 1; i < 10; i++)
          text += `b${i}: &b${i} [${Array(9)
            .fill(i === 1 ? '*a' : `*b${i - 1}`)
            .join(', ')}]\n`;
        writeFileSync(join(dir, 'bomb.yaml'), `${text}regions: *b9\n`);
        refused(sim(join(dir, 'bomb.yaml')), /bomb\.yaml: YAML: .*alias/i);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    timeout,
  );
});
