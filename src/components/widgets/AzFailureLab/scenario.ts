/**
 * The reader's design, as data: how many AZs and VMs, a group or not, the database's copies, and the
 * faults on the timeline. `buildScenario` turns it into an engine scenario; nothing here simulates.
 */
import * as z from 'zod/mini';
import { issuesText, parseScenario, ScenarioError, type ScenarioInput } from '@site/sim';

export const homeRegion = 'us-east-1';
export const homeAzs = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;
export const drRegion = 'us-west-2';
export const drAzs = ['us-west-2a', 'us-west-2b'] as const;
/** One hour of virtual time: long enough for a fault, a failover and a recovery. */
export const labUntil = 3600;
/**
 * What a scenario file may ask of the lab, which replays from 0:00 on every scrub in the page: a
 * week of virtual time and the lab's own VM limit in hosts. Longer or larger files run on the
 * scenario runner page, off the page's main thread.
 */
export const labFileLimits = { until: 7 * 86400, hosts: 1000 } as const;
export const maxVms = 1000;
export const maxFaults = 20;

/** The VM every lab launches: 2 vCPU, 4 GiB. A 32-core, 128 GiB host holds 16 of them. */
const vmSize = { vcpu: 2, memoryGiB: 4 };
const vmsPerHost = 16;

export const databaseChoices = ['none', 'single', 'standby', 'replica', 'standby+replica'] as const;
export type DatabaseChoice = (typeof databaseChoices)[number];

export const databaseLabels: Record<DatabaseChoice, string> = {
  none: 'No database',
  single: 'Primary only, in us-east-1a',
  standby: 'Primary + synchronous standby in us-east-1b',
  replica: 'Primary + asynchronous replica in us-west-2',
  'standby+replica': 'Primary + standby in us-east-1b + replica in us-west-2',
};

export const faultLevels = ['az', 'region', 'host', 'vm'] as const;
export type FaultLevel = (typeof faultLevels)[number];

/** A whole number from `min` to `max`. */
export const whole = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

export const faultSchema = z.strictObject({
  at: whole(0, labUntil),
  op: z.enum(['fail', 'recover']),
  level: z.enum(faultLevels),
  target: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/, { error: 'expected a region, AZ, host or VM name' })),
});
export type Fault = z.infer<typeof faultSchema>;

const designShape = z.strictObject({
  azs: whole(1, 3),
  vms: whole(1, maxVms),
  group: z.boolean(),
  database: z.enum(databaseChoices),
  westVms: whole(0, maxVms),
  minServing: whole(1, 2 * maxVms),
  faults: z.array(faultSchema).check(z.maxLength(maxFaults)),
});
export type LabDesign = z.infer<typeof designShape>;

/** The design, checked by the engine too: a fault on an AZ or VM that does not exist is refused here. */
export const designSchema = designShape.check(
  z.superRefine((design, ctx) => {
    const problem = scenarioProblem(buildScenario(design));
    if (problem) ctx.addIssue({ code: 'custom', path: [], message: problem });
  }),
);

export const presetNames = ['single-az', 'multi-az', 'multi-az-group', 'multi-az-db', 'multi-region-db'] as const;
export type PresetName = (typeof presetNames)[number];

const base: LabDesign = { azs: 3, vms: 6, group: false, database: 'none', westVms: 0, minServing: 4, faults: [] };

/** The designs the lessons start from: six VMs, a service that needs four of them serving. */
export const presets: Record<PresetName, LabDesign> = {
  'single-az': { ...base, azs: 1 },
  'multi-az': { ...base },
  'multi-az-group': { ...base, group: true },
  'multi-az-db': { ...base, group: true, database: 'standby' },
  'multi-region-db': { ...base, group: true, database: 'standby+replica', westVms: 4 },
};

export const presetLabels: Record<PresetName, string> = {
  'single-az': 'One AZ',
  'multi-az': 'Spread over three AZs',
  'multi-az-group': 'Three AZs with a group',
  'multi-az-db': 'Group + database with a standby',
  'multi-region-db': 'Group + standby + cross-region replica',
};

export function isPresetName(name: string): name is PresetName {
  return (presetNames as readonly string[]).includes(name);
}

function hostsFor(vms: number) {
  return [{ count: Math.max(1, Math.ceil(vms / vmsPerHost)), cores: 32, memoryGiB: 128 }];
}

/** `count` VMs over `parts` AZs as evenly as possible, the first AZs taking the remainder. */
function shares(count: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, i) => Math.floor(count / parts) + (i < count % parts ? 1 : 0));
}

/** The engine scenario for a design. Every AZ of us-east-1 exists (and can hold the whole fleet); the web tier uses the first `azs`. */
export function buildScenario(design: LabDesign): ScenarioInput {
  const used = homeAzs.slice(0, design.azs);
  const needsWest = design.westVms > 0 || design.database === 'replica' || design.database === 'standby+replica';
  const regions: ScenarioInput['regions'] = [{ id: homeRegion, azs: homeAzs.map((id) => ({ id, hosts: hostsFor(design.vms) })) }];
  if (needsWest) regions.push({ id: drRegion, azs: drAzs.map((id) => ({ id, hosts: hostsFor(design.westVms) })) });

  const actions: Record<string, unknown>[] = [];
  if (design.group) {
    actions.push({ at: 0, group: { name: 'web', desired: design.vms, ...vmSize, region: homeRegion, azs: [...used] } });
  } else {
    shares(design.vms, used.length).forEach((count, i) => {
      if (count > 0) actions.push({ at: 0, launch: { name: 'web', count, ...vmSize, region: homeRegion, az: used[i] } });
    });
  }
  if (design.westVms > 0) actions.push({ at: 0, launch: { name: 'west', count: design.westVms, ...vmSize, region: drRegion } });
  for (const f of design.faults) actions.push({ at: f.at, [f.op]: { [f.level]: f.target } });

  const scenario: ScenarioInput = {
    name: 'AZ failure lab',
    seed: 1,
    until: labUntil,
    regions,
    service: { minServing: design.minServing },
    actions,
  };
  if (design.database !== 'none') {
    scenario.database = {
      name: 'db',
      region: homeRegion,
      az: homeAzs[0],
      ...(design.database.startsWith('standby') ? { standby: { az: homeAzs[1] } } : {}),
      ...(design.database.endsWith('replica') ? { replica: { region: drRegion, lagSeconds: 1 } } : {}),
    };
  }
  return scenario;
}

/** The scenario a lesson's preset runs, exactly as the CLI would run it from a file. */
export function presetScenario(name: PresetName): ScenarioInput {
  return buildScenario(presets[name]);
}

/** The engine's complaint about a scenario, or null when it is valid. */
export function scenarioProblem(scenario: ScenarioInput): string | null {
  try {
    parseScenario(scenario);
    return null;
  } catch (e) {
    if (e instanceof ScenarioError) return issuesText(e.issues);
    throw e;
  }
}

/** The scenario with the reader's faults added to its own actions. */
export function withFaults(scenario: ScenarioInput, faults: readonly Fault[]): ScenarioInput {
  if (faults.length === 0) return scenario;
  return { ...scenario, actions: [...(scenario.actions ?? []), ...faults.map((f) => ({ at: f.at, [f.op]: { [f.level]: f.target } }))] };
}

/** The faults a scenario schedules (fail, recover, crash), for the timeline. */
export function scheduledFaults(scenario: ScenarioInput): { at: number; op: 'fail' | 'recover'; target: string }[] {
  const out: { at: number; op: 'fail' | 'recover'; target: string }[] = [];
  for (const raw of scenario.actions ?? []) {
    // A file's form ({ at, fail: {...} }) or the engine's parsed form ({ at, action: { kind: 'fail', ... } }).
    const form = raw as Record<string, unknown>;
    const { kind, ...args } = (form.action ?? {}) as { kind?: string };
    const a: Record<string, unknown> = kind ? { at: form.at, [kind]: args } : form;
    const at = typeof a.at === 'number' ? a.at : 0;
    for (const op of ['fail', 'recover', 'crash'] as const) {
      const arg = a[op] as Record<string, unknown> | undefined;
      if (!arg) continue;
      const target = Object.entries(arg).find(([k, v]) => k !== 'kind' && typeof v === 'string')?.[1] as string | undefined;
      out.push({ at, op: op === 'recover' ? 'recover' : 'fail', target: target ?? '?' });
    }
  }
  return out.sort((x, y) => x.at - y.at);
}
