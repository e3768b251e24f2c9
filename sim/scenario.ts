/**
 * The scenario format: the single source of truth for what a scenario file may say. Types come from
 * these schemas (z.infer); every default is declared here and documented in docs/reference/scenario-format.
 *
 * Written with zod/mini (the same schemas, with functions instead of methods) so that a page bundles only
 * the parts of zod it uses; English messages are configured here, so errors read as full zod writes them.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { defaultNetwork } from './latency';

z.config(en());

const positive = (what: string) => z.number({ error: `expected ${what}` }).check(z.positive({ error: `expected ${what}` }));
const nonNegative = (what: string) => z.number({ error: `expected ${what}` }).check(z.minimum(0, { error: `expected ${what}` }));
const count = (what: string) =>
  z.number({ error: `expected ${what}` }).check(z.int({ error: `expected ${what}` }), z.minimum(1, { error: `expected ${what}` }));
const name = z.string({ error: 'expected a name' }).check(
  z.regex(/^[a-z][a-z0-9-]{0,39}$/, {
    error: 'expected a name of lowercase letters, digits and dashes, starting with a letter (at most 40 characters)',
  }),
);
const fraction = z
  .number({ error: 'expected a number from 0 to 1' })
  .check(z.minimum(0, { error: 'expected a number from 0 to 1' }), z.maximum(1, { error: 'expected a number from 0 to 1' }));
/** A whole number >= `min`, with one message for every way to miss it. */
const whole = (min: number, error: string) => z.number({ error }).check(z.int({ error }), z.minimum(min, { error }));

export const hypervisorTypeSchema = z.enum(['type1', 'type2'], { error: 'expected "type1" or "type2"' });

export const hypervisorSchema = z.union(
  [
    hypervisorTypeSchema,
    z.strictObject({
      type: hypervisorTypeSchema,
      reservedCores: z.optional(nonNegative('a number of cores >= 0')),
      reservedMemoryGiB: z.optional(nonNegative('a memory size in GiB >= 0')),
      perVmOverheadMemoryGiB: z.optional(nonNegative('a memory size in GiB >= 0')),
    }),
  ],
  { error: 'expected "type1", "type2" or { type, reservedCores?, reservedMemoryGiB?, perVmOverheadMemoryGiB? }' },
);

export const hostSchema = z.strictObject({
  count: z._default(count('a whole number of hosts >= 1'), 1),
  cores: count('a whole number of cores >= 1'),
  memoryGiB: positive('a positive memory size in GiB'),
  /** Local disk for the instance stores of the VMs placed on the host; root volumes are on the network, not here. */
  diskGiB: z._default(positive('a positive disk size in GiB'), 1024),
  hypervisor: z._default(hypervisorSchema, 'type1'),
  /** Swap space the host may push guest memory to when their working sets pass its memory. */
  swapGiB: z._default(nonNegative('a swap size in GiB >= 0'), 4),
});

export const azSchema = z.strictObject({
  id: z.string({ error: 'expected an AZ name such as "eu-central-1a"' }),
  hosts: z.array(hostSchema, { error: 'expected a list of hosts' }).check(z.minLength(1, { error: 'expected at least one host' })),
});

export const regionSchema = z.strictObject({
  id: z.string({ error: 'expected a region code such as "eu-central-1"' }),
  azs: z.array(azSchema, { error: 'expected a list of AZs' }).check(z.minLength(1, { error: 'expected at least one AZ' })),
});

const ratio = z.number({ error: 'expected a ratio >= 1' }).check(z.minimum(1, { error: 'expected a ratio >= 1' }));

export const policySchema = z.strictObject({
  /** `spread` is the old name of `balance`, still read (with a warning) so that older files run. */
  placement: z._default(z.enum(['pack', 'balance', 'spread'], { error: 'expected "pack" or "balance"' }), 'balance'),
  cpuOvercommit: z._default(ratio, 1),
  memoryOvercommit: z._default(ratio, 1),
});

export const timingsSchema = z.strictObject({
  pendingSeconds: z._default(nonNegative('seconds >= 0'), 30),
  stoppingSeconds: z._default(nonNegative('seconds >= 0'), 20),
  shuttingDownSeconds: z._default(nonNegative('seconds >= 0'), 10),
  rebootSeconds: z._default(nonNegative('seconds >= 0'), 60),
  detectionSeconds: z._default(positive('seconds > 0'), 60),
  /** Random variation of lifecycle durations, as a fraction (0.2 = ±20%), drawn from the seed. */
  jitter: z._default(
    z.number().check(z.minimum(0, { error: 'expected a fraction from 0 to 0.9' }), z.maximum(0.9, { error: 'expected a fraction from 0 to 0.9' })),
    0,
  ),
});

export const networkSchema = z.strictObject({
  interAzRttMs: z._default(nonNegative('milliseconds >= 0'), 1),
  routeFactor: z._default(z.number({ error: 'expected a factor >= 1' }).check(z.minimum(1, { error: 'expected a factor >= 1' })), defaultNetwork.routeFactor),
  fibreKmPerMs: z._default(positive('km per ms > 0'), defaultNetwork.fibreKmPerMs),
  fixedRttMs: z._default(nonNegative('milliseconds >= 0'), defaultNetwork.fixedRttMs),
});

export const databaseSchema = z.strictObject({
  name: z._default(name, 'db'),
  region: z.string({ error: 'expected a region code' }),
  az: z.string({ error: 'expected an AZ name' }),
  standby: z.optional(z.strictObject({ az: z.string({ error: 'expected an AZ name' }) })),
  replica: z.optional(
    z.strictObject({
      region: z.string({ error: 'expected a region code' }),
      lagSeconds: z._default(nonNegative('seconds >= 0'), 1),
    }),
  ),
  failoverSeconds: z._default(nonNegative('seconds >= 0'), 60),
  promotionSeconds: z._default(nonNegative('seconds >= 0'), 120),
  writeMs: z._default(nonNegative('milliseconds >= 0'), 2),
  writesPerSecond: z._default(nonNegative('writes per second >= 0'), 100),
});

export const serviceSchema = z.strictObject({
  /** The VMs that make up the service: names starting with `<vms>-`. Absent: every VM. */
  vms: z.optional(name),
  minServing: z._default(count('a whole number >= 1'), 1),
});

export const trafficSchema = z.strictObject({
  perVmRps: z._default(positive('requests per second > 0'), 100),
  curve: z
    .array(z.strictObject({ at: nonNegative('seconds >= 0'), rps: nonNegative('requests per second >= 0') }), { error: 'expected a list of { at, rps }' })
    .check(z.minLength(1, { error: 'expected at least one point' })),
});

export const residencySchema = z.strictObject({
  dataset: z._default(z.string(), 'data'),
  allowed: z.array(z.string(), { error: 'expected a list of jurisdictions' }).check(z.minLength(1, { error: 'expected at least one jurisdiction' })),
});

const vmRef = z.strictObject({ vm: z.string({ error: 'expected a VM name such as "web-1"' }) });

/** An instance store on the host's local disk, erased when the VM stops; 0 for none. */
const instanceStore = z._default(nonNegative('a disk size in GiB >= 0 (0 for no instance store)'), 0);

/** The guest writes data to one of its disks (./storage.ts), to see what survives a stop or a reboot. */
export const writeSchema = z.strictObject({
  vm: z.string({ error: 'expected a VM name such as "web-1"' }),
  to: z.enum(['instance-store', 'root-volume'], { error: 'expected "instance-store" or "root-volume"' }),
  gib: positive('a positive amount of data in GiB'),
});

export const launchSchema = z.strictObject({
  name,
  count: z._default(count('a whole number of VMs >= 1'), 1),
  vcpu: count('a whole number of vCPUs >= 1'),
  memoryGiB: positive('a positive memory size in GiB'),
  /** The root volume: a network (EBS-like) volume, billed until the VM is terminated, taking no host disk. */
  diskGiB: z._default(positive('a positive disk size in GiB'), 8),
  instanceStoreGiB: instanceStore,
  region: z.string({ error: 'expected a region code' }),
  az: z.optional(z.string({ error: 'expected an AZ name' })),
  busy: z._default(fraction, 0.25),
  /** A spread placement group: each of its VMs on a host of its own, or the launch fails. */
  spreadGroup: z.optional(name),
  /** Share of its memory the guest really uses: its working set, for memory pressure. */
  workingSet: z._default(fraction, 0.5),
});

export const groupSchema = z.strictObject({
  name,
  desired: whole(0, 'expected a whole number >= 0'),
  vcpu: count('a whole number of vCPUs >= 1'),
  memoryGiB: positive('a positive memory size in GiB'),
  diskGiB: z._default(positive('a positive disk size in GiB'), 8),
  instanceStoreGiB: instanceStore,
  region: z.string({ error: 'expected a region code' }),
  azs: z.optional(z.array(z.string()).check(z.minLength(1, { error: 'expected at least one AZ' }))),
  busy: z._default(fraction, 0.25),
  workingSet: z._default(fraction, 0.5),
  scaling: z.optional(
    z.strictObject({
      min: whole(0, 'expected a whole number >= 0'),
      max: whole(1, 'expected a whole number >= 1'),
      targetRpsPerVm: positive('requests per second > 0'),
      intervalSeconds: z._default(positive('seconds > 0'), 60),
    }),
  ),
});

const faultTarget = z
  .strictObject({
    vm: z.optional(z.string()),
    host: z.optional(z.string()),
    az: z.optional(z.string()),
    region: z.optional(z.string()),
  })
  .check(
    z.refine((t) => [t.vm, t.host, t.az, t.region].filter((x) => x !== undefined).length === 1, {
      error: 'expected exactly one of vm, host, az or region',
    }),
  );

/** Every verb an action may carry, with the shape of its argument. */
export const actionSchemas = {
  launch: launchSchema,
  group: groupSchema,
  start: vmRef,
  stop: vmRef,
  reboot: vmRef,
  terminate: vmRef,
  crash: vmRef,
  fail: faultTarget,
  recover: faultTarget,
  write: writeSchema,
  load: z
    .strictObject({ vm: z.string({ error: 'expected a VM name, or a launch or group name' }), busy: z.optional(fraction), workingSet: z.optional(fraction) })
    .check(z.refine((l) => l.busy !== undefined || l.workingSet !== undefined, { error: 'expected busy, workingSet or both' })),
  scale: z.strictObject({
    group: name,
    desired: whole(0, 'expected a whole number >= 0'),
  }),
} as const;

export type ActionVerb = keyof typeof actionSchemas;
export const actionVerbs = Object.keys(actionSchemas) as ActionVerb[];

type VerbArgs = { [V in ActionVerb]: z.infer<(typeof actionSchemas)[V]> };
/** An action, as the engine applies it: the verb in `kind`, its arguments beside it. */
export type Action = { [V in ActionVerb]: { kind: V } & VerbArgs[V] }[ActionVerb];
export type ActionInput = { [V in ActionVerb]: { kind: V } & z.input<(typeof actionSchemas)[V]> }[ActionVerb];

const timedActionSchema = z.pipe(
  z.record(z.string(), z.unknown(), { error: 'expected an action such as { at: 0, launch: {...} }' }),
  z.transform((raw: Record<string, unknown>, ctx): { at: number; action: Action } => {
    const at = nonNegative('a time in seconds >= 0').safeParse(raw.at);
    if (!at.success) ctx.issues.push({ code: 'custom', path: ['at'], message: 'expected a time in seconds >= 0', input: raw.at });
    // The engine's own form, { at, action: { kind, ...args } }, is accepted too: a parsed scenario parses again unchanged.
    const inner = raw.action;
    if (Object.keys(raw).length === 2 && inner !== null && typeof inner === 'object' && 'kind' in inner && (actionVerbs as unknown[]).includes(inner.kind)) {
      const { kind, ...rest } = inner as { kind: ActionVerb };
      raw = { at: raw.at, [kind]: rest };
    }
    const verbs = Object.keys(raw).filter((k) => k !== 'at');
    const unknown = verbs.filter((k) => !(actionVerbs as string[]).includes(k));
    if (unknown.length > 0 || verbs.length !== 1) {
      ctx.issues.push({
        code: 'custom',
        path: unknown.length > 0 ? [unknown[0]] : [],
        message: `expected exactly one action verb (${actionVerbs.join(', ')})${unknown.length ? `, got "${unknown[0]}"` : ''}`,
        input: raw,
      });
      return z.NEVER;
    }
    const verb = verbs[0] as ActionVerb;
    const args = actionSchemas[verb].safeParse(raw[verb]);
    if (!args.success) {
      for (const issue of args.error.issues) ctx.issues.push({ ...issue, path: [verb, ...issue.path] } as never);
      return z.NEVER;
    }
    if (!at.success) return z.NEVER;
    return { at: at.data, action: { kind: verb, ...(args.data as object) } as Action };
  }),
);

export const scenarioSchema = z.strictObject({
  name: z._default(z.string({ error: 'expected a scenario name' }), 'Untitled scenario'),
  description: z.optional(z.string()),
  seed: z._default(z.number({ error: 'expected a whole number' }).check(z.int({ error: 'expected a whole number' })), 1),
  until: z._default(positive('a positive time in seconds'), 3600),
  regions: z.array(regionSchema, { error: 'expected a list of regions' }).check(z.minLength(1, { error: 'expected at least one region' })),
  policy: z._default(policySchema, { placement: 'balance', cpuOvercommit: 1, memoryOvercommit: 1 }),
  timings: z._default(timingsSchema, timingsSchema.parse({})),
  network: z._default(networkSchema, networkSchema.parse({})),
  database: z.optional(databaseSchema),
  service: z.optional(serviceSchema),
  traffic: z.optional(trafficSchema),
  residency: z.optional(residencySchema),
  actions: z._default(z.array(timedActionSchema, { error: 'expected a list of actions' }), []),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type HostSpec = z.infer<typeof hostSchema>;
export type HypervisorSpec = z.infer<typeof hypervisorSchema>;
export type Policy = z.infer<typeof policySchema>;
export type Timings = z.infer<typeof timingsSchema>;
export type DatabaseSpec = z.infer<typeof databaseSchema>;
export type TimedAction = Scenario['actions'][number];
