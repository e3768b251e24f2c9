/** The engine's state: what a world is made of at one instant. */
import type { Hypervisor } from './hypervisor';
import type { LoadIndex } from './load-index';
import type { HostMemoryBooks } from './memory-books';

export type VmState = 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';
export type Health = 'up' | 'failed';

/** What the engine answers to an action: accepted with what it did, or refused with why. */
export type Outcome = { ok: true; message: string } | { ok: false; reason: string };

export interface RegionState {
  id: string;
  name: string;
  country: string;
  health: Health;
  azs: AzState[];
  /** Where `spread` placement starts next (round-robin over AZs in declared order). */
  spreadCursor: number;
}

export interface AzState {
  id: string;
  region: string;
  index: number;
  health: Health;
  hosts: HostState[];
  /** Hosts by load, for `spread`: told by the world whenever a host of this AZ gains or loses a VM. */
  loadIndex: LoadIndex<HostState>;
}

export interface HostState {
  id: string;
  az: string;
  region: string;
  cores: number;
  memoryGiB: number;
  diskGiB: number;
  hypervisor: Hypervisor;
  health: Health;
  /** What VMs may be given: (cores - reserved) x cpuOvercommit, (memory - reserved) x memoryOvercommit. */
  capacityVcpu: number;
  capacityMemoryGiB: number;
  /** Declared order across the whole world, for `pack`. */
  order: number;
  allocatedVcpu: number;
  allocatedMemoryGiB: number;
  /** Local disk given to the instance stores of the VMs on the host (root volumes are not on it). */
  allocatedDiskGiB: number;
  vms: Set<string>;
  /** Swap space the host may push guest memory to, in GiB. */
  swapGiB: number;
  /** Its running guests' memory, for memory pressure (./memory.ts). */
  memory: HostMemoryBooks;
}

export interface Vm {
  name: string;
  vcpu: number;
  memoryGiB: number;
  /** The root volume's size: a network volume, not on the host (./storage.ts). */
  diskGiB: number;
  /** The instance store's size on the host's local disk, 0 for none. */
  instanceStoreGiB: number;
  /** What the guest has written to each disk. */
  data: StoredData;
  region: string;
  /** Pinned AZ, if the launch named one. */
  pinnedAz?: string;
  /** The AZ the VM lives in once placed: a stopped VM restarts in the same AZ, like an EC2 instance. */
  az?: string;
  host?: string;
  /** The host it ran on before its last stop: a start prefers another, as a cloud's usually does. */
  lastHost?: string;
  state: VmState;
  busy: number;
  /** Share of its memory the guest really uses (its working set), for memory pressure. */
  workingSet: number;
  crashed: boolean;
  rebootingUntil?: number;
  group?: string;
  /** The spread placement group the VM was launched into: a host of its own, or no place at all. */
  spreadGroup?: string;
  /** Bumped at every transition; a scheduled completion carrying an older token is stale. */
  token: number;
  /** Since when the VM has been impaired (not serving for a fault), for groups' detection delay. */
  impairedSince?: number;
}

/** What a VM's guest has written to each of its disks, in GiB (./storage.ts). */
export interface StoredData {
  instanceStoreGiB: number;
  rootVolumeGiB: number;
}

export interface GroupState {
  name: string;
  desired: number;
  vcpu: number;
  memoryGiB: number;
  diskGiB: number;
  instanceStoreGiB: number;
  region: string;
  azs: string[];
  busy: number;
  workingSet: number;
  nextIndex: number;
  scaling?: { min: number; max: number; targetRpsPerVm: number; intervalSeconds: number };
  /** Members not shutting down or terminated, in launch order. */
  members: Set<string>;
  /** Times at which a check is already scheduled, so that many triggers make one check. */
  checksAt: Set<number>;
  /** When the pending retry after a shortfall runs; no second retry is scheduled before it. */
  retryAt: number | null;
  /** A member launched to rebalance the AZs: one member of the crowded AZ goes once it runs. */
  rebalancing: string | null;
}

export interface Location {
  region: string;
  az: string;
}

export interface DatabaseState {
  name: string;
  primary: Location;
  /** Synchronous standby in another AZ of the primary's region; null once lost until restored. */
  standby: Location | null;
  /** Where a lost standby comes back once its AZ recovers. */
  standbyHome: Location | null;
  replica: { region: string; lagSeconds: number; healthy: boolean } | null;
  available: boolean;
  /** A failover or promotion under way: when it completes, and its token. */
  failover: { kind: 'standby' | 'replica'; startedAt: number; token: number; to: Location; rpoSeconds: number } | null;
  token: number;
  failovers: FailoverRecord[];
  rpoSeconds: number;
  lostWrites: number;
}

export interface FailoverRecord {
  kind: 'standby' | 'replica';
  startedAt: number;
  completedAt: number;
  seconds: number;
  from: Location;
  to: Location;
  rpoSeconds: number;
}
