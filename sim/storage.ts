/**
 * A VM's storage, after EC2 and EBS: every VM boots from a root volume on the network (an EBS-like
 * volume) and may also have an instance store, a slice of its host's local disk.
 *
 * - The root volume is not on the host: it takes none of the host's disk, so it never decides where a
 *   VM lands or whether a start fits. It stays attached through stop, start, reboot and host
 *   failure with its data, is billed at the gp3 rate from launch until the VM is terminated (see
 *   ./pricing.ts), and is deleted with the VM at termination, as AWS does by default for a root
 *   volume (DeleteOnTermination is true unless the launch says otherwise; the engine has no such option).
 * - The instance store lives on the host: it needs free local disk where the VM is placed, is kept
 *   across a reboot (the VM stays on its host), and is erased when the VM leaves its host (stop,
 *   terminate) or the host fails. It is not billed apart from the instance.
 *
 * Data is counted in GiB written; what it holds is not modelled.
 */
import { notServingReason } from './serving';
import type { Outcome, StoredData, Vm } from './types';
import type { Topology } from './world';

export const disks = ['instance-store', 'root-volume'] as const;
export type Disk = (typeof disks)[number];

export interface StorageReport {
  rootVolume: {
    sizeGiB: number;
    dataGiB: number;
    /** `in-use` while attached (also while the VM is stopped); `deleted` once the VM is terminated. */
    state: 'in-use' | 'deleted';
    /** Whether it is billed now: until the VM is terminated. */
    billed: boolean;
  };
  /** The VM's instance store, or null when it was launched without one. */
  instanceStore: { sizeGiB: number; dataGiB: number; host: string | null } | null;
}

export function emptyData(): StoredData {
  return { instanceStoreGiB: 0, rootVolumeGiB: 0 };
}

const label: Record<Disk, string> = { 'instance-store': 'instance store', 'root-volume': 'root volume' };

/** Writes `gib` GiB to one of a VM's disks, or says why it cannot. */
export function writeData(topology: Topology, vm: Vm, disk: Disk, gib: number): Outcome {
  const size = disk === 'instance-store' ? vm.instanceStoreGiB : vm.diskGiB;
  if (disk === 'instance-store' && size === 0) return { ok: false, reason: `${vm.name} has no instance store: it was launched with instanceStoreGiB 0` };
  const why = notServingReason(topology, vm);
  if (why !== null) return { ok: false, reason: `cannot write to ${vm.name}'s ${label[disk]}: ${whyNot(vm, why)}; data is written by a running guest` };
  const used = disk === 'instance-store' ? vm.data.instanceStoreGiB : vm.data.rootVolumeGiB;
  if (used + gib > size + 1e-9) {
    return { ok: false, reason: `${vm.name}'s ${label[disk]} is full: ${round(used)} of ${size} GiB used, no room for ${gib} GiB more` };
  }
  if (disk === 'instance-store') vm.data.instanceStoreGiB = round(used + gib);
  else vm.data.rootVolumeGiB = round(used + gib);
  return { ok: true, message: `${vm.name} wrote ${gib} GiB to its ${label[disk]} (${round(used + gib)} of ${size} GiB used)` };
}

function whyNot(vm: Vm, reason: string): string {
  if (reason === vm.state) return `it is ${vm.state}`;
  return reason === 'rebooting' ? 'it is rebooting' : `it does not run (${reason})`;
}

/** Empties the instance store; returns the GiB lost. */
export function eraseInstanceStore(vm: Vm): number {
  const lost = vm.data.instanceStoreGiB;
  vm.data.instanceStoreGiB = 0;
  return lost;
}

/** Deletes the root volume's data with the VM (termination); returns the GiB deleted. */
export function deleteRootVolume(vm: Vm): number {
  const gone = vm.data.rootVolumeGiB;
  vm.data.rootVolumeGiB = 0;
  return gone;
}

/** Why an instance store was erased, in the words of the trace. */
export function erasureMessage(vm: Vm, lostGiB: number, cause: 'stopped' | 'terminated' | 'host-failed'): string {
  const what = lostGiB > 0 ? `${round(lostGiB)} GiB of data lost` : 'it held no data';
  const why =
    cause === 'host-failed' ? `its host ${vm.host} failed` : cause === 'stopped' ? `${vm.name} stopped and left its host` : `${vm.name} was terminated`;
  return `${vm.name}'s instance store (${vm.instanceStoreGiB} GiB on the host) was erased: ${why}; ${what}`;
}

export function storageReport(vm: Vm): StorageReport {
  const terminated = vm.state === 'terminated';
  return {
    rootVolume: { sizeGiB: vm.diskGiB, dataGiB: vm.data.rootVolumeGiB, state: terminated ? 'deleted' : 'in-use', billed: !terminated },
    instanceStore: vm.instanceStoreGiB > 0 ? { sizeGiB: vm.instanceStoreGiB, dataGiB: vm.data.instanceStoreGiB, host: vm.host ?? null } : null,
  };
}

// Writes are whole or fractional GiB; rounding keeps sums like 0.1 + 0.2 printing as 0.3.
const round = (x: number) => Math.round(x * 1000) / 1000;
