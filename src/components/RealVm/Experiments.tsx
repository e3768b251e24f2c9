/**
 * Guided experiments for the real VM: each command in a code line, with a copy button and, when it
 * sits inside a RealVm whose machine runs, a button that types it into the guest's shell.
 */
import React, { useEffect, useId, useState } from 'react';
import { copyText } from './clipboard';
import { useRunningVm } from './context';
import shared from '@site/src/components/widgets/shared/widget.module.css';
import styles from './experiments.module.css';

interface Experiment {
  id: string;
  title: string;
  commands: string[];
  /** What the reader should see, and why. */
  expect: React.ReactNode;
}

export const hypervisorExperiments: Experiment[] = [
  {
    id: 'memory',
    title: 'How much memory does the guest have?',
    commands: ['free -m'],
    expect: (
      <>
        A total below the memory you launched with (32, 64 or 128 MiB): the kernel keeps part of it for its own code and data before counting. This is what the
        hypervisor (here the emulator) granted the VM, not your computer's RAM, which the guest cannot see.
      </>
    ),
  },
  {
    id: 'cpu',
    title: 'How many CPUs, and which?',
    commands: ['nproc', 'cat /proc/cpuinfo'],
    expect: (
      <>
        One vCPU. <code>/proc/cpuinfo</code> describes the CPU the emulator presents, not your processor: v86 emulates a 32-bit x86 CPU, so the model name and
        the flags are v86's choice.
      </>
    ),
  },
  {
    id: 'devices',
    title: 'Which devices does the guest see?',
    commands: ['ls /sys/bus/pci/devices', 'dmesg | head'],
    expect: (
      <>
        A short list of PCI devices (a host bridge, an IDE controller, a VGA card...) and the kernel's first messages about the machine it found. Every one of
        those devices is software in the emulator: virtual hardware, as a hypervisor presents it.
      </>
    ),
  },
];

export const lifecycleExperiments: Experiment[] = [
  {
    id: 'write',
    title: '1. Write one file to the disk and one to RAM',
    commands: ['echo kept > /mnt/disk/note; echo lost > /tmp/note; sync'],
    expect: (
      <>
        Nothing is printed. <code>/mnt/disk</code> is the VM's virtual disk (a block device whose image the page keeps); <code>/tmp</code> is in RAM (tmpfs).{' '}
        <code>sync</code> makes the kernel write what it buffered to the disk.
      </>
    ),
  },
  {
    id: 'read',
    title: '2. Reboot, or Stop then Start, or Terminate then Launch a new VM; then read both files',
    commands: ['cat /mnt/disk/note /tmp/note'],
    expect: (
      <>
        After a reboot or a stop and start: <code>kept</code>, then an error for <code>/tmp/note</code>: the disk survived, the RAM did not. After a terminate,
        the new VM has a new, blank disk: both files are gone.
      </>
    ),
  },
];

export const experimentSets = { hypervisors: hypervisorExperiments, lifecycle: lifecycleExperiments } as const;

function CommandLine({ command }: { command: string }): React.JSX.Element {
  const vm = useRunningVm();
  const [status, setStatus] = useState('');
  // "Typed into lab-1" is about a machine that ran: once it is off (stop, terminate), it is stale.
  const running = vm?.running ?? false;
  useEffect(() => {
    if (!running) setStatus((s) => (s.startsWith('Typed into') ? '' : s));
  }, [running]);
  const copy = async () => setStatus((await copyText(command)) ? 'Copied' : 'Copy failed: select the command instead');
  const run = () => setStatus(vm?.run(command) ? `Typed into ${vm.vm}: its answer is in the terminal above` : 'No machine is running: press Start first');
  return (
    <div className={styles.line}>
      <code className={styles.command}>{command}</code>
      <button type="button" className={shared.button} onClick={() => void copy()} aria-label={`Copy: ${command}`}>
        Copy
      </button>
      {vm ? (
        <button type="button" className={shared.button} onClick={run} disabled={!vm.running} aria-label={`Run in the VM: ${command}`}>
          Run in the VM
        </button>
      ) : null}
      <span role="status" className={styles.status}>
        {status}
      </span>
    </div>
  );
}

export default function Experiments({ set }: { set: keyof typeof experimentSets }): React.JSX.Element {
  const list = experimentSets[set];
  return (
    <div className={styles.experiments}>
      <h4 className={styles.heading}>Experiments</h4>
      {list.map((e) => (
        <div key={e.id} className={styles.experiment}>
          <p className={styles.title}>{e.title}</p>
          {e.commands.map((c) => (
            <CommandLine key={c} command={c} />
          ))}
          <p className={styles.expect}>
            <strong>What you should see: </strong>
            {e.expect}
          </p>
        </div>
      ))}
      {set === 'lifecycle' ? <SurvivalTable /> : null}
    </div>
  );
}

/** What survives each lifecycle action, in the VM and in the cloud. */
export function SurvivalTable(): React.JSX.Element {
  const captionId = useId();
  // On a narrow screen the table scrolls inside its own box (the page keeps its width); the box is
  // focusable so that a keyboard can scroll it, and a hint says so where it is likely to scroll.
  return (
    <div className={styles.tableBox} role="region" aria-labelledby={captionId} tabIndex={0} data-testid="survival-table">
      <p className={styles.scrollHint} aria-hidden="true">
        Scroll the table sideways to see every column.
      </p>
      <table className={styles.table}>
        <caption id={captionId}>What survives each action (the same on a cloud instance with a network disk such as EBS)</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">/mnt/disk/note (disk)</th>
            <th scope="col">/tmp/note (RAM)</th>
            <th scope="col">Host</th>
            <th scope="col">In the cloud</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Reboot</th>
            <td>kept</td>
            <td>lost</td>
            <td>same host</td>
            <td>the instance restarts in place; its volumes stay attached</td>
          </tr>
          <tr>
            <th scope="row">Stop, then Start</th>
            <td>kept</td>
            <td>lost</td>
            <td>released; the start may land elsewhere</td>
            <td>a stopped instance keeps its EBS volumes (and pays for them), not its RAM</td>
          </tr>
          <tr>
            <th scope="row">Terminate</th>
            <td>deleted</td>
            <td>lost</td>
            <td>released</td>
            <td>the root volume is deleted with the instance (by default); a new instance starts blank</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
