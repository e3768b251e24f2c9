/** Flags every placement or copy of data outside the scenario's residency rule, once each. */
import { jurisdictionsOf, regionAllowed } from './residency';
import type { Simulation } from './simulation';

export interface ResidencyViolation {
  what: string;
  region: string;
  jurisdictions: string[];
  since: number;
}

/** Called whenever something (a VM, a database copy) is placed in a region. */
export function noteResidency(sim: Simulation, what: string, region: string): void {
  const rule = sim.scenario.residency;
  if (!rule || regionAllowed(region, rule.allowed)) return;
  if (sim.residencyViolations.some((v) => v.what === what && v.region === region)) return;
  const jurisdictions = jurisdictionsOf(region);
  sim.residencyViolations.push({ what, region, jurisdictions, since: sim.time });
  sim.record({
    kind: 'residency-violation',
    region,
    message: `${what} is in ${region} (${jurisdictions.join(', ')}), outside the ${rule.dataset} residency rule (allowed: ${rule.allowed.join(', ')})`,
  });
}
