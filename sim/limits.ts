/**
 * The sizes a scenario may have. A teaching engine answers in seconds: past these, a scenario is
 * refused when it is read, so every accepted scenario finishes in bounded time and memory. They
 * are documented, with their reasons, in docs/reference/scenario-format.md.
 */
export const limits = {
  /** Bytes of scenario text. */
  inputBytes: 8 * 1024 * 1024,
  /** Hosts in the world, after `count` is expanded. */
  hosts: 10_000,
  /** VMs a scenario asks for: every launch's count, plus each group's largest size (desired, scaling max, or a scale action's desired). */
  vms: 100_000,
  /** Groups in a scenario. */
  groups: 100,
  /** Timed actions. */
  actions: 50_000,
  /** Points of a traffic curve. */
  trafficPoints: 10_000,
  /** The longest run, in seconds: 31 days. Also the most `--until` may ask. */
  untilSeconds: 31 * 86_400,
  /** The shortest scaling interval and detection delay, in seconds. */
  minIntervalSeconds: 1,
  /**
   * Checks a run may schedule on its own, without an action asking: each group can retry every
   * detection delay, and each scaling group evaluates every interval, for the whole run.
   */
  periodicChecks: 500_000,
  /**
   * Outages (fail or recover of a host, AZ or region) times VMs asked for: each outage may reach
   * every VM under it and sends every group to look at its members.
   */
  outageReach: 20_000_000,
} as const;

/** How many checks the groups of a scenario may schedule on their own over `until` seconds. */
export function periodicChecks(until: number, detectionSeconds: number, groups: { scaling?: { intervalSeconds: number } }[]): number {
  let total = 0;
  for (const g of groups) {
    total += Math.ceil(until / detectionSeconds);
    if (g.scaling) total += Math.ceil(until / g.scaling.intervalSeconds);
  }
  return total;
}
