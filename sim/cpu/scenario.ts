/**
 * A CPU scenario: which program the guest runs, how many times, under which techniques, with which
 * costs. The schema is the one definition of the format; limits keep every accepted scenario small.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { formatPath } from '../util';
import { defaultCosts, type CycleCosts } from './costs';
import { instructionKinds, workloadIds } from './program';
import { techniqueIds } from './techniques';

z.config(en());

/**
 * Every accepted scenario runs in bounded time (the loop body is traced once, the passes multiplied)
 * and its figures stay finite: at most 64 × 1,000,000 instructions, each charged at most a few
 * costs of 1,000,000 cycles (times 10,000 under full emulation), is below 1e19 cycles.
 */
export const cpuLimits = { bodyLength: 64, iterations: 1_000_000, cycleCost: 1_000_000, emulationFactor: 10_000, clockGHz: { min: 0.1, max: 100 } } as const;

const kind = z.enum(instructionKinds, { error: `expected an instruction kind (${instructionKinds.join(', ')})` });

const instructionSchema = z.strictObject({
  kind,
  ring: z.optional(z.enum(['user', 'kernel'], { error: 'expected user or kernel' })),
  text: z.optional(z.string().check(z.maxLength(60, { error: 'expected at most 60 characters' }))),
});

const costShape = Object.fromEntries(
  Object.keys(defaultCosts).map((k) => {
    const max = k === 'emulationFactor' ? cpuLimits.emulationFactor : cpuLimits.cycleCost;
    return [
      k,
      z.optional(
        z
          .number({ error: 'expected a number of cycles' })
          .check(z.minimum(0, { error: 'expected a number >= 0' }), z.maximum(max, { error: `expected at most ${max.toLocaleString('en')}` })),
      ),
    ];
  }),
) as Record<keyof CycleCosts, z.ZodMiniOptional<z.ZodMiniNumber>>;

export const cpuWorkloadSchema = z.union(
  [
    z.enum(workloadIds),
    z.strictObject({
      body: z
        .array(instructionSchema, { error: 'expected a list of instructions, each { kind, ring?, text? }' })
        .check(
          z.minLength(1, { error: 'expected at least one instruction' }),
          z.maxLength(cpuLimits.bodyLength, { error: `expected at most ${cpuLimits.bodyLength} instructions` }),
        ),
    }),
    z.strictObject({
      generate: z.strictObject({
        mix: z
          .partialRecord(kind, z.number({ error: 'expected a weight (a number >= 0)' }).check(z.minimum(0, { error: 'expected a weight >= 0' })))
          .check(z.refine((mix) => Object.values(mix).some((w) => (w ?? 0) > 0), { error: 'expected at least one kind with a weight above 0' })),
        length: z
          .number()
          .check(
            z.int({ error: 'expected a whole number' }),
            z.minimum(1),
            z.maximum(cpuLimits.bodyLength, { error: `expected at most ${cpuLimits.bodyLength}` }),
          ),
      }),
    }),
  ],
  { error: `expected a workload: one of ${workloadIds.join(', ')}, or { body: [...] }, or { generate: { mix, length } }` },
);

export const cpuScenarioSchema = z.strictObject({
  name: z._default(z.string().check(z.maxLength(120)), 'CPU scenario'),
  seed: z._default(z.number().check(z.int({ error: 'expected a whole number' })), 1),
  workload: z._default(cpuWorkloadSchema, 'compute'),
  iterations: z._default(
    z
      .number({ error: 'expected a number of loop passes' })
      .check(
        z.int({ error: 'expected a whole number' }),
        z.minimum(1, { error: 'expected at least 1' }),
        z.maximum(cpuLimits.iterations, { error: `expected at most ${cpuLimits.iterations}` }),
      ),
    1000,
  ),
  techniques: z._default(z.array(z.enum(techniqueIds, { error: `expected a technique (${techniqueIds.join(', ')})` })).check(z.minLength(1)), [
    ...techniqueIds,
  ]),
  /** Clock rate used to turn cycles into seconds. Engine's figure. */
  clockGHz: z._default(
    z
      .number({ error: 'expected a clock rate in GHz' })
      .check(
        z.minimum(cpuLimits.clockGHz.min, { error: `expected a clock rate from ${cpuLimits.clockGHz.min} to ${cpuLimits.clockGHz.max} GHz` }),
        z.maximum(cpuLimits.clockGHz.max, { error: `expected a clock rate from ${cpuLimits.clockGHz.min} to ${cpuLimits.clockGHz.max} GHz` }),
      ),
    3,
  ),
  costs: z._default(z.strictObject(costShape), {}),
});

export type CpuScenarioInput = z.input<typeof cpuScenarioSchema>;
export type CpuScenario = z.output<typeof cpuScenarioSchema>;
export type CpuWorkloadInput = z.input<typeof cpuWorkloadSchema>;

export interface CpuScenarioIssue {
  path: string;
  message: string;
}

export class CpuScenarioError extends Error {
  readonly source: string;
  readonly issues: CpuScenarioIssue[];
  constructor(source: string, issues: CpuScenarioIssue[]) {
    super(issues.map((i) => `${source}: ${i.path ? `${i.path}: ` : ''}${i.message}`).join('\n'));
    this.name = 'CpuScenarioError';
    this.source = source;
    this.issues = issues;
  }
}

/** Checks a scenario object; throws a CpuScenarioError naming the source, each field path and what was expected. */
export function parseCpuScenario(input: unknown, source = 'cpu scenario'): CpuScenario {
  const parsed = cpuScenarioSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new CpuScenarioError(
    source,
    specific(parsed.error.issues).map((i) => ({
      path: formatPath(i.path),
      message: i.code === 'unrecognized_keys' ? `unknown field ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message,
    })),
  );
}

/**
 * A workload that fails every form of the union is reported by the one form it was plainly meant as
 * (a `body` with a bad instruction: `workload.body[1].kind`), when exactly one form fails only inside
 * its own fields; otherwise by the union's own message, which lists the forms.
 */
function specific(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const meant = issue.errors.filter((branch) => branch.length > 0 && branch.every((b) => b.path.length > 0 && b.code !== 'unrecognized_keys'));
    if (meant.length !== 1) return [issue];
    return specific(meant[0]).map((b) => ({ ...b, path: [...issue.path, ...b.path] }));
  });
}
