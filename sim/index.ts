/**
 * The engine's public face: build a world from a scenario, act on it, let time pass, read its
 * report. Widgets, quizzes, the CLI and the VM's control plane import from here only; reading
 * scenario text (YAML or JSON) is `./text`, apart so that pages that never read text skip the YAML parser.
 */
import { parseScenario } from './parse';
import type { Report } from './report';
import { Runner, type World } from './runner';
import type { Scenario, ScenarioInput } from './scenario';

export type { World } from './runner';
export type { Outcome, VmState, Health } from './types';
export { parseScenario, parseAction, scenarioWarnings, formatIssue, issuesText, ScenarioError, type ScenarioIssue } from './parse';
export { limits } from './limits';
export { formatPath, assertNever, formatClock } from './util';
export type { Report, VmReport, HostReport, DatabaseReport, Metrics, NotServingReason } from './report';
export type { Glance, VmGlance } from './glance';
export type { Scenario, ScenarioInput, Action, ActionInput, ActionVerb } from './scenario';
export { actionVerbs } from './scenario';
export type { SimEvent, EventKind } from './events';
export { lifecycle, settlesTo, type LifecycleAction } from './vm';
export { createRandom, type Random } from './random';
export type { HostMemory, MemoryPressure } from './memory';
export { hypervisorDefaults, isolationNote, type Hypervisor, type HypervisorType } from './hypervisor';
export { regionCatalog, findRegion, catalogCorrections, type CatalogRegion, type GeoPoint } from './regions';
export { defaultNetwork, greatCircleKm, rttMs, type NetworkModel } from './latency';
export { euMemberStates, jurisdictionsOf, knownJurisdictions, regionAllowed } from './residency';
export { priceTable, priceSource, vmHourlyUsd, diskMonthlyUsd, hoursPerMonth } from './pricing';
export { disks, type Disk, type StorageReport } from './storage';

/**
 * Builds a world from a scenario: as a file holds it (defaults may be omitted), or as parseScenario
 * or parseScenarioText returned it. The world starts at time 0 with nothing run yet.
 */
export function createWorld(scenario: ScenarioInput | Scenario, source = 'scenario'): World {
  return new Runner(parseScenario(scenario, source));
}

/** Runs a scenario to its `until` and returns the report. */
export function runScenario(scenario: ScenarioInput | Scenario, source = 'scenario'): Report {
  return createWorld(scenario, source).run().report();
}
export * as cpu from './cpu';
