// @vitest-environment happy-dom
/** The progress page: progress by lesson, export to a file, import from one (validated). */
import React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ProgressView from '@site/src/components/Quiz/ProgressView';
import { progressKey, type Progress } from '@site/src/components/Quiz/progress';

const saved: Progress = {
  version: 1,
  lessons: {
    regions: { score: 5.5, best: 7, outOf: 8, attempts: 3, updatedAt: '2026-11-20T10:00:00.000Z', variant: 12, answered: { a: 1, b: 1, c: 1, d: 1, e: 1, f: 0.5 } },
  },
};

beforeEach(() => window.localStorage.setItem(progressKey, JSON.stringify(saved)));
afterEach(() => {
  cleanup();
  window.localStorage.clear();
  vi.restoreAllMocks();
});

const view = () => render(<ProgressView renderLink={(lesson, title) => <a href={`/docs/lessons/${lesson}`}>{title}</a>} />);
const row = (name: string) => within(screen.getByRole('row', { name: new RegExp(`^${name}`) }));

describe('the progress view', () => {
  it('lists every lesson with its latest score, best and attempts', () => {
    view();
    expect(row('Regions').getAllByRole('cell').map((c) => c.textContent)).toEqual(['5.5 of 8', '7 of 8', '3', '20 Nov 2026, 10:00 UTC']);
    expect(row('Hypervisors').getAllByRole('cell')[0].textContent).toBe('not started');
    expect(screen.getByRole('link', { name: 'Regions' }).getAttribute('href')).toBe('/docs/lessons/regions');
    expect(row('All lessons').getByRole('cell').textContent).toMatch(/^5\.5 of \d+ questions$/);
  });

  it('exports the progress as a JSON file that the schema reads back', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:progress';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const user = userEvent.setup();
    view();
    await user.click(screen.getByRole('button', { name: 'Export progress as a file' }));
    expect(clicked[0]).toMatch(/^infralab-progress-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(await blobs[0].text())).toEqual(saved);
  });

  it('imports a valid file, replacing what the browser had', async () => {
    const user = userEvent.setup();
    view();
    const other: Progress = { version: 1, lessons: { capstone: { ...saved.lessons.regions!, outOf: 9 } } };
    await user.upload(screen.getByLabelText(/Import progress from a file/), new File([JSON.stringify(other)], 'mine.json', { type: 'application/json' }));
    expect(await screen.findByText('Imported progress for 1 lesson from mine.json.')).toBeTruthy();
    expect(JSON.parse(window.localStorage.getItem(progressKey)!)).toEqual(other);
    expect(row('Putting it together').getAllByRole('cell')[0].textContent).toBe('5.5 of 9');
  });

  it.each([
    ['not JSON', 'hello', /it is not valid JSON/],
    ['an unknown lesson', JSON.stringify({ version: 1, lessons: { kubernetes: {} } }), /lessons: unknown lesson "kubernetes"/],
    ['a wrong type', JSON.stringify({ version: 1, lessons: { regions: { ...saved.lessons.regions, attempts: 'three' } } }), /lessons\.regions\.attempts: expected a number/],
    ['an old format', JSON.stringify({ version: 0, scores: {} }), /format version 0, not 1/],
  ])('refuses %s, naming what is wrong, and changes nothing', async (_, text, why) => {
    const user = userEvent.setup();
    view();
    await user.upload(screen.getByLabelText(/Import progress from a file/), new File([text], 'bad.json', { type: 'application/json' }));
    const alert = await screen.findByText(/^bad\.json was not imported/);
    expect(alert.textContent).toMatch(why);
    expect(alert.textContent).toMatch(/Nothing was changed\.$/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(JSON.parse(window.localStorage.getItem(progressKey)!)).toEqual(saved);
  });
});
