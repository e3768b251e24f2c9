/**
 * Groups keep a desired count of identical VMs across their AZs, like an auto-scaling group: a
 * member that stops serving for a fault is noticed after the detection delay, terminated, and
 * replaced in a healthy AZ; a launch that does not fit is retried after the same delay.
 */
import { chooseHost } from './placement';
import type { Policy } from './scenario';
import type { GroupState, HostState, RegionState, Vm } from './types';
import { describeSize, newVm } from './vm';
import type { Context } from './world';

/** What a group may see and do: its members, its region, and the lifecycle verbs it uses. */
export interface GroupContext extends Context {
  readonly policy: Policy;
  readonly detectionSeconds: number;
  region(id: string): RegionState;
  vm(name: string): Vm;
  /** Adds a new member to the world on `host`, pending. */
  launch(vm: Vm, host: HostState): void;
  /** Begins terminating a member. */
  terminate(vm: Vm): void;
}

function members(ctx: GroupContext, group: GroupState): Vm[] {
  return [...group.members].map((name) => ctx.vm(name));
}

/** Schedules one check of the group at `time`, however many things ask for it. */
export function requestGroupCheck(ctx: Context, group: GroupState, time: number): void {
  if (group.checksAt.has(time)) return;
  group.checksAt.add(time);
  ctx.schedule(time, { type: 'group-check', group: group.name });
}

export function reconcileGroup(ctx: GroupContext, group: GroupState): void {
  const detection = ctx.detectionSeconds;

  for (const vm of members(ctx, group)) {
    if (vm.impairedSince !== undefined && ctx.time - vm.impairedSince >= detection) {
      ctx.record({
        kind: 'group-replacing',
        group: group.name,
        vm: vm.name,
        message: `${group.name}: ${vm.name} failed its health check; terminating and replacing it`,
      });
      ctx.terminate(vm);
    }
  }
  const live = members(ctx, group);

  // Scale in: the newest members go first.
  while (live.length > group.desired) {
    const newest = live.pop()!;
    ctx.record({ kind: 'group-scaled', group: group.name, vm: newest.name, message: `${group.name}: scaling in, terminating ${newest.name}` });
    ctx.terminate(newest);
  }

  const region = ctx.region(group.region);
  let shortfall = group.desired - live.length;
  if (shortfall <= 0) return;
  const counts = group.azs.map((az) => ({ az, members: live.filter((vm) => vm.az === az && vm.impairedSince === undefined).length }));
  while (shortfall > 0) {
    const host = chooseHost({ size: group, region, policy: ctx.policy, groupAzs: counts });
    if (!host) {
      // One retry at a time: a failed attempt while a retry is pending says nothing new.
      if (group.retryAt !== null && group.retryAt > ctx.time) return;
      group.retryAt = ctx.time + detection;
      requestGroupCheck(ctx, group, group.retryAt);
      ctx.record({
        kind: 'insufficient-capacity',
        group: group.name,
        region: group.region,
        message: `insufficient capacity: ${group.name} cannot place ${shortfall} more × ${describeSize(group)} in a healthy AZ; retrying in ${detection} s`,
      });
      return;
    }
    const vm = newVm(`${group.name}-${group.nextIndex++}`, group, undefined, group.name);
    group.members.add(vm.name);
    ctx.launch(vm, host);
    counts.find((c) => c.az === host.az)!.members++;
    shortfall--;
  }
}

/** Target tracking: desired = ceil(demand / target per VM), within the group's bounds. */
export function evaluateScaling(ctx: GroupContext, group: GroupState, demandRps: number): void {
  const scaling = group.scaling;
  if (!scaling) return;
  const wanted = Math.min(scaling.max, Math.max(scaling.min, Math.ceil(demandRps / scaling.targetRpsPerVm)));
  if (wanted !== group.desired) {
    ctx.record({ kind: 'group-scaled', group: group.name, message: `${group.name}: demand ${demandRps} rps, desired ${group.desired} -> ${wanted}` });
    group.desired = wanted;
    reconcileGroup(ctx, group);
  }
  // The next check is always scheduled: a run may go on past the scenario's `until`.
  ctx.schedule(ctx.time + scaling.intervalSeconds, { type: 'scale-check', group: group.name });
}
