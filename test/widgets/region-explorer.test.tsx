// @vitest-environment happy-dom
import React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { findRegion, regionCatalog, priceTable } from '@site/sim';
import RegionExplorer from '@site/src/components/widgets/RegionExplorer/RegionExplorer';
import { cities } from '@site/src/components/widgets/RegionExplorer/places';
import { mapHeight, mapWidth, project } from '@site/src/components/widgets/RegionExplorer/WorldMap';

beforeEach(() => window.history.replaceState(null, '', '/docs/lessons/regions'));
afterEach(cleanup);

/** The model the lesson states, worked out here: 3 ms + 2 × haversine distance × 1.65 route factor ÷ 200 km/ms. */
function expectedRtt(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6371;
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  const km = 2 * R * Math.asin(Math.sqrt(h));
  return Math.round((3 + (2 * km * 1.65) / 200) * 10) / 10;
}

function explorer() {
  return within(screen.getByRole('region', { name: 'Region explorer' }));
}

function row(w: ReturnType<typeof explorer>, code: string): HTMLElement {
  return w.getByText(code, { selector: 'span' }).closest('tr') as HTMLElement;
}

function cell(tr: HTMLElement, column: number): string {
  return tr.querySelectorAll('td')[column - 1].textContent!;
}

// Columns after the region's name, in the order the lesson's steps use them (AZs last).
const rttColumn = 1;
const priceColumn = 2;
const ruleColumn = 3;

describe('latency from the users to each region', () => {
  it('Frankfurt region to Singapore region: the round trip of the formula, from the catalog coordinates', async () => {
    const user = userEvent.setup();
    render(<RegionExplorer />);
    const w = explorer();
    await user.selectOptions(w.getByLabelText('Your users are in'), 'region:eu-central-1');
    const ms = expectedRtt(findRegion('eu-central-1')!.location, findRegion('ap-southeast-1')!.location);
    expect(ms).toBeGreaterThan(150);
    expect(cell(row(w, 'ap-southeast-1'), rttColumn)).toBe(`${ms} ms`);
    expect(cell(row(w, 'eu-central-1'), rttColumn)).toMatch(/^3 ms/);
  });

  it('users in Berlin: Frankfurt is the closest region, and the summary says so', () => {
    render(<RegionExplorer />);
    const w = explorer();
    const berlin = cities.find((c) => c.id === 'berlin')!.location;
    const rtts = regionCatalog.map((r) => ({ code: r.code, ms: expectedRtt(berlin, r.location) })).sort((a, b) => a.ms - b.ms);
    expect(rtts[0].code).toBe('eu-central-1');
    expect(cell(row(w, 'eu-central-1'), rttColumn)).toContain(`${rtts[0].ms} ms`);
    expect(w.getByTestId('live-summary').textContent).toContain(`Lowest round trip: Europe (Frankfurt), eu-central-1, ${rtts[0].ms} ms`);
  });

  it('typing a latitude and longitude moves the users (Singapore: ap-southeast-1 becomes the closest)', async () => {
    const user = userEvent.setup();
    render(<RegionExplorer />);
    const w = explorer();
    const lat = w.getByLabelText('Latitude');
    const lon = w.getByLabelText('Longitude');
    await user.clear(lat);
    await user.type(lat, '1.3');
    await user.clear(lon);
    await user.type(lon, '103.8');
    expect((w.getByLabelText('Your users are in') as HTMLSelectElement).value).toBe('custom');
    expect(w.getByTestId('live-summary').textContent).toContain('Users in 1.30°, 103.80°. Lowest round trip: Asia Pacific (Singapore), ap-southeast-1');
    // The table is sorted by round trip, closest first.
    expect(w.getAllByRole('row')[1].textContent).toContain('ap-southeast-1');
  });

  it('clicking the map near Tokyo puts the users there', () => {
    render(<RegionExplorer />);
    const w = explorer();
    const map = w.getByRole('img', { name: /World map/ });
    // happy-dom does no layout: give the map its natural size on screen.
    map.getBoundingClientRect = () => ({
      left: 0,
      top: 0,
      width: mapWidth,
      height: mapHeight,
      right: mapWidth,
      bottom: mapHeight,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    const [x, y] = project({ lat: 35.68, lon: 139.65 });
    fireEvent.click(map, { clientX: x, clientY: y });
    expect(w.getByTestId('live-summary').textContent).toMatch(/^Users in 35\.\d\d°, 139\.\d\d°\. Lowest round trip: Asia Pacific \(Tokyo\), ap-northeast-1/);
  });

  it('loads the country outlines on the client only', async () => {
    render(<RegionExplorer />);
    const map = explorer().getByRole('img', { name: /World map/ });
    await waitFor(() => expect(map.getAttribute('data-land')).toBe('loaded'), { timeout: 5000 });
  });
});

describe('prices', () => {
  it("a 2 vCPU VM in Frankfurt costs the reference instance's hourly price; 8 vCPU costs four times it; São Paulo has none", async () => {
    const user = userEvent.setup();
    render(<RegionExplorer />);
    const w = explorer();
    const m5large = priceTable.regions['eu-central-1'].instanceHourUsd;
    expect(cell(row(w, 'eu-central-1'), priceColumn)).toBe(`$${m5large.toFixed(4)}`);
    await user.selectOptions(w.getByLabelText('VM size'), '8');
    expect(cell(row(w, 'eu-central-1'), priceColumn)).toBe(`$${((m5large / 2) * 8).toFixed(4)}`);
    expect(cell(row(w, 'sa-east-1'), priceColumn)).toBe('no price in the table');
  });

  it('sorting by price puts the cheapest first and the unpriced region last, with aria-sort', async () => {
    const user = userEvent.setup();
    render(<RegionExplorer />);
    const w = explorer();
    const header = w.getByRole('button', { name: /Price per hour/ });
    await user.click(header);
    const rows = w.getAllByRole('row').slice(1);
    const cheapest = Math.min(...Object.values(priceTable.regions).map((p) => p.instanceHourUsd));
    expect(cell(rows[0], priceColumn)).toContain(`$${cheapest.toFixed(4)}`);
    expect(rows[rows.length - 1].textContent).toContain('sa-east-1');
    expect(header.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    await user.click(header);
    expect(header.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    const desc = w.getAllByRole('row').slice(1);
    const dearest = Math.max(...Object.values(priceTable.regions).map((p) => p.instanceHourUsd));
    expect(cell(desc[0], priceColumn)).toContain(`$${dearest.toFixed(4)}`);
  });

  it("cites the price table's source and date", () => {
    render(<RegionExplorer />);
    const sources = explorer().getByText('Sources and model').closest('details')!;
    expect(sources.textContent).toContain(priceTable.sources.instanceHourUsd.asOf);
    expect(sources.textContent).toContain(priceTable.sources.instanceHourUsd.source);
    expect(sources.textContent).toContain('3 ms + 2 × great-circle distance × route factor 1.65');
    expect(sources.textContent).toContain('CloudPing');
    expect(sources.textContent).toContain('aws-regions');
  });
});

describe('data residency', () => {
  it('the EU rule flags us-east-1 and London, and not Frankfurt', () => {
    render(<RegionExplorer residency="EU" />);
    const w = explorer();
    expect(cell(row(w, 'us-east-1'), ruleColumn)).toBe('✕ outside');
    expect(cell(row(w, 'eu-west-2'), ruleColumn)).toBe('✕ outside');
    expect(cell(row(w, 'eu-central-1'), ruleColumn)).toBe('✓ inside');
    const euCodes = ['eu-north-1', 'eu-west-1', 'eu-west-3', 'eu-central-1', 'eu-south-1'];
    expect(w.getByTestId('live-summary').textContent).toContain(`EU rule: ${euCodes.length} of ${regionCatalog.length} regions inside it`);
    expect(w.getByRole('img', { name: /World map/ }).getAttribute('aria-label')).toContain('us-east-1');
  });

  it('a country rule (Japan) lets in only Tokyo and Osaka', async () => {
    const user = userEvent.setup();
    render(<RegionExplorer />);
    const w = explorer();
    await user.selectOptions(w.getByLabelText('Data must stay in'), 'Japan');
    const inside = w
      .getAllByRole('row')
      .slice(1)
      .filter((tr) => cell(tr, ruleColumn) === '✓ inside')
      .map((tr) => tr.querySelector('th span')!.textContent);
    expect(inside.sort()).toEqual(['ap-northeast-1', 'ap-northeast-3']);
  });

  it('an unknown residency prop falls back to no rule, with a notice', () => {
    render(<RegionExplorer residency="Atlantis" />);
    expect(explorer().getByRole('alert').textContent).toContain('Atlantis');
  });
});

describe('share links, server rendering, several on a page', () => {
  it('a hostile link shows a notice and the default, and injects nothing', async () => {
    window.history.replaceState(
      null,
      '',
      `/?w-region-explorer=${encodeURIComponent('{"user":"<script>alert(1)</script>","vcpu":2,"rule":"none","sort":"rtt","desc":false}')}`,
    );
    const { container } = render(<RegionExplorer residency="EU" />);
    const w = explorer();
    expect((await w.findByRole('alert')).textContent).toMatch(/not valid.*showing the default/);
    expect(container.querySelector('script')).toBeNull();
    expect(w.getByTestId('live-summary').textContent).toContain('Users in Berlin');
  });

  it('a link that is not JSON also falls back with a notice', async () => {
    window.history.replaceState(null, '', '/?w-region-explorer=%7Bnope');
    render(<RegionExplorer />);
    expect((await explorer().findByRole('alert')).textContent).toContain('not valid JSON');
  });

  it('a valid link restores the users, size, rule and sort; Copy share link writes one', async () => {
    const state = { user: 'tokyo', vcpu: 4, rule: 'Japan', sort: 'price', desc: false };
    window.history.replaceState(null, '', `/?w-region-explorer=${encodeURIComponent(JSON.stringify(state))}`);
    const user = userEvent.setup();
    render(<RegionExplorer />);
    const w = explorer();
    await waitFor(() => expect(w.getByTestId('live-summary').textContent).toContain('Users in Tokyo'));
    expect((w.getByLabelText('VM size') as HTMLSelectElement).value).toBe('4');
    expect((w.getByLabelText('Data must stay in') as HTMLSelectElement).value).toBe('Japan');
    await user.click(w.getByRole('button', { name: 'Copy share link' }));
    const link = new URL(await navigator.clipboard.readText());
    expect(JSON.parse(link.searchParams.get('w-region-explorer')!)).toEqual(state);
  });

  it('renders on the server without touching window, without the map data', () => {
    vi.stubGlobal('window', undefined);
    try {
      const html: string = renderToString(<RegionExplorer residency="EU" />);
      expect(html).toContain('Region explorer');
      expect(html).toContain('data-land="loading"');
      expect(html.length).toBeLessThan(50_000);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('two explorers on a page have distinct ids and separate state', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <>
        <RegionExplorer id="a" />
        <RegionExplorer id="b" residency="EU" />
      </>,
    );
    const ids = Array.from(container.querySelectorAll('[id]'), (e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [a, b] = screen.getAllByRole('region', { name: 'Region explorer' }).map((r) => within(r));
    await user.selectOptions(a.getByLabelText('Your users are in'), 'tokyo');
    expect(b.getByTestId('live-summary').textContent).toContain('Users in Berlin');
  });
});

describe('coordinates out of range', () => {
  it('says the value was not applied and which value the map still uses, never silently', async () => {
    const user = userEvent.setup();
    render(<RegionExplorer />);
    const w = within(screen.getByRole('region', { name: 'Region explorer' }));
    const lat = w.getByLabelText('Latitude') as HTMLInputElement;
    await user.clear(lat);
    await user.type(lat, '999');
    expect(lat.getAttribute('aria-invalid')).toBe('true');
    const why = document.getElementById(lat.getAttribute('aria-describedby')!)!;
    expect(why.textContent).toBe('Not applied: from -90 to 90. The map still uses 9.00.');
  });
});
