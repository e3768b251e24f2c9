/**
 * Quiz for docs/lessons/vm-lifecycle.mdx. Keys use the lesson's numbers (pending 30 s, stopping
 * 20 s, a reboot does not serve for 60 s, compute billed only while running, disk until terminated)
 * and its state machine; the validator runs each against the engine. The rest are EC2 facts.
 */
import type { Report, VmReport } from '@site/sim';
import { defineQuiz, engineQuestion } from './define';
import { region } from './worlds';

const ec2Lifecycle = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html';
/** m5.large on-demand in us-east-1, USD per hour (the engine's dated price list, 2025-10-28). */
const usEast1Hour = 0.096;
const hour = 3600;
const vm = (r: Report, name: string): VmReport => r.vms.find((v) => v.name === name)!;

export default defineQuiz({
  lesson: 'vm-lifecycle',
  title: 'The life of a VM',
  questions: [
    engineQuestion({
      id: 'stop-start-states',
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
          { id: 'start', text: 'start', correct: (p) => p.state === 'stopped', holds: (r) => vm(r, 'web-1').legalActions.includes('start') },
          { id: 'stop', text: 'stop', correct: (p) => p.state === 'running', holds: (r) => vm(r, 'web-1').legalActions.includes('stop') },
          { id: 'reboot', text: 'reboot', correct: (p) => p.state === 'running', holds: (r) => vm(r, 'web-1').legalActions.includes('reboot'), feedback: 'Reboot restarts the operating system of a running instance.' },
          { id: 'terminate', text: 'terminate', correct: true, holds: (r) => vm(r, 'web-1').legalActions.includes('terminate') },
        ],
      },
      hints: ['Look at the arrows out of the state in the lesson’s diagram.'],
      explanation: 'From running: stop, reboot or terminate. From stopped: start or terminate. Terminate is the way out of both.',
    }),

    engineQuestion({
      id: 'where-after',
      params: { action: ['reboot', 'stop and start'] },
      prompt:
        'web-1 runs on host us-east-1a-h1. You {action} it, and meanwhile another VM arrives that fills us-east-1a-h1’s free room. Where does web-1 run afterwards?',
      scenario: (p) => ({
        name: `${p.action}, with a neighbour arriving`,
        until: 600,
        regions: [{ id: 'us-east-1', azs: [{ id: 'us-east-1a', hosts: [{ count: 2, cores: 8, memoryGiB: 32 }] }, { id: 'us-east-1b', hosts: [{ cores: 8, memoryGiB: 32 }] }] }],
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
          { value: (p) => (p.action === 'reboot' ? 'another host in the same AZ' : 'the same host') },
          { value: 'another AZ', feedback: 'A stopped instance starts again in its own AZ (its disk lives there).' },
        ],
        read: (r) => {
          const first = r.events.find((e) => e.vm === 'web-1' && e.kind === 'launched')!;
          const now = vm(r, 'web-1');
          return now.host === first.host ? 'the same host' : now.az === first.az ? 'another host in the same AZ' : 'another AZ';
        },
      },
      explainWrong: 'You answered “{answer}”; the engine puts web-1 on {engine}. Compare the host column with us-east-1a-h1.',
      hints: ['Which of the two actions hands the host back?'],
      explanation: 'A reboot never leaves running, so web-1 keeps its host. A stop releases the host; the start is placed again like a launch, and its old host is now full.',
    }),

    engineQuestion({
      id: 'downtime',
      params: { action: ['reboot', 'stop, then start 60 s later'] },
      prompt: 'web-1 is the only VM of a service. At 600 s you {action}. For how many seconds in total does the service not serve?',
      scenario: (p) => ({
        name: p.action,
        regions: [region('us-east-1', 1)],
        actions: [
          { at: 0, launch: { name: 'web', vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          ...(p.action === 'reboot' ? [{ at: 600, reboot: { vm: 'web-1' } }] : [{ at: 600, stop: { vm: 'web-1' } }, { at: 660, start: { vm: 'web-1' } }]),
        ],
      }),
      ask: {
        type: 'numeric',
        // Reboot: 60 s without serving. Stop at 600, start at 660, pending 30 s: serving again at 690.
        key: (p) => (p.action === 'reboot' ? 60 : 90),
        unit: 's',
        tolerance: 0,
        distractors: [
          { value: 0, feedback: 'A rebooting VM stays running, but it does not serve until the operating system is back.' },
          { value: (p) => (p.action === 'reboot' ? 90 : 60), feedback: 'That is the other action’s downtime.' },
        ],
        read: (r) => r.metrics.downtimeSeconds,
      },
      hints: ['A reboot does not serve for 60 s. A start is pending for 30 s.'],
      explanation: 'A reboot costs 60 s without serving. Stopping stops serving at once; started 60 s later, the VM is pending 30 s more: 90 s in all.',
    }),

    engineQuestion({
      id: 'stopped-compute',
      params: { vms: [1, 3], hours: [2, 8] },
      given: () => ({ price: usEast1Hour }),
      prompt:
        '{vms} VM(s) of 2 vCPUs run for {hours} hours in us-east-1 (${price} per hour each), then are stopped for the rest of the day. What is the day’s compute bill, in USD?',
      scenario: (p) => ({
        name: `${p.vms} VMs run ${p.hours} h, then stop`,
        until: 24 * hour,
        regions: [region('us-east-1', 1)],
        timings: { pendingSeconds: 0 },
        actions: [
          { at: 0, launch: { name: 'web', count: p.vms, vcpu: 2, memoryGiB: 4, region: 'us-east-1' } },
          ...Array.from({ length: p.vms }, (_, i) => ({ at: p.hours * hour, stop: { vm: `web-${i + 1}` } })),
        ],
      }),
      ask: {
        type: 'numeric',
        key: (p) => p.vms * p.hours * usEast1Hour,
        unit: 'USD',
        tolerance: 0.005,
        distractors: [{ value: (p) => p.vms * 24 * usEast1Hour, feedback: 'A stopped VM is not billed for compute; only its disk keeps costing.' }],
        read: (r) => r.metrics.cost.computeUsd,
      },
      hints: ['Compute is billed only while running.'],
      explanation: '{vms} × {hours} h × ${price}. The stopped hours cost no compute, but the disks are still billed.',
    }),

    engineQuestion({
      id: 'stop-or-terminate',
      prompt: 'Two identical VMs run for an hour. Then web-1 is stopped and web-2 is terminated, and the day goes on. Which statements are true at the end of the day?',
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
          { id: 'disk', text: 'The stopped VM has cost more than the terminated one.', correct: true, holds: (r) => vm(r, 'web-1').costUsd > vm(r, 'web-2').costUsd, feedback: 'Its disk is billed until it is deleted.' },
          { id: 'restart', text: 'The stopped VM can be started again.', correct: true, holds: (r) => vm(r, 'web-1').legalActions.includes('start') },
          { id: 'revive', text: 'The terminated VM can be started again.', correct: false, holds: (r) => vm(r, 'web-2').legalActions.includes('start'), feedback: 'Terminated is final: there is no way back.' },
          {
            id: 'compute',
            text: 'The stopped VM was billed for compute while it was stopped.',
            correct: false,
            holds: (r) => r.metrics.cost.computeUsd > 2 * usEast1Hour + 0.001,
            feedback: 'Compute is billed only while running.',
          },
        ],
      },
      hints: ['Two bills: compute (only while running) and disk (until terminated).'],
      explanation: 'Stopped saves the compute bill but keeps paying for the disk, and can come back. Terminated stops both bills for good.',
    }),

    {
      kind: 'single',
      id: 'instance-store',
      factual: true,
      source: ec2Lifecycle,
      prompt: 'Sam kept two files on the instance store (a disk inside the host). What happens to them when Sam stops and starts the instance?',
      options: [
        { id: 'erased', text: 'They are erased', correct: true },
        { id: 'kept', text: 'They are kept', feedback: 'The instance store lives in the old host, which a stop hands back.' },
        { id: 'moved', text: 'They move with the instance to its new host', feedback: 'Only network storage (EBS) follows the instance.' },
      ],
      explanation: 'A stop hands back the host and its local disks: instance-store data is erased. A reboot keeps it; an EBS volume keeps its data either way.',
    },
    {
      kind: 'single',
      id: 'public-address',
      factual: true,
      source: ec2Lifecycle,
      prompt: 'Without an Elastic IP, which address of an EC2 instance changes when you stop and start it?',
      options: [
        { id: 'public', text: 'Its public IPv4 address', correct: true },
        { id: 'private', text: 'Its private IPv4 address', feedback: 'The private address is kept across a stop and start.' },
        { id: 'none', text: 'Neither: only terminate changes addresses', feedback: 'A stopped instance gives up its public IPv4 address.' },
      ],
      explanation: 'The public IPv4 address is released at stop and a new one is given at start; the private address stays. An Elastic IP keeps a public address across both.',
    },
  ],
});
