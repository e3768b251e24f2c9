/**
 * For the benchmark: what one reader action in the AZ failure lab costs at scale: the frame read
 * from the run's record, and the lab's time-dependent parts (status, VM grid, AZ table, timeline,
 * event log) rendered to HTML. Not imported by the widget (it pulls in react-dom/server).
 */
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ScenarioInput } from '@site/sim';
import type { LabFrame } from './history';
import { scheduledFaults } from './scenario';
import { EventLog, Status } from './Status';
import { defaultSpeed, Timeline } from './Timeline';
import { AzTable, VmGrid } from './VmGrid';

const noop = () => undefined;

/**
 * Renders what the lab redraws when its time moves, every part afresh (no memo survives a static
 * render, so this is the most a move can cost). Returns the HTML.
 */
export function azFailureLabRender(scenario: ScenarioInput, until: number, frame: LabFrame, minServing: number): string {
  return renderToStaticMarkup(
    createElement(
      Fragment,
      null,
      createElement(Timeline, {
        id: 'az-failure-lab-bench',
        until,
        time: frame.time,
        faults: scheduledFaults(scenario),
        events: frame.events,
        playing: false,
        speed: defaultSpeed,
        onSpeed: noop,
        onScrub: noop,
        onPlay: noop,
        onPause: noop,
        onStep: noop,
        onRestart: noop,
      }),
      createElement(Status, { frame, minServing }),
      createElement(VmGrid, { azs: frame.view.azs }),
      createElement(AzTable, { azs: frame.view.azs }),
      createElement(EventLog, { events: frame.events }),
    ),
  );
}
