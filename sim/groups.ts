/**
 * Groups keep a desired count of identical VMs across their AZs, like an auto-scaling group: a
 * member that stops serving for a fault is noticed after the detection delay, terminated, and
 * replaced in a healthy AZ; a launch that does not fit is retried after the same delay. Scale-in
 * keeps the AZs balanced first, as EC2 Auto Scaling's default termination policy does, and once the
 * AZs are up but uneven (after an outage) the group rebalances: it launches a member in the AZ with
 * the fewest, and when that one runs, lets one go from the AZ with the most.
 */
import { azById, chooseHost, type PlacementRequest } from './placement';
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
  const region = ctx.region(group.region);

  if (group.rebalancing !== null && !live.some((vm) => vm.name === group.rebalancing)) group.rebalancing = null;
  // A rebalancing launch is one over desired on purpose: the crowded AZ keeps its member until it runs.
  const waiting = group.rebalancing !== null && ctx.vm(group.rebalancing).state === 'pending' && live.length === group.desired + 1;
  if (!waiting) {
    while (live.length > group.desired) {
      const leaving = scaleInChoice(live);
      live.splice(live.indexOf(leaving), 1);
      const rebalance = group.rebalancing !== null;
      group.rebalancing = null;
      ctx.record({
        kind: 'group-scaled',
        group: group.name,
        vm: leaving.name,
        message: rebalance
          ? `${group.name}: rebalancing, terminating ${leaving.name} in ${leaving.az}, an AZ with the most members`
          : `${group.name}: scaling in, terminating ${leaving.name} in ${leaving.az}, an AZ with the most members`,
      });
      ctx.terminate(leaving);
    }
  }

  let shortfall = group.desired - live.length;
  if (shortfall <= 0) {
    if (!waiting && shortfall === 0) rebalance(ctx, group, region, live);
    return;
  }
  const counts = group.azs.map((az) => ({ az, members: live.filter((vm) => vm.az === az && vm.impairedSince === undefined).length }));
  // One request for the whole shortfall: only its counts change from one member to the next.
  const request: PlacementRequest = { size: group, region, policy: ctx.policy, groupAzs: counts };
  while (shortfall > 0) {
    const host = chooseHost(request);
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
    countMember(counts, host.az);
    shortfall--;
  }
}

/** One more member in `az`, on the first entry naming it (a group may list an AZ twice). */
function countMember(counts: { az: string; members: number }[], az: string): void {
  for (const c of counts) {
    if (c.az === az) {
      c.members++;
      return;
    }
  }
}

/**
 * The member scale-in takes: from the AZ with the most members (EC2 Auto Scaling balances the AZs
 * before anything else), the newest of them. Among AZs that tie, the newest member of any of them:
 * AWS then looks at launch templates and billing hours, which the engine's identical, per-second
 * billed members do not differ in, and picks at random; the engine keeps newest-first there.
 */
function scaleInChoice(live: Vm[]): Vm {
  const perAz = new Map<string | undefined, number>();
  for (const vm of live) perAz.set(vm.az, (perAz.get(vm.az) ?? 0) + 1);
  const most = Math.max(...perAz.values());
  for (let i = live.length - 1; i >= 0; i--) if (perAz.get(live[i].az) === most) return live[i];
  return live[live.length - 1];
}

/**
 * AZ rebalancing: when every member is healthy and the group's AZs that are up differ by more than
 * one member, launch one in the AZ with the fewest (the first declared, on a tie). The crowded AZ
 * loses a member once it runs (see reconcileGroup), so capacity never dips. One at a time; a launch
 * that does not fit is tried again at the group's next check.
 */
function rebalance(ctx: GroupContext, group: GroupState, region: RegionState, live: Vm[]): void {
  if (live.some((vm) => vm.impairedSince !== undefined || vm.state !== 'running')) return;
  const usable = group.azs.filter((id) => region.health === 'up' && azById(region, id)?.health === 'up');
  if (usable.length < 2) return;
  const counts = usable.map((az) => ({ az, members: live.filter((vm) => vm.az === az).length }));
  const fewest = counts.reduce((a, b) => (b.members < a.members ? b : a));
  const most = Math.max(...counts.map((c) => c.members));
  if (most - fewest.members <= 1) return;
  const host = chooseHost({ size: group, region, policy: ctx.policy, az: fewest.az });
  if (!host) return;
  const vm = newVm(`${group.name}-${group.nextIndex++}`, group, undefined, group.name);
  group.members.add(vm.name);
  group.rebalancing = vm.name;
  ctx.record({
    kind: 'group-scaled',
    group: group.name,
    vm: vm.name,
    message: `${group.name}: rebalancing AZs (${counts.map((c) => `${c.az} ${c.members}`).join(', ')}), launching ${vm.name} in ${fewest.az}`,
  });
  ctx.launch(vm, host);
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
