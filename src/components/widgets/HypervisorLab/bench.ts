/**
 * For the benchmark: one reader action at scale, "apply one action + build the report + render the
 * view", as a pure function of a world built here. Not imported by the widget (it pulls in
 * react-dom/server).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ActionInput, World } from '@site/sim';
import { createWorld } from '@site/sim';
import { applyAction } from './actionLog';
import { HypervisorLabView, type LabHandlers } from './HypervisorLabView';
import { defaultLabState, labScenario, launchName, labRegion, type LabSettings } from './labState';

export interface HypervisorLabBench {
  world: World;
  settings: LabSettings;
}

/**
 * A lab world holding `vmCount` running VMs of 1 vCPU and 1 GiB on one type 1 host big enough for
 * them (vmCount cores, vmCount + 1 GiB), built through the same scenario and launch as the widget.
 */
export function hypervisorLabBenchWorld(vmCount = 1000): HypervisorLabBench {
  const settings = defaultLabState('type1');
  const world = createWorld(labScenario(settings, { cores: vmCount, memoryGiB: vmCount + 1 }));
  const outcome = applyAction(world, { kind: 'launch', name: launchName, count: vmCount, vcpu: 1, memoryGiB: 1, region: labRegion, busy: 0.25 });
  if (!outcome.ok) throw new Error(outcome.reason);
  world.runUntil(60);
  return { world, settings };
}

const noop = () => undefined;
const handlers: LabHandlers = {
  changeSettings: noop,
  launch: noop,
  vmAction: noop,
  setLoad: noop,
  setWorkingSet: noop,
  toggleHost: noop,
  advance: noop,
  togglePlay: noop,
  select: noop,
  startOver: noop,
  share: noop,
};

/**
 * Applies `action` to the bench world now, builds the engine report and renders the whole lab view
 * (every VM's row and bar segments) to HTML. Returns the HTML.
 */
export function hypervisorLabFrame(bench: HypervisorLabBench, action: ActionInput): string {
  const outcome = applyAction(bench.world, action);
  const report = bench.world.report();
  return renderToStaticMarkup(
    createElement(HypervisorLabView, {
      id: 'hypervisor-lab-bench',
      report,
      settings: bench.settings,
      selected: null,
      playing: false,
      refusal: outcome.ok ? null : outcome.reason,
      notice: null,
      note: null,
      shareText: null,
      handlers,
    }),
  );
}
