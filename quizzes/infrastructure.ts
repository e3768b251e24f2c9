/**
 * Quiz for docs/lessons/infrastructure.mdx. Who manages what comes from NIST SP 800-145 and
 * Microsoft's shared-responsibility table (factual, with sources, as of 2026-12-02); owning versus
 * renting is checked against the engine (requests dropped, what a steady load costs), with the price
 * the lesson's widget uses. Each wrong answer names the misconception it diagnoses
 * (quizzes/misconceptions.ts) or is marked as a slip.
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
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: shared,
      prompt:
        'Ana rents virtual machines (IaaS). An attacker gets in through an operating-system flaw whose patch was published months ago and never installed on her VMs. Whose job was it to install that patch?',
      options: [
        { id: 'you', text: 'Ana’s', correct: true },
        {
          id: 'provider',
          text: 'The cloud provider’s: it runs the machines',
          feedback: 'The provider runs the hosts and the hypervisor, not the guest operating system.',
          misconception: 'iaas-provider-patches-os',
        },
        {
          id: 'image',
          text: 'The provider’s, because she launched from the provider’s machine image',
          feedback: 'The image is a starting point; once launched, the operating system on the VM is hers to keep patched.',
          misconception: 'iaas-provider-patches-os',
        },
      ],
      hints: ['Where does the provider’s part stop in IaaS: below or above the operating system?'],
      explanation:
        'In IaaS the provider runs everything up to the hypervisor; the operating system and everything above it are the customer’s, patches included.',
    },
    {
      kind: 'single',
      id: 'saas-data',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: shared,
      prompt:
        'Ana’s shop moved its email to a SaaS product. A month after a member of staff left, the audit log shows that their account still read customers’ messages. Whose control failed?',
      options: [
        { id: 'customer', text: 'Ana’s shop: it did not remove the account', correct: true },
        {
          id: 'provider',
          text: 'The SaaS provider’s: it runs the application',
          feedback: 'The provider ran the software as agreed; who has an account is decided by the customer.',
          misconception: 'provider-controls-data-access',
        },
        {
          id: 'shared',
          text: 'Nobody’s: in SaaS, access is part of the product',
          feedback: 'Access is configured by someone, and in every model that someone is the customer.',
          misconception: 'provider-controls-data-access',
        },
      ],
      hints: ['Which responsibilities stay with the customer even in SaaS?'],
      explanation: 'Your data, your accounts and your access rules stay yours in every model, even SaaS: removing a leaver’s account is the customer’s job.',
    },
    {
      kind: 'single',
      id: 'which-model',
      skill: 'design',
      factual: true,
      asOf: '2026-12-02',
      source: nist,
      prompt:
        'Ana’s team writes its own booking code and wants to stop installing and patching operating systems, while keeping control of the code. Which model fits best?',
      options: [
        { id: 'paas', text: 'PaaS (Platform as a Service)', correct: true },
        {
          id: 'iaas',
          text: 'IaaS (Infrastructure as a Service)',
          feedback: 'With IaaS the team would still run, patch and secure the VMs’ operating systems.',
          misconception: 'iaas-provider-patches-os',
        },
        {
          id: 'saas',
          text: 'SaaS (Software as a Service)',
          feedback: 'SaaS is someone else’s finished application; the team wants to run its own code.',
          slip: 'reading',
        },
      ],
      hints: ['Which model takes the operating system off your hands but still runs your code?'],
      explanation:
        'PaaS runs your code on a platform you do not manage: the provider patches the operating system and the runtime. You may still see the VMs (some PaaS products show them), but you do not manage them.',
    },
    {
      kind: 'single',
      id: 'layers',
      skill: 'recall',
      factual: true,
      asOf: '2026-12-02',
      source: shared,
      prompt:
        'Ana moves from her own server room to IaaS. Of the layers “building; servers, storage and network; hypervisor; operating system; application and data”, which does she hand to the provider in that one step?',
      options: [
        { id: 'three', text: 'The building, the hardware and the hypervisor: three layers at once', correct: true },
        {
          id: 'one',
          text: 'Only the building: each step hands over one more layer',
          feedback: 'The layers stack in order, but the step to IaaS hands over everything up to the hypervisor at once.',
          misconception: 'one-layer-per-step',
        },
        {
          id: 'os',
          text: 'Everything up to and including the operating system',
          feedback: 'The operating system stays hers in IaaS.',
          misconception: 'iaas-provider-patches-os',
        },
      ],
      hints: ['In IaaS, where does the provider’s part stop?'],
      explanation:
        'The layers stack in a fixed order (building, hardware, virtualization, operating system, application), but the handover is not one layer per step: the step to IaaS hands over the building, the network, the hosts and the hypervisor at once; PaaS adds the operating system and runtime; SaaS the application.',
    },

    engineQuestion({
      id: 'owned-drops',
      skill: 'calculate',
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
          { value: (p) => ((100 * p.owned) / p.demand) * 100, feedback: 'That is the share that is served.', slip: 'reading' },
          {
            value: (p) => ((p.demand - 100 * p.owned) / (100 * p.owned)) * 100,
            feedback: 'Divide the dropped requests by the demand, not by the capacity.',
            slip: 'arithmetic',
          },
        ],
        read: (r) => r.metrics.requests!.droppedPercent,
      },
      hints: ['Capacity: {owned} × 100 requests per second. Anything above it is dropped.'],
      explanation: 'Capacity is {owned} × 100 rps; the rest of the {demand} rps is dropped, all hour long. Owned capacity cannot grow by lunchtime.',
    }),

    engineQuestion({
      id: 'steady-load',
      skill: 'predict',
      prompt:
        'Ana’s load is steady: 400 requests per second, day and night (100 per VM). She runs it in a scaling group (2 to 8 VMs, starting at 4) instead of 4 fixed VMs, in us-east-1. Which statements about a day are true in the simulation?',
      scenario: () => ({
        name: 'A steady load in a scaling group',
        until: 24 * hour,
        regions: [region('us-east-1', 1)],
        traffic: { perVmRps: 100, curve: [{ at: 0, rps: 400 }] },
        actions: [
          {
            at: 0,
            group: {
              name: 'web',
              desired: 4,
              vcpu: 2,
              memoryGiB: 8,
              region: 'us-east-1',
              scaling: { min: 2, max: 8, targetRpsPerVm: 100, intervalSeconds: 300 },
            },
          },
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'same-hours',
            text: 'The group pays for the same VM-hours as 4 fixed VMs: 96.',
            correct: true,
            holds: (r) => Math.abs(r.metrics.cost.computeUsd - 4 * 24 * usEast1Hour) < 0.01,
            missed: {
              misconception: 'renting-always-cheaper',
              feedback: 'A group saves only what it can hand back, and a load that never falls leaves nothing to hand back: 4 VMs for 24 hours either way.',
            },
          },
          {
            id: 'cheaper',
            text: 'The group is cheaper than 4 fixed VMs, because renting hands capacity back.',
            correct: false,
            holds: (r) => r.metrics.cost.computeUsd < 4 * 24 * usEast1Hour - 0.01,
            feedback: 'There is nothing to hand back: the load never falls, so the group never shrinks.',
            misconception: 'renting-always-cheaper',
          },
          {
            id: 'still-four',
            text: 'At the end of the day the group still runs 4 VMs.',
            correct: true,
            holds: (r) => r.groups[0].desired === 4,
            missed: {
              misconception: 'renting-always-cheaper',
              feedback: 'Four VMs at 100 requests per second each meet the target exactly, and the load never changes, so the group has no reason to shrink.',
            },
          },
        ],
      },
      hints: ['What could a scaling group hand back when the load never falls?'],
      explanation:
        'With a steady load, renting’s advantage (paying only for the capacity you use right now) buys nothing: the group runs 4 VMs all day, 96 VM-hours. For a load like this, owning or a long commitment can compete with renting on price.',
    }),

    engineQuestion({
      id: 'scaling-day',
      skill: 'predict',
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
        actions: [
          {
            at: 0,
            group: {
              name: 'web',
              desired: 2,
              vcpu: 2,
              memoryGiB: 8,
              region: 'us-east-1',
              scaling: { min: 2, max: 8, targetRpsPerVm: 100, intervalSeconds: 300 },
            },
          },
        ],
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
            missed: {
              misconception: 'scale-in-is-manual',
              feedback: 'The group pays for 8 VMs only while demand needs them; outside the busy hours it runs, and pays for, fewer.',
            },
          },
          {
            id: 'some-dropped',
            text: 'Some requests are dropped while it scales up in the morning.',
            correct: true,
            holds: (r) => r.metrics.requests!.dropped > 0,
            feedback: 'New VMs take time: the group notices the rise at its next check, and each new VM is pending before it serves.',
            missed: {
              misconception: 'scaling-is-instant',
              feedback: 'Demand quadruples at 8:00, but the group sees it only at its next check, and its new VMs are pending before they serve.',
            },
          },
          {
            id: 'eight-at-night',
            text: 'At the end of the day it still runs 8 VMs.',
            correct: false,
            holds: (r) => r.groups[0].desired === 8,
            feedback: 'When demand falls, the group scales back in by itself: renting means handing capacity back.',
            misconception: 'scale-in-is-manual',
          },
          {
            id: 'none-dropped',
            text: 'Not a single request is dropped all day.',
            correct: false,
            holds: (r) => r.metrics.requests!.dropped === 0,
            feedback: 'The group reacts after the fact, so the morning rise outruns it for a few minutes.',
            misconception: 'scaling-is-instant',
          },
        ],
      },
      hints: ['A scaling group reacts after the fact: at its next check, then the new VMs are pending.'],
      explanation:
        'Renting follows the load, so it is cheaper than owning for the peak; but it follows with a delay, and a few requests are dropped while new VMs start.',
    }),
  ],
});
