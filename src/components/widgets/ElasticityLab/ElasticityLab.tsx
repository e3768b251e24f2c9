import React, { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { findRegion, parseScenario, priceSource, priceTable, vmHourlyUsd } from '@site/sim';
import { WidgetFrame } from '../shared/Frame';
import { useUrlState } from '../shared/urlState';
import { ShareLinkButton } from '../shared/ShareLinkButton';
import { WholeNumber } from '../shared/WholeNumber';
import { DayChart } from './DayChart';
import {
  configSchema,
  curveNames,
  curves,
  dayScenario,
  defaultConfig,
  maxGroup,
  peakVmsFor,
  perVmRps,
  pricedRegions,
  dayOf,
  vmSize,
  type DayConfig,
  type DayRun,
} from './day';
import shared from '../shared/widget.module.css';
import styles from './styles.module.css';

export { runDay, dayScenario, defaultConfig, curves, type DayConfig } from './day';

const usd = (x: number) => `$${x.toFixed(2)}`;
const count = (n: number) => n.toLocaleString('en-US');

function planFacts(run: DayRun) {
  const m = run.report.metrics;
  const req = m.requests ?? { served: 0, dropped: 0, droppedPercent: 0 };
  const peak = Math.max(...run.serving.map((s) => s[1]));
  return { cost: m.cost.totalUsd, dropped: req.dropped, droppedPercent: req.droppedPercent, served: req.served, peak };
}

/** Every hour of both days, as a table: redrawn only when a day changes. */
const HourTable = memo(function HourTable({ owned, rented }: { owned: DayRun; rented: DayRun }): React.JSX.Element {
  return (
    <details className={styles.tableBox}>
      <summary>Hour by hour (the chart as a table)</summary>
      <table className={styles.table}>
        <caption>Demand, VMs serving at the end of each hour, requests dropped and cost in that hour</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col">Demand (rps)</th>
            <th scope="col">Owned VMs</th>
            <th scope="col">Rented VMs</th>
            <th scope="col">Dropped, owned</th>
            <th scope="col">Dropped, rented</th>
            <th scope="col">Cost, owned</th>
            <th scope="col">Cost, rented</th>
          </tr>
        </thead>
        <tbody>
          {owned.hours.map((h, i) => (
            <tr key={h.hour}>
              <th scope="row">{String(h.hour).padStart(2, '0')}:00</th>
              <td>{h.demandRps}</td>
              <td>{h.servingAtEnd}</td>
              <td>{rented.hours[i].servingAtEnd}</td>
              <td>{count(h.dropped)}</td>
              <td>{count(rented.hours[i].dropped)}</td>
              <td>{usd(h.costUsd)}</td>
              <td>{usd(rented.hours[i].costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
});

const ChartView = memo(DayChart);

export default function ElasticityLab({ id = 'elasticity-lab' }: { id?: string }): React.JSX.Element {
  const url = useUrlState(id, configSchema, defaultConfig);
  const [config, setConfig] = useState<DayConfig>(defaultConfig);
  useEffect(() => {
    if (url.loaded) setConfig(url.initial);
  }, [url.loaded, url.initial]);

  // The controls show the reader's numbers at once; the days they run in the engine, and all drawn
  // from them, follow in a render of their own, so a key press is not held up by a simulated day.
  const shown = useDeferredValue(config);
  const owned = useMemo(() => dayOf(shown, 'owned'), [shown]);
  const rented = useMemo(() => dayOf(shown, 'rented'), [shown]);
  const o = planFacts(owned);
  const r = planFacts(rented);
  const set = <K extends keyof DayConfig>(key: K, value: DayConfig[K]) => {
    const next = { ...config, [key]: value };
    if (key === 'min' && next.max < next.min) next.max = next.min;
    if (key === 'max' && next.min > next.max) next.min = next.max;
    setConfig(next);
  };
  const curve = curves[shown.curve];
  const region = findRegion(shown.region);
  const hourly = vmHourlyUsd(shown.region, vmSize.vcpu);
  const peakDemand = Math.max(...curve.rps);
  // The engine's defaults for how fast the rented group reacts, as it will run them.
  const timing = useMemo(() => {
    const parsed = parseScenario(dayScenario(shown, 'rented'));
    const group = parsed.actions[0].action;
    return { pending: parsed.timings.pendingSeconds, interval: group.kind === 'group' ? group.scaling?.intervalSeconds : undefined };
  }, [shown]);
  const rentedLow = rented.serving.length > 1 ? Math.min(...rented.serving.slice(1).map((s) => s[1])) : 0;

  const summary =
    `${curve.label} in ${shown.region}. Owned, ${shown.owned} VMs all day: ${usd(o.cost)}, ${count(o.dropped)} requests dropped (${o.droppedPercent}%). ` +
    `Rented, ${shown.min} to ${shown.max} VMs at ${shown.target} requests per second per VM: ${usd(r.cost)}, ${count(r.dropped)} requests dropped (${r.droppedPercent}%), at most ${r.peak} VMs.`;
  const chartLabel =
    `Demand and capacity over the day. Demand peaks at ${peakDemand} requests per second. ` +
    `Owned capacity stays at ${o.peak * perVmRps}; rented capacity ranges from ${rentedLow} to ${r.peak} VMs. The table below lists every hour.`;

  return (
    <WidgetFrame
      id={id}
      title="Elasticity lab: own or rent?"
      description={
        <>
          One simulated day of demand, served two ways: owned capacity that stays the same all day, and rented capacity that scales with demand. Both runs are
          the simulation engine&apos;s.
        </>
      }
      notice={url.notice}
      summary={summary}
    >
      <div className={shared.controls}>
        <label>
          Load curve
          <select value={config.curve} onChange={(e) => set('curve', e.currentTarget.value as DayConfig['curve'])}>
            {curveNames.map((c) => (
              <option key={c} value={c}>
                {curves[c].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Region
          <select value={config.region} onChange={(e) => set('region', e.currentTarget.value)}>
            {pricedRegions.map((code) => (
              <option key={code} value={code}>
                {code} — {findRegion(code)?.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className={styles.plans}>
        <fieldset className={styles.plan}>
          <legend>Owned: a fixed number of VMs</legend>
          <div className={shared.controls}>
            <WholeNumber id={`${id}-owned`} label="VMs, all day" value={config.owned} min={1} max={maxGroup} onChange={(v) => set('owned', v)} />
            <button type="button" className={shared.button} onClick={() => set('owned', peakVmsFor(config))}>
              Size for the peak ({peakVmsFor(config)})
            </button>
          </div>
          <dl className={styles.facts}>
            <dt>Cost of the day</dt>
            <dd>{usd(o.cost)}</dd>
            <dt>Requests dropped</dt>
            <dd>
              {count(o.dropped)} ({o.droppedPercent}%)
            </dd>
          </dl>
        </fieldset>
        <fieldset className={styles.plan}>
          <legend>Rented: a group that scales</legend>
          <div className={shared.controls}>
            <WholeNumber id={`${id}-min`} label="At least" value={config.min} min={0} max={maxGroup} onChange={(v) => set('min', v)} />
            <WholeNumber id={`${id}-max`} label="At most" value={config.max} min={1} max={maxGroup} onChange={(v) => set('max', v)} />
            <WholeNumber id={`${id}-target`} label="Target rps per VM" value={config.target} min={10} max={1000} onChange={(v) => set('target', v)} />
          </div>
          <dl className={styles.facts}>
            <dt>Cost of the day</dt>
            <dd>{usd(r.cost)}</dd>
            <dt>Requests dropped</dt>
            <dd>
              {count(r.dropped)} ({r.droppedPercent}%)
            </dd>
            <dt>Most VMs at once</dt>
            <dd>{r.peak}</dd>
          </dl>
        </fieldset>
      </div>
      <p className={styles.verdict}>
        {r.cost < o.cost
          ? `Renting cost ${usd(o.cost - r.cost)} less than owning for the day`
          : r.cost > o.cost
            ? `Renting cost ${usd(r.cost - o.cost)} more than owning for the day`
            : 'Both cost the same'}
        {r.dropped === o.dropped
          ? ', and both dropped the same requests.'
          : r.dropped < o.dropped
            ? `, and dropped ${count(o.dropped - r.dropped)} fewer requests.`
            : `, and dropped ${count(r.dropped - o.dropped)} more requests.`}
      </p>
      <ChartView demand={curve.rps} owned={owned} rented={rented} label={chartLabel} />
      <HourTable owned={owned} rented={rented} />
      <p className={styles.assumptions}>
        Each VM is a {priceTable.referenceInstance.name} ({vmSize.vcpu} vCPU, {vmSize.memoryGiB} GiB) serving up to {perVmRps} requests per second; in{' '}
        {region?.name ?? shown.region} it costs {hourly === undefined ? 'no listed price' : `$${hourly.toFixed(3)} per hour`} while running, plus its disk. The
        rented group checks demand every {timing.interval ?? '?'} s and a new VM takes {timing.pending} s to start, so a sudden rise drops requests before it
        catches up. Owned capacity is modelled as the same VMs kept running all day: paid every hour, used or not.
      </p>
      <details className={styles.sources}>
        <summary>Price source</summary>
        {priceSource('instanceHourUsd')}. Disk: {priceSource('gp3GbMonthUsd')}.
      </details>
      <ShareLinkButton id={id} state={config} />
    </WidgetFrame>
  );
}
