// @vitest-environment happy-dom
import React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { hoursPerMonth, priceTable, runScenario } from '@site/sim';
import ElasticityLab, { curves, dayScenario, defaultConfig, runDay } from '@site/src/components/widgets/ElasticityLab/ElasticityLab';
import { dayOf, planInputs, pricedRegions, type DayConfig, type Plan } from '@site/src/components/widgets/ElasticityLab/day';

beforeEach(() => window.history.replaceState(null, '', '/docs/lessons/infrastructure'));
afterEach(cleanup);

const lab = () => within(screen.getByRole('region', { name: /Elasticity lab/ }));
const plan = (name: RegExp) => within(lab().getByRole('group', { name }));
const owned = () => plan(/^Owned/);
const rented = () => plan(/^Rented/);
const fact = (w: ReturnType<typeof owned>, term: string) => w.getByText(term, { selector: 'dt' }).nextElementSibling!.textContent!;
const usd = (x: number) => `$${x.toFixed(2)}`;

async function setNumber(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, value: number) {
  await user.clear(input);
  await user.type(input, String(value));
}

// The lab's assumptions, restated: each VM serves 100 rps, takes 30 s to start, and is an m5.large with an 8 GiB gp3 disk.
const perVm = 100;
const pending = 30;
const day = 24 * 3600;

describe('owned capacity', () => {
  it('12 VMs (1200 rps at the business peak ÷ 100 per VM) drop only the first 30 s of demand, while they start', () => {
    render(<ElasticityLab />);
    const peak = Math.max(...curves.business.rps);
    expect(Math.ceil(peak / perVm)).toBe(12);
    const droppedAtStart = curves.business.rps[0] * pending;
    expect(fact(owned(), 'Requests dropped')).toMatch(new RegExp(`^${droppedAtStart.toLocaleString('en-US')} `));
  });

  it('costs 12 × the hourly price while running, plus the disks for the whole day', () => {
    render(<ElasticityLab />);
    const p = priceTable.regions['us-east-1'];
    const compute = (12 * p.instanceHourUsd * (day - pending)) / 3600;
    const disk = (12 * 8 * p.gp3GbMonthUsd * day) / (hoursPerMonth * 3600);
    expect(fact(owned(), 'Cost of the day')).toBe(usd(compute + disk));
  });

  it('6 VMs (sized for the average) drop everything above 600 rps in the busy hours', async () => {
    const user = userEvent.setup();
    render(<ElasticityLab />);
    await setNumber(user, owned().getByLabelText('VMs, all day'), 6);
    const capacity = 6 * perVm;
    const excess = curves.business.rps.reduce((sum, rps) => sum + Math.max(0, rps - capacity) * 3600, 0);
    const dropped = excess + curves.business.rps[0] * pending;
    expect(fact(owned(), 'Requests dropped')).toMatch(new RegExp(`^${dropped.toLocaleString('en-US')} `));
  });

  it('"Size for the peak" sets the owned VMs to the flash crowd\'s peak ÷ 100', async () => {
    const user = userEvent.setup();
    render(<ElasticityLab />);
    await user.selectOptions(lab().getByLabelText('Load curve'), 'flash');
    await user.click(owned().getByRole('button', { name: /Size for the peak/ }));
    expect((owned().getByLabelText('VMs, all day') as HTMLInputElement).value).toBe(String(1500 / perVm));
  });
});

describe('rented capacity', () => {
  it('follows demand: at the noon peak (1200 rps, target 80 per VM) it runs ceil(1200 / 80) = 15 VMs, at night 2', async () => {
    const user = userEvent.setup();
    render(<ElasticityLab />);
    await user.click(lab().getByText('Hour by hour (the chart as a table)'));
    const rows = lab().getAllByRole('row').slice(1);
    const rentedAt = (hour: number) => rows[hour].querySelectorAll('td')[2].textContent;
    expect(rentedAt(11)).toBe(String(Math.ceil(1200 / 80)));
    expect(rentedAt(3)).toBe(String(Math.ceil(100 / 80)));
    expect(fact(rented(), 'Most VMs at once')).toBe(String(Math.ceil(1200 / 80)));
  });

  it("costs less than owning for the peak, and its totals are the engine's (the CLI's run of the same scenario)", () => {
    render(<ElasticityLab />);
    const engine = runScenario(dayScenario(defaultConfig, 'rented')).metrics;
    expect(fact(rented(), 'Cost of the day')).toBe(usd(engine.cost.totalUsd));
    expect(fact(rented(), 'Requests dropped')).toBe(`${engine.requests!.dropped.toLocaleString('en-US')} (${engine.requests!.droppedPercent}%)`);
    const ownedCost = runScenario(dayScenario(defaultConfig, 'owned')).metrics.cost.totalUsd;
    expect(engine.cost.totalUsd).toBeLessThan(ownedCost);
    expect(lab().getByText(/^Renting cost .* less than owning/)).toBeTruthy();
  });

  it('a stepped day reads the same totals as one uninterrupted run, and every hour adds up to the day', () => {
    const run = runDay(defaultConfig, 'rented');
    const once = runScenario(dayScenario(defaultConfig, 'rented'));
    expect(run.report).toEqual(once);
    expect(run.hours.reduce((s, h) => s + h.dropped, 0)).toBe(once.metrics.requests!.dropped);
    expect(run.hours.reduce((s, h) => s + h.costUsd, 0)).toBeCloseTo(once.metrics.cost.totalUsd, 5);
  });

  it('raising "At least" above "At most" moves "At most" with it', async () => {
    const user = userEvent.setup();
    render(<ElasticityLab />);
    await setNumber(user, rented().getByLabelText('At least'), 25);
    expect((rented().getByLabelText('At most') as HTMLInputElement).value).toBe('25');
  });
});

describe('a change re-runs only the plan it touches', () => {
  const changes: Partial<DayConfig>[] = [
    { curve: 'flash' },
    { region: pricedRegions.find((r) => r !== defaultConfig.region)! },
    { owned: 7 },
    { min: 3 },
    { max: 14 },
    { target: 120 },
  ];

  it("a setting outside a plan's inputs leaves its day exactly as it was", () => {
    let outside = 0;
    for (const plan of ['owned', 'rented'] as Plan[]) {
      for (const change of changes) {
        const changed = { ...defaultConfig, ...change };
        if (planInputs(changed, plan) !== planInputs(defaultConfig, plan)) continue;
        outside++;
        expect(runDay(changed, plan), `${plan} ${JSON.stringify(change)}`).toEqual(runDay(defaultConfig, plan));
      }
    }
    // owned: min, max, target; rented: owned.
    expect(outside).toBe(4);
  });

  it("reuses a plan's day when only the other plan changed, and runs it afresh when its own did", () => {
    const first = dayOf(defaultConfig, 'rented');
    expect(dayOf({ ...defaultConfig, owned: 30 }, 'rented')).toBe(first);
    const changed = { ...defaultConfig, target: 120 };
    const next = dayOf(changed, 'rented');
    expect(next).not.toBe(first);
    expect(next).toEqual(runDay(changed, 'rented'));
  });
});

describe('text equivalents, links, server', () => {
  it('the chart is an image with a description, and the live summary reads both plans', () => {
    render(<ElasticityLab />);
    const chart = lab().getByRole('img', { name: /Demand and capacity over the day/ });
    expect(chart.getAttribute('aria-label')).toContain('peaks at 1200 requests per second');
    expect(lab().getByTestId('live-summary').textContent).toMatch(/^Business-hours peak in us-east-1\. Owned, 12 VMs all day: \$27\.89/);
  });

  it('a hostile link shows a notice and the default', async () => {
    window.history.replaceState(
      null,
      '',
      `/?w-elasticity-lab=${encodeURIComponent('{"curve":"business","region":"javascript:alert(1)","owned":12,"min":1,"max":20,"target":80}')}`,
    );
    render(<ElasticityLab />);
    expect((await lab().findByRole('alert')).textContent).toMatch(/region.*showing the default/);
    expect((lab().getByLabelText('Region') as HTMLSelectElement).value).toBe('us-east-1');
  });

  it('a link with min above max is refused with a notice', async () => {
    window.history.replaceState(null, '', `/?w-elasticity-lab=${encodeURIComponent(JSON.stringify({ ...defaultConfig, min: 30, max: 10 }))}`);
    render(<ElasticityLab />);
    expect((await lab().findByRole('alert')).textContent).toContain('min');
  });

  it('a valid link restores the day; Copy share link writes it back', async () => {
    const state = { curve: 'evening', region: 'eu-central-1', owned: 8, min: 2, max: 12, target: 100 };
    window.history.replaceState(null, '', `/?w-elasticity-lab=${encodeURIComponent(JSON.stringify(state))}`);
    const user = userEvent.setup();
    render(<ElasticityLab />);
    await waitFor(() => expect(lab().getByTestId('live-summary').textContent).toMatch(/^Evening peak in eu-central-1/));
    await user.click(lab().getByRole('button', { name: 'Copy share link' }));
    expect(JSON.parse(new URL(await navigator.clipboard.readText()).searchParams.get('w-elasticity-lab')!)).toEqual(state);
  });

  it('renders on the server without touching window', () => {
    vi.stubGlobal('window', undefined);
    try {
      expect(renderToString(<ElasticityLab />)).toContain('Elasticity lab');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('two labs on a page keep distinct ids', () => {
    const { container } = render(
      <>
        <ElasticityLab />
        <ElasticityLab id="elasticity-2" />
      </>,
    );
    const ids = Array.from(container.querySelectorAll('[id]'), (e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
