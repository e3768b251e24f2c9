/**
 * Spread placement groups, after EC2's: every VM of a group on hardware of its own (in the engine, a
 * host of its own), at most seven of them per AZ, and a launch or start that cannot keep that promise
 * fails rather than doubling up. A VM holds its place in the group while it holds a host (a stopped VM
 * gives its host back, and a start must find it a free one again).
 */
import type { Size } from './host';
import { fits } from './host';
import type { RegionState, Vm } from './types';
import { describeSize, holdsHost } from './vm';

/** EC2's limit of running instances per AZ in a (rack) spread placement group. */
export const spreadGroupVmsPerAz = 7;

/** Where a spread group's VMs are: the hosts they hold, and how many sit in each AZ. */
export interface SpreadGroupPlaces {
  name: string;
  hosts: Set<string>;
  perAz: Map<string, number>;
}

/** The places the VMs of spread group `name` hold now. */
export function spreadGroupPlaces(vms: Iterable<Vm>, name: string): SpreadGroupPlaces {
  const places: SpreadGroupPlaces = { name, hosts: new Set(), perAz: new Map() };
  for (const vm of vms) {
    if (vm.spreadGroup === name && holdsHost(vm.state) && vm.host !== undefined && vm.az !== undefined) takePlace(places, vm.host, vm.az);
  }
  return places;
}

/** Notes one more VM of the group on `host` in `az`. */
export function takePlace(places: SpreadGroupPlaces, host: string, az: string): void {
  places.hosts.add(host);
  places.perAz.set(az, (places.perAz.get(az) ?? 0) + 1);
}

/** The AZs that already hold the most VMs the group may have there. */
export function fullAzs(places: SpreadGroupPlaces): Set<string> {
  return new Set([...places.perAz].filter(([, n]) => n >= spreadGroupVmsPerAz).map(([az]) => az));
}

/**
 * Why one more VM of the group does not fit in the region (or the one AZ): the seven-per-AZ limit, or
 * no host that is up, holds none of the group's VMs and has room. `refused` is the limit's case (a rule,
 * not a lack of capacity).
 */
export function spreadShortfall(region: RegionState, az: string | undefined, places: SpreadGroupPlaces, size: Size): { refused: boolean; reason: string } {
  const azs = region.azs.filter((z) => z.health === 'up' && (az === undefined || z.id === az));
  const full = fullAzs(places);
  const open = azs.filter((z) => !full.has(z.id));
  if (azs.length > 0 && open.length === 0) {
    const where = azs.map((z) => z.id).join(', ');
    return {
      refused: true,
      reason: `spread group ${places.name} already has ${spreadGroupVmsPerAz} VMs in ${where}: EC2 allows at most ${spreadGroupVmsPerAz} running instances per AZ in a spread placement group`,
    };
  }
  const hosts = open.flatMap((z) => z.hosts.filter((h) => h.health === 'up'));
  const own = hosts.filter((h) => !places.hosts.has(h.id));
  const roomy = own.filter((h) => fits(h, size));
  return {
    refused: false,
    reason:
      `spread group ${places.name} needs a host of its own for each VM: ${own.length} of the ${hosts.length} host(s) up hold none of its VMs, ` +
      `${roomy.length} of them with room for ${describeSize(size)}`,
  };
}
