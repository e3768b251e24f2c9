/**
 * The scenario format: the single source of truth for what a scenario file may say. Types come from
 * these schemas (z.infer); every default is declared here and documented in docs/reference/scenario-format.
 */
import { z } from 'zod';
import { defaultNetwork } from './latency';

const positive = (what: string) => z.number({ error: `expected ${what}` }).positive({ error: `expected ${what}` });
const nonNegative = (what: string) => z.number({ error: `expected ${what}` }).min(0, { error: `expected ${what}` });
const count = (what: string) =>
  z
    .number({ error: `expected ${what}` })
    .int({ error: `expected ${what}` })
    .min(1, { error: `expected ${what}` });
const name = z.string({ error: 'expected a name' }).regex(/^[a-z][a-z0-9-]{0,39}$/, {
  error: 'expected a name of lowercase letters, digits and dashes, starting with a letter (at most 40 characters)',
});
const fraction = z
  .number({ error: 'expected a number from 0 to 1' })
  .min(0, { error: 'expected a number from 0 to 1' })
  .max(1, { error: 'expected a number from 0 to 1' });

export const hypervisorTypeSchema = z.enum(['type1', 'type2'], { error: 'expected "type1" or "type2"' });

export const hypervisorSchema = z.union(
  [
    hypervisorTypeSchema,
    z.strictObject({
      type: hypervisorTypeSchema,
      reservedCores: nonNegative('a number of cores >= 0').optional(),
      reservedMemoryGiB: nonNegative('a memory size in GiB >= 0').optional(),
      perVmOverheadMemoryGiB: nonNegative('a memory size in GiB >= 0').optional(),
    }),
  ],
  { error: 'expected "type1", "type2" or { type, reservedCores?, reservedMemoryGiB?, perVmOverheadMemoryGiB? }' },
);

export const hostSchema = z.strictObject({
  count: count('a whole number of hosts >= 1').default(1),
  cores: count('a whole number of cores >= 1'),
  memoryGiB: positive('a positive memory size in GiB'),
  /** Local disk for the instance stores of the VMs placed on the host; root volumes are on the network, not here. */
  diskGiB: positive('a positive disk size in GiB').default(1024),
  hypervisor: hypervisorSchema.default('type1'),
  /** Swap space the host may push guest memory to when their working sets pass its memory. */
  swapGiB: nonNegative('a swap size in GiB >= 0').default(4),
});

export const azSchema = z.strictObject({
  id: z.string({ error: 'expected an AZ name such as "eu-central-1a"' }),
  hosts: z.array(hostSchema, { error: 'expected a list of hosts' }).min(1, { error: 'expected at least one host' }),
});

export const regionSchema = z.strictObject({
  id: z.string({ error: 'expected a region code such as "eu-central-1"' }),
  azs: z.array(azSchema, { error: 'expected a list of AZs' }).min(1, { error: 'expected at least one AZ' }),
});

export const policySchema = z.strictObject({
  /** `spread` is the old name of `balance`, still read (with a warning) so that older files run. */
  placement: z.enum(['pack', 'balance', 'spread'], { error: 'expected "pack" or "balance"' }).default('balance'),
  cpuOvercommit: z.number({ error: 'expected a ratio >= 1' }).min(1, { error: 'expected a ratio >= 1' }).default(1),
  memoryOvercommit: z.number({ error: 'expected a ratio >= 1' }).min(1, { error: 'expected a ratio >= 1' }).default(1),
});

export const timingsSchema = z.strictObject({
  pendingSeconds: nonNegative('seconds >= 0').default(30),
  stoppingSeconds: nonNegative('seconds >= 0').default(20),
  shuttingDownSeconds: nonNegative('seconds >= 0').default(10),
  rebootSeconds: nonNegative('seconds >= 0').default(60),
  detectionSeconds: positive('seconds > 0').default(60),
  /** Random variation of lifecycle durations, as a fraction (0.2 = ±20%), drawn from the seed. */
  jitter: z.number().min(0, { error: 'expected a fraction from 0 to 0.9' }).max(0.9, { error: 'expected a fraction from 0 to 0.9' }).default(0),
});

export const networkSchema = z.strictObject({
  interAzRttMs: nonNegative('milliseconds >= 0').default(1),
  routeFactor: z.number({ error: 'expected a factor >= 1' }).min(1, { error: 'expected a factor >= 1' }).default(defaultNetwork.routeFactor),
  fibreKmPerMs: positive('km per ms > 0').default(defaultNetwork.fibreKmPerMs),
  fixedRttMs: nonNegative('milliseconds >= 0').default(defaultNetwork.fixedRttMs),
});

export const databaseSchema = z.strictObject({
  name: name.default('db'),
  region: z.string({ error: 'expected a region code' }),
  az: z.string({ error: 'expected an AZ name' }),
  standby: z.strictObject({ az: z.string({ error: 'expected an AZ name' }) }).optional(),
  replica: z
    .strictObject({
      region: z.string({ error: 'expected a region code' }),
      lagSeconds: nonNegative('seconds >= 0').default(1),
    })
    .optional(),
  failoverSeconds: nonNegative('seconds >= 0').default(60),
  promotionSeconds: nonNegative('seconds >= 0').default(120),
  writeMs: nonNegative('milliseconds >= 0').default(2),
  writesPerSecond: nonNegative('writes per second >= 0').default(100),
});

export const serviceSchema = z.strictObject({
  /** The VMs that make up the service: names starting with `<vms>-`. Absent: every VM. */
  vms: name.optional(),
  minServing: count('a whole number >= 1').default(1),
});

export const trafficSchema = z.strictObject({
  perVmRps: positive('requests per second > 0').default(100),
  curve: z
    .array(z.strictObject({ at: nonNegative('seconds >= 0'), rps: nonNegative('requests per second >= 0') }), { error: 'expected a list of { at, rps }' })
    .min(1, { error: 'expected at least one point' }),
});

export const residencySchema = z.strictObject({
  dataset: z.string().default('data'),
  allowed: z.array(z.string(), { error: 'expected a list of jurisdictions' }).min(1, { error: 'expected at least one jurisdiction' }),
});

const vmRef = z.strictObject({ vm: z.string({ error: 'expected a VM name such as "web-1"' }) });

/** An instance store on the host's local disk, erased when the VM stops; 0 for none. */
const instanceStore = nonNegative('a disk size in GiB >= 0 (0 for no instance store)').default(0);

/** The guest writes data to one of its disks (./storage.ts), to see what survives a stop or a reboot. */
export const writeSchema = z.strictObject({
  vm: z.string({ error: 'expected a VM name such as "web-1"' }),
  to: z.enum(['instance-store', 'root-volume'], { error: 'expected "instance-store" or "root-volume"' }),
  gib: positive('a positive amount of data in GiB'),
});

export const launchSchema = z.strictObject({
  name,
  count: count('a whole number of VMs >= 1').default(1),
  vcpu: count('a whole number of vCPUs >= 1'),
  memoryGiB: positive('a positive memory size in GiB'),
  /** The root volume: a network (EBS-like) volume, billed until the VM is terminated, taking no host disk. */
  diskGiB: positive('a positive disk size in GiB').default(8),
  instanceStoreGiB: instanceStore,
  region: z.string({ error: 'expected a region code' }),
  az: z.string({ error: 'expected an AZ name' }).optional(),
  busy: fraction.default(0.25),
  /** A spread placement group: each of its VMs on a host of its own, or the launch fails. */
  spreadGroup: name.optional(),
  /** Share of its memory the guest really uses: its working set, for memory pressure. */
  workingSet: fraction.default(0.5),
});

export const groupSchema = z.strictObject({
  name,
  desired: z.number({ error: 'expected a whole number >= 0' }).int({ error: 'expected a whole number >= 0' }).min(0, { error: 'expected a whole number >= 0' }),
  vcpu: count('a whole number of vCPUs >= 1'),
  memoryGiB: positive('a positive memory size in GiB'),
  diskGiB: positive('a positive disk size in GiB').default(8),
  instanceStoreGiB: instanceStore,
  region: z.string({ error: 'expected a region code' }),
  azs: z.array(z.string()).min(1, { error: 'expected at least one AZ' }).optional(),
  busy: fraction.default(0.25),
  workingSet: fraction.default(0.5),
  scaling: z
    .strictObject({
      min: z.number({ error: 'expected a whole number >= 0' }).int({ error: 'expected a whole number >= 0' }).min(0, { error: 'expected a whole number >= 0' }),
      max: z.number({ error: 'expected a whole number >= 1' }).int({ error: 'expected a whole number >= 1' }).min(1, { error: 'expected a whole number >= 1' }),
      targetRpsPerVm: positive('requests per second > 0'),
      intervalSeconds: positive('seconds > 0').default(60),
    })
    .optional(),
});

const faultTarget = z
  .strictObject({
    vm: z.string().optional(),
    host: z.string().optional(),
    az: z.string().optional(),
    region: z.string().optional(),
  })
  .refine((t) => [t.vm, t.host, t.az, t.region].filter((x) => x !== undefined).length === 1, {
    error: 'expected exactly one of vm, host, az or region',
  });

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
    .strictObject({ vm: z.string({ error: 'expected a VM name, or a launch or group name' }), busy: fraction.optional(), workingSet: fraction.optional() })
    .refine((l) => l.busy !== undefined || l.workingSet !== undefined, { error: 'expected busy, workingSet or both' }),
  scale: z.strictObject({
    group: name,
    desired: z
      .number({ error: 'expected a whole number >= 0' })
      .int({ error: 'expected a whole number >= 0' })
      .min(0, { error: 'expected a whole number >= 0' }),
  }),
} as const;

export type ActionVerb = keyof typeof actionSchemas;
export const actionVerbs = Object.keys(actionSchemas) as ActionVerb[];

type VerbArgs = { [V in ActionVerb]: z.infer<(typeof actionSchemas)[V]> };
/** An action, as the engine applies it: the verb in `kind`, its arguments beside it. */
export type Action = { [V in ActionVerb]: { kind: V } & VerbArgs[V] }[ActionVerb];
export type ActionInput = { [V in ActionVerb]: { kind: V } & z.input<(typeof actionSchemas)[V]> }[ActionVerb];

const timedActionSchema = z
  .record(z.string(), z.unknown(), { error: 'expected an action such as { at: 0, launch: {...} }' })
  .transform((raw, ctx): { at: number; action: Action } => {
    const at = nonNegative('a time in seconds >= 0').safeParse(raw.at);
    if (!at.success) ctx.addIssue({ code: 'custom', path: ['at'], message: 'expected a time in seconds >= 0' });
    // The engine's own form, { at, action: { kind, ...args } }, is accepted too: a parsed scenario parses again unchanged.
    const inner = raw.action;
    if (Object.keys(raw).length === 2 && inner !== null && typeof inner === 'object' && 'kind' in inner && (actionVerbs as unknown[]).includes(inner.kind)) {
      const { kind, ...rest } = inner as { kind: ActionVerb };
      raw = { at: raw.at, [kind]: rest };
    }
    const verbs = Object.keys(raw).filter((k) => k !== 'at');
    const unknown = verbs.filter((k) => !(actionVerbs as string[]).includes(k));
    if (unknown.length > 0 || verbs.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: unknown.length > 0 ? [unknown[0]] : [],
        message: `expected exactly one action verb (${actionVerbs.join(', ')})${unknown.length ? `, got "${unknown[0]}"` : ''}`,
      });
      return z.NEVER;
    }
    const verb = verbs[0] as ActionVerb;
    const args = actionSchemas[verb].safeParse(raw[verb]);
    if (!args.success) {
      for (const issue of args.error.issues) ctx.addIssue({ ...issue, path: [verb, ...issue.path] } as never);
      return z.NEVER;
    }
    if (!at.success) return z.NEVER;
    return { at: at.data, action: { kind: verb, ...(args.data as object) } as Action };
  });

export const scenarioSchema = z.strictObject({
  name: z.string({ error: 'expected a scenario name' }).default('Untitled scenario'),
  description: z.string().optional(),
  seed: z.number({ error: 'expected a whole number' }).int({ error: 'expected a whole number' }).default(1),
  until: positive('a positive time in seconds').default(3600),
  regions: z.array(regionSchema, { error: 'expected a list of regions' }).min(1, { error: 'expected at least one region' }),
  policy: policySchema.default({ placement: 'balance', cpuOvercommit: 1, memoryOvercommit: 1 }),
  timings: timingsSchema.default(timingsSchema.parse({})),
  network: networkSchema.default(networkSchema.parse({})),
  database: databaseSchema.optional(),
  service: serviceSchema.optional(),
  traffic: trafficSchema.optional(),
  residency: residencySchema.optional(),
  actions: z.array(timedActionSchema, { error: 'expected a list of actions' }).default([]),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type HostSpec = z.infer<typeof hostSchema>;
export type HypervisorSpec = z.infer<typeof hypervisorSchema>;
export type Policy = z.infer<typeof policySchema>;
export type Timings = z.infer<typeof timingsSchema>;
export type DatabaseSpec = z.infer<typeof databaseSchema>;
export type TimedAction = Scenario['actions'][number];
