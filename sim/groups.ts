/**
 * Groups keep a desired count of identical VMs across their AZs, like an auto-scaling group: a
 * member that stops serving for a fault is noticed after the detection delay, terminated, and
 * replaced in a healthy AZ; a launch that does not fit is retried after the same delay.
 */
import { chooseHost } from './placement';
import type { Simulation } from './simulation';
import { describeSize, newVm } from './vm';
import type { GroupState, Vm } from './types';

function members(sim: Simulation, group: GroupState): Vm[] {
  return [...sim.vms.values()].filter((vm) => vm.group === group.name && vm.state !== 'shutting-down' && vm.state !== 'terminated');
}

/** After a fault or a recovery: every group looks again once its detection delay has passed. */
export function scheduleGroupChecks(sim: Simulation): void {
  for (const group of sim.groups.values()) {
    sim.queue.push(sim.time + sim.scenario.timings.detectionSeconds, { type: 'group-check', group: group.name });
  }
}

export function reconcileGroup(sim: Simulation, group: GroupState): void {
  const detection = sim.scenario.timings.detectionSeconds;
  let live = members(sim, group);

  for (const vm of live) {
    if (vm.impairedSince !== undefined && sim.time - vm.impairedSince >= detection) {
      sim.record({ kind: 'group-replacing', group: group.name, vm: vm.name, message: `${group.name}: ${vm.name} failed its health check; terminating and replacing it` });
      sim.beginTransition(vm, 'shutting-down');
    }
  }
  live = members(sim, group);

  // Scale in: the newest members go first.
  while (live.length > group.desired) {
    const newest = live.pop()!;
    sim.record({ kind: 'group-scaled', group: group.name, vm: newest.name, message: `${group.name}: scaling in, terminating ${newest.name}` });
    sim.beginTransition(newest, 'shutting-down');
  }

  const region = sim.regions.get(group.region)!;
  let shortfall = group.desired - live.length;
  while (shortfall > 0) {
    const counts = group.azs.map((az) => ({ az, members: live.filter((vm) => vm.az === az && vm.impairedSince === undefined).length }));
    const host = chooseHost({ size: group, region, policy: sim.scenario.policy, groupAzs: counts });
    if (!host) {
      sim.record({
        kind: 'insufficient-capacity',
        group: group.name,
        region: group.region,
        message: `insufficient capacity: ${group.name} cannot place ${shortfall} more × ${describeSize(group)} in a healthy AZ; retrying in ${detection} s`,
      });
      sim.queue.push(sim.time + detection, { type: 'group-check', group: group.name });
      return;
    }
    const vm = newVm(`${group.name}-${group.nextIndex++}`, group, undefined, group.name);
    sim.vms.set(vm.name, vm);
    sim.placeOn(vm, host);
    live.push(vm);
    shortfall--;
  }
}

/** Target tracking: desired = ceil(demand / target per VM), within the group's bounds. */
export function evaluateScaling(sim: Simulation, group: GroupState): void {
  const scaling = group.scaling;
  if (!scaling) return;
  const wanted = Math.min(scaling.max, Math.max(scaling.min, Math.ceil(sim.trafficRps / scaling.targetRpsPerVm)));
  if (wanted !== group.desired) {
    sim.record({ kind: 'group-scaled', group: group.name, message: `${group.name}: demand ${sim.trafficRps} rps, desired ${group.desired} -> ${wanted}` });
    group.desired = wanted;
    reconcileGroup(sim, group);
  }
  const next = sim.time + scaling.intervalSeconds;
  if (next <= sim.scenario.until) sim.queue.push(next, { type: 'scale-check', group: group.name });
}
