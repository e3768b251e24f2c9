/**
 * Quiz for docs/lessons/hypervisors.mdx. Keys use the lesson's table of what each type keeps
 * (type 1: 0 cores, 1 GiB; type 2: 2 cores, 4 GiB and 0.5 GiB per VM) and its fair-share steal
 * rule; the validator runs each against the engine. The rest are sourced facts.
 */
import { defineQuiz, engineQuestion } from './define';
import { launchOneByOne, oneHost } from './worlds';

/** What each type leaves for VMs on a 16-core host, and what one VM costs it, per the lesson's table. */
const left = { type1: { cores: 16, reserve: 1, perVm: 0 }, type2: { cores: 14, reserve: 4, perVm: 0.5 } } as const;
const fit = (t: 'type1' | 'type2', memoryGiB: number, vm: { vcpu: number; mem: number }) =>
  Math.min(Math.floor(left[t].cores / vm.vcpu), Math.floor((memoryGiB - left[t].reserve) / (vm.mem + left[t].perVm)));
const other = (t: 'type1' | 'type2') => (t === 'type1' ? 'type2' : 'type1');
const typeName = { type1: 'type 1 (bare metal)', type2: 'type 2 (hosted)' } as const;

export default defineQuiz({
  lesson: 'hypervisors',
  title: 'Hypervisors',
  questions: [
    engineQuestion({
      id: 'small-vms',
      params: { t: ['type1', 'type2'], mem: [32, 64] },
      given: (p) => ({ type: typeName[p.t] }),
      prompt: 'A host with 16 cores and {mem} GiB runs a {type} hypervisor. No overcommit. How many VMs of 1 vCPU and 4 GiB fit?',
      scenario: (p) => ({
        name: `${p.t} host, ${p.mem} GiB`,
        regions: [oneHost({ cores: 16, memoryGiB: p.mem, hypervisor: p.t })],
        actions: launchOneByOne(20, { name: 'vm', vcpu: 1, memoryGiB: 4, region: 'eu-central-1' }),
      }),
      ask: {
        type: 'numeric',
        key: (p) => fit(p.t, p.mem, { vcpu: 1, mem: 4 }),
        unit: 'VMs',
        tolerance: 0,
        distractors: [
          { value: (p) => Math.floor(p.mem / 4), feedback: 'The hypervisor (and, for type 2, the host OS) keeps memory for itself before any VM gets some.' },
          { value: (p) => fit(other(p.t), p.mem, { vcpu: 1, mem: 4 }), feedback: 'That is the other hypervisor type’s number.' },
        ],
        read: (r) => r.vms.length,
      },
      hints: ['Type 1 keeps 1 GiB; type 2 keeps 2 cores and 4 GiB, and each VM costs it 0.5 GiB more.'],
      explanation: 'Memory runs out first: ({mem} GiB − what the {type} hypervisor keeps) ÷ (4 GiB + its per-VM overhead), rounded down.',
    }),

    engineQuestion({
      id: 'bigger-vms',
      params: { t: ['type1', 'type2'] },
      given: (p) => ({ type: typeName[p.t] }),
      prompt: 'The same 16-core, 64 GiB host with a {type} hypervisor, no overcommit. How many VMs of 4 vCPUs and 8 GiB fit?',
      scenario: (p) => ({
        name: `${p.t} host, 4 vCPU / 8 GiB VMs`,
        regions: [oneHost({ cores: 16, memoryGiB: 64, hypervisor: p.t })],
        actions: launchOneByOne(10, { name: 'vm', vcpu: 4, memoryGiB: 8, region: 'eu-central-1' }),
      }),
      ask: {
        type: 'numeric',
        key: (p) => fit(p.t, 64, { vcpu: 4, mem: 8 }),
        unit: 'VMs',
        tolerance: 0,
        distractors: [
          { value: 7, feedback: 'Memory would allow 7, but CPU runs out first with VMs this big.' },
          { value: (p) => fit(other(p.t), 64, { vcpu: 4, mem: 8 }), feedback: 'That is the other hypervisor type’s number.' },
        ],
        read: (r) => r.vms.length,
      },
      hints: ['Work out both limits: cores left ÷ 4, and memory left ÷ (8 + overhead).'],
      explanation: 'Type 1 leaves 16 cores (4 VMs), type 2 leaves 14 (3 VMs); memory would allow 7 either way, so the CPU decides.',
    }),

    engineQuestion({
      id: 'steal-on-less',
      params: { t: ['type1', 'type2'], busy: [55, 60] },
      given: (p) => ({ type: typeName[p.t], demand: Math.round(28 * p.busy) / 100 }),
      prompt:
        'A 16-core host with a {type} hypervisor and CPU overcommit 2 runs 7 VMs of 4 vCPUs, each {busy}% busy: together they want {demand} cores. How much steal time does each VM see, in percent?',
      scenario: (p) => ({
        name: `7 × 4 vCPU at ${p.busy}% on ${p.t}`,
        regions: [oneHost({ cores: 16, memoryGiB: 64, hypervisor: p.t })],
        policy: { cpuOvercommit: 2 },
        actions: [{ at: 0, launch: { name: 'vm', count: 7, vcpu: 4, memoryGiB: 4, region: 'eu-central-1', busy: p.busy / 100 } }],
      }),
      ask: {
        type: 'numeric',
        key: (p) => Math.max(0, 1 - left[p.t].cores / (28 * (p.busy / 100))) * 100,
        unit: '%',
        tolerance: 0.1,
        distractors: [{ value: (p) => Math.max(0, 1 - left[other(p.t)].cores / (28 * (p.busy / 100))) * 100, feedback: 'That is the other type’s host: type 1 gives VMs 16 cores, type 2 only 14.' }],
        read: (r) => r.vms[0].stealPercent,
      },
      hints: ['Cores for VMs: 16 on type 1, 14 on type 2 (the host OS keeps 2).'],
      explanation: 'Steal = 1 − cores for VMs ÷ demand, when demand is larger. The type 2 host has 2 cores fewer for the same VMs, so it shows steal sooner.',
    }),

    engineQuestion({
      id: 'what-it-keeps',
      params: { t: ['type1', 'type2'] },
      given: (p) => ({ type: typeName[p.t] }),
      prompt: 'In the simulation, which statements are true of a host with a {type} hypervisor?',
      scenario: (p) => ({ name: `A ${p.t} host`, regions: [oneHost({ cores: 16, memoryGiB: 64, hypervisor: p.t })] }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          { id: 'two-cores', text: 'It keeps 2 cores for a host operating system.', correct: (p) => p.t === 'type2', holds: (r) => r.hosts[0].reservedCores === 2 },
          { id: 'four-gib', text: 'It keeps 4 GiB of memory back.', correct: (p) => p.t === 'type2', holds: (r) => r.hosts[0].reservedMemoryGiB === 4 },
          { id: 'one-gib', text: 'It keeps 1 GiB of memory back.', correct: (p) => p.t === 'type1', holds: (r) => r.hosts[0].reservedMemoryGiB === 1 },
          { id: 'per-vm', text: 'Each VM costs it 0.5 GiB on top of the VM’s own memory.', correct: (p) => p.t === 'type2', holds: (r) => r.hosts[0].perVmOverheadMemoryGiB === 0.5 },
          { id: 'all-cores', text: 'Every core is left for VMs.', correct: (p) => p.t === 'type1', holds: (r) => r.hosts[0].reservedCores === 0 },
        ],
      },
      hints: ['Type 2 runs on a full operating system, which needs cores and memory of its own.'],
      explanation: 'Type 1 keeps only 1 GiB and no cores. Type 2 keeps 2 cores and 4 GiB for the host OS, and spends 0.5 GiB per VM on the hypervisor’s process for it.',
    }),

    {
      kind: 'single',
      id: 'hosted-example',
      factual: true,
      source: 'https://docs.oracle.com/en/virtualization/virtualbox/index.html',
      prompt: 'Which of these is a hosted (type 2) hypervisor that needs an operating system underneath?',
      options: [
        { id: 'virtualbox', text: 'Oracle VirtualBox', correct: true },
        { id: 'esxi', text: 'VMware ESXi', feedback: 'ESXi is installed directly on a server: type 1.' },
        { id: 'nitro', text: 'The AWS Nitro Hypervisor', feedback: 'Nitro is a minimal bare-metal hypervisor: type 1.' },
      ],
      explanation: 'Oracle’s manual calls VirtualBox a hosted, or type 2, hypervisor: it runs as an application on Windows, macOS or Linux.',
    },
    {
      kind: 'single',
      id: 'nitro-kvm',
      factual: true,
      source: 'https://docs.aws.amazon.com/whitepapers/latest/security-design-of-aws-nitro-system/the-nitro-system-journey.html',
      prompt: 'Starting with the C5 instance type in 2017, EC2 instances run on a minimal hypervisor based on which technology?',
      options: [
        { id: 'kvm', text: 'KVM', correct: true },
        { id: 'xen', text: 'Xen', feedback: 'Earlier EC2 instances ran on Xen; Nitro moved away from it.' },
        { id: 'hyperv', text: 'Hyper-V', feedback: 'Hyper-V is Microsoft’s hypervisor.' },
        { id: 'virtualbox', text: 'VirtualBox', feedback: 'VirtualBox is a desktop (type 2) hypervisor.' },
      ],
      explanation: 'AWS moved Dom0’s work onto dedicated Nitro hardware, and a minimal KVM-based hypervisor took over from C5 on.',
    },
    {
      kind: 'single',
      id: 'direct-access',
      factual: true,
      source: 'https://aws.amazon.com/compare/the-difference-between-type-1-and-type-2-hypervisors/',
      prompt: 'What is the defining difference between a type 1 and a type 2 hypervisor?',
      options: [
        { id: 'hardware', text: 'Type 1 has direct access to the hardware; type 2 runs as an application on a host OS', correct: true },
        { id: 'speed', text: 'Type 1 runs only Linux guests; type 2 runs any guest', feedback: 'Both kinds run many guest operating systems.' },
        { id: 'count', text: 'Type 1 runs one VM; type 2 runs several', feedback: 'Both run several VMs.' },
      ],
      explanation: 'A type 1 hypervisor sits on the bare metal; a type 2 hypervisor is a program on an ordinary operating system, which owns the hardware.',
    },
  ],
});
