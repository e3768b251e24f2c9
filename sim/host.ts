/**
 * A physical host: what it can give VMs, what it has given, and how it shares its CPU.
 * Capacity = (cores - reserved) x cpuOvercommit vCPUs and (memory - reserved) x memoryOvercommit GiB.
 * Its disk is local disk for instance stores; a VM's root volume is on the network and takes none of it.
 */
import type { Policy } from './scenario';
import type { HostState, Vm } from './types';

export interface Size {
  vcpu: number;
  memoryGiB: number;
  /** Local disk the VM's instance store takes of the host (0 for none). */
  instanceStoreGiB: number;
}

export interface HostCapacity {
  vcpu: number;
  memoryGiB: number;
  diskGiB: number;
}

export function hostCapacity(host: Pick<HostState, 'cores' | 'memoryGiB' | 'diskGiB' | 'hypervisor'>, policy: Policy): HostCapacity {
  const h = host.hypervisor;
  return {
    vcpu: Math.max(0, host.cores - h.reservedCores) * policy.cpuOvercommit,
    memoryGiB: Math.max(0, host.memoryGiB - h.reservedMemoryGiB) * policy.memoryOvercommit,
    diskGiB: host.diskGiB,
  };
}

/** Memory a VM takes of its host: its own memory plus the hypervisor's overhead for it. */
export function memoryFootprint(host: HostState, size: Size): number {
  return size.memoryGiB + host.hypervisor.perVmOverheadMemoryGiB;
}

// Sums of fractional GiB (0.5 overheads) are exact in binary floating point, but a small epsilon
// keeps a ratio like 1.1 from refusing a VM that fits on paper.
const epsilon = 1e-9;

/** Whether a VM of this size fits the host's remaining capacity (cached on the host at creation). */
export function fits(host: HostState, size: Size): boolean {
  return (
    host.allocatedVcpu + size.vcpu <= host.capacityVcpu + epsilon &&
    host.allocatedMemoryGiB + memoryFootprint(host, size) <= host.capacityMemoryGiB + epsilon &&
    host.allocatedDiskGiB + size.instanceStoreGiB <= host.diskGiB + epsilon
  );
}

export function allocate(host: HostState, vm: Vm): void {
  host.allocatedVcpu += vm.vcpu;
  host.allocatedMemoryGiB += memoryFootprint(host, vm);
  host.allocatedDiskGiB += vm.instanceStoreGiB;
  host.vms.add(vm.name);
}

export function release(host: HostState, vm: Vm): void {
  host.allocatedVcpu -= vm.vcpu;
  host.allocatedMemoryGiB -= memoryFootprint(host, vm);
  host.allocatedDiskGiB -= vm.instanceStoreGiB;
  host.vms.delete(vm.name);
}

/** Load used to pick the least-loaded host: the larger of the CPU and memory shares taken. */
export function loadShare(host: HostState): number {
  const cpu = host.capacityVcpu > 0 ? host.allocatedVcpu / host.capacityVcpu : 1;
  const mem = host.capacityMemoryGiB > 0 ? host.allocatedMemoryGiB / host.capacityMemoryGiB : 1;
  return cpu > mem ? cpu : mem;
}

export interface Contention {
  /** Busy vCPUs the VMs ask for: the sum of vcpu x busy over VMs that run. */
  demandCores: number;
  /** Cores left for VMs once the hypervisor or host OS has its reserve. */
  supplyCores: number;
  /** Share of its demand each VM gets (fair sharing): min(1, supply / demand). */
  share: number;
  /** Percentage of its demand each VM waits for: steal time. */
  stealPercent: number;
}

/** Fair sharing of the host's cores among the busy vCPUs of the VMs that run on it. */
export function contention(host: HostState, vmsOnHost: Iterable<Vm>): Contention {
  let demand = 0;
  if (host.health !== 'failed') {
    for (const vm of vmsOnHost) {
      if (vm.state === 'running' && !vm.crashed) demand += vm.vcpu * vm.busy;
    }
  }
  const supply = Math.max(0, host.cores - host.hypervisor.reservedCores);
  const share = demand <= supply || demand === 0 ? 1 : supply / demand;
  return {
    demandCores: round(demand, 3),
    supplyCores: supply,
    share: round(share, 4),
    stealPercent: round((1 - share) * 100, 1),
  };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
