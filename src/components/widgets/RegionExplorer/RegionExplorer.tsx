import React, { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { catalogCorrections, defaultNetwork, knownJurisdictions, priceTable, regionCatalog, type GeoPoint } from '@site/sim';
import { WidgetFrame } from '../shared/Frame';
import { useUrlState } from '../shared/urlState';
import { ShareLinkButton } from '../shared/ShareLinkButton';
import { cities, regionPlaces } from './places';
import {
  highlights,
  isKnownRule,
  regionRows,
  sortRows,
  stateSchema,
  userLabel,
  userLocation,
  usdPerHour,
  vcpuChoices,
  type ExplorerState,
  type SortKey,
} from './model';
import { RegionTable } from './RegionTable';
import { WorldMap } from './WorldMap';
import shared from '../shared/widget.module.css';
import styles from './styles.module.css';

export { regionRows, type RegionRow } from './model';

function Coordinate(props: { id: string; label: string; value: number; min: number; max: number; onChange(v: number): void }): React.JSX.Element {
  const [text, setText] = useState(String(props.value));
  useEffect(() => setText(String(props.value)), [props.value]);
  const n = Number(text);
  const valid = text.trim() !== '' && Number.isFinite(n) && n >= props.min && n <= props.max;
  const errorId = `${props.id}-error`;
  return (
    <label>
      {props.label}
      <input
        type="number"
        inputMode="decimal"
        step={0.01}
        min={props.min}
        max={props.max}
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : errorId}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const v = Number(next);
          if (next.trim() !== '' && Number.isFinite(v) && v >= props.min && v <= props.max) props.onChange(Math.round(v * 100) / 100);
        }}
        className={styles.coordinate}
      />
      {/* The map keeps the last valid value: say which, so an invalid entry is never silently replaced. */}
      {valid ? null : (
        <span id={errorId} className={styles.invalid}>
          Not applied: from {props.min} to {props.max}. The map still uses {props.value.toFixed(2)}.
        </span>
      )}
    </label>
  );
}

/** The places to choose from: the same on every render, made once (React skips an element it has already placed). */
const placeOptions = (
  <>
    <optgroup label="Cities">
      {cities.map((c) => (
        <option key={c.id} value={c.id}>
          {c.label}
        </option>
      ))}
    </optgroup>
    <optgroup label="At a region's location">
      {regionPlaces.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label}
        </option>
      ))}
    </optgroup>
  </>
);

/** Where the figures come from: fixed by the catalog, drawn once. */
const Sources = memo(function Sources(): React.JSX.Element {
  return (
    <details className={styles.sources}>
      <summary>Sources and model</summary>
      <ul>
        <li>
          Regions, AZ names and counts: the <code>aws-regions</code> package; countries: the <code>cloud-regions-country-flags</code> package (
          {regionCatalog.length} regions with a known location); each region drawn at the metro of its data centres. Corrections:{' '}
          {catalogCorrections.map((c) => `${c.code} ${c.field}: ${c.reason}`).join('; ')}.
        </li>
        <li>
          Round trip = {defaultNetwork.fixedRttMs} ms + 2 × great-circle distance × route factor {defaultNetwork.routeFactor} ÷ {defaultNetwork.fibreKmPerMs} km
          per ms (light in fibre), calibrated on CloudPing&apos;s measured round trips between AWS regions (p50, year to 2025-05-29). An estimate: over 231
          pairs of regions it came out between 0.32 and 1.49 times the measured round trip (median 1.00).
        </li>
        <li>
          Prices: on-demand {priceTable.referenceInstance.name} ({priceTable.referenceInstance.vcpu} vCPU, {priceTable.referenceInstance.os}) per hour, scaled
          by vCPU; {priceTable.currency}, as of {priceTable.sources.instanceHourUsd.asOf}. Source: {priceTable.sources.instanceHourUsd.source}.
        </li>
        <li>Residency: a country as the catalog spells it, or the EU&apos;s 27 member states.</li>
        <li>
          Map: Natural Earth 1:110m countries via the <code>world-atlas</code> package, Equal Earth projection. City coordinates are approximate city centres.
        </li>
      </ul>
    </details>
  );
});

const TableView = memo(RegionTable);
const MapView = memo(WorldMap);

export default function RegionExplorer({ id = 'region-explorer', residency }: { id?: string; residency?: string }): React.JSX.Element {
  const ruleOk = residency === undefined || isKnownRule(residency);
  const fallback = useMemo<ExplorerState>(
    () => ({ user: 'berlin', vcpu: 2, rule: residency && ruleOk ? residency : 'none', sort: 'rtt', desc: false }),
    [residency, ruleOk],
  );
  const url = useUrlState(id, stateSchema, fallback);
  const [state, setState] = useState<ExplorerState>(fallback);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  useEffect(() => {
    if (url.loaded) setState(url.initial);
  }, [url.loaded, url.initial]);

  const set = (patch: Partial<ExplorerState>) => setState((s) => ({ ...s, ...patch }));
  // Stable callbacks, so the memoized table and map skip the render that only moves the controls.
  const pick = useCallback((user: GeoPoint) => setState((s) => ({ ...s, user })), []);
  const sortBy = useCallback((key: SortKey) => setState((s) => ({ ...s, sort: key, desc: s.sort === key ? !s.desc : false })), []);
  // The controls show the reader's choice at once; what is drawn from it (every region re-ranked, the
  // table re-sorted, the map) follows in a render of its own, so a key press is not held up by it.
  const shown = useDeferredValue(state);
  const controlLocation = userLocation(state.user);
  const location = userLocation(shown.user);
  const where = userLabel(shown.user);
  // The rows depend on the coordinates, not on the object that holds them (a typed point is a new object).
  const rows = useMemo(() => regionRows(location, shown.vcpu, shown.rule), [location.lat, location.lon, shown.vcpu, shown.rule]); // eslint-disable-line react-hooks/exhaustive-deps
  const sorted = useMemo(() => sortRows(rows, shown.sort, shown.desc), [rows, shown.sort, shown.desc]);
  const h = highlights(rows);
  const ruleText = shown.rule === 'none' ? 'no residency rule' : `the ${shown.rule} rule`;

  const summary =
    `Users in ${where}. Lowest round trip: ${h.closest ? `${h.closest.name}, ${h.closest.code}, ${h.closest.rttMs} ms` : 'none'}. ` +
    (shown.rule === 'none'
      ? `No residency rule: all ${rows.length} regions allowed. `
      : `${shown.rule} rule: ${h.allowedCount} of ${rows.length} regions inside it, ${rows.length - h.allowedCount} flagged${h.closestAllowed ? `; lowest round trip inside it: ${h.closestAllowed.code}, ${h.closestAllowed.rttMs} ms` : ''}. `) +
    (h.cheapestAllowed
      ? `Cheapest ${shown.vcpu} vCPU VM${shown.rule === 'none' ? '' : ' inside the rule'}: ${h.cheapestAllowed.code} at ${usdPerHour(h.cheapestAllowed.hourlyUsd!)} per hour.`
      : 'No priced region inside the rule.');
  const mapLabel =
    `World map of ${rows.length} regions. Your users: ${where}. ` +
    (shown.rule === 'none'
      ? ''
      : `Regions outside ${ruleText} are drawn as crossed diamonds: ${
          rows
            .filter((r) => r.allowed === false)
            .map((r) => r.code)
            .join(', ') || 'none'
        }. `) +
    (h.closestAllowed
      ? `A line joins the users to the closest region${shown.rule === 'none' ? '' : ' inside the rule'}, ${h.closestAllowed.code} (${h.closestAllowed.rttMs} ms). `
      : '') +
    'The table below lists the same data.';

  const notice = [ruleOk ? null : `Unknown residency rule "${residency}"; showing no rule instead.`, url.notice].filter(Boolean).join(' ') || null;
  const placeId = typeof state.user === 'string' ? state.user : 'custom';

  return (
    <WidgetFrame
      id={id}
      title="Region explorer"
      description={
        <>
          Real cloud regions: where they are, how far your users are from them in round-trip time, what a VM costs there, and whether they meet a data-residency
          rule. All figures come from the simulation engine.
        </>
      }
      notice={notice}
      summary={summary}
    >
      <div className={shared.controls}>
        <label>
          Your users are in
          <select
            value={placeId}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v !== 'custom') set({ user: v });
            }}
          >
            {placeOptions}
            <option value="custom">A point of your own (click the map or type it)</option>
          </select>
        </label>
        <Coordinate
          id={`${id}-lat`}
          label="Latitude"
          value={controlLocation.lat}
          min={-90}
          max={90}
          onChange={(lat) => set({ user: { lat, lon: controlLocation.lon } })}
        />
        <Coordinate
          id={`${id}-lon`}
          label="Longitude"
          value={controlLocation.lon}
          min={-180}
          max={180}
          onChange={(lon) => set({ user: { lat: controlLocation.lat, lon } })}
        />
      </div>
      <div className={shared.controls}>
        <label>
          VM size
          <select value={state.vcpu} onChange={(e) => set({ vcpu: Number(e.currentTarget.value) })}>
            {vcpuChoices.map((v) => (
              <option key={v} value={v}>
                {v} vCPU
              </option>
            ))}
          </select>
        </label>
        <label>
          Data must stay in
          <select value={state.rule} onChange={(e) => set({ rule: e.currentTarget.value })}>
            <option value="none">No rule</option>
            {knownJurisdictions().map((j) => (
              <option key={j} value={j}>
                {j === 'EU' ? 'the EU (27 member states)' : j}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className={styles.hint}>Click the map to put your users anywhere; the fields above do the same by keyboard.</p>
      <MapView rows={rows} user={location} userLabel={where} closest={h.closestAllowed} highlighted={highlighted} label={mapLabel} onPick={pick} />
      <ul className={styles.legend} aria-label="Map legend">
        <li>
          <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" className={styles.allowed}>
            <circle r={6} />
          </svg>
          region{shown.rule === 'none' ? '' : ' inside the rule'}
        </li>
        {shown.rule === 'none' ? null : (
          <li>
            <svg width="18" height="18" viewBox="-9 -9 18 18" aria-hidden="true" className={styles.flagged}>
              <path d="M0 -8L8 0L0 8L-8 0Z M-3.5 -3.5L3.5 3.5M3.5 -3.5L-3.5 3.5" />
            </svg>
            outside the rule
          </li>
        )}
        <li>
          <svg width="18" height="18" viewBox="-11 -11 22 22" aria-hidden="true" className={styles.user}>
            <path d="M0 -11L3 -3L11 -3L5 2L7 10L0 5L-7 10L-5 2L-11 -3L-3 -3Z" />
          </svg>
          your users; the line goes to the closest region{shown.rule === 'none' ? '' : ' inside the rule'}
        </li>
      </ul>
      <TableView
        id={id}
        rows={sorted}
        sort={shown.sort}
        desc={shown.desc}
        vcpu={shown.vcpu}
        rule={shown.rule}
        bestRtt={h.closestAllowed?.code}
        cheapest={h.cheapestAllowed?.code}
        onSort={sortBy}
        onHighlight={setHighlighted}
      />
      <Sources />
      <ShareLinkButton id={id} state={state} />
    </WidgetFrame>
  );
}
