/**
 * Placement: which host a VM goes to. `pack` fills hosts in declared order (first fit); `balance`
 * (once called `spread`) goes round-robin over the region's AZs in declared order, then takes the
 * least-loaded host of the AZ; a pinned AZ restricts both to that AZ. Groups balance their members
 * across their AZs. A spread placement group (./spread-group.ts) adds hosts and AZs to stay off.
 */
import { fits, loadShare, type Size } from './host';
import type { Policy } from './scenario';
import type { AzState, HostState, RegionState } from './types';

export interface PlacementRequest {
  size: Size;
  region: RegionState;
  policy: Policy;
  /** Only this AZ (a pinned launch, or a stopped VM restarting in its own AZ). */
  az?: string;
  /** A group's AZs, with how many members each already has: the emptiest healthy AZ goes first. */
  groupAzs?: { az: string; members: number }[];
  /**
   * For `pack` within one multi-VM launch: where the previous VM went. Hosts before it did not fit
   * a VM of this size and, as nothing is released mid-launch, still do not: skip them.
   */
  packCursor?: { az: number; host: number };
  /**
   * A host to take only when no other fits: the one a stopped VM last ran on. A start after a stop
   * usually lands on other hardware in a real cloud (AWS: "in most cases, the instance is migrated
   * to a new underlying host computer").
   */
  avoid?: string;
  /** Hosts never to take: those a spread placement group's VMs already hold. */
  excludeHosts?: ReadonlySet<string>;
  /** AZs never to place in: those where a spread placement group has reached its limit. */
  excludeAzs?: ReadonlySet<string>;
}

function azUsable(region: RegionState, az: AzState, req?: PlacementRequest): boolean {
  return region.health === 'up' && az.health === 'up' && !req?.excludeAzs?.has(az.id);
}

/** Whether the host is up, not excluded, and has room. */
function takes(host: HostState, req: PlacementRequest): boolean {
  return host.health === 'up' && !req.excludeHosts?.has(host.id) && fits(host, req.size);
}

function firstFit(az: AzState, req: PlacementRequest): HostState | null {
  for (const host of az.hosts) if (takes(host, req)) return host;
  return null;
}

function leastLoaded(az: AzState, req: PlacementRequest): HostState | null {
  // Usually the least-loaded host fits and is up; otherwise (mixed sizes, a failed host) scan.
  const top = az.loadIndex.peek();
  if (top && takes(top, req)) return top;
  let best: HostState | null = null;
  let bestLoad = Infinity;
  for (const host of az.hosts) {
    if (!takes(host, req)) continue;
    const load = loadShare(host);
    if (load < bestLoad) {
      best = host;
      bestLoad = load;
    }
  }
  return best;
}

function pickInAz(az: AzState, req: PlacementRequest): HostState | null {
  if (req.avoid !== undefined) return pickAvoiding(az, req, req.avoid);
  return req.policy.placement === 'pack' ? firstFit(az, req) : leastLoaded(az, req);
}

/** As pickInAz, but the avoided host only when no other host of the AZ fits. */
function pickAvoiding(az: AzState, req: PlacementRequest, avoid: string): HostState | null {
  let best: HostState | null = null;
  let bestLoad = Infinity;
  let fallback: HostState | null = null;
  for (const host of az.hosts) {
    if (!takes(host, req)) continue;
    if (host.id === avoid) {
      fallback = host;
      continue;
    }
    if (req.policy.placement === 'pack') return host;
    const load = loadShare(host);
    if (load < bestLoad) {
      best = host;
      bestLoad = load;
    }
  }
  return best ?? fallback;
}

/** The region's AZ with this id, or undefined (a loop, not find with a closure: placement calls it per VM). */
export function azById(region: RegionState, id: string): AzState | undefined {
  for (const az of region.azs) if (az.id === id) return az;
  return undefined;
}

/**
 * A group's VM: its usable AZs tried from the fewest members (then declared order), the first with
 * a host for it. The order is walked without sorting a copy, as this runs once per member launched:
 * each pass takes the least (members, AZ index) after the one tried last. Entries with the same pair
 * name the same AZ, which the first of them has already tried.
 */
function pickForGroup(region: RegionState, req: PlacementRequest, groupAzs: readonly { az: string; members: number }[]): HostState | null {
  let triedMembers = -Infinity;
  let triedIndex = -1;
  for (;;) {
    let next: AzState | null = null;
    let nextMembers = Infinity;
    for (const g of groupAzs) {
      const az = azById(region, g.az);
      if (az === undefined || !azUsable(region, az, req)) continue;
      if (g.members < triedMembers || (g.members === triedMembers && az.index <= triedIndex)) continue;
      if (next === null || g.members < nextMembers || (g.members === nextMembers && az.index < next.index)) {
        next = az;
        nextMembers = g.members;
      }
    }
    if (next === null) return null;
    const host = pickInAz(next, req);
    if (host) return host;
    triedMembers = nextMembers;
    triedIndex = next.index;
  }
}

/**
 * The host for one VM, or null when nothing fits. Advances the region's spread cursor when it
 * places by round-robin (the caller restores it if it abandons an all-or-nothing launch).
 */
export function chooseHost(req: PlacementRequest): HostState | null {
  const { region } = req;
  if (region.health !== 'up') return null;

  if (req.az !== undefined) {
    const az = azById(region, req.az);
    return az && azUsable(region, az, req) ? pickInAz(az, req) : null;
  }

  if (req.groupAzs) return pickForGroup(region, req, req.groupAzs);

  if (req.policy.placement === 'pack') {
    const cursor = req.packCursor ?? { az: 0, host: 0 };
    for (; cursor.az < region.azs.length; cursor.az++, cursor.host = 0) {
      const az = region.azs[cursor.az];
      if (!azUsable(region, az, req)) continue;
      for (; cursor.host < az.hosts.length; cursor.host++) {
        const host = az.hosts[cursor.host];
        if (takes(host, req)) return host;
      }
    }
    return null;
  }

  const n = region.azs.length;
  for (let k = 0; k < n; k++) {
    const index = (region.spreadCursor + k) % n;
    const az = region.azs[index];
    if (!azUsable(region, az, req)) continue;
    const host = leastLoaded(az, req);
    if (host) {
      region.spreadCursor = (index + 1) % n;
      return host;
    }
  }
  return null;
}
