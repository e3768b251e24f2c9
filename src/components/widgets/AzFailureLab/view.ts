/**
 * What the lab draws, read from the engine's report in one pass over its VMs (no VM is looked up
 * per VM: the view stays linear at a thousand VMs).
 */
import { createWorld, type Glance, type Report, type ScenarioInput, type VmGlance } from '@site/sim';

export type VmStatus = 'serving' | 'pending' | 'down' | 'leaving' | 'stopped';

export const statusLabels: Record<VmStatus, string> = {
  serving: 'serving',
  pending: 'starting (pending)',
  down: 'not serving (fault)',
  leaving: 'shutting down or stopping',
  stopped: 'stopped',
};

export interface AzView {
  id: string;
  region: string;
  up: boolean;
  /** Status of each VM in the AZ, in the report's order. */
  statuses: VmStatus[];
  counts: Record<VmStatus, number>;
  /** Why VMs here do not serve, with how many (from the engine's reasons). */
  reasons: Record<string, number>;
}

export interface LabView {
  time: number;
  azs: AzView[];
  serving: number;
  /** VMs that exist (not terminated). */
  total: number;
  serviceUp: boolean;
  availabilityPercent: number;
  downtimeSeconds: number;
}

export function vmStatus(vm: Pick<VmGlance, 'serving' | 'state'>): VmStatus {
  if (vm.serving) return 'serving';
  if (vm.state === 'pending') return 'pending';
  if (vm.state === 'stopping' || vm.state === 'shutting-down') return 'leaving';
  if (vm.state === 'stopped') return 'stopped';
  return 'down';
}

const emptyCounts = (): Record<VmStatus, number> => ({ serving: 0, pending: 0, down: 0, leaving: 0, stopped: 0 });

/** What the view is read from: the engine's report, or a glance at the same moment (the same fields). */
export type LabSource = Pick<Glance, 'time' | 'regions' | 'vms' | 'metrics'>;

export function deriveLabView(report: LabSource): LabView {
  const byAz = new Map<string, AzView>();
  for (const region of report.regions) {
    for (const az of region.azs) {
      byAz.set(az.id, { id: az.id, region: region.id, up: region.health === 'up' && az.health === 'up', statuses: [], counts: emptyCounts(), reasons: {} });
    }
  }
  let total = 0;
  for (const vm of report.vms) {
    if (vm.state === 'terminated' || vm.az === null) continue;
    const az = byAz.get(vm.az);
    if (!az) continue;
    total++;
    const status = vmStatus(vm);
    az.statuses.push(status);
    az.counts[status]++;
    if (status === 'down' && vm.reason) az.reasons[vm.reason] = (az.reasons[vm.reason] ?? 0) + 1;
  }
  const m = report.metrics;
  return {
    time: report.time,
    azs: [...byAz.values()],
    serving: m.servingVms,
    total,
    serviceUp: m.serviceUp,
    availabilityPercent: m.availabilityPercent,
    downtimeSeconds: m.downtimeSeconds,
  };
}

/**
 * One reader action at its most expensive: build the world, run it to `time` (as scrubbing back
 * does), read the report and derive the view. Pure; `npm run bench` times it at 1 000 VMs.
 */
export function labViewAt(scenario: ScenarioInput, time: number): { report: Report; view: LabView } {
  const world = createWorld(scenario);
  world.runUntil(time);
  const report = world.report();
  return { report, view: deriveLabView(report) };
}
