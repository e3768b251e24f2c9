/**
 * Small builders for the worlds quiz scenarios describe, so a quiz file reads like the question.
 * They only assemble scenario objects; the engine does everything else.
 */
import { findRegion, type ScenarioInput } from '@site/sim';

type RegionInput = ScenarioInput['regions'][number];
type HostInput = RegionInput['azs'][number]['hosts'][number];

/** The first `n` AZ names of a region, as the engine's catalog lists them. */
export function azNames(region: string, n: number): string[] {
  const zones = findRegion(region)?.zones ?? [];
  if (zones.length < n) throw new Error(`${region} has ${zones.length} AZs in the catalog, not ${n}`);
  return zones.slice(0, n);
}

/** A region with `azCount` AZs, each with the same hosts (one 16-core, 64 GiB type 1 host by default). */
export function region(id: string, azCount: number, hosts: HostInput[] = [{ cores: 16, memoryGiB: 64 }]): RegionInput {
  return { id, azs: azNames(id, azCount).map((az) => ({ id: az, hosts })) };
}

/** One AZ with one host: the world of the hypervisor questions. */
export function oneHost(host: HostInput, regionId = 'eu-central-1'): RegionInput {
  return { id: regionId, azs: [{ id: azNames(regionId, 1)[0], hosts: [host] }] };
}

/** `count` separate launches of one VM each: a launch is all or nothing, one-by-one shows how many fit. */
export function launchOneByOne(count: number, vm: { name: string; vcpu: number; memoryGiB: number; region: string }, at = 0): ScenarioInput['actions'] {
  return Array.from({ length: count }, () => ({ at, launch: { ...vm, count: 1 } }));
}
