/**
 * Quiz for docs/lessons/hypervisors.mdx. Keys use the lesson's table of what each type keeps in the
 * simulation (type 1: 0 cores, 1 GiB; type 2: 2 cores, 4 GiB and 0.5 GiB per VM) and its
 * fair-share steal rule; the validator runs each against the engine. The rest are sourced facts,
 * dated: Hyper-V's root partition, Xen's Dom0, KVM, Nitro. Each wrong answer names the
 * misconception it diagnoses (quizzes/misconceptions.ts) or is marked as a slip.
 */
import { defineQuiz, engineQuestion } from './define';
import { launchOneByOne, oneHost } from './worlds';

const hyperV = 'https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/reference/hyper-v-architecture';
const xenDom0 = 'https://wiki.xenproject.org/wiki/Dom0';
const redHatVm = 'https://www.redhat.com/en/topics/virtualization/what-is-a-virtual-machine';

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
      skill: 'calculate',
      params: { t: ['type1', 'type2'], mem: [32, 64] },
      given: (p) => ({ type: typeName[p.t] }),
      prompt: 'A host with 16 cores and {mem} GiB runs a {type} hypervisor. No overcommit. How many VMs of 1 vCPU and 4 GiB fit, in the simulation?',
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
          {
            value: (p) => Math.floor(p.mem / 4),
            feedback: 'The hypervisor (and, for type 2, the host OS) keeps memory for itself before any VM gets some.',
            misconception: 'hypervisor-takes-nothing',
          },
          { value: (p) => fit(other(p.t), p.mem, { vcpu: 1, mem: 4 }), feedback: 'That is the other hypervisor type’s number.', slip: 'reading' },
        ],
        read: (r) => r.vms.length,
      },
      hints: ['In the simulation, type 1 keeps 1 GiB; type 2 keeps 2 cores and 4 GiB, and each VM costs it 0.5 GiB more.'],
      explanation: 'Memory runs out first: ({mem} GiB − what the {type} hypervisor keeps) ÷ (4 GiB + its per-VM overhead), rounded down.',
    }),

    engineQuestion({
      id: 'steal-on-less',
      skill: 'predict',
      params: { busy: [55, 60] },
      given: (p) => ({ demand: Math.round(28 * p.busy) / 100 }),
      prompt:
        'Two 16-core hosts with CPU overcommit 2, one with a type 1 hypervisor (eu-central-1a), one with a type 2 (eu-central-1b), each run 7 VMs of 4 vCPUs, every VM {busy}% busy: on each host the VMs want {demand} cores. Which statements hold in the simulation?',
      scenario: (p) => ({
        name: `7 × 4 vCPU at ${p.busy}% on a type 1 and a type 2 host`,
        regions: [
          {
            id: 'eu-central-1',
            azs: [
              { id: 'eu-central-1a', hosts: [{ cores: 16, memoryGiB: 64, hypervisor: 'type1' as const }] },
              { id: 'eu-central-1b', hosts: [{ cores: 16, memoryGiB: 64, hypervisor: 'type2' as const }] },
            ],
          },
        ],
        policy: { cpuOvercommit: 2 },
        actions: ['a', 'b'].map((z) => ({
          at: 0,
          launch: { name: `vm${z}`, count: 7, vcpu: 4, memoryGiB: 4, region: 'eu-central-1', az: `eu-central-1${z}`, busy: p.busy / 100 },
        })),
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'type2-steal',
            text: 'The VMs on the type 2 host see steal time.',
            correct: true,
            holds: (r) => r.vms.filter((v) => v.az === 'eu-central-1b').every((v) => v.stealPercent > 0),
            missed: {
              misconception: 'hypervisor-takes-nothing',
              feedback: 'The host operating system keeps 2 of the 16 cores, so the VMs share 14, fewer than they want.',
            },
          },
          {
            id: 'type1-steal',
            text: 'The VMs on the type 1 host see steal time.',
            correct: (p) => p.busy * 28 > 1600,
            holds: (r) => r.vms.filter((v) => v.az === 'eu-central-1a').every((v) => v.stealPercent > 0),
            missed: {
              misconception: 'overcommit-is-free',
              feedback: 'Overcommit lets 28 vCPUs onto 16 cores; when the VMs want more than 16 cores at once, they wait, and the wait is steal.',
            },
            feedback: 'On type 1 all 16 cores are there for the VMs: they see steal only if they want more than 16.',
            slip: 'arithmetic',
          },
          {
            id: 'same',
            text: 'Both hosts give their VMs the same steal: the hypervisor type changes nothing for them.',
            correct: false,
            holds: (r) => {
              const steal = (az: string) => r.vms.find((v) => v.az === az)!.stealPercent;
              return Math.abs(steal('eu-central-1a') - steal('eu-central-1b')) < 0.01;
            },
            feedback: 'The type 2 host keeps 2 cores for its operating system: the VMs share 14 cores, not 16.',
            misconception: 'hypervisor-takes-nothing',
          },
        ],
      },
      measures: (r) =>
        ['eu-central-1a', 'eu-central-1b'].map((az) => ({
          label: `Steal on the ${az === 'eu-central-1a' ? 'type 1' : 'type 2'} host`,
          value: `${r.vms.find((v) => v.az === az)!.stealPercent.toFixed(1)} %`,
        })),
      hints: ['Cores for VMs in the simulation: 16 on type 1, 14 on type 2 (the host OS keeps 2).'],
      explanation: 'The VMs want {demand} cores on each host. Type 1 gives them 16, type 2 only 14, so the type 2 host shows steal sooner, and more of it.',
    }),

    engineQuestion({
      id: 'type2-room',
      skill: 'predict',
      prompt:
        'A 16-core, 64 GiB host runs a type 2 hypervisor, no overcommit. You launch VMs of 4 vCPUs and 8 GiB one by one until one is refused. Which statements hold in the simulation?',
      scenario: () => ({
        name: 'A type 2 host, 4 vCPU / 8 GiB VMs',
        regions: [oneHost({ cores: 16, memoryGiB: 64, hypervisor: 'type2' })],
        actions: launchOneByOne(10, { name: 'vm', vcpu: 4, memoryGiB: 8, region: 'eu-central-1' }),
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'cpu-first',
            text: 'The CPU runs out first: with 2 cores kept for the host OS, 3 VMs fit.',
            correct: true,
            holds: (r) => r.vms.length === 3 && r.hosts[0].capacityVcpu - r.hosts[0].allocatedVcpu < 4,
            missed: {
              misconception: 'hypervisor-takes-nothing',
              feedback: 'The host operating system keeps 2 of the 16 cores: 14 cores hold three VMs of 4 vCPUs, and memory has room for more.',
            },
          },
          {
            id: 'four',
            text: 'Four fit, as on a type 1 host: the hypervisor takes nothing from the VMs.',
            correct: false,
            holds: (r) => r.vms.length === 4,
            feedback: 'The host operating system under a type 2 hypervisor keeps cores and memory of its own.',
            misconception: 'hypervisor-takes-nothing',
          },
          {
            id: 'memory-first',
            text: 'Memory runs out first, so fewer VMs fit than the cores would allow.',
            correct: false,
            holds: (r) => r.hosts[0].capacityMemoryGiB - r.hosts[0].allocatedMemoryGiB < 8 + r.hosts[0].perVmOverheadMemoryGiB,
            feedback: '(64 − 4) GiB holds 7 VMs of 8.5 GiB; 14 cores hold only 3 VMs of 4 vCPUs: the CPU decides.',
            misconception: 'one-resource-decides',
          },
        ],
      },
      hints: ['Work out both limits: cores left ÷ 4, and memory left ÷ (8 + 0.5 per VM).'],
      explanation:
        'In the simulation a type 2 host keeps 2 cores and 4 GiB for its operating system: 14 cores hold 3 VMs of 4 vCPUs, while memory would hold 7. Type 1 would fit 4.',
    }),

    {
      kind: 'ordering',
      id: 'hyperv-stack',
      skill: 'predict',
      factual: true,
      asOf: '2026-12-02',
      source: hyperV,
      prompt: 'Mia’s Windows laptop has Hyper-V turned on and runs one Linux VM. Order the layers from the hardware up (Microsoft, as of 2026-12-02).',
      items: [
        { id: 'hardware', text: 'The laptop’s processors, memory and devices' },
        { id: 'hypervisor', text: 'The Hyper-V hypervisor' },
        { id: 'partitions', text: 'Two partitions side by side: Windows (the root partition) and the Linux guest' },
        { id: 'apps', text: 'The programs Mia runs in Windows and in Linux' },
      ],
      mistakes: [
        {
          first: 'hypervisor',
          then: 'partitions',
          misconception: 'windows-stays-on-top',
          feedback: 'Turning Hyper-V on slides the hypervisor under Windows: Windows runs on top of it, in the root partition, beside the Linux guest.',
        },
      ],
      hints: ['When Hyper-V is on, does Windows run under the hypervisor or beside the guest?'],
      explanation:
        'With Hyper-V turned on, the hypervisor runs on the hardware; Windows becomes the root partition, beside the guest, and still holds the device drivers and management stack.',
    },
    {
      kind: 'single',
      id: 'hyperv-layer',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: hyperV,
      prompt:
        'Mia turns on Hyper-V on her Windows laptop to run a Linux VM. Afterwards a CPU benchmark run in Windows itself is a little slower. Which layer now runs closest to the hardware (Microsoft, as of 2026-12-02)?',
      options: [
        { id: 'hyperv', text: 'Hyper-V: Windows now runs above it, in the root partition, beside the guest', correct: true },
        {
          id: 'windows',
          text: 'Windows, as before: Hyper-V runs inside it like any other application',
          feedback: 'Turning Hyper-V on slides the hypervisor under Windows; Windows itself becomes a partition.',
          misconception: 'windows-stays-on-top',
        },
        {
          id: 'type2',
          text: 'Windows, because Hyper-V needs Windows to run, which makes it a type 2 hypervisor',
          feedback: 'Windows sits beside the guests in the root partition, not beneath the hypervisor.',
          misconception: 'os-means-type-2',
        },
      ],
      hints: ['When Hyper-V is on, is Windows under the hypervisor or beside the guests?'],
      explanation:
        'With Hyper-V on, the hypervisor runs on the hardware and the Windows you were using becomes the root partition: privileged, holding the drivers and the management stack, but above the hypervisor like the guests. That extra layer is why Windows itself can run a little slower.',
    },
    {
      kind: 'single',
      id: 'dom0-risk',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: xenDom0,
      prompt:
        'A security review of a Xen host asks what, besides the hypervisor itself, an attacker could take over to reach every guest’s disk and network. What is the answer (Xen Project, as of 2026-12-02)?',
      options: [
        {
          id: 'dom0',
          text: 'Dom0: the privileged domain, most commonly a Linux, that runs the device drivers and the tools that manage the guests',
          correct: true,
        },
        {
          id: 'nothing',
          text: 'Nothing: Xen is type 1, so only the hypervisor runs with full privilege',
          feedback: 'Being type 1 does not mean being alone: Xen’s Dom0, like Hyper-V’s root partition, is a whole operating system in every guest’s path.',
          misconception: 'type-1-runs-alone',
        },
        {
          id: 'guest',
          text: 'Any one guest: a guest that is taken over reaches its neighbours',
          feedback: 'The hypervisor isolates guests from each other; the privileged domain is what serves them all.',
          misconception: 'guest-crash-spreads',
        },
      ],
      hints: ['Who runs the device drivers on a Xen host?'],
      explanation:
        'Type 1 describes where the hypervisor runs, not how much else is privileged. Xen itself has no device drivers: Dom0, most commonly a full Linux, holds them and the management tools; Hyper-V’s root partition is a full Windows; KVM is Linux itself. ESXi and AWS Nitro are the designs where the hypervisor really is almost alone.',
    },
    {
      kind: 'single',
      id: 'kvm-label',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: redHatVm,
      prompt: 'A colleague says “KVM must be a type 2 hypervisor: Linux, a full operating system, is involved.” Which reply holds up best?',
      options: [
        {
          id: 'kernel',
          text: 'KVM turns the Linux kernel, which runs on the hardware, into the hypervisor: Red Hat counts it as type 1, though the labels blur',
          correct: true,
        },
        {
          id: 'agree',
          text: 'Agreed: any hypervisor with a full operating system involved is type 2',
          feedback: 'Type 2 means a program on a host OS that owns the hardware; with KVM the kernel on the hardware is itself the hypervisor.',
          misconception: 'os-means-type-2',
        },
        {
          id: 'alone',
          text: 'Wrong: KVM runs alone on the hardware, with no operating system anywhere',
          feedback: 'KVM is part of Linux: the whole kernel, and QEMU in user space, serve the guests.',
          misconception: 'type-1-runs-alone',
        },
      ],
      hints: ['Where does the Linux kernel run when KVM is loaded, and what does KVM add to it?'],
      explanation:
        'KVM is a module of the Linux kernel that turns Linux into a hypervisor running on the hardware, so Red Hat classes it as type 1; each VM is a Linux process, which is why some call it type 2. What matters is what runs, privileged, between the VM and the hardware.',
    },
    {
      kind: 'single',
      id: 'nitro-kvm',
      skill: 'recall',
      factual: true,
      asOf: '2026-12-02',
      source: 'https://docs.aws.amazon.com/whitepapers/latest/security-design-of-aws-nitro-system/the-nitro-system-journey.html',
      prompt: 'Starting with the C5 instance type in 2017, EC2 instances run on a minimal hypervisor based on which technology (AWS, as of 2026-12-02)?',
      options: [
        { id: 'kvm', text: 'KVM', correct: true },
        {
          id: 'xen',
          text: 'Xen',
          feedback: 'Xen still runs some older types (such as T2); Nitro moved new types away from it.',
          misconception: 'ec2-runs-on-xen',
        },
      ],
      explanation:
        'AWS moved Dom0’s work onto dedicated Nitro hardware, and a minimal KVM-based hypervisor took over from C5 on. Some older types still run on Xen, and bare-metal instances run no hypervisor at all.',
    },
  ],
});
