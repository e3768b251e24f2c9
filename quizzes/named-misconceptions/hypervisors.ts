/** The misconceptions quizzes/hypervisors.ts names, as quizzes/misconceptions.ts has them: written by scripts/misconceptions/write-named.ts, do not edit. */
import type { Misconception } from '../misconception-schema';

const named: readonly Misconception[] = [
  {
    id: 'one-resource-decides',
    belief: 'If one resource (say the CPU) has room, another VM fits.',
    why: 'A VM fits only if every resource has room: CPU and memory both. The first to run out decides how many fit.',
    lesson: 'virtualization',
    section: 'How the parts are shared',
    anchor: 'how-the-parts-are-shared',
  },
  {
    id: 'hypervisor-takes-nothing',
    belief: 'All of a host’s memory and cores are there for the VMs.',
    why: 'The hypervisor (and, for a type 2 hypervisor, the host operating system) keeps memory, and maybe cores, for itself before any VM gets some.',
    lesson: 'hypervisors',
    section: 'The trade-off in numbers (in the simulation)',
    anchor: 'the-trade-off-in-numbers-in-the-simulation',
  },
  {
    id: 'overcommit-is-free',
    belief: 'Overcommit gives the VMs capacity for free.',
    why: 'Overcommit lets more VMs fit, not run at full speed: when they are busy together they wait for the CPU (steal time), and memory really used has to be swapped out.',
    lesson: 'virtualization',
    section: 'Overcommit: selling more than you have',
    anchor: 'overcommit-selling-more-than-you-have',
    source: {
      url: 'https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/6/html/virtualization_administration_guide/chap-virtualization-tips_and_tricks-overcommitting_with_kvm',
      asOf: '2026-12-02',
    },
  },
  {
    id: 'guest-crash-spreads',
    belief: 'When one VM’s operating system crashes, the host and the VMs beside it go down too.',
    why: 'The hypervisor isolates each VM: a guest crash stays inside that VM, and its neighbours and the host carry on.',
    lesson: 'virtualization',
    section: 'What a virtual machine is',
    anchor: 'what-a-virtual-machine-is',
  },
  {
    id: 'os-means-type-2',
    belief: 'Hyper-V and KVM are type 2 hypervisors, because a full operating system is involved.',
    why: 'Type 2 means the hypervisor runs as a program on a host OS that owns the hardware. Hyper-V runs beneath Windows (Windows becomes its root partition) and KVM is part of the Linux kernel that runs on the hardware: both are counted as type 1, even though a full OS sits beside or around them.',
    lesson: 'hypervisors',
    section: 'Why the labels blur',
    anchor: 'why-the-labels-blur',
    source: { url: 'https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/reference/hyper-v-architecture', asOf: '2026-12-02' },
  },
  {
    id: 'type-1-runs-alone',
    belief: 'Under a type 1 hypervisor nothing else runs with full privilege: no operating system to fail or to attack.',
    why: 'That is true of ESXi and of AWS Nitro, but Hyper-V keeps a full Windows in its root partition, Xen a full operating system (most commonly Linux) in Dom0, and KVM is Linux itself: a whole operating system still serves the guests’ devices.',
    lesson: 'hypervisors',
    section: 'Why the labels blur',
    anchor: 'why-the-labels-blur',
    source: { url: 'https://wiki.xenproject.org/wiki/Dom0', asOf: '2026-12-02' },
  },
  {
    id: 'windows-stays-on-top',
    belief: 'With Hyper-V turned on, Windows still runs closest to the hardware and Hyper-V runs inside it.',
    why: 'Turning Hyper-V on slides the hypervisor under Windows: Windows becomes the root partition, beside the guests, and Hyper-V runs closest to the hardware.',
    lesson: 'hypervisors',
    section: 'Why the labels blur',
    anchor: 'why-the-labels-blur',
    source: { url: 'https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/reference/hyper-v-architecture', asOf: '2026-12-02' },
  },
  {
    id: 'ec2-runs-on-xen',
    belief: 'EC2 runs all its instances on the Xen hypervisor.',
    why: 'From the C5 generation in 2017, AWS moved to the Nitro System with a minimal KVM-based hypervisor; Xen still runs some older types (such as T2), and bare-metal instances run no hypervisor at all.',
    lesson: 'hypervisors',
    section: 'A cloud hypervisor: AWS Nitro',
    anchor: 'a-cloud-hypervisor-aws-nitro',
    source: { url: 'https://docs.aws.amazon.com/whitepapers/latest/security-design-of-aws-nitro-system/the-nitro-system-journey.html', asOf: '2026-12-02' },
  },
];

export default named;
