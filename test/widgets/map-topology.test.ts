/**
 * The world map's outlines as the page loads them (src/components/widgets/RegionExplorer/topology.ts):
 * the file written from the installed world-atlas, and drawn where world-atlas's own file draws them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { geoEqualEarth } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { mapTopology } from '@site/src/components/widgets/RegionExplorer/topology';
import shipped from '@site/src/components/widgets/RegionExplorer/countries-110m.json';
import { projectRoot } from '../../tools/browser/site';

const source = JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'world-atlas', 'countries-110m.json'), 'utf8')) as Topology;

type Rings = [number, number][][];
/** Each country's rings of [lon, lat], as topojson-client decodes a topology. */
function countryRings(topology: Topology): Rings[] {
  const collection = feature(topology, topology.objects.countries) as unknown as { features: { geometry: { type: string; coordinates: unknown } | null }[] };
  return collection.features.map((f) => {
    if (!f.geometry) return [];
    if (f.geometry.type === 'Polygon') return f.geometry.coordinates as Rings;
    if (f.geometry.type === 'MultiPolygon') return (f.geometry.coordinates as Rings[]).flat();
    throw new Error(`unexpected geometry ${f.geometry.type}`);
  });
}

describe('the world map topology', () => {
  it('is what scripts/map/write-topology.ts makes of the installed world-atlas', () => {
    expect(shipped, 'run `npm run map:topology` after upgrading world-atlas').toEqual(mapTopology(source));
  });

  it("is smaller than world-atlas's file and holds only the countries", () => {
    expect(JSON.stringify(shipped).length).toBeLessThan(JSON.stringify(source).length * 0.8);
    expect(Object.keys(shipped.objects)).toEqual(['countries']);
  });

  it("draws every country within 0.07 of a viewBox unit of where world-atlas's file draws it, on the map's projection", () => {
    // The map's projection (WorldMap.tsx): Equal Earth fitted to 948 units, plus 6 of padding, which moves nothing relative.
    const project = geoEqualEarth().fitWidth(948, { type: 'Sphere' });
    const before = countryRings(source);
    const after = countryRings(shipped as unknown as Topology);
    expect(after.length).toBe(before.length);
    expect(before.length).toBeGreaterThan(150);
    let worst = 0;
    let points = 0;
    before.forEach((rings, c) => {
      expect(after[c].length, `country ${c}: rings`).toBe(rings.length);
      rings.forEach((ring, r) => {
        const drawn = after[c][r].map((p) => project(p)!);
        for (const p of ring) {
          const [x, y] = project(p)!;
          // Quantizing drops a point that lands on its neighbour, so each point is matched to the nearest one kept.
          let nearest = Infinity;
          for (const [u, v] of drawn) nearest = Math.min(nearest, Math.hypot(u - x, v - y));
          worst = Math.max(worst, nearest);
          points++;
        }
      });
    });
    expect(points).toBeGreaterThan(5000);
    expect(worst).toBeLessThan(0.07);
  });
});
