/**
 * Quiz for docs/lessons/vm-lifecycle.mdx. Keys use the engine's numbers from the lesson (pending
 * 30 s, stopping 20 s, a reboot does not serve for 60 s, compute billed only while running, the
 * root volume until terminated, the instance store erased at stop and kept at reboot) and its state machine; the validator runs each against the engine. The rest are
 * EC2 facts, sourced and dated (hibernation, Elastic IPs, volumes after terminate, addresses). Each
 * wrong answer names the misconception it diagnoses (quizzes/misconceptions.ts) or is marked as a slip.
 */
import type { Report, VmReport } from '@site/sim';
import { defineQuiz, engineQuestion } from './define';
import { region } from './worlds';

const ec2Lifecycle = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html';
const hibernate = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Hibernate.html';
const vpcPricing = 'https://aws.amazon.com/vpc/pricing/';
/** m5.large on-demand in us-east-1, USD per hour (the engine's dated price list). */
const usEast1Hour = 0.096;
const hour = 3600;
const vm = (r: Report, name: string): VmReport => r.vms.find((v) => v.name === name)!;
/** When web-1's instance store was erased, from the trace. */
const erasures = (r: Report): number[] => r.events.filter((e) => e.kind === 'instance-store-erased' && e.vm === 'web-1').map((e) => e.time);

export default defineQuiz({
  lesson: 'vm-lifecycle',
  title: 'The life of a VM',
  questions: [
    engineQuestion({
      id: 'stop-start-states',
      skill: 'predict',
      prompt: 'web-1 is running. You stop it, and once it is stopped you start it again. Put the states it passes through in order.',
      scenario: () => ({
        name: 'Stop, then start',
        until: 600,
        regions: [region('us-east-1', 1)],
        actions: [
          { at: 0, launch: { name: 'web', vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          { at: 100, stop: { vm: 'web-1' } },
          { at: 200, start: { vm: 'web-1' } },
        ],
      }),
      ask: {
        type: 'ordering',
        items: [
          { id: 'stopping', text: 'stopping' },
          { id: 'stopped', text: 'stopped' },
          { id: 'pending', text: 'pending' },
          { id: 'running', text: 'running' },
        ],
        mistakes: [
          {
            first: 'pending',
            then: 'running',
            misconception: 'start-skips-pending',
            feedback: 'A start is almost a launch: the instance is placed on a host and boots, in pending, before it runs.',
          },
          {
            first: 'stopped',
            then: 'pending',
            misconception: 'start-skips-pending',
            feedback: 'The stop ends in stopped; pending belongs to the start that follows, while the instance is placed on a host and boots.',
          },
        ],
        read: (r) => {
          const state: Record<string, string> = { stopping: 'stopping', stopped: 'stopped', launched: 'pending', running: 'running' };
          return r.events.filter((e) => e.vm === 'web-1' && e.time >= 100 && e.kind in state).map((e) => state[e.kind]);
        },
      },
      hints: ['Starting a stopped instance is almost like launching it again.'],
      explanation: 'stop: running → stopping → stopped. start: stopped → pending → running. A start goes back through pending, like a launch.',
    }),

    engineQuestion({
      id: 'legal-actions',
      skill: 'predict',
      params: { state: ['running', 'stopped'] },
      prompt: 'web-1 is {state}. Which of these actions does the engine accept now?',
      at: 300,
      scenario: (p) => ({
        name: `A ${p.state} VM`,
        regions: [region('us-east-1', 1)],
        actions: [
          { at: 0, launch: { name: 'web', vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          ...(p.state === 'stopped' ? [{ at: 100, stop: { vm: 'web-1' } }] : []),
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'start',
            text: 'start',
            correct: (p) => p.state === 'stopped',
            holds: (r) => vm(r, 'web-1').legalActions.includes('start'),
            feedback: 'Only a stopped instance can be started.',
            slip: 'reading',
            missed: { slip: 'reading', feedback: 'web-1 is stopped, and start is the way from stopped back to running.' },
          },
          {
            id: 'stop',
            text: 'stop',
            correct: (p) => p.state === 'running',
            holds: (r) => vm(r, 'web-1').legalActions.includes('stop'),
            feedback: 'Only a running instance can be stopped.',
            slip: 'reading',
            missed: { slip: 'reading', feedback: 'web-1 is running, and stop is one of the ways out of running.' },
          },
          {
            id: 'reboot',
            text: 'reboot',
            correct: (p) => p.state === 'running',
            holds: (r) => vm(r, 'web-1').legalActions.includes('reboot'),
            feedback: 'Reboot restarts the operating system of a running instance; a stopped one is started instead.',
            slip: 'reading',
            missed: {
              slip: 'reading',
              feedback: 'web-1 is running, and a running instance can be rebooted: its operating system restarts and it stays on its host.',
            },
          },
          {
            id: 'terminate',
            text: 'terminate',
            correct: true,
            holds: (r) => vm(r, 'web-1').legalActions.includes('terminate'),
            missed: {
              misconception: 'terminate-from-one-state',
              feedback: 'Terminate is accepted from running and from stopped alike: there is no need to stop or start the instance first.',
            },
          },
        ],
      },
      hints: ['Look at the arrows out of the state in the lesson’s diagram.'],
      explanation: 'From running: stop, reboot or terminate. From stopped: start or terminate. Terminate is the way out of both.',
    }),

    engineQuestion({
      id: 'where-after',
      skill: 'predict',
      params: { action: ['reboot', 'stop and start'] },
      prompt:
        'web-1 runs on host us-east-1a-h1. You {action} it, and meanwhile another VM arrives that fills us-east-1a-h1’s free room. Where does web-1 run afterwards?',
      scenario: (p) => ({
        name: `${p.action}, with a neighbour arriving`,
        until: 600,
        regions: [
          {
            id: 'us-east-1',
            azs: [
              { id: 'us-east-1a', hosts: [{ count: 2, cores: 8, memoryGiB: 32 }] },
              { id: 'us-east-1b', hosts: [{ cores: 8, memoryGiB: 32 }] },
            ],
          },
        ],
        actions: [
          { at: 0, launch: { name: 'web', vcpu: 4, memoryGiB: 8, region: 'us-east-1', az: 'us-east-1a' } },
          ...(p.action === 'reboot'
            ? [
                { at: 100, reboot: { vm: 'web-1' } },
                { at: 150, launch: { name: 'other', vcpu: 4, memoryGiB: 8, region: 'us-east-1', az: 'us-east-1a' } },
              ]
            : [
                { at: 100, stop: { vm: 'web-1' } },
                { at: 150, launch: { name: 'other', vcpu: 8, memoryGiB: 16, region: 'us-east-1', az: 'us-east-1a' } },
                { at: 200, start: { vm: 'web-1' } },
              ]),
        ],
      }),
      ask: {
        type: 'choice',
        key: (p) => (p.action === 'reboot' ? 'the same host' : 'another host in the same AZ'),
        distractors: [
          {
            value: (p) => (p.action === 'reboot' ? 'another host in the same AZ' : 'the same host'),
            feedback: 'A reboot keeps the host; a stop hands it back, and the start is placed again like a launch.',
            misconception: 'stop-keeps-the-host',
          },
          {
            value: 'another AZ',
            feedback: 'Nothing moves an instance out of its AZ: it starts again in its own AZ (its disk lives there).',
            misconception: 'provider-moves-vms',
          },
        ],
        read: (r) => {
          const first = r.events.find((e) => e.vm === 'web-1' && e.kind === 'launched')!;
          const now = vm(r, 'web-1');
          return now.host === first.host ? 'the same host' : now.az === first.az ? 'another host in the same AZ' : 'another AZ';
        },
      },
      explainWrong: 'You answered “{answer}”; the engine puts web-1 on {engine}. Compare the host column with us-east-1a-h1.',
      hints: ['Which of the two actions hands the host back?'],
      explanation:
        'A reboot never leaves running, so web-1 keeps its host. A stop releases the host; the start is placed again like a launch, and its old host is now full.',
    }),

    engineQuestion({
      id: 'reboot-downtime',
      skill: 'predict',
      prompt: 'web-1 is the only VM of a service. At 600 s you reboot it. For how many seconds in total does the service not serve, in the simulation?',
      scenario: () => ({
        name: 'A reboot',
        regions: [region('us-east-1', 1)],
        actions: [
          { at: 0, launch: { name: 'web', vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          { at: 600, reboot: { vm: 'web-1' } },
        ],
      }),
      ask: {
        type: 'numeric',
        key: 60,
        unit: 's',
        tolerance: 0,
        distractors: [
          { value: 0, feedback: 'A rebooting VM stays running, but it does not serve until the operating system is back.', misconception: 'reboot-is-free' },
        ],
        read: (r) => r.metrics.downtimeSeconds,
      },
      hints: ['Does a VM serve while its operating system restarts?'],
      explanation: 'A reboot keeps the instance running on its host, but the service is down while the operating system restarts: 60 s in the simulation.',
    }),

    engineQuestion({
      id: 'restart-downtime',
      skill: 'predict',
      params: { wait: [60, 120] },
      prompt:
        'web-1 is the only VM of a service. At 600 s you stop it, and {wait} s later you start it again. For how many seconds in total does the service not serve, in the simulation?',
      scenario: (p) => ({
        name: `Stop, then start ${p.wait} s later`,
        regions: [region('us-east-1', 1)],
        actions: [
          { at: 0, launch: { name: 'web', vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          { at: 600, stop: { vm: 'web-1' } },
          { at: 600 + p.wait, start: { vm: 'web-1' } },
        ],
      }),
      ask: {
        type: 'numeric',
        // It stops serving at the stop; after the start it is pending for 30 s.
        key: (p) => p.wait + 30,
        unit: 's',
        tolerance: 0,
        distractors: [
          { value: (p) => p.wait, feedback: 'A start goes back through pending (30 s here) before the VM serves again.', misconception: 'start-skips-pending' },
          { value: 30, feedback: 'The service is down from the stop, not only while the start is pending.', slip: 'reading' },
        ],
        read: (r) => r.metrics.downtimeSeconds,
      },
      hints: ['Which state does a start pass through before running?'],
      explanation: 'Stopping stops serving at once; the start {wait} s later is pending for 30 s before the VM serves again: {wait} + 30 s in all.',
    }),

    engineQuestion({
      id: 'stop-or-terminate',
      skill: 'predict',
      prompt:
        'Two identical VMs run for an hour. Then web-1 is stopped and web-2 is terminated, and the day goes on. Which statements are true at the end of the day?',
      scenario: () => ({
        name: 'Stop versus terminate',
        until: 24 * hour,
        regions: [region('us-east-1', 1)],
        timings: { pendingSeconds: 0 },
        actions: [
          { at: 0, launch: { name: 'web', count: 2, vcpu: 2, memoryGiB: 4, diskGiB: 100, region: 'us-east-1' } },
          { at: hour, stop: { vm: 'web-1' } },
          { at: hour, terminate: { vm: 'web-2' } },
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'disk',
            text: 'The stopped VM has cost more than the terminated one.',
            correct: true,
            holds: (r) => vm(r, 'web-1').costUsd > vm(r, 'web-2').costUsd,
            feedback: 'Its disk is billed until it is deleted.',
            missed: {
              misconception: 'stopped-costs-nothing',
              feedback: 'web-1 pays no compute once stopped, but its 100 GiB disk still exists and bills all day.',
            },
          },
          {
            id: 'restart',
            text: 'The stopped VM can be started again.',
            correct: true,
            holds: (r) => vm(r, 'web-1').legalActions.includes('start'),
            missed: { slip: 'reading', feedback: 'web-1 was only stopped, not terminated: a stopped VM keeps its disk and can be started again.' },
          },
          {
            id: 'revive',
            text: 'The terminated VM can be started again.',
            correct: false,
            holds: (r) => vm(r, 'web-2').legalActions.includes('start'),
            feedback: 'Terminated is final: there is no way back.',
            misconception: 'terminated-can-return',
          },
          {
            id: 'compute',
            text: 'The stopped VM was billed for compute while it was stopped.',
            correct: false,
            holds: (r) => r.metrics.cost.computeUsd > 2 * usEast1Hour + 0.001,
            feedback: 'Compute is billed only while running.',
            misconception: 'stopped-billed-compute',
          },
        ],
      },
      hints: ['Two bills: compute (only while running) and disk (until terminated).'],
      explanation:
        'Stopped saves the compute bill but keeps paying for the disk, and can come back. In the simulation, terminated stops both bills for good; on AWS an Elastic IP, or a volume attached after launch, can outlive the instance and keep billing.',
    }),

    engineQuestion({
      id: 'instance-store-and-volume',
      skill: 'predict',
      params: { store: [20, 40] },
      prompt:
        'web-1 has a 100 GiB root volume on the network (like EBS) and a 75 GiB instance store on its host. It writes {store} GiB to the instance store and 5 GiB to the root volume, is rebooted, and later stopped. An hour after the stop, which statements are true in the simulation?',
      at: 3920,
      scenario: (p) => ({
        name: 'Instance store and root volume through a reboot and a stop',
        regions: [region('us-east-1', 1)],
        actions: [
          { at: 0, launch: { name: 'web', vcpu: 2, memoryGiB: 8, diskGiB: 100, instanceStoreGiB: 75, region: 'us-east-1' } },
          { at: 60, write: { vm: 'web-1', to: 'instance-store', gib: p.store } },
          { at: 60, write: { vm: 'web-1', to: 'root-volume', gib: 5 } },
          { at: 100, reboot: { vm: 'web-1' } },
          { at: 300, stop: { vm: 'web-1' } },
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'reboot-kept',
            text: 'The reboot kept the data on the instance store.',
            correct: true,
            // Erased only at the stop (300 s + 20 s of stopping), not between the write and the stop.
            holds: (r) => !erasures(r).some((t) => t < 300),
            missed: {
              misconception: 'reboot-erases-instance-store',
              feedback: 'A reboot keeps the VM on its host, and the instance store is a disk of that host.',
            },
          },
          {
            id: 'reboot-erased',
            text: 'The reboot erased the instance store.',
            correct: false,
            holds: (r) => erasures(r).some((t) => t >= 100 && t < 300),
            feedback: 'A reboot keeps the VM on its host, and the instance store is a disk of that host.',
            misconception: 'reboot-erases-instance-store',
          },
          {
            id: 'stop-erased',
            text: 'The stop erased the instance store.',
            correct: true,
            holds: (r) => erasures(r).includes(320) && vm(r, 'web-1').storage.instanceStore?.dataGiB === 0,
            missed: {
              misconception: 'stop-keeps-the-host',
              feedback: 'A stop hands the host back, and the instance store is a disk of that host: its data is erased.',
            },
          },
          {
            id: 'volume-erased',
            text: 'The stop erased the 5 GiB on the root volume too.',
            correct: false,
            holds: (r) => vm(r, 'web-1').storage.rootVolume.dataGiB !== 5,
            feedback: 'The root volume is network storage: it stays with the stopped VM and keeps its data.',
            misconception: 'stop-erases-every-disk',
          },
          {
            id: 'volume-free',
            text: 'Now that web-1 is stopped, its root volume costs nothing.',
            correct: false,
            // Stopped, the VM's hourly cost is its root volume alone.
            holds: (r) => vm(r, 'web-1').hourlyUsd === 0,
            feedback: 'The volume still exists and still holds data, so it is billed until the VM is terminated.',
            misconception: 'stopped-costs-nothing',
          },
        ],
      },
      hints: ['Which of the two disks lives in the host, and which action hands the host back?'],
      explanation:
        'A reboot keeps web-1 on its host, so the {store} GiB on the instance store survive it. The stop hands the host back, and its local disk with it: the instance store is erased when web-1 is stopped, at 320 s. The root volume is on the network: it keeps its 5 GiB through both and is billed while web-1 is stopped, until it is terminated. AWS behaves the same way.',
    }),

    {
      kind: 'single',
      id: 'instance-store',
      skill: 'predict',
      factual: true,
      asOf: '2026-12-02',
      source: ec2Lifecycle,
      prompt:
        'Sam kept two files on the instance store (a disk inside the host). What happens to them when Sam stops and starts the instance (AWS, as of 2026-12-02)?',
      options: [
        { id: 'erased', text: 'They are erased', correct: true },
        {
          id: 'kept',
          text: 'They are kept',
          feedback: 'The instance store lives in the old host, which a stop hands back.',
          misconception: 'stop-keeps-the-host',
        },
        {
          id: 'moved',
          text: 'They move with the instance to its new host',
          feedback: 'Only network storage (EBS) follows the instance.',
          misconception: 'stop-keeps-the-host',
        },
      ],
      hints: ['Where does the instance store live, and does a stop keep the host?'],
      explanation: 'A stop hands back the host and its local disks: instance-store data is erased. A reboot keeps it; an EBS volume keeps its data either way.',
    },
    {
      kind: 'single',
      id: 'public-address',
      skill: 'recall',
      factual: true,
      asOf: '2026-12-02',
      source: ec2Lifecycle,
      prompt: 'Without an Elastic IP, which address of an EC2 instance changes when you stop and start it (AWS, as of 2026-12-02)?',
      options: [
        { id: 'public', text: 'Its public IPv4 address', correct: true },
        {
          id: 'private',
          text: 'Its private IPv4 address',
          feedback: 'The private address is kept across a stop and start.',
          misconception: 'stop-changes-private-ip',
        },
        {
          id: 'none',
          text: 'Neither: only terminate changes addresses',
          feedback: 'A stopped instance gives up its public IPv4 address.',
          misconception: 'stop-changes-private-ip',
        },
      ],
      explanation:
        'The public IPv4 address is released at stop and a new one is given at start; the private address stays. An Elastic IP keeps a public address across both.',
    },
    {
      kind: 'multiple',
      id: 'weekend-bill',
      skill: 'predict',
      factual: true,
      asOf: '2026-12-02',
      source: vpcPricing,
      prompt:
        'On Friday evening Sam stops an EC2 instance that has a 100 GiB EBS volume and an Elastic IP address, and starts it again on Monday. What does Sam pay for over the weekend (AWS, as of 2026-12-02)?',
      options: [
        {
          id: 'ebs',
          text: 'The EBS volume',
          correct: true,
          missed: {
            misconception: 'stopped-costs-nothing',
            feedback: 'The volume still exists while the instance is stopped, and EBS bills its storage for as long as it exists.',
          },
        },
        {
          id: 'eip',
          text: 'The Elastic IP address',
          correct: true,
          missed: {
            misconception: 'stopped-costs-nothing',
            feedback: 'AWS charges for every public IPv4 address it provides, an Elastic IP included, in use or idle.',
          },
        },
        {
          id: 'compute',
          text: 'The instance’s compute hours',
          feedback: 'Compute is billed only while the instance runs.',
          misconception: 'stopped-billed-compute',
        },
        {
          id: 'nothing',
          text: 'Nothing: a stopped instance is free',
          feedback: 'What the instance keeps (its volume, its address) keeps billing.',
          misconception: 'stopped-costs-nothing',
        },
      ],
      hints: ['Which of these still exist while the instance is stopped?'],
      explanation:
        'A stopped instance pays no compute, but its EBS volume is billed while it exists (EC2 instance lifecycle page), and since February 2024 AWS charges for every public IPv4 address it provides, an Elastic IP included, in use or idle (Amazon VPC pricing).',
    },
    {
      kind: 'single',
      id: 'hibernate-bill',
      skill: 'predict',
      factual: true,
      asOf: '2026-12-02',
      source: hibernate,
      prompt: 'Sam hibernates an EBS-backed instance with 16 GiB of RAM instead of stopping it. What changes on the bill (AWS, as of 2026-12-02)?',
      options: [
        {
          id: 'stopping',
          text: 'The instance is billed while it is stopping (RAM is written to the EBS root volume); once stopped, only storage bills, as after a plain stop',
          correct: true,
        },
        {
          id: 'free',
          text: 'Nothing at all: hibernation ends in stopped, and stopped is free',
          feedback: 'The stopping phase of a hibernation is billed, and the volumes (now holding the RAM) are billed while stopped.',
          misconception: 'hibernate-is-free',
        },
        {
          id: 'compute',
          text: 'Compute keeps billing for as long as it hibernates, because its RAM is kept',
          feedback: 'The RAM is kept on the EBS root volume, not in a running host: once stopped, compute is not billed.',
          misconception: 'stopped-billed-compute',
        },
      ],
      hints: ['Where is the RAM kept while the instance is hibernated?'],
      explanation:
        'Hibernation saves RAM to the EBS root volume and stops the instance. AWS bills the instance while it is stopping to hibernate; once stopped, compute is free, and the EBS volumes, holding the RAM too, are billed as before.',
    },
    {
      kind: 'single',
      id: 'after-terminate',
      skill: 'predict',
      factual: true,
      asOf: '2026-12-02',
      source: ec2Lifecycle,
      prompt:
        'Sam terminates an instance that had an Elastic IP address and a second EBS volume attached after launch (default settings). What keeps billing (AWS, as of 2026-12-02)?',
      options: [
        { id: 'both', text: 'The Elastic IP until Sam releases it, and the second volume until Sam deletes it', correct: true },
        {
          id: 'nothing',
          text: 'Nothing: terminating ends every bill',
          feedback: 'The address belongs to the account, and a volume attached after launch is kept by default.',
          misconception: 'terminate-ends-every-bill',
        },
        {
          id: 'root',
          text: 'Only the root volume, kept so the instance can be started again',
          feedback: 'The root volume is deleted by default, and a terminated instance cannot be started again.',
          misconception: 'terminated-can-return',
        },
      ],
      hints: ['Which of these belong to the account rather than to the instance?'],
      explanation:
        'Terminating deletes the root volume by default, but a volume attached after launch is kept unless it was set to be deleted (EC2 instance lifecycle page), and an Elastic IP stays allocated to the account and billed until released (Amazon VPC pricing).',
    },
  ],
});
