/** Flags every placement or copy of data outside the scenario's residency rule, once each. */
import { jurisdictionsOf, regionAllowed } from './residency';
import type { Scenario } from './scenario';
import type { Context, ResidencyViolation } from './world';

/** What the check owns: the rule, the violations found so far, and the trace. */
export interface ResidencyContext extends Context {
  readonly rule: Scenario['residency'];
  readonly violations: ResidencyViolation[];
}

/** Called whenever something (a VM, a database copy) is placed in a region. */
export function noteResidency(ctx: ResidencyContext, what: string, region: string): void {
  const rule = ctx.rule;
  if (!rule || regionAllowed(region, rule.allowed)) return;
  if (ctx.violations.some((v) => v.what === what && v.region === region)) return;
  const jurisdictions = jurisdictionsOf(region);
  ctx.violations.push({ what, region, jurisdictions, since: ctx.time });
  ctx.record({
    kind: 'residency-violation',
    region,
    message: `${what} is in ${region} (${jurisdictions.join(', ')}), outside the ${rule.dataset} residency rule (allowed: ${rule.allowed.join(', ')})`,
  });
}
