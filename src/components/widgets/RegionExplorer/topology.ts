/**
 * The world map's outlines as the page loads them: Natural Earth's 1:110m countries from the
 * `world-atlas` package, with only what the map draws (the countries' shapes: no names, ids or the
 * separate land object) and coordinates quantized to 10,000 steps per axis instead of 100,000. On the
 * map that moves no point by more than 0.07 of a viewBox unit (a 960-unit-wide map whose paths are
 * written to 0.1 of a unit), and it is a third smaller over the wire. `mapTopology` derives it;
 * scripts/map/write-topology.ts writes it to ./countries-110m.json, and a test holds that file equal
 * to what `mapTopology` makes of the installed world-atlas.
 */
import { quantize } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const mapQuantization = 1e4;

/** The map's topology, from world-atlas's countries-110m.json. */
export function mapTopology(source: Topology): Topology {
  if (!source.transform) throw new Error('expected a quantized topology (world-atlas ships one)');
  const countries = source.objects.countries as GeometryCollection | undefined;
  if (!countries || countries.type !== 'GeometryCollection') throw new Error('expected a "countries" geometry collection');
  const [sx, sy] = source.transform.scale;
  const [tx, ty] = source.transform.translate;
  // Back to longitude and latitude (the arcs are delta-encoded), then quantized afresh.
  const arcs = source.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const geometries = countries.geometries.map((g) => ('arcs' in g ? { type: g.type, arcs: g.arcs } : { type: g.type })) as GeometryCollection['geometries'];
  const unquantized: Topology = { type: 'Topology', arcs, objects: { countries: { type: 'GeometryCollection', geometries } } };
  return quantize(unquantized as Parameters<typeof quantize>[0], mapQuantization);
}
