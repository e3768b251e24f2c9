/**
 * `npm run map:topology`: writes src/components/widgets/RegionExplorer/countries-110m.json, the world
 * map's outlines as the page loads them (see topology.ts there). Run it after upgrading world-atlas;
 * test/widgets/map-topology.test.ts says when it is due.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapTopology } from '../../src/components/widgets/RegionExplorer/topology';
import { projectRoot } from '../../tools/browser/site';

const source = JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'world-atlas', 'countries-110m.json'), 'utf8'));
const out = join(projectRoot, 'src', 'components', 'widgets', 'RegionExplorer', 'countries-110m.json');
const text = JSON.stringify(mapTopology(source));
writeFileSync(out, `${text}\n`);
console.log(`${out}: ${text.length} bytes (world-atlas's file: ${JSON.stringify(source).length})`);
