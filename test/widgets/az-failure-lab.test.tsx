// @vitest-environment happy-dom
import React from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseScenario, runScenario } from '@site/sim';
import { runScenarioText } from '@site/sim/text';
import { benchmarkScenario } from '../../bench/fixtures/az-failure-lab';
import AzFailureLab, { buildScenario, labViewAt, presetNames, presetScenario, presets } from '@site/src/components/widgets/AzFailureLab/AzFailureLab';
import { useWorld } from '@site/src/components/widgets/shared/useWorld';

const root = join(__dirname, '..', '..');

// What the site provides through Docusaurus (the example-scenarios plugin's index, files under /scenarios/).
vi.mock('@site/src/components/widgets/AzFailureLab/exampleFiles', () => ({
  useExampleFiles: () => ({
    examples: [
      { file: 'group-az-outage.yaml', name: 'A group replaces its VMs after an AZ outage', description: '' },
      { file: 'web-tier-three-azs.yaml', name: 'Web tier across two AZs', description: '' },
    ],
    url: (file: string) => `/scenarios/${file}`,
  }),
}));

beforeEach(() => window.history.replaceState(null, '', '/docs/lessons/availability-zones'));
afterEach(cleanup);

function lab(name: string | RegExp = /^AZ failure lab/) {
  return within(screen.getByRole('region', { name }));
}

/** Schedules a fault through the form, as a reader does. */
async function addFault(
  user: ReturnType<typeof userEvent.setup>,
  w: ReturnType<typeof lab>,
  what: 'az' | 'region' | 'host' | 'vm',
  which: string,
  minutes: number,
) {
  const form = within(w.getByRole('group', { name: 'Faults on the timeline' }));
  await user.selectOptions(form.getByLabelText('What'), what);
  await user.selectOptions(form.getByLabelText('Which'), which);
  const at = form.getByLabelText('At (minutes)');
  await user.clear(at);
  await user.type(at, String(minutes));
  await user.click(form.getByRole('button', { name: 'Add to timeline' }));
}

function scrubTo(w: ReturnType<typeof lab>, seconds: number) {
  act(() => {
    fireEvent.change(w.getByRole('slider', { name: /Virtual time/ }), { target: { value: String(seconds) } });
  });
}

function metric(w: ReturnType<typeof lab>, term: string | RegExp): string {
  const dt = w.getByText(term, { selector: 'dt' });
  return dt.nextElementSibling!.textContent!;
}

describe('presets run the same in the widget and in the CLI', () => {
  it.each(presetNames.map((p) => [p]))("%s: the widget's world run to the end equals runScenario of presetScenario", (preset) => {
    const scenario = presetScenario(preset);
    const { result } = renderHook(() => useWorld(scenario));
    act(() => result.current.runTo(3600));
    expect(JSON.stringify(result.current.report)).toBe(JSON.stringify(runScenario(scenario)));
  });

  it('every preset, with an AZ and a region outage, prints the same report from the CLI (npm run sim -- FILE --json)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'azlab-'));
    for (const preset of presetNames) {
      const scenario = buildScenario({
        ...presets[preset],
        faults: [
          { at: 600, op: 'fail', level: 'az', target: 'us-east-1a' },
          { at: 1200, op: 'fail', level: 'region', target: 'us-east-1' },
          { at: 2400, op: 'recover', level: 'region', target: 'us-east-1' },
        ],
      });
      const file = join(dir, `${preset}.yaml`);
      writeFileSync(file, stringify(scenario));
      const cli = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'cli', 'sim.ts'), file, '--json'], { cwd: root, encoding: 'utf8' });
      const { result } = renderHook(() => useWorld(scenario));
      act(() => result.current.runTo(3600));
      expect(JSON.parse(cli), preset).toEqual(JSON.parse(JSON.stringify(result.current.report)));
    }
  }, 60_000);

  it('every preset is a valid scenario', () => {
    for (const p of presetNames) expect(() => parseScenario(presetScenario(p))).not.toThrow();
  });
});

describe('a reader fails an AZ', () => {
  it('6 VMs spread over 3 AZs: when one AZ fails, 6 − 6/3 = 4 keep serving and the service (needs 4) stays up', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az" />);
    const w = lab();
    await addFault(user, w, 'az', 'us-east-1a', 10);
    scrubTo(w, 15 * 60);
    const perAz = 6 / 3;
    expect(metric(w, 'Serving VMs')).toBe(`${6 - perAz} of 6`);
    expect(metric(w, /^Service/)).toMatch(/up/);
    expect(w.getByRole('img', { name: /us-east-1a \(down\): 2 not serving/ })).toBeTruthy();
    expect(w.getByTestId('live-summary').textContent).toContain('4 of 6 VMs serving (us-east-1a down)');
  });

  it('one AZ: all 6 stop serving, and they serve again when the AZ recovers (no group needed)', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="single-az" />);
    const w = lab();
    await addFault(user, w, 'az', 'us-east-1a', 10);
    await user.selectOptions(within(w.getByRole('group', { name: 'Faults on the timeline' })).getByLabelText('Action'), 'recover');
    await addFault(user, w, 'az', 'us-east-1a', 20);
    scrubTo(w, 15 * 60);
    expect(metric(w, 'Serving VMs')).toBe('0 of 6');
    expect(metric(w, /^Service/)).toMatch(/down/);
    scrubTo(w, 30 * 60);
    expect(metric(w, 'Serving VMs')).toBe('6 of 6');
    // Up from 0:30 (pending 30 s) to 30:00, down for the 10 minutes of the outage.
    const up = 30 * 60 - 30;
    expect(metric(w, 'Downtime so far')).toBe('600 s');
    expect(metric(w, 'Availability so far')).toBe(`${Math.round(((up - 600) / up) * 100 * 1000) / 1000}%`);
  });

  it('a group replaces the lost VMs: detection 60 s + pending 30 s after the outage, 6 serve again', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az-group" />);
    const w = lab();
    await addFault(user, w, 'az', 'us-east-1b', 10);
    const replacedAt = 600 + 60 + 30;
    scrubTo(w, replacedAt - 10);
    expect(metric(w, 'Serving VMs')).toBe('4 of 6');
    scrubTo(w, replacedAt);
    expect(metric(w, 'Serving VMs')).toBe('6 of 6');
    // The replacements went to the healthy AZs: 3 in a, 3 in c.
    expect(w.getByRole('img', { name: 'us-east-1a: 3 serving' })).toBeTruthy();
    expect(w.getByRole('img', { name: 'us-east-1c: 3 serving' })).toBeTruthy();
  });
});

describe('databases fail over', () => {
  it('a synchronous standby takes over in 60 s and loses nothing (RPO 0)', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az-db" />);
    const w = lab();
    await addFault(user, w, 'az', 'us-east-1a', 10);
    scrubTo(w, 10 * 60 + 30);
    expect(w.getAllByText(/failing over since 10:00/).length).toBeGreaterThan(0);
    await user.click(w.getByRole('button', { name: 'Run to the end' }));
    expect(metric(w, 'Last failover took')).toBe('60 s (standby)');
    expect(metric(w, 'Data lost (seconds of writes)')).toBe('0 s');
    expect(w.getByText(/Failover 1: standby in us-east-1b \(us-east-1\) took over at 11:00 after 60 s/)).toBeTruthy();
  });

  it('an asynchronous replica is promoted in 120 s and loses its lag, 1 s of writes (100 writes at 100/s)', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-region-db" />);
    const w = lab();
    await addFault(user, w, 'region', 'us-east-1', 10);
    await user.click(w.getByRole('button', { name: 'Run to the end' }));
    expect(metric(w, 'Last failover took')).toBe('120 s (replica promoted)');
    expect(metric(w, 'Data lost (seconds of writes)')).toBe(`1 s (${1 * 100} writes)`);
    // The 4 VMs in us-west-2 carry the service (needs 4) once the database is back.
    expect(metric(w, 'Serving VMs')).toMatch(/^4 of/);
    expect(metric(w, /^Service/)).toMatch(/up/);
    expect(metric(w, 'Downtime so far')).toBe('120 s');
  });
});

describe('time controls', () => {
  it('Step goes to the next engine event; Back to 0:00 re-runs from the start', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az" />);
    const w = lab();
    expect(metric(w, 'Serving VMs')).toBe('0 of 6');
    await user.click(w.getByRole('button', { name: 'Step to next event' }));
    // Launched at 0:00, running after the 30 s pending period.
    expect(w.getByRole('slider', { name: /Virtual time/ }).getAttribute('aria-valuetext')).toBe('30 s');
    expect(metric(w, 'Serving VMs')).toBe('6 of 6');
    // Nothing else is scheduled: the next step runs to the end.
    await user.click(w.getByRole('button', { name: 'Step to next event' }));
    expect(w.getByRole('slider', { name: /Virtual time/ }).getAttribute('aria-valuetext')).toBe('1 h');
    await user.click(w.getByRole('button', { name: 'Back to 0:00' }));
    expect(w.getByRole('slider', { name: /Virtual time/ }).getAttribute('aria-valuetext')).toBe('0 s');
  });

  it('Play advances virtual time until Pause', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az" />);
    const w = lab();
    await user.selectOptions(w.getByLabelText('Speed'), '300');
    await user.click(w.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(Number((w.getByRole('slider', { name: /Virtual time/ }) as HTMLInputElement).value)).toBeGreaterThan(60));
    await user.click(w.getByRole('button', { name: 'Pause' }));
    expect(w.getByRole('button', { name: 'Play' })).toBeTruthy();
  });
});

describe('scenario files', () => {
  it('"Load this scenario file" fetches an example from /scenarios/ and runs it: the group replaces the 2 lost VMs, 90 s down', async () => {
    const fetched: string[] = [];
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
      fetched.push(String(url));
      return new Response(readFileSync(join(root, 'examples', 'scenarios', String(url).replace('/scenarios/', '')), 'utf8'));
    });
    try {
      const user = userEvent.setup();
      render(<AzFailureLab preset="multi-az" />);
      const w = lab();
      await user.click(w.getByText('Load a scenario file'));
      await user.selectOptions(w.getByLabelText('Example'), 'group-az-outage.yaml');
      await user.click(w.getByRole('button', { name: 'Load this scenario file' }));
      expect(await w.findByText(/Running the scenario file/)).toBeTruthy();
      expect(fetched).toEqual(['/scenarios/group-az-outage.yaml']);
      await user.click(w.getByRole('button', { name: 'Run to the end' }));
      // Six VMs, one AZ of three fails at 10:00: two stop; detection 60 s + pending 30 s later, six serve again.
      expect(metric(w, 'Serving VMs')).toBe('6 of 6');
      expect(metric(w, 'Downtime so far')).toBe(`${60 + 30} s`);
      expect(w.getByRole('img', { name: /Timeline.*10:00 fail us-east-1b; 30:00 recover us-east-1b/ })).toBeTruthy();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('runs a pasted example file with the engine and shows what it reports', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az" />);
    const w = lab();
    const text = readFileSync(join(root, 'examples', 'scenarios', 'web-tier-two-azs.yaml'), 'utf8');
    await user.click(w.getByText('Load a scenario file'));
    fireEvent.change(w.getByLabelText('Or paste the scenario'), { target: { value: text } });
    await user.click(w.getByRole('button', { name: 'Run this scenario' }));
    expect(w.getByText(/Running the scenario file/)).toBeTruthy();
    await user.click(w.getByRole('button', { name: 'Run to the end' }));
    const expected = runScenarioText(text);
    const total = expected.vms.filter((vm) => vm.state !== 'terminated').length;
    expect(metric(w, 'Serving VMs')).toBe(`${expected.metrics.servingVms} of ${total}`);
  });

  it("shows the engine's issues (path and what was expected) for a bad file", async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az" />);
    const w = lab();
    await user.click(w.getByText('Load a scenario file'));
    const bad = 'regions:\n  - id: us-east-1\n    azs:\n      - id: us-east-1a\n        hosts: [{ cores: -4, memoryGiB: 64 }]\n';
    fireEvent.change(w.getByLabelText('Or paste the scenario'), { target: { value: bad } });
    await user.click(w.getByRole('button', { name: 'Run this scenario' }));
    const alert = w.getByRole('alert');
    expect(alert.textContent).toContain('pasted scenario');
    expect(alert.textContent).toContain('regions[0].azs[0].hosts[0].cores');
    expect(alert.textContent).toContain('expected a whole number of cores >= 1');
  });
});

describe('share links', () => {
  it('a hostile link shows a notice and the default design, and injects nothing', async () => {
    const hostile = '{"design":"<img src=x onerror=alert(1)>","time":0}';
    window.history.replaceState(null, '', `/?w-az-failure-lab-multi-az=${encodeURIComponent(hostile)}`);
    const { container } = render(<AzFailureLab preset="multi-az" />);
    const w = lab();
    expect((await w.findByRole('alert')).textContent).toMatch(/not valid.*showing the default/);
    expect(container.querySelector('img')).toBeNull();
    expect(metric(w, 'Serving VMs')).toMatch(/of 6$/);
  });

  it('a link naming an AZ the lab does not have is refused by the engine check, with a notice', async () => {
    const state = { design: { ...presets['multi-az'], faults: [{ at: 60, op: 'fail', level: 'az', target: 'us-east-1z' }] }, time: 0 };
    window.history.replaceState(null, '', `/?w-az-failure-lab-multi-az=${encodeURIComponent(JSON.stringify(state))}`);
    render(<AzFailureLab preset="multi-az" />);
    expect((await lab().findByRole('alert')).textContent).toMatch(/us-east-1z/);
  });

  it('a valid link restores the design, its faults and the time', async () => {
    const state = { design: { ...presets['multi-az'], faults: [{ at: 600, op: 'fail', level: 'az', target: 'us-east-1c' }] }, time: 900 };
    window.history.replaceState(null, '', `/?w-az-failure-lab-multi-az=${encodeURIComponent(JSON.stringify(state))}`);
    render(<AzFailureLab preset="multi-az" />);
    const w = lab();
    await waitFor(() => expect(metric(w, 'Serving VMs')).toBe('4 of 6'));
    expect(w.getByRole('slider', { name: /Virtual time/ }).getAttribute('aria-valuetext')).toBe('15 min');
    expect(w.queryByRole('alert')).toBeNull();
  });

  it("Copy share link puts the state in this widget's own parameter", async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az-db" />);
    await user.click(lab().getByRole('button', { name: 'Copy share link' }));
    const link = new URL(await navigator.clipboard.readText());
    const state = JSON.parse(link.searchParams.get('w-az-failure-lab-multi-az-db')!);
    expect(state.design.database).toBe('standby');
    expect(link.hash).toBe('#az-failure-lab-multi-az-db');
  });
});

describe('many on a page, server rendering, a thousand VMs', () => {
  it('two labs on one page keep distinct ids and do not share state', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <>
        <AzFailureLab preset="single-az" />
        <AzFailureLab preset="multi-az" />
      </>,
    );
    const ids = Array.from(container.querySelectorAll('[id]'), (e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [first, second] = screen.getAllByRole('region', { name: /^AZ failure lab/ }).map((r) => within(r));
    await user.click(first.getByRole('button', { name: 'Run to the end' }));
    expect(second.getByRole('slider', { name: /Virtual time/ }).getAttribute('aria-valuetext')).toBe('0 s');
  });

  it('renders on the server without touching window', () => {
    vi.stubGlobal('window', undefined);
    try {
      const html = renderToString(<AzFailureLab preset="multi-az-db" />);
      expect(html).toContain('AZ failure lab: Group + database with a standby');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('draws 1 000 VMs with a few paths per AZ, not one element per VM', () => {
    const { view } = labViewAt(benchmarkScenario(1000), 900);
    expect(view.total).toBeGreaterThanOrEqual(1000);
    const state = { design: { ...presets['multi-az'], vms: 1000 }, time: 60 };
    window.history.replaceState(null, '', `/?w-az-failure-lab-multi-az=${encodeURIComponent(JSON.stringify(state))}`);
    const { container } = render(<AzFailureLab preset="multi-az" />);
    return waitFor(() => {
      expect(metric(lab(), 'Serving VMs')).toBe('1000 of 1000');
      expect(container.querySelectorAll('figure path').length).toBeLessThanOrEqual(3 * 4);
    });
  });
});

describe('starting from a ready-made design', () => {
  it('arrow keys only choose; Apply replaces the design and its faults, says so, and Undo brings them back; the title follows', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az" />);
    const w = lab('AZ failure lab: Spread over three AZs');
    await addFault(user, w, 'az', 'us-east-1a', 10);
    const select = w.getByLabelText('Start from a ready-made design') as HTMLSelectElement;
    select.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    // Nothing applied yet: same design, same fault, same title.
    expect(screen.getByRole('region', { name: 'AZ failure lab: Spread over three AZs' })).toBeTruthy();
    expect(w.getAllByRole('button', { name: /^Remove/ })).toHaveLength(1);
    await user.selectOptions(select, 'single-az');
    await user.click(w.getByRole('button', { name: 'Apply' }));
    const titled = lab('AZ failure lab: One AZ');
    expect(titled.getByText(/Applied “One AZ”: it replaced your design and its 1 fault\./)).toBeTruthy();
    expect(titled.queryAllByRole('button', { name: /^Remove/ })).toHaveLength(0);
    await user.click(titled.getByRole('button', { name: 'Undo' }));
    const back = lab('AZ failure lab: Spread over three AZs');
    expect(back.getAllByRole('button', { name: /^Remove/ })).toHaveLength(1);
  });

  it('names the reader’s own design as such once it differs from every ready-made one', async () => {
    const user = userEvent.setup();
    render(<AzFailureLab preset="multi-az" />);
    await user.selectOptions(lab().getByLabelText('Web VMs spread over'), '2');
    expect(screen.getByRole('region', { name: 'AZ failure lab: your own design' })).toBeTruthy();
  });

  it('opens as starting, not failed: at 0:00 the VMs boot and nothing is marked down', () => {
    render(<AzFailureLab preset="multi-az" />);
    const w = lab();
    expect(metric(w, /^Service/)).toBe('◌ starting: VMs are booting');
    expect(w.getByTestId('live-summary').textContent).toMatch(/service starting \(VMs are booting\)\./);
  });
});
