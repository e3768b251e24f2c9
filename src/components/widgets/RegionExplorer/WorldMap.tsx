import React, { useEffect, useState } from 'react';
import { geoEqualEarth, geoGraticule, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeoPoint } from '@site/sim';
import type { RegionRow } from './model';
import styles from './styles.module.css';

export const mapWidth = 960;
const pad = 6;
const sphere = { type: 'Sphere' } as const;
const projection = geoEqualEarth().fitWidth(mapWidth - 2 * pad, sphere);
projection.translate([projection.translate()[0] + pad, projection.translate()[1] + pad]);
// One decimal is a tenth of a viewBox unit: finer than a pixel, and keeps the server HTML small.
const path = geoPath(projection).digits(1);
export const mapHeight = Math.ceil(path.bounds(sphere)[1][1] + pad);
const spherePath = path(sphere) ?? '';
const graticulePath = path(geoGraticule().step([30, 30])()) ?? '';

export function project(p: GeoPoint): [number, number] {
  return projection([p.lon, p.lat]) ?? [0, 0];
}

/** The point on the globe under a map position (in viewBox units), or null off the globe. */
export function unproject(x: number, y: number): GeoPoint | null {
  const ll = projection.invert?.([x, y]);
  if (!ll || !Number.isFinite(ll[0]) || !Number.isFinite(ll[1]) || Math.abs(ll[1]) > 90 || Math.abs(ll[0]) > 180) return null;
  const back = projection(ll);
  if (!back || Math.hypot(back[0] - x, back[1] - y) > 1) return null;
  return { lat: Math.round(ll[1] * 100) / 100, lon: Math.round(ll[0] * 100) / 100 };
}

interface Land {
  countries: string;
  borders: string;
}

// Shared by every explorer on the page; the topology (./topology.ts) is fetched once, on the client.
let landPromise: Promise<Land> | null = null;
function loadLand(): Promise<Land> {
  landPromise ??= import('./countries-110m.json').then((m) => {
    const topology = (m.default ?? m) as unknown as Parameters<typeof feature>[0];
    const countries = (topology.objects as Record<string, Parameters<typeof feature>[1]>).countries;
    return {
      countries: path(feature(topology, countries)) ?? '',
      borders: path(mesh(topology, countries as never, (a, b) => a !== b)) ?? '',
    };
  });
  return landPromise;
}

interface Props {
  rows: RegionRow[];
  user: GeoPoint;
  userLabel: string;
  closest: RegionRow | undefined;
  highlighted: string | null;
  label: string;
  onPick(point: GeoPoint): void;
}

export function WorldMap({ rows, user, userLabel, closest, highlighted, label, onPick }: Props): React.JSX.Element {
  const [land, setLand] = useState<Land | null>(null);
  useEffect(() => {
    let live = true;
    loadLand().then(
      (l) => live && setLand(l),
      () => undefined, // Without the outlines the map still shows every region and the user.
    );
    return () => {
      live = false;
    };
  }, []);

  const pick = (e: React.MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    if (box.width === 0) return;
    const point = unproject(((e.clientX - box.left) / box.width) * mapWidth, ((e.clientY - box.top) / box.height) * mapHeight);
    if (point) onPick(point);
  };

  const [ux, uy] = project(user);
  const target = closest ? project(closest.location) : null;
  const marked = rows.find((r) => r.code === highlighted);
  // Labels go on the far sides, so the users' label and the region's do not cover each other.
  const east = target ? target[0] >= ux : true;
  const south = target ? target[1] >= uy : true;
  return (
    <svg viewBox={`0 0 ${mapWidth} ${mapHeight}`} className={styles.map} role="img" aria-label={label} onClick={pick} data-land={land ? 'loaded' : 'loading'}>
      <path d={spherePath} className={styles.ocean} />
      <path d={graticulePath} className={styles.graticule} />
      {land ? (
        <>
          <path d={land.countries} className={styles.land} />
          <path d={land.borders} className={styles.border} />
        </>
      ) : null}
      {target ? <line x1={ux} y1={uy} x2={target[0]} y2={target[1]} className={styles.route} /> : null}
      {rows.map((r) => {
        const [x, y] = project(r.location);
        const flagged = r.allowed === false;
        return (
          <g key={r.code} transform={`translate(${x} ${y})`} className={flagged ? styles.flagged : styles.allowed}>
            <title>{`${r.name} (${r.code}), ${r.azs} AZs: ${r.rttMs} ms${flagged ? ', outside the residency rule' : ''}`}</title>
            {flagged ? <path d="M0 -10L10 0L0 10L-10 0Z M-4 -4L4 4M4 -4L-4 4" /> : <circle r={7.5} />}
          </g>
        );
      })}
      {marked ? <circle cx={project(marked.location)[0]} cy={project(marked.location)[1]} r={16} className={styles.ring} /> : null}
      {closest && target ? (
        <text x={target[0] + (east ? 12 : -12)} y={target[1] + (south ? 20 : -10)} textAnchor={east ? 'start' : 'end'} className={styles.mapLabel}>
          {closest.code}: {closest.rttMs} ms
        </text>
      ) : null}
      <g transform={`translate(${ux} ${uy})`} className={styles.user}>
        <path d="M0 -14L4 -4L14 -4L6 3L9 13L0 7L-9 13L-6 3L-14 -4L-4 -4Z" />
      </g>
      <text x={ux + (east ? -14 : 14)} y={uy + (south ? -12 : 22)} textAnchor={east ? 'end' : 'start'} className={styles.mapLabel}>
        {userLabel}
      </text>
    </svg>
  );
}
