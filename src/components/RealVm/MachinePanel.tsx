/** One machine of a panel: its name, state and boot stage, and its terminal while it runs. */
import React, { Suspense } from 'react';
import { stageText } from './BootProgress';
import type { TerminalProps } from './terminal-props';
import type { VmView } from './useVm';

export interface MachinePanelProps {
  view: VmView;
  Terminal: React.ComponentType<TerminalProps>;
  /** The panel's own classes for the box and for the line that names the machine. */
  className?: string;
  nameClassName?: string;
}

export function MachinePanel({ view, Terminal, className, nameClassName }: MachinePanelProps): React.JSX.Element {
  return (
    <div className={className}>
      <p className={nameClassName}>
        {view.vm}: {view.state}
        {view.host ? ` on ${view.host}` : ''}. {stageText(view.stage, view.machine !== null)}
      </p>
      {view.machine ? (
        <Suspense fallback={<p>Loading the terminal…</p>}>
          <Terminal machine={view.machine} label={`Terminal of ${view.vm}`} rows={12} />
        </Suspense>
      ) : (
        <p>The machine is off.</p>
      )}
    </div>
  );
}
