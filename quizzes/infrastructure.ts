/**
 * Quiz for docs/lessons/infrastructure.mdx. Who manages what comes from NIST SP 800-145 and
 * Microsoft's shared-responsibility table (factual, with sources); owning versus renting is checked
 * against the engine (requests dropped, cost of a day), with the price the lesson's widget uses.
 */
import { defineQuiz, engineQuestion } from './define';
import { region } from './worlds';

const nist = 'https://doi.org/10.6028/NIST.SP.800-145';
const shared = 'https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility';

/** m5.large on-demand in us-east-1, USD per hour (the engine's dated price list, 2025-10-28). */
const usEast1Hour = 0.096;
const hour = 3600;

export default defineQuiz({
  lesson: 'infrastructure',
  title: 'What infrastructure is',
  questions: [
    {
      kind: 'single',
      id: 'iaas-os',
      factual: true,
      source: shared,
      prompt: 'Ana rents virtual machines (IaaS). Who installs and patches their operating system?',
      options: [
        { id: 'you', text: 'Ana', correct: true },
        { id: 'provider', text: 'The cloud provider', feedback: 'In IaaS the provider stops at the hypervisor; the operating system is the customer’s.' },
        { id: 'nobody', text: 'Nobody: a VM needs no patches', feedback: 'Every machine, physical or virtual, runs an operating system that needs patching.' },
      ],
      explanation: 'In IaaS the provider runs everything up to the hypervisor; the operating system and everything above it are yours.',
    },
    {
      kind: 'multiple',
      id: 'iaas-provider',
      factual: true,
      source: shared,
      prompt: 'In IaaS, which of these does the provider manage?',
      options: [
        { id: 'hypervisor', text: 'The hypervisor', correct: true },
        { id: 'servers', text: 'The physical servers', correct: true },
        { id: 'building', text: 'The data centre building', correct: true },
        { id: 'os', text: 'The VMs’ operating system', feedback: 'That is the customer’s in IaaS.' },
        { id: 'access', text: 'Who may read your data', feedback: 'Data and access stay yours in every model.' },
      ],
      explanation: 'The provider manages the virtualization layer and everything physical under it. The operating system, applications, data and access are yours.',
    },
    {
      kind: 'single',
      id: 'saas-data',
      factual: true,
      source: shared,
      prompt: 'Ana’s shop moves its email to a SaaS product. Who decides which staff may read the customers’ messages?',
      options: [
        { id: 'customer', text: 'Ana’s shop', correct: true },
        { id: 'provider', text: 'The SaaS provider', feedback: 'The provider runs the application; who may reach your data is still your decision.' },
        { id: 'shared', text: 'Nobody decides it in SaaS', feedback: 'Identities and access are the customer’s in every model.' },
      ],
      explanation: 'Your data, your accounts and your access rules stay yours in every model, even SaaS.',
    },
    {
      kind: 'single',
      id: 'which-model',
      factual: true,
      source: nist,
      prompt: 'You hand over your code; the platform runs it, and you never see a VM or an operating system. Which model is that?',
      options: [
        { id: 'paas', text: 'PaaS (Platform as a Service)', correct: true },
        { id: 'iaas', text: 'IaaS (Infrastructure as a Service)', feedback: 'In IaaS you get VMs and run their operating system yourself.' },
        { id: 'saas', text: 'SaaS (Software as a Service)', feedback: 'SaaS is a finished application; here you bring your own code.' },
        { id: 'onprem', text: 'On-premises', feedback: 'On-premises you own and run everything, hardware included.' },
      ],
      explanation: 'PaaS runs your code on a platform you do not manage: no VMs, no operating system to patch.',
    },
    {
      kind: 'ordering',
      id: 'layers',
      factual: true,
      source: shared,
      prompt: 'Order the layers an application stands on, from the ground up.',
      items: [
        { id: 'building', text: 'Data centre: building, power, cooling' },
        { id: 'hardware', text: 'Servers, storage, network equipment' },
        { id: 'hypervisor', text: 'Hypervisor and virtual machines' },
        { id: 'os', text: 'Operating system' },
        { id: 'app', text: 'Your application and its data' },
      ],
      hints: ['Each layer rests on the one below it. What needs electricity first?'],
      explanation: 'Building, hardware, virtualization, operating system, application: each step from on-premises to SaaS hands one more of these to the provider.',
    },

    engineQuestion({
      id: 'owned-drops',
      params: { owned: [2, 3, 4], demand: [500, 700] },
      prompt:
        'Ana owns {owned} servers, each able to serve 100 requests per second. For a whole hour, customers send {demand} requests per second. What share of the requests is dropped, in percent?',
      scenario: (p) => ({
        name: `${p.owned} owned servers against ${p.demand} rps`,
        regions: [region('us-east-1', 1)],
        timings: { pendingSeconds: 0 },
        traffic: { perVmRps: 100, curve: [{ at: 0, rps: p.demand }] },
        actions: [{ at: 0, launch: { name: 'owned', count: p.owned, vcpu: 2, memoryGiB: 8, region: 'us-east-1' } }],
      }),
      ask: {
        type: 'numeric',
        key: (p) => (Math.max(0, p.demand - 100 * p.owned) / p.demand) * 100,
        unit: '%',
        tolerance: 0.1,
        distractors: [
          { value: (p) => ((100 * p.owned) / p.demand) * 100, feedback: 'That is the share that is served.' },
          { value: (p) => ((p.demand - 100 * p.owned) / (100 * p.owned)) * 100, feedback: 'Divide the dropped requests by the demand, not by the capacity.' },
        ],
        read: (r) => r.metrics.requests!.droppedPercent,
      },
      hints: ['Capacity: {owned} × 100 requests per second. Anything above it is dropped.'],
      explanation: 'Capacity is {owned} × 100 rps; the rest of the {demand} rps is dropped, all hour long. Owned capacity cannot grow by lunchtime.',
    }),

    engineQuestion({
      id: 'rented-day',
      params: { base: [1, 2], extra: [2, 4], peakHours: [6, 10] },
      given: () => ({ price: usEast1Hour }),
      prompt:
        'Renting that follows the load: {base} VM(s) all day, plus {extra} more for the {peakHours} busiest hours, in us-east-1 at ${price} per VM-hour. What does the day’s compute cost, in USD?',
      scenario: (p) => ({
        name: 'A rented day that follows the load',
        until: 24 * hour,
        regions: [region('us-east-1', 1)],
        timings: { pendingSeconds: 0 },
        actions: [
          { at: 0, launch: { name: 'base', count: p.base, vcpu: 2, memoryGiB: 8, region: 'us-east-1' } },
          { at: 8 * hour, launch: { name: 'peak', count: p.extra, vcpu: 2, memoryGiB: 8, region: 'us-east-1' } },
          ...Array.from({ length: p.extra }, (_, i) => ({ at: (8 + p.peakHours) * hour, terminate: { vm: `peak-${i + 1}` } })),
        ],
      }),
      ask: {
        type: 'numeric',
        key: (p) => (p.base * 24 + p.extra * p.peakHours) * usEast1Hour,
        unit: 'USD',
        tolerance: 0.01,
        distractors: [{ value: (p) => (p.base + p.extra) * 24 * usEast1Hour, feedback: 'That is owning for the peak: {base} + {extra} VMs paid for all 24 hours.' }],
        read: (r) => r.metrics.cost.computeUsd,
      },
      hints: ['Count VM-hours: the base VMs run 24 hours, the extra ones {peakHours}.'],
      explanation: '({base} × 24 + {extra} × {peakHours}) VM-hours × ${price}. Owning for the peak would pay for {base} + {extra} VMs all 24 hours.',
    }),

    engineQuestion({
      id: 'scaling-day',
      prompt:
        'A group scales between 2 and 8 VMs (100 requests per second each), checking demand every 5 minutes. Demand is 200 rps at night and 800 rps from 8:00 to 20:00. Which statements about the day are true?',
      scenario: () => ({
        name: 'A scaling group over a day',
        until: 24 * hour,
        regions: [region('us-east-1', 1)],
        traffic: {
          perVmRps: 100,
          curve: [
            { at: 0, rps: 200 },
            { at: 8 * hour, rps: 800 },
            { at: 20 * hour, rps: 200 },
          ],
        },
        actions: [{ at: 0, group: { name: 'web', desired: 2, vcpu: 2, memoryGiB: 8, region: 'us-east-1', scaling: { min: 2, max: 8, targetRpsPerVm: 100, intervalSeconds: 300 } } }],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'cheaper',
            text: 'It costs less than 8 VMs running all day.',
            correct: true,
            holds: (r) => r.metrics.cost.computeUsd < 8 * 24 * usEast1Hour,
          },
          {
            id: 'some-dropped',
            text: 'Some requests are dropped while it scales up in the morning.',
            correct: true,
            holds: (r) => r.metrics.requests!.dropped > 0,
            feedback: 'New VMs take time: the group notices the rise at its next check, and each new VM is pending before it serves.',
          },
          {
            id: 'eight-at-night',
            text: 'At the end of the day it still runs 8 VMs.',
            correct: false,
            holds: (r) => r.groups[0].desired === 8,
            feedback: 'When demand falls, the group scales back in: renting means handing capacity back.',
          },
          {
            id: 'none-dropped',
            text: 'Not a single request is dropped all day.',
            correct: false,
            holds: (r) => r.metrics.requests!.dropped === 0,
          },
        ],
      },
      hints: ['A scaling group reacts after the fact: at its next check, then the new VMs are pending.'],
      explanation: 'Renting follows the load, so it is cheaper than owning for the peak; but it follows with a delay, and a few requests are dropped while new VMs start.',
    }),
  ],
});
