/** The misconceptions quizzes/virtualization.ts names, as quizzes/misconceptions.ts has them: written by scripts/misconceptions/write-named.ts, do not edit. */
import type { Misconception } from '../misconception-schema';

const named: readonly Misconception[] = [
  {
    id: 'provider-moves-vms',
    belief: 'When a region or a host fails, the provider starts my VMs again somewhere else by itself.',
    why: 'Nothing is copied or moved for you: what you create in one place does not exist elsewhere unless you build it there (a group, a replica, a second region).',
    lesson: 'regions',
    section: 'Isolation: a failure stays where it starts',
    anchor: 'isolation-a-failure-stays-where-it-starts',
    source: { url: 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/regions.html', asOf: '2026-12-02' },
  },
  {
    id: 'vcpu-is-a-core',
    belief: 'A vCPU is a whole physical core reserved for my VM.',
    why: 'A vCPU is scheduled in slices of time onto the host’s processors; on EC2 types that use simultaneous multithreading (an m5, for example) a vCPU is one hardware thread, two per core. The simulation counts a vCPU against a whole core.',
    lesson: 'virtualization',
    section: 'How the parts are shared',
    anchor: 'how-the-parts-are-shared',
    source: { url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-optimize-cpu.html', asOf: '2026-12-02' },
  },
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
    id: 'guest-cannot-see-steal',
    belief: 'A guest cannot tell that it is waiting for the host; the wait shows up as an error, if at all.',
    why: 'Linux in a guest measures the CPU time it wanted and did not get, and shows it as steal (st) in top and vmstat. Nothing fails: work just runs slower.',
    lesson: 'virtualization',
    section: 'Noisy neighbours and steal time',
    anchor: 'noisy-neighbours-and-steal-time',
    source: {
      url: 'https://docs.redhat.com/en/documentation/Red_Hat_Enterprise_Linux/6/html/virtualization_host_configuration_and_guest_installation_guide/form-virtualization_host_configuration_and_guest_installation_guide-kvm_guest_timing_management-steal_time_accounting',
      asOf: '2026-12-02',
    },
  },
  {
    id: 'steal-means-bigger-vm',
    belief: 'High steal time means my own VM needs more vCPUs.',
    why: 'Steal is time the host gave to other VMs: contention on the host. More vCPUs on the same crowded host ask for more of what is already short; fewer VMs on the host, less overcommit or another host helps.',
    lesson: 'virtualization',
    section: 'Noisy neighbours and steal time',
    anchor: 'noisy-neighbours-and-steal-time',
    source: {
      url: 'https://docs.redhat.com/en/documentation/Red_Hat_Enterprise_Linux/6/html/virtualization_host_configuration_and_guest_installation_guide/form-virtualization_host_configuration_and_guest_installation_guide-kvm_guest_timing_management-steal_time_accounting',
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
];

export default named;
