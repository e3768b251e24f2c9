/**
 * What the hypervisor lab draws at one moment, read from its world: the engine's glance (each VM's
 * state, load and waits, and the host), the full report of the one VM the reader acts on, and the
 * last few events. A frame never builds the whole report: at a thousand VMs that means a thousand
 * VMs' costs, storage and refusals that nothing on screen shows.
 */
import type { HostReport, SimEvent, VmGlance, VmReport, World } from '@site/sim';

export interface HypervisorLabFrame {
  time: number;
  /** The lab's one host, or null before it exists. */
  host: HostReport | null;
  /** Every VM, in the engine's order; the same list while no VM changed. */
  vms: readonly VmGlance[];
  /** The VM the reader acts on: the one picked, or the newest; null without VMs. */
  selected: VmReport | null;
  /** The engine's latest events (enough for the event list to drop repeats and keep eight). */
  recentEvents: readonly SimEvent[];
}

/** Events kept for the event list: it shows eight, one more lets it drop a repeat at the edge. */
const recentCount = 9;

export function readLabFrame(world: World, selected: string | null): HypervisorLabFrame {
  const glance = world.glance();
  const newest = glance.vms[glance.vms.length - 1];
  const picked = (selected && world.vm(selected)) || (newest ? world.vm(newest.name) : undefined);
  return {
    time: glance.time,
    host: glance.hosts[0] ?? null,
    vms: glance.vms,
    selected: picked ?? null,
    recentEvents: world.events.slice(-recentCount),
  };
}
