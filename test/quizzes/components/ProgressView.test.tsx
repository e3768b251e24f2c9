// @vitest-environment happy-dom
/** The progress page: progress by lesson, export to a file, import from one (validated). */
import React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ProgressView from '@site/src/components/Quiz/ProgressView';
import { progressKey, type Progress } from '@site/src/components/Quiz/progress';
import { allQuizzes } from '@site/quizzes';

// Progress files name real questions: the page checks them against the quizzes.
const ids = (lesson: string) =>
  allQuizzes()
    .find((q) => q.lesson === lesson)!
    .questions.map((q) => q.id);
const regionIds = ids('regions');
const capstoneIds = ids('capstone');
const saved: Progress = {
  version: 1,
  lessons: {
    regions: {
      score: 5.5,
      best: 7,
      outOf: regionIds.length,
      attempts: 3,
      updatedAt: '2026-11-20T10:00:00.000Z',
      variant: 12,
      answered: Object.fromEntries(regionIds.slice(0, 6).map((id, i) => [id, i === 5 ? 0.5 : 1])),
    },
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
    const n = regionIds.length;
    expect(
      row('Regions')
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([`5.5 of ${n}`, `7 of ${n}`, '3', '20 Nov 2026, 10:00 UTC']);
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

  const other: Progress = {
    version: 1,
    lessons: {
      capstone: {
        ...saved.lessons.regions!,
        outOf: capstoneIds.length,
        answered: Object.fromEntries(capstoneIds.slice(0, 6).map((id, i) => [id, i === 5 ? 0.5 : 1])),
      },
    },
  };
  const upload = (user: ReturnType<typeof userEvent.setup>, text: string, name: string) =>
    user.upload(screen.getByLabelText(/Import progress from a file/), new File([text], name, { type: 'application/json' }));

  it('imports a valid file once the reader confirms it replaces what the browser had', async () => {
    const user = userEvent.setup();
    view();
    await upload(user, JSON.stringify(other), 'mine.json');
    const ask = await screen.findByRole('group', { name: /mine\.json holds progress for 1 lesson; this browser has progress for 1 lesson/ });
    expect(ask.textContent).toMatch(/the lessons the file does not have are lost/);
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Replace my progress' }));
    expect(JSON.parse(window.localStorage.getItem(progressKey)!)).toEqual(saved);
    await user.click(within(ask).getByRole('button', { name: 'Replace my progress' }));
    expect(await screen.findByText('Imported progress for 1 lesson from mine.json.')).toBeTruthy();
    expect(JSON.parse(window.localStorage.getItem(progressKey)!)).toEqual(other);
    expect(row('Putting it together').getAllByRole('cell')[0].textContent).toBe(`5.5 of ${capstoneIds.length}`);
  });

  it('keeps the browser’s progress when the reader declines, and imports at once into an empty browser', async () => {
    const user = userEvent.setup();
    view();
    await upload(user, JSON.stringify({ version: 1, lessons: {} }), 'empty.json');
    await user.click(await screen.findByRole('button', { name: 'Keep my progress' }));
    expect(screen.getByText('empty.json was not imported. Nothing was changed.')).toBeTruthy();
    expect(JSON.parse(window.localStorage.getItem(progressKey)!)).toEqual(saved);
    cleanup();
    window.localStorage.clear();
    view();
    await upload(user, JSON.stringify(other), 'mine.json');
    expect(await screen.findByText('Imported progress for 1 lesson from mine.json.')).toBeTruthy();
  });

  it.each([
    ['not JSON', 'hello', /it is not valid JSON/],
    ['an unknown lesson', JSON.stringify({ version: 1, lessons: { kubernetes: {} } }), /lessons: unknown lesson "kubernetes"/],
    [
      'a wrong type',
      JSON.stringify({ version: 1, lessons: { regions: { ...saved.lessons.regions, attempts: 'three' } } }),
      /lessons\.regions\.attempts: expected a number/,
    ],
    ['an old format', JSON.stringify({ version: 0, scores: {} }), /format version 0, not 1/],
    ['an empty file', '', /the file is empty/],
    [
      'more questions than the quiz has',
      JSON.stringify({ version: 1, lessons: { regions: { ...saved.lessons.regions, outOf: 100 } } }),
      new RegExp(`lessons\\.regions\\.outOf: expected ${regionIds.length} \\(the Regions quiz has ${regionIds.length} questions\\), found 100`),
    ],
    [
      'an answer to a question the quiz does not ask',
      JSON.stringify({
        version: 1,
        lessons: { regions: { ...saved.lessons.regions, answered: { ...saved.lessons.regions!.answered, [regionIds[5]]: 0, 'made-up': 0.5 } } },
      }),
      /lessons\.regions\.answered: "made-up" is not a question of the Regions quiz/,
    ],
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

describe('the misconception map', () => {
  const withBeliefs: Progress = {
    ...saved,
    misconceptions: {
      'europe-means-eu': { lesson: 'regions', question: 'eu-only', variant: 12, suggestedAt: '2026-11-20T09:00:00.000Z' },
      'fibre-runs-straight': {
        lesson: 'regions',
        question: 'rule-of-thumb',
        variant: 3,
        suggestedAt: '2026-11-19T09:00:00.000Z',
        clearedAt: '2026-11-20T09:30:00.000Z',
      },
      // A belief the catalogue no longer has is left out, not shown as a blank.
      'retired-belief': { lesson: 'regions', question: 'eu-only', variant: 12, suggestedAt: '2026-11-18T09:00:00.000Z' },
    },
  };

  it('lists each belief the answers suggested, open ones first, with its section and a new variant of its question', () => {
    window.localStorage.setItem(progressKey, JSON.stringify(withBeliefs));
    view();
    const map = within(screen.getByTestId('misconception-map'));
    const items = map.getAllByRole('listitem');
    expect(items.map((li) => li.dataset.misconception)).toEqual(['europe-means-eu', 'fibre-runs-straight']);
    expect(items.map((li) => li.dataset.cleared)).toEqual(['false', 'true']);
    const open = within(items[0]);
    expect(open.getByText('“A region with “Europe” in its name keeps the data inside the European Union.”')).toBeTruthy();
    expect(open.getByRole('link', { name: 'Read “Data residency and compliance”' }).getAttribute('href')).toBe(
      '/docs/lessons/regions#data-residency-and-compliance',
    );
    const n = regionIds.indexOf('eu-only') + 1;
    const retry = open.getByRole('link', { name: `Try a new variant of question ${n} of Regions` }).getAttribute('href')!;
    const url = new URL(retry, 'https://x.test');
    expect(url.pathname).toBe('/docs/lessons/regions');
    expect(url.hash).toBe('#quiz-regions-eu-only-title');
    expect(Number(url.searchParams.get('v-regions'))).not.toBe(12);
    expect(Number.isInteger(Number(url.searchParams.get('v-regions')))).toBe(true);
    expect(within(items[1]).getByText(/^Answered right since:/)).toBeTruthy();
    expect(map.getByText(/^1 belief to revisit, 1 since answered right in a new variant\./)).toBeTruthy();
  });

  it('says so when no answer has suggested a misconception (an older file without the map included)', () => {
    view();
    expect(within(screen.getByTestId('misconception-map')).getByText(/^No wrong answer so far has pointed to a misconception/)).toBeTruthy();
  });

  it('starts fresh, with the notice, when the stored map is corrupt', () => {
    window.localStorage.setItem(
      progressKey,
      JSON.stringify({
        ...withBeliefs,
        misconceptions: { 'europe-means-eu': { lesson: 'regions', question: 'eu-only', variant: 'twelve', suggestedAt: 'yesterday' } },
      }),
    );
    view();
    expect(screen.getAllByRole('alert')[0].textContent).toMatch(/misconceptions\.europe-means-eu\.variant: expected a variant number/);
    expect(within(screen.getByTestId('misconception-map')).getByText(/^No wrong answer so far/)).toBeTruthy();
  });

  it('refuses an imported file whose map names a question the quiz does not have', async () => {
    window.localStorage.clear();
    const user = userEvent.setup();
    view();
    const bad = {
      ...withBeliefs,
      misconceptions: { 'europe-means-eu': { lesson: 'regions', question: 'no-such-question', variant: 1, suggestedAt: '2026-11-20T09:00:00.000Z' } },
    };
    await user.upload(screen.getByLabelText(/^Import progress from a file/), new File([JSON.stringify(bad)], 'p.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'misconceptions.europe-means-eu.question: "no-such-question" is not a question of the Regions quiz',
    );
  });
});
