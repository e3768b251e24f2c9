/**
 * Groups keep a desired count of identical VMs across their AZs, like an auto-scaling group: a
 * member that stops serving for a fault is noticed after the detection delay, terminated, and
 * replaced in a healthy AZ; a launch that does not fit is retried after the same delay.
 */
import { chooseHost } from './placement';
import type { Simulation } from './simulation';
import type { GroupState, Vm } from './types';
import { describeSize, newVm } from './vm';

function members(sim: Simulation, group: GroupState): Vm[] {
  return [...group.members].map((name) => sim.vms.get(name)!);
}

/** Schedules one check of the group at `time`, however many things ask for it. */
export function requestGroupCheck(sim: Simulation, group: string, time: number): void {
  const g = sim.groups.get(group);
  if (!g || g.checksAt.has(time)) return;
  g.checksAt.add(time);
  sim.queue.push(time, { type: 'group-check', group });
}

/** After a fault or a recovery: every group looks again once its detection delay has passed. */
export function scheduleGroupChecks(sim: Simulation): void {
  for (const group of sim.groups.values()) requestGroupCheck(sim, group.name, sim.time + sim.scenario.timings.detectionSeconds);
}

export function reconcileGroup(sim: Simulation, group: GroupState): void {
  const detection = sim.scenario.timings.detectionSeconds;

  for (const vm of members(sim, group)) {
    if (vm.impairedSince !== undefined && sim.time - vm.impairedSince >= detection) {
      sim.record({ kind: 'group-replacing', group: group.name, vm: vm.name, message: `${group.name}: ${vm.name} failed its health check; terminating and replacing it` });
      sim.beginTransition(vm, 'shutting-down');
    }
  }
  const live = members(sim, group);

  // Scale in: the newest members go first.
  while (live.length > group.desired) {
    const newest = live.pop()!;
    sim.record({ kind: 'group-scaled', group: group.name, vm: newest.name, message: `${group.name}: scaling in, terminating ${newest.name}` });
    sim.beginTransition(newest, 'shutting-down');
  }

  const region = sim.regions.get(group.region)!;
  let shortfall = group.desired - live.length;
  if (shortfall <= 0) return;
  const counts = group.azs.map((az) => ({ az, members: live.filter((vm) => vm.az === az && vm.impairedSince === undefined).length }));
  while (shortfall > 0) {
    const host = chooseHost({ size: group, region, policy: sim.scenario.policy, groupAzs: counts });
    if (!host) {
      // One retry at a time: a failed attempt while a retry is pending says nothing new.
      if (group.retryAt !== null && group.retryAt > sim.time) return;
      group.retryAt = sim.time + detection;
      requestGroupCheck(sim, group.name, group.retryAt);
      sim.record({
        kind: 'insufficient-capacity',
        group: group.name,
        region: group.region,
        message: `insufficient capacity: ${group.name} cannot place ${shortfall} more × ${describeSize(group)} in a healthy AZ; retrying in ${detection} s`,
      });
      return;
    }
    const vm = newVm(`${group.name}-${group.nextIndex++}`, group, undefined, group.name);
    sim.vms.set(vm.name, vm);
    group.members.add(vm.name);
    sim.placeOn(vm, host);
    counts.find((c) => c.az === host.az)!.members++;
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
  // The next check is always scheduled: a run may go on past the scenario's `until`.
  sim.queue.push(sim.time + scaling.intervalSeconds, { type: 'scale-check', group: group.name });
}
