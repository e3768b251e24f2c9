/**
 * Reading a scenario object (text goes through ./text.ts first), checked by the schema and then against the
 * region catalog and itself. Every problem is reported with the field path and what was expected.
 */
import type * as z from 'zod/mini';
import { resolveHypervisor } from './hypervisor';
import { limits, periodicChecks } from './limits';
import { oneWayDelaySeconds } from './propagation';
import { findRegion } from './regions';
import { knownJurisdictions } from './residency';
import { actionSchemas, actionVerbs, scenarioSchema, type Action, type ActionInput, type ActionVerb, type Scenario } from './scenario';

export interface ScenarioIssue {
  /** Field path such as `regions[0].azs[1].hosts[0].cores`, or `line 4, column 3` for syntax. */
  path: string;
  message: string;
  /** The line of the file the field is on, when the scenario was read from text. */
  line?: number;
}

/** Issues in one line for a reader's message: each `path: message` (the message alone at the root), joined by `; `. */
export function issuesText(issues: readonly Pick<ScenarioIssue, 'path' | 'message'>[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** One line per issue: `source: line N: path: message`. */
export function formatIssue(source: string, i: ScenarioIssue): string {
  return `${source}: ${i.line !== undefined ? `line ${i.line}: ` : ''}${i.path ? `${i.path}: ` : ''}${i.message}`;
}

export class ScenarioError extends Error {
  readonly source: string;
  readonly issues: ScenarioIssue[];
  constructor(source: string, issues: ScenarioIssue[]) {
    super(issues.map((i) => formatIssue(source, i)).join('\n'));
    this.name = 'ScenarioError';
    this.source = source;
    this.issues = issues;
  }
}

import { formatPath } from './util';

/** The fields an object at `path` of the scenario may have, to say what was expected. */
function fieldsAt(path: ReadonlyArray<PropertyKey>): string[] {
  let schema: unknown = scenarioSchema;
  let rest = [...path];
  if (rest[0] === 'actions' && typeof rest[2] === 'string' && rest[2] in actionSchemas) {
    schema = actionSchemas[rest[2] as keyof typeof actionSchemas];
    rest = rest.slice(3);
  }
  for (const key of [...rest, null]) {
    // Unwrap defaults, optionals, unions (first object option), arrays and refinements.
    for (let i = 0; i < 8; i++) {
      const def = (schema as { def?: { type: string; innerType?: unknown; element?: unknown; options?: unknown[]; in?: unknown } }).def;
      if (!def) return [];
      if (def.type === 'default' || def.type === 'optional' || def.type === 'nullable') schema = def.innerType;
      else if (def.type === 'pipe') schema = def.in;
      else if (def.type === 'union') schema = (def.options ?? []).find((o) => (o as { def: { type: string } }).def.type === 'object') ?? def.options?.[0];
      else if (def.type === 'array' && typeof key === 'number') {
        schema = def.element;
        break;
      } else break;
    }
    if (key === null) break;
    if (typeof key === 'number') continue;
    const shape = (schema as { shape?: Record<string, unknown> }).shape;
    if (!shape) return [];
    schema = shape[key as string];
  }
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** Whether `path` names a field its parent object does not have (a missing field, not a wrong one). */
function isMissing(input: unknown, path: ReadonlyArray<PropertyKey>): boolean {
  let node = input;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node !== null && typeof node === 'object' && !Object.prototype.hasOwnProperty.call(node, path[path.length - 1]);
}

/**
 * Issues named by field path. `at` places the checked value inside a scenario (for the list of
 * fields an object may have); `shown` is the prefix the message shows.
 */
function zodIssues(error: z.core.$ZodError, input: unknown, at: PropertyKey[] = [], shown: PropertyKey[] = []): ScenarioIssue[] {
  return error.issues.map((issue) => {
    const path = [...shown, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      const allowed = fieldsAt([...at, ...issue.path]);
      const expected = allowed.length ? `; expected ${allowed.map((k) => `"${k}"`).join(', ')}` : '';
      return {
        path: formatPath([...path, issue.keys[0]]),
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${expected}`,
      };
    }
    const message = issue.message.replace(/^Invalid input: /, '');
    if (issue.code === 'invalid_type' && issue.path.length > 0 && isMissing(input, issue.path)) {
      return { path: formatPath(path), message: `missing; ${message.replace(/, received undefined$/, '')}` };
    }
    return { path: formatPath(path), message };
  });
}

/**
 * Checks a scenario (as a file holds it, or as parseScenario returned it: parsing is idempotent);
 * throws ScenarioError naming every problem found.
 */
export function parseScenario(input: unknown, source = 'scenario'): Scenario {
  if (parsedScenarios.has(input as object)) return input as Scenario;
  const early = checkListLengths(input);
  if (early.length > 0) throw new ScenarioError(source, early);
  const parsed = scenarioSchema.safeParse(input);
  if (!parsed.success) throw new ScenarioError(source, zodIssues(parsed.error, input));
  const tooBig = checkLimits(parsed.data);
  if (tooBig.length > 0) throw new ScenarioError(source, tooBig);
  const issues = checkReferences(parsed.data);
  if (issues.length > 0) throw new ScenarioError(source, issues);
  parsedScenarios.add(parsed.data);
  return parsed.data;
}

/** Scenarios this module returned: checked already, so parsing one again returns it as it is. */
const parsedScenarios = new WeakSet<object>();

/** Lists too long to be worth checking item by item (a scenario object built in code has no byte limit). */
function checkListLengths(input: unknown): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (input === null || typeof input !== 'object') return issues;
  const { actions, traffic } = input as { actions?: unknown; traffic?: { curve?: unknown } };
  if (Array.isArray(actions) && actions.length > limits.actions) {
    issues.push({
      path: 'actions',
      message: `${actions.length.toLocaleString('en-US')} actions: the engine takes at most ${limits.actions.toLocaleString('en-US')}`,
    });
  }
  const curve = traffic && typeof traffic === 'object' ? traffic.curve : undefined;
  if (Array.isArray(curve) && curve.length > limits.trafficPoints) {
    issues.push({
      path: 'traffic.curve',
      message: `${curve.length.toLocaleString('en-US')} points: the engine takes at most ${limits.trafficPoints.toLocaleString('en-US')}`,
    });
  }
  return issues;
}

/** The documented limits (./limits.ts): past them a run could take minutes or gigabytes. */
function checkLimits(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const n = (x: number) => (x < 1e15 ? x.toLocaleString('en-US') : x.toExponential(2));

  if (s.until > limits.untilSeconds) add('until', `${n(s.until)} s is longer than the engine runs: expected at most ${n(limits.untilSeconds)} s (31 days)`);
  const detection = s.timings.detectionSeconds;
  if (detection < limits.minIntervalSeconds)
    add('timings.detectionSeconds', `expected at least ${limits.minIntervalSeconds} s (the shortest delay the engine schedules)`);

  let hosts = 0;
  let tooManyAt: string | null = null;
  s.regions.forEach((r, ri) =>
    r.azs.forEach((az, ai) =>
      az.hosts.forEach((h, hi) => {
        const where = `regions[${ri}].azs[${ai}].hosts[${hi}]`;
        hosts += h.count;
        if (hosts > limits.hosts && tooManyAt === null) tooManyAt = `${where}.count`;
        const hv = resolveHypervisor(h.hypervisor);
        if (hv.reservedCores > h.cores)
          add(`${where}.hypervisor`, `reserves ${hv.reservedCores} cores of a ${h.cores}-core host: expected reservedCores <= cores`);
        if (hv.reservedMemoryGiB > h.memoryGiB)
          add(`${where}.hypervisor`, `reserves ${hv.reservedMemoryGiB} GiB of a ${h.memoryGiB} GiB host: expected reservedMemoryGiB <= memoryGiB`);
      }),
    ),
  );
  if (tooManyAt !== null) add(tooManyAt, `brings the world to ${n(hosts)} hosts in all: the engine takes at most ${n(limits.hosts)}`);

  let vms = 0;
  const groups: { name: string; path: string; size: number; scaling?: { intervalSeconds: number } }[] = [];
  let tooManyVmsAt: string | null = null;
  s.actions.forEach(({ action: a }, i) => {
    if (a.kind === 'launch') vms += a.count;
    if (a.kind === 'launch' && vms > limits.vms && tooManyVmsAt === null) tooManyVmsAt = `actions[${i}].launch.count`;
    if (a.kind === 'group') {
      groups.push({ name: a.name, path: `actions[${i}].group`, size: Math.max(a.desired, a.scaling?.max ?? 0), scaling: a.scaling });
      if (a.scaling && a.scaling.intervalSeconds < limits.minIntervalSeconds) {
        add(`actions[${i}].group.scaling.intervalSeconds`, `expected at least ${limits.minIntervalSeconds} s (the shortest interval the engine schedules)`);
      }
    }
    if (a.kind === 'scale') {
      const g = groups.find((x) => x.name === a.group);
      if (g) g.size = Math.max(g.size, a.desired);
    }
  });
  for (const g of groups) {
    vms += g.size;
    if (vms > limits.vms && tooManyVmsAt === null) tooManyVmsAt = g.path;
  }
  if (vms > limits.vms)
    add(
      tooManyVmsAt ?? 'actions',
      `the scenario asks for ${n(vms)} VMs (launch counts plus each group's largest size): the engine takes at most ${n(limits.vms)}`,
    );
  if (groups.length > limits.groups) add(groups[limits.groups].path, `group number ${groups.length}: the engine takes at most ${limits.groups} groups`);
  const outages = s.actions.filter(({ action: a }) => (a.kind === 'fail' || a.kind === 'recover') && a.vm === undefined).length;
  if (outages * vms > limits.outageReach) {
    add(
      'actions',
      `${n(outages)} outages (fail or recover of a host, AZ or region) over ${n(vms)} VMs: each may reach every VM, and the engine takes at most ` +
        `${n(limits.outageReach)} for outages × VMs; use fewer VMs or fewer outages`,
    );
  }
  if (issues.length === 0) {
    const checks = periodicChecks(s.until, detection, groups);
    if (checks > limits.periodicChecks) {
      add(
        'until',
        `${n(checks)} group checks over ${n(s.until)} s (each group can retry every ${detection} s of detection delay, a scaling group also evaluates every interval): ` +
          `the engine schedules at most ${n(limits.periodicChecks)}; shorten until, or lengthen the delays`,
      );
    }
  }
  return issues;
}

/**
 * What is legal but probably not meant: actions timed after `until` never run in a run to the end.
 * `until` may be given to check against another end (the CLI's --until).
 */
export function scenarioWarnings(s: Scenario, until = s.until): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  if (s.policy.placement === 'spread') {
    out.push({
      path: 'policy.placement',
      message:
        '"spread" is the old name of "balance", a preference that can still put two VMs on one host; write "balance". ' +
        "For EC2's spread placement group (each VM on a host of its own, or the launch fails) give the launch a spreadGroup",
    });
  }
  s.actions.forEach(({ at, action }, i) => {
    if (at > until) out.push({ path: `actions[${i}].at`, message: `${at} s is after the run ends (${until} s): this ${action.kind} never happens` });
  });
  return out;
}

/**
 * Checks one action as code writes it, `{ kind, ...args }` (an already parsed Action too), and fills
 * in its defaults: the one way into the engine's Action type. Throws ScenarioError.
 */
export function parseAction(input: ActionInput | Action, source = 'action'): Action {
  const { kind, ...args } = (input ?? {}) as { kind?: unknown };
  if (typeof kind !== 'string' || !(actionVerbs as string[]).includes(kind)) {
    throw new ScenarioError(source, [
      { path: 'kind', message: `expected one of ${actionVerbs.join(', ')}${kind === undefined ? '' : `, got ${JSON.stringify(kind)}`}` },
    ]);
  }
  const verb = kind as ActionVerb;
  const parsed = actionSchemas[verb].safeParse(args);
  if (!parsed.success) throw new ScenarioError(source, zodIssues(parsed.error, args, ['actions', 0, verb], [verb]));
  return { kind: verb, ...(parsed.data as object) } as Action;
}

/** What the schema cannot see: real region and AZ names, and references between parts. */
function checkReferences(s: Scenario): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const regionAzs = new Map<string, string[]>();
  const hostIds = new Set<string>();

  s.regions.forEach((r, ri) => {
    const catalog = findRegion(r.id);
    if (!catalog) {
      add(
        `regions[${ri}].id`,
        `unknown region "${r.id}": expected a region code from the catalog, such as us-east-1, us-west-2, eu-central-1 or ap-southeast-1`,
      );
      return;
    }
    if (regionAzs.has(r.id)) add(`regions[${ri}].id`, `region "${r.id}" is declared twice`);
    const azs: string[] = [];
    r.azs.forEach((az, ai) => {
      if (!catalog.zones.includes(az.id)) add(`regions[${ri}].azs[${ai}].id`, `unknown AZ "${az.id}" in ${r.id}: expected one of ${catalog.zones.join(', ')}`);
      else if (azs.includes(az.id)) add(`regions[${ri}].azs[${ai}].id`, `AZ "${az.id}" is declared twice`);
      azs.push(az.id);
      let n = 0;
      az.hosts.forEach((h) => {
        for (let i = 0; i < h.count; i++) hostIds.add(`${az.id}-h${++n}`);
      });
    });
    regionAzs.set(r.id, azs);
  });

  const regionRef = (path: string, id: string): boolean => {
    if (regionAzs.has(id)) return true;
    add(path, `unknown region "${id}": expected one declared under regions (${[...regionAzs.keys()].join(', ')})`);
    return false;
  };
  const azRef = (path: string, region: string, az: string) => {
    const azs = regionAzs.get(region) ?? [];
    if (!azs.includes(az)) add(path, `unknown AZ "${az}": expected one of ${region}'s declared AZs (${azs.join(', ')})`);
  };

  if (s.database) {
    const d = s.database;
    if (regionRef('database.region', d.region)) {
      azRef('database.az', d.region, d.az);
      if (d.standby) {
        azRef('database.standby.az', d.region, d.standby.az);
        if (d.standby.az === d.az) add('database.standby.az', "expected an AZ other than the primary's: a standby in the same AZ fails with it");
      }
    }
    if (d.replica && regionRef('database.replica.region', d.replica.region) && d.replica.region === d.region) {
      add('database.replica.region', "expected a region other than the primary's (a cross-region replica)");
    } else if (d.replica && regionAzs.has(d.replica.region) && regionAzs.has(d.region)) {
      const floor = oneWayDelaySeconds(d.region, d.replica.region, s.network);
      if (floor !== undefined && d.replica.lagSeconds < floor) {
        const ms = Math.ceil(floor * 1000);
        add(
          'database.replica.lagSeconds',
          `${d.replica.lagSeconds} s is less than a write takes to travel from ${d.region} to ${d.replica.region} ` +
            `(${ms} ms one way under the scenario's network model): an asynchronous replica always trails by at least that; expected at least ${ms / 1000}`,
        );
      }
    }
  }
  if (s.residency) {
    const known = knownJurisdictions();
    s.residency.allowed.forEach((j, i) => {
      if (!known.includes(j)) add(`residency.allowed[${i}]`, `unknown jurisdiction "${j}": expected one of ${known.join(', ')}`);
    });
  }
  if (s.traffic) {
    s.traffic.curve.forEach((p, i) => {
      if (i > 0 && p.at <= s.traffic!.curve[i - 1].at) add(`traffic.curve[${i}].at`, 'expected times in increasing order');
    });
  }

  // VM names as the engine will give them, in time order, to check what actions refer to.
  const order = s.actions.map((a, i) => ({ ...a, i })).sort((a, b) => a.at - b.at || a.i - b.i);
  const launched = new Map<string, number>();
  const groups = new Set<string>();
  const exists = (vm: string) => {
    const m = /^(.*)-(\d+)$/.exec(vm);
    if (!m) return false;
    if (groups.has(m[1])) return true;
    const n = Number(m[2]);
    return n >= 1 && n <= (launched.get(m[1]) ?? 0);
  };
  for (const { action: a, i } of order) {
    const p = `actions[${i}].${a.kind}`;
    switch (a.kind) {
      case 'launch':
        if (groups.has(a.name)) add(`${p}.name`, `"${a.name}" is already a group's name`);
        if (regionRef(`${p}.region`, a.region) && a.az !== undefined) azRef(`${p}.az`, a.region, a.az);
        launched.set(a.name, (launched.get(a.name) ?? 0) + a.count);
        break;
      case 'group':
        if (groups.has(a.name) || launched.has(a.name)) add(`${p}.name`, `the name "${a.name}" is already taken`);
        if (regionRef(`${p}.region`, a.region)) a.azs?.forEach((az, k) => azRef(`${p}.azs[${k}]`, a.region, az));
        if (a.scaling && a.scaling.min > a.scaling.max) add(`${p}.scaling.min`, 'expected min <= max');
        groups.add(a.name);
        break;
      case 'start':
      case 'stop':
      case 'reboot':
      case 'terminate':
      case 'crash':
      case 'write':
        if (!exists(a.vm))
          add(
            `${p}.vm`,
            `no VM named "${a.vm}" has been launched by then: expected a name such as ${[...launched.keys()].map((n) => `${n}-1`).join(', ') || 'web-1'}`,
          );
        break;
      case 'fail':
      case 'recover':
        if (a.vm !== undefined && !exists(a.vm)) add(`${p}.vm`, `no VM named "${a.vm}" has been launched by then`);
        if (a.host !== undefined && !hostIds.has(a.host))
          add(`${p}.host`, `unknown host "${a.host}": hosts are named <az>-h<n>, such as ${[...hostIds][0] ?? 'eu-central-1a-h1'}`);
        if (a.az !== undefined && ![...regionAzs.values()].some((azs) => azs.includes(a.az!))) add(`${p}.az`, `unknown AZ "${a.az}": expected a declared AZ`);
        if (a.region !== undefined) regionRef(`${p}.region`, a.region);
        break;
      case 'load':
        if (!exists(a.vm) && !launched.has(a.vm) && !groups.has(a.vm)) add(`${p}.vm`, `no VM, launch or group named "${a.vm}" by then`);
        break;
      case 'scale':
        if (!groups.has(a.group)) add(`${p}.group`, `no group named "${a.group}" by then`);
        break;
    }
  }
  if (s.service?.vms !== undefined && !launched.has(s.service.vms) && !groups.has(s.service.vms)) {
    add('service.vms', `no launch or group named "${s.service.vms}"`);
  }
  return issues;
}
