/**
 * The lifecycle of a cloud instance, after EC2's: which action is legal in which state, and where
 * it leads. Internal completions (pending -> running, ...) are timed by the runner.
 */
import { emptyData } from './storage';
import type { Vm, VmState } from './types';

export type LifecycleAction = 'start' | 'stop' | 'reboot' | 'terminate' | 'crash';

export const lifecycle: Record<LifecycleAction, { from: readonly VmState[]; to: VmState }> = {
  start: { from: ['stopped'], to: 'pending' },
  stop: { from: ['running'], to: 'stopping' },
  reboot: { from: ['running'], to: 'running' },
  terminate: { from: ['pending', 'running', 'stopping', 'stopped'], to: 'shutting-down' },
  crash: { from: ['running'], to: 'running' },
};

/** Where each transitional state settles once its duration has passed. */
export const settlesTo: Partial<Record<VmState, VmState>> = {
  pending: 'running',
  stopping: 'stopped',
  'shutting-down': 'terminated',
};

/** Why an action is refused in the VM's current state, or null when it is legal. */
export function refusal(vm: Vm, action: LifecycleAction): string | null {
  const rule = lifecycle[action];
  if (rule.from.includes(vm.state)) {
    if (action === 'reboot' && vm.crashed) return null;
    if (action === 'crash' && vm.crashed) return `${vm.name} has already crashed`;
    return null;
  }
  if (vm.state === 'terminated') return `${vm.name} is terminated: a terminated instance cannot be ${past(action)}`;
  const allowed = rule.from.join(' or ');
  return `cannot ${action} ${vm.name} while it is ${vm.state}: ${action} needs a VM that is ${allowed}`;
}

function past(action: LifecycleAction): string {
  return { start: 'started', stop: 'stopped', reboot: 'rebooted', terminate: 'terminated', crash: 'crashed' }[action];
}

/** Legal actions from a state, for views that enable and disable buttons. */
export function legalActions(vm: Vm): LifecycleAction[] {
  return (Object.keys(lifecycle) as LifecycleAction[]).filter((a) => refusal(vm, a) === null);
}

/** The engine's reason for each lifecycle action that is not legal now. */
export function refusals(vm: Vm): Partial<Record<LifecycleAction, string>> {
  const out: Partial<Record<LifecycleAction, string>> = {};
  for (const action of Object.keys(lifecycle) as LifecycleAction[]) {
    const why = refusal(vm, action);
    if (why) out[action] = why;
  }
  return out;
}

/** Whether the VM holds host resources (from placement until stopped or terminated). */
export function holdsHost(state: VmState): boolean {
  return state === 'pending' || state === 'running' || state === 'stopping' || state === 'shutting-down';
}

/** A new VM record, not yet placed. */
export function newVm(
  name: string,
  spec: { vcpu: number; memoryGiB: number; diskGiB: number; instanceStoreGiB: number; region: string; busy: number; workingSet: number },
  pinnedAz?: string,
  group?: string,
): Vm {
  // Every field a VM may get later is here from the start: the VMs of a world then share one shape,
  // instead of each growing a property store as it is placed, rebooted or stopped.
  return {
    name,
    vcpu: spec.vcpu,
    memoryGiB: spec.memoryGiB,
    diskGiB: spec.diskGiB,
    instanceStoreGiB: spec.instanceStoreGiB,
    data: emptyData(),
    region: spec.region,
    pinnedAz,
    az: undefined,
    host: undefined,
    lastHost: undefined,
    state: 'pending',
    busy: spec.busy,
    workingSet: spec.workingSet,
    crashed: false,
    rebootingUntil: undefined,
    group,
    spreadGroup: undefined,
    token: 0,
    impairedSince: undefined,
  };
}

/** Whether `name` is one of the VMs a launch or group called `prefix` creates (prefix-1, prefix-2, ...). */
export function isMemberName(name: string, prefix: string): boolean {
  return name.length > prefix.length + 1 && name.startsWith(`${prefix}-`) && /^\d+$/.test(name.slice(prefix.length + 1));
}

export function describeSize(size: { vcpu: number; memoryGiB: number }): string {
  return `${size.vcpu} vCPU / ${size.memoryGiB} GiB`;
}
