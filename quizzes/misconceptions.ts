/**
 * The misconceptions the quizzes diagnose. Each wrong option of a question names the belief that
 * would lead a learner to choose it (or says it is a slip: a sum or a unit gone wrong). Each entry
 * says the belief in one sentence, why it is wrong, the lesson section that corrects it, and, where
 * it is a fact about real clouds, the provider's page and the date it was read.
 *
 * The catalogue is checked by its schema when this module loads; the validator checks that every id
 * a quiz names is here and that every entry is probed by at least one question.
 */
import * as z from 'zod/mini';
import { learnMisconceptions } from './diagnosis-text';
import { misconceptionSchema, type Misconception } from './misconception-schema';

export {
  composeFeedback,
  courseSite,
  diagnosisText,
  findMisconception,
  lessonTitle,
  noteOf,
  sectionPath,
  slipText,
} from './diagnosis-text';
export { misconceptionSchema, type Misconception } from './misconception-schema';

/** The date every real-cloud fact below was checked against its source. */
export const checkedOn = '2026-12-02';

const src = (url: string) => ({ url, asOf: checkedOn });
const aws = {
  regions: 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/regions.html',
  global: 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/global-services.html',
  azs: 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/availability-zones.html',
  azIds: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html',
  regionList: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html',
  disaster: 'https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/what-is-a-disaster.html',
  rdsFailover: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.html',
  readReplicas: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html',
  cpuOptions: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-optimize-cpu.html',
  lifecycle: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-instance-lifecycle.html',
  hibernate: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Hibernate.html',
  instanceStore: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-store-lifetime.html',
  stopInstances: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_StopInstances.html',
  vpcPricing: 'https://aws.amazon.com/vpc/pricing/',
  nitro: 'https://docs.aws.amazon.com/whitepapers/latest/security-design-of-aws-nitro-system/the-nitro-system-journey.html',
};
const shared = 'https://learn.microsoft.com/en-us/azure/security/fundamentals/shared-responsibility';
const hyperV = 'https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/reference/hyper-v-architecture';
const xenDom0 = 'https://wiki.xenproject.org/wiki/Dom0';
const redHatSteal =
  'https://docs.redhat.com/en/documentation/Red_Hat_Enterprise_Linux/6/html/virtualization_host_configuration_and_guest_installation_guide/form-virtualization_host_configuration_and_guest_installation_guide-kvm_guest_timing_management-steal_time_accounting';
const cpuPapers = {
  popekGoldberg: 'https://doi.org/10.1145/361011.361073',
  robinIrvine: 'https://www.usenix.org/legacy/events/sec2000/full_papers/robin/robin.pdf',
  vmwareBt: 'https://doi.org/10.1145/2382553.2382554',
  softVsHard: 'https://doi.org/10.1145/1168857.1168860',
  xen: 'https://doi.org/10.1145/945445.945462',
  newerProcessors: 'https://communities.vmware.com/blogs/drummonds/2009/06/02/newer-processors-and-virtualization-performance',
  vmExits: 'https://software.intel.com/en-us/blogs/2009/06/25/virtualization-and-performance-understanding-vm-exits',
  twoDimWalks: 'https://doi.org/10.1145/1346281.1346286',
  intelSdm: 'https://www.intel.com/content/www/us/en/developer/articles/technical/intel-sdm.html',
  sriov: 'https://docs.kernel.org/PCI/pci-iov-howto.html',
  v86: 'https://github.com/copy/v86',
};
const redHatOvercommit =
  'https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/6/html/virtualization_administration_guide/chap-virtualization-tips_and_tricks-overcommitting_with_kvm';

const models = {
  lesson: 'infrastructure',
  section: 'IaaS, PaaS and SaaS: who manages which layer',
  anchor: 'iaas-paas-and-saas-who-manages-which-layer',
} as const;
const owning = { lesson: 'infrastructure', section: 'Owning versus renting', anchor: 'owning-versus-renting' } as const;
const isolation = { lesson: 'regions', section: 'Isolation: a failure stays where it starts', anchor: 'isolation-a-failure-stays-where-it-starts' } as const;
const residency = { lesson: 'regions', section: 'Data residency and compliance', anchor: 'data-residency-and-compliance' } as const;
const latency = { lesson: 'regions', section: 'Latency: physics sets the floor', anchor: 'latency-physics-sets-the-floor' } as const;
const choosing = { lesson: 'regions', section: 'Choosing a region', anchor: 'choosing-a-region' } as const;
const whatAz = { lesson: 'availability-zones', section: 'What an availability zone is', anchor: 'what-an-availability-zone-is' } as const;
const azIds = { lesson: 'availability-zones', section: 'AZ names and AZ IDs', anchor: 'az-names-and-az-ids' } as const;
const acrossAzs = { lesson: 'availability-zones', section: 'Designing across AZs', anchor: 'designing-across-azs' } as const;
const syncRep = { lesson: 'availability-zones', section: 'Synchronous replication and failover', anchor: 'synchronous-replication-and-failover' } as const;
const notProtected = {
  lesson: 'availability-zones',
  section: 'What multi-AZ does not protect against',
  anchor: 'what-multi-az-does-not-protect-against',
} as const;
const whatVm = { lesson: 'virtualization', section: 'What a virtual machine is', anchor: 'what-a-virtual-machine-is' } as const;
const sharing = { lesson: 'virtualization', section: 'How the parts are shared', anchor: 'how-the-parts-are-shared' } as const;
const overcommit = { lesson: 'virtualization', section: 'Overcommit: selling more than you have', anchor: 'overcommit-selling-more-than-you-have' } as const;
const steal = { lesson: 'virtualization', section: 'Noisy neighbours and steal time', anchor: 'noisy-neighbours-and-steal-time' } as const;
const blur = { lesson: 'hypervisors', section: 'Why the labels blur', anchor: 'why-the-labels-blur' } as const;
const nitro = { lesson: 'hypervisors', section: 'A cloud hypervisor: AWS Nitro', anchor: 'a-cloud-hypervisor-aws-nitro' } as const;
const tradeNumbers = {
  lesson: 'hypervisors',
  section: 'The trade-off in numbers (in the simulation)',
  anchor: 'the-trade-off-in-numbers-in-the-simulation',
} as const;
const states = { lesson: 'vm-lifecycle', section: 'The six states', anchor: 'the-six-states' } as const;
const keeps = { lesson: 'vm-lifecycle', section: 'Stop, reboot, terminate: what each keeps', anchor: 'stop-reboot-terminate-what-each-keeps' } as const;
const hibernate = { lesson: 'vm-lifecycle', section: 'Hibernate: a stop that keeps the RAM', anchor: 'hibernate-a-stop-that-keeps-the-ram' } as const;
const costs = { lesson: 'vm-lifecycle', section: 'What each state costs', anchor: 'what-each-state-costs' } as const;
const trapEmulate = {
  lesson: 'cpu-virtualization',
  section: 'Sensitive instructions and trap-and-emulate',
  anchor: 'sensitive-instructions-and-trap-and-emulate',
} as const;
const classicX86 = { lesson: 'cpu-virtualization', section: 'Why classic x86 failed the test', anchor: 'why-classic-x86-failed-the-test' } as const;
const binaryTranslation = {
  lesson: 'cpu-virtualization',
  section: 'Answer 1: binary translation (VMware, 1999)',
  anchor: 'answer-1-binary-translation-vmware-1999',
} as const;
const hardwareAssist = {
  lesson: 'cpu-virtualization',
  section: 'Answer 3: hardware assistance (Intel VT-x, 2005; AMD-V, 2006)',
  anchor: 'answer-3-hardware-assistance-intel-vt-x-2005-amd-v-2006',
} as const;
const paging = {
  lesson: 'cpu-virtualization',
  section: 'Memory: shadow page tables and nested paging',
  anchor: 'memory-shadow-page-tables-and-nested-paging',
} as const;
const devices = {
  lesson: 'cpu-virtualization',
  section: 'I/O: from emulated devices to offload cards',
  anchor: 'io-from-emulated-devices-to-offload-cards',
} as const;
const cpuCosts = { lesson: 'cpu-virtualization', section: "What it costs: the engine's model", anchor: 'what-it-costs-the-engines-model' } as const;
const emulation = { lesson: 'cpu-virtualization', section: 'Emulation is not virtualization', anchor: 'emulation-is-not-virtualization' } as const;
const capstoneZones = {
  lesson: 'capstone',
  section: 'Step 3: spread over zones and prove it survives',
  anchor: 'step-3-spread-over-zones-and-prove-it-survives',
} as const;

const entries: z.input<typeof misconceptionSchema>[] = [
  // What infrastructure is
  {
    id: 'iaas-provider-patches-os',
    belief: 'In IaaS the provider installs and patches the operating system of my VMs.',
    why: 'In IaaS the provider stops at the hypervisor: the operating system and everything above it are the customer’s to install, patch and secure.',
    ...models,
    source: src(shared),
  },
  {
    id: 'provider-controls-data-access',
    belief: 'Once a provider runs the application (SaaS), it decides who may read my data.',
    why: 'In every model, IaaS to SaaS, data, accounts and access rules stay the customer’s responsibility; the provider runs the software, not your permissions.',
    ...models,
    source: src(shared),
  },
  {
    id: 'one-layer-per-step',
    belief: 'Each step from on-premises to IaaS, PaaS and SaaS hands exactly one more layer to the provider.',
    why: 'The step to IaaS alone hands over the building, the network, the physical hosts and the hypervisor at once; the layers stack in a fixed order, but the handover is not one per step.',
    ...models,
    source: src(shared),
  },
  {
    id: 'renting-always-cheaper',
    belief: 'Renting capacity is always cheaper than owning it.',
    why: 'Renting wins when demand goes up and down, because idle capacity is handed back; for a large, steady, predictable load that runs all the time, owning (or a long commitment) can cost less.',
    ...owning,
  },
  {
    id: 'scaling-is-instant',
    belief: 'An auto-scaling group adds capacity the moment demand rises.',
    why: 'A group notices a rise only at its next check, and each new VM is pending before it serves; until then the extra requests are dropped or queued.',
    ...owning,
  },
  {
    id: 'scale-in-is-manual',
    belief: 'A group that has scaled out stays big until someone scales it back in.',
    why: 'A scaling policy works both ways: when demand falls, the group hands VMs back by itself, and stops paying for them.',
    ...owning,
  },
  // Regions
  {
    id: 'outage-spreads-across-regions',
    belief: 'A region outage takes down my VMs in other regions too.',
    why: 'Regions are built isolated and independent, so a failure is contained to one region; the VMs in the other regions keep serving.',
    ...isolation,
    source: src(aws.regions),
  },
  {
    id: 'regions-share-nothing',
    belief: 'Regions share nothing at all, so trouble in us-east-1 can never affect what I do in another region.',
    why: 'A few global services keep their control plane in one region: for IAM, AWS Organizations, account management and Route 53 it is us-east-1. Their data planes keep working everywhere, but changes to users, policies or DNS records may fail during trouble there. The simulation has no global services: its isolation is perfect.',
    ...isolation,
    source: src(aws.global),
  },
  {
    id: 'provider-moves-vms',
    belief: 'When a region or a host fails, the provider starts my VMs again somewhere else by itself.',
    why: 'Nothing is copied or moved for you: what you create in one place does not exist elsewhere unless you build it there (a group, a replica, a second region).',
    ...isolation,
    source: src(aws.regions),
  },
  {
    id: 'europe-means-eu',
    belief: 'A region with “Europe” in its name keeps the data inside the European Union.',
    why: 'Europe (London), eu-west-2, is in the United Kingdom, which is not an EU member state; a rule about the EU is about the country the region is in, not the word in its name.',
    ...residency,
    source: src(aws.regionList),
  },
  {
    id: 'eu-copy-is-enough',
    belief: 'A residency rule is met as long as the main copy of the data is in the allowed place.',
    why: 'The rule limits where the data is stored, and a replica or a backup stores it too: a copy outside the allowed countries breaks the rule.',
    ...residency,
  },
  {
    id: 'eu-means-euro',
    belief: 'Only the countries that pay in euros are in the European Union, so a region in Sweden is outside it.',
    why: 'The EU and the euro area are not the same: Sweden is an EU member state that keeps its own currency, so an “EU only” rule allows a region there, such as Europe (Stockholm), eu-north-1.',
    ...residency,
  },
  {
    id: 'latency-is-capacity',
    belief: 'When far-away users find the service slow, the servers need more capacity.',
    why: 'If the servers are idle and nearby users are fast, the time goes into round trips over the distance; more servers in the same place leave every round trip as long as before.',
    ...latency,
  },
  {
    id: 'price-before-rules',
    belief: 'The cheapest region is the best choice, and rules about where data lives can be dealt with later.',
    why: 'A region that breaks a residency rule is not an option at any price: the rule crosses regions out before latency or price are compared.',
    ...choosing,
  },
  {
    id: 'round-trip-is-one-way',
    belief: 'The round trip to a region is the time the signal takes to get there.',
    why: 'A round trip goes there and back: twice the one-way time.',
    ...latency,
  },
  {
    id: 'fibre-at-light-speed',
    belief: 'Signals in optical fibre travel at the speed of light in a vacuum.',
    why: 'Glass slows light by its refractive index (about 1.5): in fibre it covers about 200 km per millisecond, not 300.',
    ...latency,
  },
  {
    id: 'fibre-runs-straight',
    belief: 'Data travels the straight-line distance between two places.',
    why: 'Cables follow roads, coasts and sea beds, so the path is longer than the straight line; the lesson’s rule (and the simulation) adds 65 % for detours.',
    ...latency,
  },
  // Availability zones
  {
    id: 'az-is-one-building',
    belief: 'An availability zone is one data centre building.',
    why: 'AWS defines an AZ as one or more discrete data centres, with redundant power, networking and connectivity; one building can fail without taking the whole AZ.',
    ...whatAz,
    source: src(aws.azs),
  },
  {
    id: 'az-names-are-global',
    belief: 'us-east-1a is the same physical zone for every AWS account.',
    why: 'In the older regions, AZ names were mapped to physical zones separately for each account (for accounts created before November 2025); only the AZ ID, such as use1-az1, names the same place for everyone.',
    ...azIds,
    source: src(aws.azIds),
  },
  {
    id: 'running-means-serving',
    belief: 'A VM in a failed AZ still serves, because it is still “running”.',
    why: 'When an AZ fails, everything in it is cut off: the VMs may still be running, but no request reaches them.',
    ...acrossAzs,
  },
  {
    id: 'az-outage-is-one-vm',
    belief: 'An AZ outage takes out one server, not everything in the zone.',
    why: 'An AZ outage reaches every host and VM in that zone at once; that is why copies must sit in other zones.',
    ...acrossAzs,
  },
  {
    id: 'az-failure-stops-region',
    belief: 'When one AZ fails, everything in the region stops.',
    why: 'AZs are built to fail independently: only what sits in the failed AZ stops, and the other AZs carry on.',
    ...acrossAzs,
    source: src(aws.azs),
  },
  {
    id: 'replica-is-a-backup',
    belief: 'A replica in another region is a backup of the data.',
    why: 'A replica applies every change within its lag, deletions and corruption included; a backup is a copy of before, which is what undoes a mistake.',
    ...notProtected,
    source: src(aws.disaster),
  },
  {
    id: 'multi-az-survives-region',
    belief: 'Spreading over several AZs protects against a region outage.',
    why: 'All the AZs are inside the one region: when the region fails they fail together. Surviving that takes a copy in a second region.',
    ...notProtected,
    source: src(aws.regions),
  },
  {
    id: 'replication-protects-deletes',
    belief: 'A synchronous standby protects the data against an accidental DROP TABLE.',
    why: 'Synchronous replication copies every write faithfully, the wrong ones included: the standby drops the table too. Only a backup (or point-in-time recovery) from before the mistake brings it back.',
    ...notProtected,
    source: src(aws.disaster),
  },
  {
    id: 'multi-az-survives-bad-deploy',
    belief: 'Running in several AZs protects my service against a bad release.',
    why: 'A release rolled out to every AZ at once breaks every AZ at once. AWS staggers its own changes across AZs; you must roll out one AZ at a time and watch before going on.',
    ...notProtected,
    source: src(aws.azs),
  },
  {
    id: 'failover-is-instant',
    belief: 'Failing over to a standby is instant, so nobody notices.',
    why: 'A failover takes time: AWS says a Multi-AZ DB instance typically fails over in 60 to 120 seconds (the simulation uses 60 s), and the database takes no writes meanwhile.',
    ...syncRep,
    source: src(aws.rdsFailover),
  },
  {
    id: 'sync-replication-is-free',
    belief: 'A synchronous standby adds nothing to the time a write takes.',
    why: 'The primary confirms a write only after the standby has it: every write waits one round trip between the AZs.',
    ...syncRep,
  },
  {
    id: 'async-replica-loses-nothing',
    belief: 'Promoting an asynchronous replica loses no committed write.',
    why: 'An asynchronous replica trails the primary by its lag; the writes of that lag were confirmed but never reached it, and are lost when it is promoted.',
    ...notProtected,
    source: src(aws.readReplicas),
  },
  {
    id: 'replica-fails-over-itself',
    belief: 'A read replica takes over by itself when the primary fails.',
    why: 'An RDS read replica is promoted when someone (you, or your automation) promotes it; automatic failover is what a Multi-AZ standby does.',
    ...notProtected,
    source: src(aws.readReplicas),
  },
  {
    id: 'standby-anywhere-is-safe',
    belief: 'Any standby protects the database, wherever it sits.',
    why: 'A standby in the primary’s own AZ fails together with it; it has to sit in another AZ to survive the loss of the primary’s.',
    ...syncRep,
  },
  {
    id: 'replacement-is-instant',
    belief: 'A group replaces a failed VM the moment it fails.',
    why: 'The group first has to notice (a health check, 60 s in the simulation), and the replacement is then pending before it serves.',
    ...acrossAzs,
  },
  {
    id: 'group-grows-after-loss',
    belief: 'After losing an AZ a group runs more VMs, to make up for it, or keeps the lost ones waiting for their AZ.',
    why: 'A group keeps its desired count: it terminates the members it lost and launches the same number of replacements in the healthy AZs.',
    ...acrossAzs,
  },
  {
    id: 'even-spread-is-enough',
    belief: 'Spreading exactly the number of VMs I need over the AZs survives the loss of one.',
    why: 'After losing one of n AZs, only n − 1 remain: each must hold k ÷ (n − 1) VMs, rounded up, for k to keep serving.',
    ...acrossAzs,
  },
  {
    id: 'web-tier-is-the-service',
    belief: 'If enough web servers survive, the service carries on.',
    why: 'A booking needs the database too: while it fails over, nobody can book, however many web servers are up.',
    ...capstoneZones,
  },
  // Virtualization
  {
    id: 'vcpu-is-a-core',
    belief: 'A vCPU is a whole physical core reserved for my VM.',
    why: 'A vCPU is scheduled in slices of time onto the host’s processors; on EC2 types that use simultaneous multithreading (an m5, for example) a vCPU is one hardware thread, two per core. The simulation counts a vCPU against a whole core.',
    ...sharing,
    source: src(aws.cpuOptions),
  },
  {
    id: 'one-resource-decides',
    belief: 'If one resource (say the CPU) has room, another VM fits.',
    why: 'A VM fits only if every resource has room: CPU and memory both. The first to run out decides how many fit.',
    ...sharing,
  },
  {
    id: 'hypervisor-takes-nothing',
    belief: 'All of a host’s memory and cores are there for the VMs.',
    why: 'The hypervisor (and, for a type 2 hypervisor, the host operating system) keeps memory, and maybe cores, for itself before any VM gets some.',
    ...tradeNumbers,
  },
  {
    id: 'overcommit-is-free',
    belief: 'Overcommit gives the VMs capacity for free.',
    why: 'Overcommit lets more VMs fit, not run at full speed: when they are busy together they wait for the CPU (steal time), and memory really used has to be swapped out.',
    ...overcommit,
    source: src(redHatOvercommit),
  },
  {
    id: 'guest-cannot-see-steal',
    belief: 'A guest cannot tell that it is waiting for the host; the wait shows up as an error, if at all.',
    why: 'Linux in a guest measures the CPU time it wanted and did not get, and shows it as steal (st) in top and vmstat. Nothing fails: work just runs slower.',
    ...steal,
    source: src(redHatSteal),
  },
  {
    id: 'steal-means-bigger-vm',
    belief: 'High steal time means my own VM needs more vCPUs.',
    why: 'Steal is time the host gave to other VMs: contention on the host. More vCPUs on the same crowded host ask for more of what is already short; fewer VMs on the host, less overcommit or another host helps.',
    ...steal,
    source: src(redHatSteal),
  },
  {
    id: 'guest-crash-spreads',
    belief: 'When one VM’s operating system crashes, the host and the VMs beside it go down too.',
    why: 'The hypervisor isolates each VM: a guest crash stays inside that VM, and its neighbours and the host carry on.',
    ...whatVm,
  },
  // Hypervisors
  {
    id: 'os-means-type-2',
    belief: 'Hyper-V and KVM are type 2 hypervisors, because a full operating system is involved.',
    why: 'Type 2 means the hypervisor runs as a program on a host OS that owns the hardware. Hyper-V runs beneath Windows (Windows becomes its root partition) and KVM is part of the Linux kernel that runs on the hardware: both are counted as type 1, even though a full OS sits beside or around them.',
    ...blur,
    source: src(hyperV),
  },
  {
    id: 'type-1-runs-alone',
    belief: 'Under a type 1 hypervisor nothing else runs with full privilege: no operating system to fail or to attack.',
    why: 'That is true of ESXi and of AWS Nitro, but Hyper-V keeps a full Windows in its root partition, Xen a full operating system (most commonly Linux) in Dom0, and KVM is Linux itself: a whole operating system still serves the guests’ devices.',
    ...blur,
    source: src(xenDom0),
  },
  {
    id: 'windows-stays-on-top',
    belief: 'With Hyper-V turned on, Windows still runs closest to the hardware and Hyper-V runs inside it.',
    why: 'Turning Hyper-V on slides the hypervisor under Windows: Windows becomes the root partition, beside the guests, and Hyper-V runs closest to the hardware.',
    ...blur,
    source: src(hyperV),
  },
  {
    id: 'ec2-runs-on-xen',
    belief: 'EC2 runs all its instances on the Xen hypervisor.',
    why: 'From the C5 generation in 2017, AWS moved to the Nitro System with a minimal KVM-based hypervisor; Xen still runs some older types (such as T2), and bare-metal instances run no hypervisor at all.',
    ...nitro,
    source: src(aws.nitro),
  },
  // The life of a VM
  {
    id: 'stopped-costs-nothing',
    belief: 'A stopped instance costs nothing.',
    why: 'Compute is not billed while stopped, but its EBS volumes are, and so is an Elastic IP address kept for it.',
    ...costs,
    source: src(aws.lifecycle),
  },
  {
    id: 'stopped-billed-compute',
    belief: 'A stopped instance is still billed for compute, like a running one.',
    why: 'Compute is billed only while the instance runs (and, for a hibernating stop, while it is stopping); a stopped instance pays only for what it keeps, such as its volumes.',
    ...costs,
    source: src(aws.lifecycle),
  },
  {
    id: 'hibernate-is-free',
    belief: 'Hibernating an instance costs nothing, since it ends stopped.',
    why: 'EC2 bills the instance while it is stopping to hibernate (writing RAM to disk), and the EBS root volume, now holding the RAM, is billed while it is stopped.',
    ...hibernate,
    source: src(aws.hibernate),
  },
  {
    id: 'terminate-ends-every-bill',
    belief: 'Terminating an instance ends every bill it had.',
    why: 'An Elastic IP address belongs to the account and is billed until you release it; an EBS volume attached after launch is kept (and billed) unless it was set to be deleted.',
    ...costs,
    source: src(aws.vpcPricing),
  },
  {
    id: 'stop-keeps-the-host',
    belief: 'After a stop and start the instance is back on the same host, with everything on it.',
    why: 'A stop hands the host back; the start places the instance again, usually on another host, and the instance store (local disk) is erased.',
    ...keeps,
    source: src(aws.lifecycle),
  },
  {
    id: 'reboot-erases-instance-store',
    belief: 'A reboot erases the instance store, as a stop does.',
    why: 'A reboot keeps the instance on its host, so its local disks and their data stay; instance store data is lost when the instance stops, hibernates or terminates, or when the disk fails.',
    ...keeps,
    source: src(aws.instanceStore),
  },
  {
    id: 'stop-erases-every-disk',
    belief: 'A stop erases everything the instance has on disk, its EBS root volume too.',
    why: 'Only the instance store, inside the host the stop hands back, is erased; an EBS volume is network storage that stays with the instance, keeps its data and is billed while it is stopped.',
    ...keeps,
    source: src(aws.stopInstances),
  },
  {
    id: 'reboot-is-free',
    belief: 'A reboot costs no downtime, because the instance stays running.',
    why: 'The instance stays running (and on its host), but it does not serve until its operating system is back.',
    ...keeps,
  },
  {
    id: 'stop-changes-private-ip',
    belief: 'Stopping and starting an instance changes its private address, or changes no address at all.',
    why: 'Without an Elastic IP, the public IPv4 address is released at stop and a new one given at start; the private address stays.',
    ...keeps,
    source: src(aws.lifecycle),
  },
  {
    id: 'terminated-can-return',
    belief: 'A terminated instance can be started again.',
    why: 'Terminated is final: the instance and its root volume are gone, and no action leads out of that state.',
    ...states,
    source: src(aws.lifecycle),
  },
  {
    id: 'terminate-from-one-state',
    belief: 'An instance can be terminated from only one state: first I have to stop it (or start it) to get there.',
    why: 'Terminate is accepted from running and from stopped alike (the simulation accepts it from pending and stopping too): it is the way out of every state that is not already on its way out.',
    ...states,
  },
  {
    id: 'start-skips-pending',
    belief: 'Starting a stopped instance takes it straight back to running.',
    why: 'A start goes through pending, like a launch: the instance is placed on a host and boots before it runs.',
    ...states,
    source: src(aws.lifecycle),
  },
  // How a guest's instructions run
  {
    id: 'hypervisor-sees-every-instruction',
    belief: 'Under trap-and-emulate, every instruction of the guest traps to the hypervisor.',
    why: 'That would be an emulator, and far too slow. Popek and Goldberg’s point is that ordinary instructions run directly on the CPU and only the sensitive ones, being privileged, trap.',
    ...trapEmulate,
    source: src(cpuPapers.popekGoldberg),
  },
  {
    id: 'virtualizable-means-hw-assisted',
    belief: 'A machine can be virtualized only if its CPU has a separate mode for guests, such as VT-x.',
    why: 'Popek and Goldberg (1974) asked only that every sensitive instruction be privileged, so that it traps when the guest runs deprivileged; VT-x (2005) came three decades later, to give x86 a way to meet that.',
    ...trapEmulate,
    source: src(cpuPapers.popekGoldberg),
  },
  {
    id: 'virtualization-slows-compute',
    belief: 'A virtual machine runs every instruction more slowly than bare metal.',
    why: 'Under trap-and-emulate, binary translation, paravirtualization and hardware assistance, ordinary instructions (add, compare, load, store) run directly on the CPU at full speed; only the events that leave the guest cost extra. Only an emulator runs ordinary instructions in software.',
    ...trapEmulate,
    source: src(cpuPapers.popekGoldberg),
  },
  {
    id: 'x86-always-virtualizable',
    belief: 'Classic x86 met Popek and Goldberg’s condition: trap-and-emulate worked on it, only slowly.',
    why: 'The Pentium had 17 sensitive instructions that are not privileged: run deprivileged they do not trap but quietly behave differently, as POPF leaves the interrupt flag alone. That is why VMware needed binary translation and Xen a modified kernel.',
    ...classicX86,
    source: src(cpuPapers.robinIrvine),
  },
  {
    id: 'popf-whole-problem',
    belief: 'POPF is the one x86 instruction that breaks trap-and-emulate.',
    why: 'POPF is the usual example; Robin and Irvine found 17 sensitive, unprivileged instructions on the Pentium, among them PUSHF, SGDT, SIDT and SMSW.',
    ...classicX86,
    source: src(cpuPapers.robinIrvine),
  },
  {
    id: 'binary-translation-approximate',
    belief: 'Binary translation only approximates the guest’s instructions, so some results come out wrong.',
    why: 'The translator copies harmless instructions unchanged and replaces each sensitive one, POPF included, with a call into the hypervisor that does exactly what the instruction would do to the virtual machine: it is correct, which is what it was built for.',
    ...binaryTranslation,
    source: src(cpuPapers.vmwareBt),
  },
  {
    id: 'syscall-exits',
    belief: 'A system call in a guest always goes through the hypervisor.',
    why: 'It traps only where the guest kernel runs deprivileged and the hypervisor owns the entry points (classic trap-and-emulate, binary translation). With VT-x or AMD-V the guest kernel runs in ring 0 of guest mode, and a Xen-style paravirtual kernel registers a fast handler with the CPU: either way the call goes straight to the guest kernel.',
    ...hardwareAssist,
    source: src(cpuPapers.xen),
  },
  {
    id: 'sensitive-always-exits',
    belief: 'A sensitive instruction such as POPF always traps or exits to the hypervisor.',
    why: 'With VT-x or AMD-V the guest kernel runs in ring 0 of guest mode, so POPF sets the guest’s own interrupt flag without an exit (and on classic x86 a deprivileged POPF did not trap at all).',
    ...hardwareAssist,
    source: src(cpuPapers.intelSdm),
  },
  {
    id: 'guest-ring0-is-host-ring0',
    belief: 'A guest kernel in ring 0 under VT-x or AMD-V holds the host’s ring 0, so it changes the real machine’s state.',
    why: 'The guest runs in non-root (guest) mode, which has its own rings 0 to 3: POPF there sets the guest’s interrupt flag, and the hypervisor in root mode keeps control of the real machine through the VM exits it asked for.',
    ...hardwareAssist,
    source: src(cpuPapers.intelSdm),
  },
  {
    id: 'hw-virt-means-no-exits',
    belief: 'With hardware virtualization a guest never has to leave for the hypervisor.',
    why: 'VT-x and AMD-V let the guest kernel run in ring 0 of guest mode, but the CPU still exits on every event the hypervisor asked to see, such as an access to an emulated device; each exit costs hundreds to thousands of cycles.',
    ...hardwareAssist,
    source: src(cpuPapers.vmExits),
  },
  {
    id: 'tlb-miss-traps',
    belief: 'A TLB miss traps to the kernel or to the hypervisor.',
    why: 'On x86 the CPU walks the page tables itself, in hardware, on a TLB miss; under nested paging it walks both sets of tables, which makes the miss dearer, but it is still not an exit.',
    ...paging,
    source: src(cpuPapers.intelSdm),
  },
  {
    id: 'page-tables-hypervisor-business',
    belief: 'A guest’s page faults and page-table writes always go to the hypervisor.',
    why: 'They do when the hypervisor owns the tables the CPU walks (shadow paging) or checks every update (Xen-style paravirtualization). With nested paging (Intel EPT, AMD RVI) the CPU walks the guest’s tables and the hypervisor’s itself, so the guest handles its own faults and writes its own entries.',
    ...paging,
    source: src(cpuPapers.newerProcessors),
  },
  {
    id: 'correct-means-in-guest',
    belief: 'Once a technique runs the guest kernel correctly, its system calls and page faults stay inside the guest.',
    why: 'Binary translation sends system calls and page faults to the hypervisor first; shadow paging, with or without VT-x, must see every page fault and page-table write; a Xen-style paravirtual kernel asks the hypervisor to update its page tables. Only hardware assistance with nested paging keeps both in the guest.',
    ...paging,
    source: src(cpuPapers.softVsHard),
  },
  {
    id: 'nested-walk-is-native',
    belief: 'Under nested paging a TLB miss walks the guest’s 4 levels, as on bare metal.',
    why: 'Every address in the guest’s tables is guest-physical and must itself be translated by a walk of the hypervisor’s nested tables: up to (4 + 1) × (4 + 1) − 1 = 24 references, against 4 on bare metal or with shadow tables.',
    ...paging,
    source: src(cpuPapers.twoDimWalks),
  },
  {
    id: 'nested-walk-additive',
    belief: 'A nested page walk is the guest’s walk followed by the hypervisor’s: 4 + 4 references.',
    why: 'A walk of the hypervisor’s tables is needed for each of the guest’s 4 entries and for the final address, each a guest-physical address: 5 nested walks of 4 plus the guest’s own 4, up to 24 references.',
    ...paging,
    source: src(cpuPapers.twoDimWalks),
  },
  {
    id: 'hw-assist-devices-native',
    belief: 'With hardware assistance the guest’s devices run natively too.',
    why: 'VT-x and AMD-V virtualize the CPU, not the devices: an emulated or paravirtual device is software in the host, so touching it leaves the guest. Only passthrough with an IOMMU, or an SR-IOV virtual function, gives a guest a real device.',
    ...devices,
    source: src(cpuPapers.sriov),
  },
  {
    id: 'same-workload-suffers-everywhere',
    belief: 'The same kind of work (system calls, page faults or I/O) is the slowest to virtualize whatever the technique.',
    why: 'Each technique sends different events out of the guest: trap-and-emulate and binary translation trap on every system call, shadow paging and paravirtualization send page faults and page-table writes to the hypervisor, and nested paging leaves only device accesses to exit. Which loop suffers most depends on the technique.',
    ...cpuCosts,
  },
  {
    id: 'emulation-imprecise',
    belief: 'An emulator is a rough imitation of a CPU that cannot run kernel instructions correctly.',
    why: 'An emulator carries out every guest instruction in software, privileged and sensitive ones included, by the architecture’s rules: it is correct, only slow.',
    ...emulation,
    source: src(cpuPapers.v86),
  },
  {
    id: 'emulation-runs-at-native-speed',
    belief: 'A technique that is always correct and never enters a hypervisor, such as full emulation, is about as fast as hardware virtualization.',
    why: 'An emulator carries out every guest instruction in software, ordinary ones too: the engine charges it 10 host cycles a guest cycle, and v86, measured in the lesson, is slower still. Hardware virtualization runs ordinary instructions on the CPU unchanged.',
    ...emulation,
  },
  {
    id: 'every-vm-uses-vtx',
    belief: 'Every virtual machine runs on the CPU’s hardware virtualization (VT-x or AMD-V).',
    why: 'An emulator needs none: a web page cannot reach VT-x or AMD-V, so v86 translates the guest’s x86 code into WebAssembly, and the CPU it presents has no vmx or svm flag.',
    ...emulation,
    source: src(cpuPapers.v86),
  },
  {
    id: 'browser-runs-native-code',
    belief: 'A browser can run x86 machine code directly on the computer’s CPU, in a sandbox.',
    why: 'A web page runs JavaScript and WebAssembly only; x86 machine code has to be translated or interpreted first, as v86 does.',
    ...emulation,
    source: src(cpuPapers.v86),
  },
];

export const misconceptionCatalogue: readonly Misconception[] = z
  .array(misconceptionSchema)
  .check(
    z.superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((m, i) => {
        if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `misconception id "${m.id}" appears twice` });
        seen.add(m.id);
      });
    }),
  )
  .parse(entries);

// Every entry can be found by id wherever the catalogue is loaded (a lesson page loads only the
// entries its quiz names: ./named-misconceptions/).
learnMisconceptions(misconceptionCatalogue);
