/**
 * A CPU scenario: which program the guest runs, how many times, under which techniques, with which
 * costs. The schema is the one definition of the format; limits keep every accepted scenario small.
 */
import { z } from 'zod';
import { formatPath } from '../util';
import { defaultCosts, type CycleCosts } from './costs';
import { instructionKinds, workloadIds } from './program';
import { techniqueIds } from './techniques';

/**
 * Every accepted scenario runs in bounded time (the loop body is traced once, the passes multiplied)
 * and its figures stay finite: at most 64 × 1,000,000 instructions, each charged at most a few
 * costs of 1,000,000 cycles (times 10,000 under full emulation), is below 1e19 cycles.
 */
export const cpuLimits = { bodyLength: 64, iterations: 1_000_000, cycleCost: 1_000_000, emulationFactor: 10_000, clockGHz: { min: 0.1, max: 100 } } as const;

const kind = z.enum(instructionKinds, { error: `expected an instruction kind (${instructionKinds.join(', ')})` });

const instructionSchema = z.strictObject({
  kind,
  ring: z.enum(['user', 'kernel'], { error: 'expected user or kernel' }).optional(),
  text: z.string().max(60, { error: 'expected at most 60 characters' }).optional(),
});

const costShape = Object.fromEntries(
  Object.keys(defaultCosts).map((k) => {
    const max = k === 'emulationFactor' ? cpuLimits.emulationFactor : cpuLimits.cycleCost;
    return [
      k,
      z
        .number({ error: 'expected a number of cycles' })
        .finite()
        .min(0, { error: 'expected a number >= 0' })
        .max(max, { error: `expected at most ${max.toLocaleString('en')}` })
        .optional(),
    ];
  }),
) as Record<keyof CycleCosts, z.ZodOptional<z.ZodNumber>>;

export const cpuWorkloadSchema = z.union(
  [
    z.enum(workloadIds),
    z.strictObject({
      body: z
        .array(instructionSchema, { error: 'expected a list of instructions, each { kind, ring?, text? }' })
        .min(1, { error: 'expected at least one instruction' })
        .max(cpuLimits.bodyLength, { error: `expected at most ${cpuLimits.bodyLength} instructions` }),
    }),
    z.strictObject({
      generate: z.strictObject({
        mix: z
          .partialRecord(kind, z.number({ error: 'expected a weight (a number >= 0)' }).finite().min(0, { error: 'expected a weight >= 0' }))
          .refine((mix) => Object.values(mix).some((w) => (w ?? 0) > 0), { error: 'expected at least one kind with a weight above 0' }),
        length: z
          .number()
          .int({ error: 'expected a whole number' })
          .min(1)
          .max(cpuLimits.bodyLength, { error: `expected at most ${cpuLimits.bodyLength}` }),
      }),
    }),
  ],
  { error: `expected a workload: one of ${workloadIds.join(', ')}, or { body: [...] }, or { generate: { mix, length } }` },
);

export const cpuScenarioSchema = z.strictObject({
  name: z.string().max(120).default('CPU scenario'),
  seed: z.number().int({ error: 'expected a whole number' }).default(1),
  workload: cpuWorkloadSchema.default('compute'),
  iterations: z
    .number({ error: 'expected a number of loop passes' })
    .int({ error: 'expected a whole number' })
    .min(1, { error: 'expected at least 1' })
    .max(cpuLimits.iterations, { error: `expected at most ${cpuLimits.iterations}` })
    .default(1000),
  techniques: z
    .array(z.enum(techniqueIds, { error: `expected a technique (${techniqueIds.join(', ')})` }))
    .min(1)
    .default([...techniqueIds]),
  /** Clock rate used to turn cycles into seconds. Engine's figure. */
  clockGHz: z
    .number({ error: 'expected a clock rate in GHz' })
    .finite()
    .min(cpuLimits.clockGHz.min, { error: `expected a clock rate from ${cpuLimits.clockGHz.min} to ${cpuLimits.clockGHz.max} GHz` })
    .max(cpuLimits.clockGHz.max, { error: `expected a clock rate from ${cpuLimits.clockGHz.min} to ${cpuLimits.clockGHz.max} GHz` })
    .default(3),
  costs: z.strictObject(costShape).default({}),
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
