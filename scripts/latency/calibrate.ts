/**
 * How the latency model's two fitted numbers were chosen, re-runnable when a newer measured table
 * replaces sim/data/measured-rtt.ts: `npx tsx scripts/latency/calibrate.ts`.
 *
 * fixedRttMs: the median round trip inside one region in the measured table (the measurement's own
 * distance-free part), rounded to 0.5 ms. routeFactor: the value, on a 0.05 grid, whose median of
 * model ÷ measured over every pair of catalog regions is nearest 1. Then prints how close the model
 * is (min, 10th percentile, median, 90th percentile, max of the ratio) and the rows of the table in
 * docs/reference/simplifications.md.
 */
import { measuredRtt } from '../../sim/data/measured-rtt';
import { defaultNetwork, greatCircleKm, rttMs, type NetworkModel } from '../../sim/latency';
import { regionCatalog } from '../../sim/regions';

const table = measuredRtt.p50;
const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
}

const pairs = regionCatalog.flatMap((a, i) => regionCatalog.slice(i + 1).map((b) => ({ a, b, measured: (table[a.code][b.code] + table[b.code][a.code]) / 2 })));
const ratios = (network: NetworkModel) => pairs.map((p) => rttMs(p.a.location, p.b.location, network) / p.measured);

const inRegion = regionCatalog.map((r) => table[r.code][r.code]);
const fixedRttMs = Math.round(median(inRegion) * 2) / 2;
let routeFactor = 1;
for (let f = 1; f <= 3.0001; f += 0.05) {
  const candidate = Math.round(f * 100) / 100;
  const off = (x: number) => Math.abs(median(ratios({ ...defaultNetwork, fixedRttMs, routeFactor: x })) - 1);
  if (off(candidate) < off(routeFactor)) routeFactor = candidate;
}
console.log(`${pairs.length} pairs; in-region median ${median(inRegion).toFixed(2)} ms`);
console.log(
  `fitted: fixedRttMs ${fixedRttMs}, routeFactor ${routeFactor}; engine default: fixedRttMs ${defaultNetwork.fixedRttMs}, routeFactor ${defaultNetwork.routeFactor}`,
);

const r = ratios(defaultNetwork);
const f2 = (x: number) => x.toFixed(2);
console.log(
  `engine default, model ÷ measured: min ${f2(quantile(r, 0))}, p10 ${f2(quantile(r, 0.1))}, median ${f2(quantile(r, 0.5))}, p90 ${f2(quantile(r, 0.9))}, max ${f2(quantile(r, 1))}`,
);
const floor = ratios({ ...defaultNetwork, fixedRttMs: 0, routeFactor: 1 });
console.log(`straight fibre ÷ measured: max ${f2(Math.max(...floor))}`);

const shown = process.argv.slice(2).map((s) => s.split(':'));
for (const [x, y] of shown) {
  const p = pairs.find((q) => (q.a.code === x && q.b.code === y) || (q.a.code === y && q.b.code === x))!;
  const model = rttMs(p.a.location, p.b.location);
  const km = Math.round(greatCircleKm(p.a.location, p.b.location) / 10) * 10;
  const metro = (code: string) => regionCatalog.find((c) => c.code === code)!.metro;
  console.log(
    `| ${x}–${y} | ${metro(x)}–${metro(y)} | ${km.toLocaleString('en')} | ${p.measured.toFixed(1)} | ${model.toFixed(1)} | ${(model / p.measured).toFixed(2)} |`,
  );
}
