/**
 * Widget state in the URL: the shared codec (decodeState, shareLink), the two labs' schemas (what a
 * share link may hold) and the replay that turns a link's action log back into the same world.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeState, encodeState, paramName, shareLink } from '@site/src/components/widgets/shared/urlState';
import { replayed, tryOnCopy } from '@site/src/components/widgets/shared/actionLog';
import { defaultLabState, labScenario, labStateSchema, toTimedAction as labAction, type LabStep } from '@site/src/components/widgets/HypervisorLab/labState';
import {
  defaultExplorerState,
  explorerScenario,
  explorerStateSchema,
  toTimedAction as explorerAction,
} from '@site/src/components/widgets/LifecycleExplorer/explorerState';
import { createWorld, type ActionInput } from '@site/sim';

const host = { cores: 16, memoryGiB: 64 };

describe('decodeState', () => {
  const schema = z.strictObject({ n: z.number().int().min(0).max(9) });

  it('reads nothing from an absent or empty parameter', () => {
    expect(decodeState(null, schema)).toBeNull();
    expect(decodeState('', schema)).toBeNull();
  });

  it('turns markup into a notice, never into state', () => {
    expect(decodeState('<script>alert(1)</script>', schema)).toEqual({
      ok: false,
      notice: "The shared link's state is not valid JSON; showing the default instead.",
    });
  });

  it('names the field that does not fit the schema', () => {
    const decoded = decodeState('{"n":12}', schema);
    expect(decoded?.ok).toBe(false);
    expect(decoded && !decoded.ok && decoded.notice).toMatch(/^The shared link's state is not valid \(n: /);
  });

  it('refuses a value longer than 4000 characters before parsing it', () => {
    const raw = JSON.stringify({ n: 1, pad: 'x'.repeat(4000) });
    expect(decodeState(raw, schema)).toEqual({
      ok: false,
      notice: `The shared link's state is too long (${raw.length} characters); showing the default instead.`,
    });
  });
});

describe('shareLink', () => {
  it('puts the state in w-<id>, keeps the page and its other parameters, and points at the widget', () => {
    const link = new URL(shareLink('hypervisor-lab', { n: 3 }, { href: 'https://example.org/lab?docusaurus-theme=dark#top' }));
    expect(link.pathname).toBe('/lab');
    expect(link.searchParams.get('docusaurus-theme')).toBe('dark');
    expect(link.searchParams.get(paramName('hypervisor-lab'))).toBe('{"n":3}');
    expect(link.hash).toBe('#hypervisor-lab');
  });
});

describe('the hypervisor lab state', () => {
  const valid = {
    ...defaultLabState('type2'),
    cpuOvercommit: 2,
    time: 90,
    log: [
      ['launch', 0, 7, 4, 4, 0.55],
      ['crash', 60, 'vm-3'],
      ['fail-host', 90, 'us-east-1a-h1'],
    ],
  };

  it('round-trips through a link', () => {
    const link = new URL(shareLink('hypervisor-lab', valid, { href: 'https://example.org/lab' }));
    expect(decodeState(link.searchParams.get('w-hypervisor-lab'), labStateSchema)).toEqual({ ok: true, value: valid });
  });

  it.each([
    ['an unknown hypervisor', { ...valid, hypervisor: 'type3' }, 'hypervisor'],
    ['an overcommit ratio the lab does not offer', { ...valid, cpuOvercommit: 1.7 }, 'cpuOvercommit'],
    ['an extra field', { ...valid, script: '<b>x</b>' }, 'state'],
    ['a VM name with markup', { ...valid, log: [['crash', 0, '<img src=x onerror=alert(1)>']] }, 'log.0.2'],
    ['an unknown verb', { ...valid, log: [['format-disk', 0, 'vm-1']] }, 'log.0'],
    ['a launch of 0 vCPUs', { ...valid, log: [['launch', 0, 1, 0, 4, 0.25]] }, 'log.0.3'],
    [
      'actions out of time order',
      {
        ...valid,
        log: [
          ['crash', 60, 'vm-1'],
          ['crash', 30, 'vm-2'],
        ],
      },
      'log',
    ],
    ['an action after the time', { ...valid, time: 10, log: [['crash', 60, 'vm-1']] }, 'log'],
    ['a negative time', { ...valid, time: -1 }, 'time'],
  ])('refuses %s', (_what, state, where) => {
    const decoded = decodeState(encodeState(state), labStateSchema);
    expect(decoded?.ok).toBe(false);
    expect(decoded && !decoded.ok && decoded.notice).toContain(`not valid (${where}: `);
  });

  it('keeps a long session within a link: 150 single actions and a launch fit in 4000 characters', () => {
    const log: LabStep[] = [['launch', 0, 16, 1, 1, 0.25]];
    for (let i = 1; i <= 150; i++) log.push(['reboot', 100 + i, `vm-${(i % 16) + 1}`]);
    const state = { ...valid, time: 300, log };
    expect(encodeState(state).length).toBeLessThan(4000);
    expect(decodeState(encodeState(state), labStateSchema)?.ok).toBe(true);
  });
});

describe('the lifecycle explorer state', () => {
  it('round-trips the default and a session', () => {
    expect(decodeState(encodeState(defaultExplorerState), explorerStateSchema)).toEqual({ ok: true, value: defaultExplorerState });
    const session = {
      time: 200,
      log: [
        ['launch', 0],
        ['stop', 90, 'web-1'],
        ['fail-host', 100, 'us-east-1a-h1'],
        ['start', 120, 'web-1'],
      ],
    };
    expect(decodeState(encodeState(session), explorerStateSchema)).toEqual({ ok: true, value: session });
  });

  it('refuses a verb the explorer has no button for', () => {
    const decoded = decodeState(encodeState({ time: 10, log: [['crash', 0, 'web-1']] }), explorerStateSchema);
    expect(decoded?.ok).toBe(false);
  });
});

describe('replaying a log', () => {
  const steps: LabStep[] = [
    ['launch', 0, 3, 2, 4, 0.5],
    ['stop', 30, 'vm-1'],
    ['crash', 30, 'vm-2'],
    ['load', 45, 'vm', 1],
    ['start', 50, 'vm-1'],
    ['fail-host', 100, 'us-east-1a-h1'],
  ];

  it('gives the world the reader had, action by action, byte for byte', () => {
    // What the widget does live: run to each action's second, apply it, finally run to the time.
    const live = createWorld(labScenario(defaultLabState(), host));
    for (const step of steps) {
      const { at, action } = labAction(step);
      live.runUntil(at);
      live.apply(action);
    }
    live.runUntil(120);
    const { world, refusals } = replayed(labScenario(defaultLabState(), host), steps.map(labAction), 120);
    expect(refusals).toEqual([]);
    expect(JSON.stringify(world.report())).toBe(JSON.stringify(live.report()));
  });

  it('runs a completion due at the same second before the reader action, as the reader saw it', () => {
    // The VM settles to running at 30 s; a stop at 30 s comes after, so the engine accepts it.
    const { world, refusals } = replayed(labScenario(defaultLabState(), host), [labAction(['launch', 0, 1, 1, 1, 0.25]), labAction(['stop', 30, 'vm-1'])], 30);
    expect(refusals).toEqual([]);
    expect(world.report().vms[0].state).toBe('stopping');
  });

  it('reports the engine refusals of a replay under a stricter policy', () => {
    const log = [labAction(['launch', 0, 10, 2, 2, 0.25])];
    const loose = replayed(labScenario({ ...defaultLabState(), cpuOvercommit: 2 }, host), log, 0);
    const strict = replayed(labScenario(defaultLabState(), host), log, 0);
    expect(loose.refusals).toEqual([]);
    // 10 × 2 vCPUs = 20 > 16 cores without overcommit: room for 8.
    expect(strict.refusals).toEqual([
      'insufficient capacity: 10 × 2 vCPU / 2 GiB do not fit in us-east-1 (room for 8; no host has 2 vCPU free); nothing was launched',
    ]);
  });

  it('tries an action on a copy without touching the live world', () => {
    const log = [explorerAction(['launch', 0])];
    const { world } = replayed(explorerScenario(), log, 30);
    const eventsBefore = world.report().events.length;
    const start: ActionInput = { kind: 'start', vm: 'web-1' };
    expect(tryOnCopy(explorerScenario(), log, 30, start)).toEqual({
      ok: false,
      reason: 'cannot start web-1 while it is running: start needs a VM that is stopped',
    });
    expect(world.report().events.length).toBe(eventsBefore);
  });
});
