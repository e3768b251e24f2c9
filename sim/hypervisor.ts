/**
 * Hypervisors. A type 1 hypervisor runs on the bare metal and keeps a little memory for itself; a
 * type 2 hypervisor runs as a program on a host operating system, which keeps cores and memory of
 * its own, and each VM costs it more memory (the emulator process around the guest).
 */
import type { HypervisorSpec } from './scenario';

export type HypervisorType = 'type1' | 'type2';

export interface Hypervisor {
  type: HypervisorType;
  /** Cores the hypervisor (type 1) or host OS (type 2) keeps; VMs never get them. */
  reservedCores: number;
  reservedMemoryGiB: number;
  /** Memory the hypervisor spends on each VM on top of the VM's own memory. */
  perVmOverheadMemoryGiB: number;
}

/** Documented defaults; a scenario may override each. */
export const hypervisorDefaults: Record<HypervisorType, Hypervisor> = {
  type1: { type: 'type1', reservedCores: 0, reservedMemoryGiB: 1, perVmOverheadMemoryGiB: 0 },
  type2: { type: 'type2', reservedCores: 2, reservedMemoryGiB: 4, perVmOverheadMemoryGiB: 0.5 },
};

export function resolveHypervisor(spec: HypervisorSpec): Hypervisor {
  if (typeof spec === 'string') return { ...hypervisorDefaults[spec] };
  const base = hypervisorDefaults[spec.type];
  return {
    type: spec.type,
    reservedCores: spec.reservedCores ?? base.reservedCores,
    reservedMemoryGiB: spec.reservedMemoryGiB ?? base.reservedMemoryGiB,
    perVmOverheadMemoryGiB: spec.perVmOverheadMemoryGiB ?? base.perVmOverheadMemoryGiB,
  };
}

/** How isolation works in the model, for the widgets' text. */
export const isolationNote: Record<HypervisorType, string> = {
  type1:
    'Each VM has its own memory and virtual CPUs, and the hypervisor sits directly on the hardware (with ESXi or Nitro nothing else does; Hyper-V and Xen also run a privileged management OS, and KVM is part of the Linux kernel), so a guest crash stays inside its VM.',
  type2: 'Each VM runs as a process of the host OS; a guest crash stays inside its VM, but a host OS crash or reboot takes every VM with it.',
};
