/**
 * Memory pressure on a host: what happens when the guests it runs want more memory than it has.
 * A running guest holds all the memory it was promised (its page cache fills what its programs
 * leave), of which its working set (`workingSet` × its memory) is what it really uses. When the
 * promised memory of the running guests passes what the host has left for them, the host reclaims:
 *
 * 1. ballooning first: a driver in each guest gives back idle memory (promised minus working set);
 * 2. then host swapping: the part of the working sets that still does not fit goes to the host's
 *    swap, and every touch of a swapped page waits for the disk;
 * 3. at worst, when the swap cannot hold that part either, the out-of-memory killer ends the guest
 *    using the most memory, again until what is left fits.
 *
 * The host keeps running sums of its running guests (told by the rules when a VM starts or stops
 * running, or its working set changes), so a check costs nothing per VM unless a VM must be killed.
 */
import { round } from './host';
import type { HostMemoryBooks, MemoryPressure } from './memory-books';
import type { HostState, Vm } from './types';
import type { Context } from './world';

export type { MemoryPressure };

/** A host's memory as the report shows it. */
export interface HostMemory {
  pressure: MemoryPressure;
  /** Memory promised to the running guests. */
  promisedGiB: number;
  /** What the running guests really use. */
  workingSetGiB: number;
  /** Physical memory left for guests: memory − the hypervisor's reserve − its per-VM overhead. */
  availableGiB: number;
  /** Idle guest memory the balloon drivers have handed back. */
  balloonGiB: number;
  /** Working-set memory the host has pushed to its swap. */
  swappedGiB: number;
  /** The host's swap space. */
  swapGiB: number;
  /** Share of every running guest's working set that is in swap, in percent. */
  swappedPercent: number;
}

// Working sets are fractions of sizes: sums of them are not exact in binary floating point.
const epsilon = 1e-9;

function computeMemory(host: HostState, books: Pick<HostMemoryBooks, 'running' | 'promisedGiB' | 'workingSetGiB'>): HostMemory {
  const promised = books.running === 0 ? 0 : books.promisedGiB;
  const workingSet = books.running === 0 ? 0 : books.workingSetGiB;
  const available = Math.max(0, host.memoryGiB - host.hypervisor.reservedMemoryGiB - books.running * host.hypervisor.perVmOverheadMemoryGiB);
  const need = host.health === 'up' ? promised - available : 0;
  let balloon = 0;
  let swapped = 0;
  if (need > epsilon) {
    balloon = Math.min(need, promised - workingSet);
    swapped = need - balloon > epsilon ? need - balloon : 0;
  }
  return {
    pressure: swapped > 0 ? 'swapping' : balloon > epsilon ? 'ballooning' : 'none',
    promisedGiB: promised,
    workingSetGiB: workingSet,
    availableGiB: available,
    balloonGiB: balloon > epsilon ? balloon : 0,
    swappedGiB: swapped,
    swapGiB: host.swapGiB,
    swappedPercent: swapped > 0 && workingSet > 0 ? (swapped / workingSet) * 100 : 0,
  };
}

/** The host's memory now, from its books (rounded for a report). */
export function hostMemory(host: HostState): HostMemory {
  const m = computeMemory(host, host.memory);
  return {
    pressure: m.pressure,
    promisedGiB: round(m.promisedGiB, 3),
    workingSetGiB: round(m.workingSetGiB, 3),
    availableGiB: round(m.availableGiB, 3),
    balloonGiB: round(m.balloonGiB, 3),
    swappedGiB: round(m.swappedGiB, 3),
    swapGiB: m.swapGiB,
    swappedPercent: round(m.swappedPercent, 1),
  };
}

/** A VM's working set, in GiB. */
export function workingSetGiB(vm: Vm): number {
  return vm.memoryGiB * vm.workingSet;
}

/** What one running VM gives up of its memory: its share of the balloon (by idle memory) and of the swap (by working set). */
export function vmMemoryShare(vm: Vm, host: HostState): { balloonGiB: number; swappedGiB: number; swappedPercent: number } {
  if (vm.state !== 'running' || host.health !== 'up') return { balloonGiB: 0, swappedGiB: 0, swappedPercent: 0 };
  const m = computeMemory(host, host.memory);
  const idle = m.promisedGiB - m.workingSetGiB;
  const own = workingSetGiB(vm);
  return {
    balloonGiB: round(idle > epsilon ? (m.balloonGiB * (vm.memoryGiB - own)) / idle : 0, 3),
    swappedGiB: round(m.workingSetGiB > 0 ? (m.swappedGiB * own) / m.workingSetGiB : 0, 3),
    swappedPercent: own > 0 ? round(m.swappedPercent, 1) : 0,
  };
}

/** A VM starts to hold its memory (it is now running on `host`). */
export function joinMemory(host: HostState, vm: Vm): void {
  const b = host.memory;
  b.running++;
  b.promisedGiB += vm.memoryGiB;
  b.workingSetGiB += workingSetGiB(vm);
  b.victims.set(vm.name, workingSetGiB(vm));
}

/** A VM gives its memory back (it left the running state). */
export function leaveMemory(host: HostState, vm: Vm): void {
  const b = host.memory;
  b.running--;
  b.promisedGiB -= vm.memoryGiB;
  b.workingSetGiB -= workingSetGiB(vm);
  b.victims.delete(vm.name);
  // Sums of fractions drift; an empty host starts again from exact zeros.
  if (b.running === 0) {
    b.promisedGiB = 0;
    b.workingSetGiB = 0;
  }
}

/** A VM's working set changes; a running VM's host books follow. */
export function changeWorkingSet(host: HostState | undefined, vm: Vm, workingSet: number): void {
  const running = host !== undefined && vm.state === 'running';
  if (running) host.memory.workingSetGiB += vm.memoryGiB * (workingSet - vm.workingSet);
  vm.workingSet = workingSet;
  if (running) host.memory.victims.set(vm.name, workingSetGiB(vm));
}

/** What settling a host's memory may do: read its VMs, record, and end a VM (the rules stop it). */
export interface MemoryContext extends Context {
  readonly vms: ReadonlyMap<string, Vm>;
  /** Ends a VM the out-of-memory killer chose: it stops running at once. */
  kill(vm: Vm, reason: string): void;
}

const gib = (x: number) => `${round(x, 2)} GiB`;

/**
 * After something changed what the running guests of `host` use: if their working sets need more
 * swap than the host has, the out-of-memory killer ends guests, the largest working set first (as
 * Linux's picks the process using the most memory and swap), until the rest fits; then a change of
 * pressure is recorded in the trace.
 */
export function settleMemory(ctx: MemoryContext, host: HostState): void {
  const books = host.memory;
  // A failed host runs nothing; what it held is looked at again when it recovers.
  if (books.settling || host.health !== 'up') return;
  books.settling = true;
  try {
    let m = computeMemory(host, books);
    while (m.swappedGiB > host.swapGiB + epsilon) {
      const name = books.victims.peek();
      if (name === undefined) break;
      const vm = ctx.vms.get(name)!;
      const reason =
        `${vm.name} was ended by ${host.id}'s out-of-memory killer: the guests' working sets (${gib(m.workingSetGiB)}) need ` +
        `${gib(m.swappedGiB)} of swap beyond the ${gib(m.availableGiB)} of memory left for them, and the host has ${gib(host.swapGiB)}; ` +
        `${vm.name} used the most memory (${gib(workingSetGiB(vm))})`;
      ctx.kill(vm, reason);
      m = computeMemory(host, books);
    }
    if (m.pressure !== books.recorded) {
      books.recorded = m.pressure;
      ctx.record({ kind: 'memory-pressure', host: host.id, az: host.az, region: host.region, message: pressureMessage(host, m) });
    }
  } finally {
    books.settling = false;
  }
}

function pressureMessage(host: HostState, m: HostMemory): string {
  switch (m.pressure) {
    case 'none':
      return `${host.id}: no memory pressure: the running guests' ${gib(m.promisedGiB)} fit the ${gib(m.availableGiB)} of memory left for them`;
    case 'ballooning':
      return (
        `${host.id}: memory pressure: the running guests were promised ${gib(m.promisedGiB)} but ${gib(m.availableGiB)} is left for them; ` +
        `balloon drivers reclaim ${gib(m.balloonGiB)} of idle guest memory (their working sets, ${gib(m.workingSetGiB)}, still fit)`
      );
    case 'swapping':
      return (
        `${host.id}: memory pressure: the guests' working sets (${gib(m.workingSetGiB)}) exceed the ${gib(m.availableGiB)} of memory left for them; ` +
        `after ballooning, the host swaps ${gib(m.swappedGiB)} to disk (${round(m.swappedPercent, 1)}% of every working set) and the guests slow down`
      );
    default:
      return m.pressure satisfies never;
  }
}
