/**
 * The engine's public face. Widgets, quizzes, the CLI and the tests import from here only.
 */
import { parseScenario } from './parse';
import { parseScenarioText } from './text';
import { buildReport, type Report } from './report';
import type { Scenario, ScenarioInput } from './scenario';
import { Simulation } from './simulation';

export { Simulation, type Outcome } from './simulation';
export { parseScenario, ScenarioError, type ScenarioIssue } from './parse';
export { parseScenarioText } from './text';
export { buildReport, type Report, type VmReport, type HostReport, type DatabaseReport, type Metrics, type NotServingReason } from './report';
export type { Scenario, ScenarioInput, Action, ActionInput, ActionVerb } from './scenario';
export { scenarioSchema, actionSchemas, actionVerbs } from './scenario';
export type { SimEvent, EventKind } from './events';
export type { VmState, Health } from './types';
export { lifecycle, settlesTo, type LifecycleAction } from './vm';
export { createRandom, type Random } from './random';
export { hypervisorDefaults, isolationNote, type Hypervisor, type HypervisorType } from './hypervisor';
export { regionCatalog, findRegion, catalogCorrections, type CatalogRegion, type GeoPoint } from './regions';
export { defaultNetwork, greatCircleKm, rttMs, type NetworkModel } from './latency';
export { euMemberStates, jurisdictionsOf, knownJurisdictions, regionAllowed } from './residency';
export { priceTable, vmHourlyUsd, diskMonthlyUsd, hoursPerMonth } from './pricing';

/**
 * Builds a world from a scenario object as a file would hold it (defaults may be omitted). A
 * scenario already parsed by parseScenario goes straight to `new Simulation(parsed)`.
 */
export function createWorld(scenario: ScenarioInput, source = 'scenario'): Simulation {
  return new Simulation(parseScenario(scenario, source));
}

/** Runs a scenario to its `until` and returns the report. */
export function runScenario(scenario: ScenarioInput, source = 'scenario'): Report {
  return buildReport(createWorld(scenario, source).run());
}

/** Runs scenario text (YAML or JSON) to its end. */
export function runScenarioText(text: string, source = 'scenario'): Report {
  return buildReport(new Simulation(parseScenarioText(text, source)).run());
}
export * as cpu from './cpu';
