/**
 * Quiz for docs/lessons/virtualization.mdx. Keys follow the lesson's capacity rule
 * ((cores − reserved) × CPU overcommit vCPUs, (memory − reserved) × memory overcommit GiB; a type 1
 * host keeps 1 GiB) and its fair-share steal time; the validator runs each against the engine. The
 * real-cloud facts (steal time in Linux, overcommitted memory, a vCPU as a hardware thread) are
 * sourced and dated. Each wrong answer names the misconception it diagnoses
 * (quizzes/misconceptions.ts) or is marked as a slip.
 */
import type { Report } from '@site/sim';
import { defineQuiz, engineQuestion } from './define';
import { launchOneByOne, oneHost } from './worlds';

const host16 = { cores: 16, memoryGiB: 64, hypervisor: 'type1' as const };

/** Which resource stops one more VM from fitting on the (only) host, as the engine's host report shows it. */
function exhausted(r: Report, vm: { vcpu: number; memoryGiB: number }): string {
  const h = r.hosts[0];
  const cpu = h.capacityVcpu - h.allocatedVcpu < vm.vcpu;
  const mem = h.capacityMemoryGiB - h.allocatedMemoryGiB < vm.memoryGiB + h.perVmOverheadMemoryGiB;
  return cpu && mem ? 'both at once' : cpu ? 'CPU' : mem ? 'memory' : 'neither';
}

const redHatSteal =
  'https://docs.redhat.com/en/documentation/Red_Hat_Enterprise_Linux/6/html/virtualization_host_configuration_and_guest_installation_guide/form-virtualization_host_configuration_and_guest_installation_guide-kvm_guest_timing_management-steal_time_accounting';
const cpuOptions = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-optimize-cpu.html';
/** The resource that runs out first with CPU overcommit `oc`: CPU holds 16 × oc ÷ 2 VMs (8, 12, 16), memory ⌊63 ÷ 4⌋ = 15. */
const firstOut = (oc: number) => (oc < 2 ? 'CPU' : 'memory');

export default defineQuiz({
  lesson: 'virtualization',
  title: 'Virtualization',
  questions: [
    engineQuestion({
      id: 'which-runs-out',
      skill: 'predict',
      params: { oc: [1, 1.5, 2] },
      prompt:
        'The same 16-core, 64 GiB type 1 host, now with a CPU overcommit of {oc} (memory not overcommitted). You launch VMs of 2 vCPU and 4 GiB until one is refused. Which resource ran out?',
      scenario: (p) => ({
        name: `CPU overcommit ${p.oc}`,
        regions: [oneHost(host16)],
        policy: { cpuOvercommit: p.oc },
        actions: launchOneByOne(20, { name: 'vm', vcpu: 2, memoryGiB: 4, region: 'eu-central-1' }),
      }),
      ask: {
        type: 'choice',
        key: (p) => firstOut(p.oc),
        distractors: [
          {
            value: (p) => (firstOut(p.oc) === 'CPU' ? 'memory' : 'CPU'),
            feedback: 'Work out both limits: a VM is refused as soon as either resource is short.',
            misconception: 'one-resource-decides',
          },
          { value: 'both at once', feedback: 'The two limits are 16 × {oc} ÷ 2 and 15 VMs: they differ, so one runs out first.', slip: 'arithmetic' },
        ],
        read: (r) => exhausted(r, { vcpu: 2, memoryGiB: 4 }),
      },
      measures: (r) => [
        { label: 'vCPUs given / capacity', value: `${r.hosts[0].allocatedVcpu} / ${r.hosts[0].capacityVcpu}` },
        { label: 'GiB given / capacity', value: `${r.hosts[0].allocatedMemoryGiB} / ${r.hosts[0].capacityMemoryGiB}` },
      ],
      hints: ['CPU capacity is 16 × {oc} vCPUs; memory is 63 GiB either way.'],
      explanation: 'With overcommit {oc}, CPU holds 16 × {oc} ÷ 2 VMs and memory 15. Overcommitting the CPU only helps until memory runs out.',
    }),

    engineQuestion({
      id: 'memory-overcommit',
      skill: 'calculate',
      params: { moc: [1, 1.25, 1.5] },
      prompt: 'A 16-core, 64 GiB type 1 host with CPU overcommit 2 and memory overcommit {moc}. How many VMs of 1 vCPU and 4 GiB fit?',
      scenario: (p) => ({
        name: `Memory overcommit ${p.moc}`,
        regions: [oneHost(host16)],
        policy: { cpuOvercommit: 2, memoryOvercommit: p.moc },
        actions: launchOneByOne(36, { name: 'vm', vcpu: 1, memoryGiB: 4, region: 'eu-central-1' }),
      }),
      ask: {
        type: 'numeric',
        key: (p) => Math.min(32, Math.floor((63 * p.moc) / 4)),
        unit: 'VMs',
        tolerance: 0,
        distractors: [
          { value: 32, feedback: 'That is the CPU limit (16 × 2 vCPUs); memory runs out first.', misconception: 'one-resource-decides' },
          {
            value: (p) => Math.floor((64 * p.moc) / 4),
            feedback: 'The hypervisor keeps 1 GiB of the 64 before the overcommit applies.',
            misconception: 'hypervisor-takes-nothing',
          },
        ],
        read: (r) => r.vms.length,
      },
      hints: ['Memory capacity: (64 − 1) × {moc} GiB.'],
      explanation:
        '(64 − 1) × {moc} GiB ÷ 4 GiB per VM, rounded down; the CPU would allow 32. Memory overcommit is the risky one: if guests use what they were promised, the host must swap.',
    }),

    engineQuestion({
      id: 'steal',
      skill: 'calculate',
      params: { busy: [60, 75, 100] },
      prompt: 'A 16-core host (CPU overcommit 2) runs 8 VMs of 4 vCPUs. Each is {busy}% busy. How much steal time does each VM see, in percent?',
      scenario: (p) => ({
        name: `8 × 4 vCPU at ${p.busy}%`,
        regions: [oneHost({ cores: 16, memoryGiB: 64 })],
        policy: { cpuOvercommit: 2 },
        actions: [{ at: 0, launch: { name: 'vm', count: 8, vcpu: 4, memoryGiB: 4, region: 'eu-central-1', busy: p.busy / 100 } }],
      }),
      ask: {
        type: 'numeric',
        // Demand 8 × 4 × busy cores against 16: each VM gets 16 ÷ demand of what it asks.
        key: (p) => Math.max(0, 1 - 16 / (32 * (p.busy / 100))) * 100,
        unit: '%',
        tolerance: 0.1,
        distractors: [
          {
            value: 0,
            feedback: 'Overcommit lets the VMs fit, not run at full speed: together they want more cores than the host has.',
            misconception: 'overcommit-is-free',
          },
          {
            value: (p) => ((32 * (p.busy / 100) - 16) / 16) * 100,
            feedback: 'Steal is the share of what each VM asked for and did not get: divide by the demand, not by the cores.',
            slip: 'arithmetic',
          },
        ],
        read: (r) => r.vms[0].stealPercent,
      },
      hints: ['Demand: 8 × 4 × {busy}% cores. Supply: 16 cores.', 'Each VM gets 16 ÷ demand of what it asked for; the rest is stolen.'],
      explanation:
        'Together the VMs want 32 × {busy}% cores but there are 16: each gets a fair share, and the part it wanted and did not get is its steal time.',
    }),

    engineQuestion({
      id: 'crash-is-local',
      skill: 'predict',
      prompt: 'Four VMs share one host. At 300 s, vm-2’s guest operating system crashes. Which statements are true at 600 s?',
      at: 600,
      scenario: () => ({
        name: 'A guest crash on a shared host',
        regions: [oneHost(host16)],
        actions: [
          { at: 0, launch: { name: 'vm', count: 4, vcpu: 2, memoryGiB: 4, region: 'eu-central-1' } },
          { at: 300, crash: { vm: 'vm-2' } },
        ],
      }),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'down',
            text: 'vm-2 does not serve.',
            correct: true,
            holds: (r) => !r.vms.find((v) => v.name === 'vm-2')!.serving,
            missed: { misconception: 'provider-moves-vms', feedback: 'A crashed guest stays down: nothing brings vm-2 back until someone reboots it.' },
          },
          {
            id: 'neighbours',
            text: 'The other three VMs keep serving.',
            correct: true,
            missed: {
              misconception: 'guest-crash-spreads',
              feedback: 'Each VM runs its own operating system, and the hypervisor keeps them apart: the crash stays inside vm-2.',
            },
            holds: (r) => r.vms.filter((v) => v.name !== 'vm-2').every((v) => v.serving),
          },
          {
            id: 'host-failed',
            text: 'The host is marked as failed.',
            correct: false,
            holds: (r) => r.hosts[0].health === 'failed',
            feedback: 'A guest crash stays inside its VM; the host and the hypervisor carry on.',
            misconception: 'guest-crash-spreads',
          },
          {
            id: 'moved',
            text: 'vm-2 has been moved to another host.',
            correct: false,
            holds: (r) => r.vms.find((v) => v.name === 'vm-2')!.host !== r.hosts[0].id,
            feedback: 'Nothing moves it: it sits on the same host until someone reboots it.',
            misconception: 'provider-moves-vms',
          },
        ],
      },
      hints: ['The hypervisor keeps each VM inside its own box.'],
      explanation: 'Isolation: the crash stays inside vm-2. Its neighbours on the same host keep serving, and the host is fine.',
    }),

    {
      kind: 'single',
      id: 'steal-in-top',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: redHatSteal,
      prompt:
        'A web app on a Linux VM has become slow at busy times, though its own load has not changed. Inside the guest, top shows “us 30%, st 45%”. What is the most likely cause, and what would help?',
      options: [
        {
          id: 'contention',
          text: 'Other VMs on the same host want its cores: fewer VMs on the host, less overcommit or another host would help',
          correct: true,
        },
        {
          id: 'bigger',
          text: 'The VM is short of CPU of its own: give it more vCPUs on the same host',
          feedback: 'st is time the host gave to other VMs. More vCPUs on the same crowded host ask for more of what is already short.',
          misconception: 'steal-means-bigger-vm',
        },
        {
          id: 'fault',
          text: 'A fault in the guest’s kernel: st counts CPU errors, so check the kernel log',
          feedback: 'Steal is not an error: nothing fails, the guest measures the CPU time it wanted and did not get.',
          misconception: 'guest-cannot-see-steal',
        },
      ],
      hints: ['st stands for steal: CPU time the VM wanted but the host gave to someone else.'],
      explanation:
        'A high st means contention on the host: the VM waits while the hypervisor runs other VMs. Red Hat suggests giving the guest more CPU priority or running fewer guests on the host; in a cloud, moving to another host (stop and start) or a type without overcommit does the same.',
    },
    {
      kind: 'single',
      id: 'memory-risk',
      skill: 'predict',
      factual: true,
      asOf: '2026-12-02',
      source:
        'https://access.redhat.com/documentation/en-us/red_hat_enterprise_linux/6/html/virtualization_administration_guide/chap-virtualization-tips_and_tricks-overcommitting_with_kvm',
      prompt: 'Memory is overcommitted, and the guests start to use all the memory they were promised. What does the host have to do?',
      options: [
        { id: 'swap', text: 'Move some memory out to disk (swap), so VMs slow down', correct: true },
        {
          id: 'nothing',
          text: 'Nothing: overcommitted memory is free',
          feedback: 'Promised memory that is really used must live somewhere; the host swaps it out.',
          misconception: 'overcommit-is-free',
        },
        {
          id: 'grow',
          text: 'Nothing the guests notice: the hypervisor finds the memory elsewhere',
          feedback: 'Hardware does not grow by itself; the host can only swap or, at worst, kill processes.',
          misconception: 'overcommit-is-free',
        },
      ],
      hints: ['Where can memory that is really in use go, when there is not enough RAM?'],
      explanation:
        'Red Hat warns that overcommitted memory that is really used gets swapped to disk, which slows the VMs; if the host runs out altogether, important processes may be shut down.',
    },
    {
      kind: 'single',
      id: 'vcpu-thread',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: cpuOptions,
      prompt:
        'A CPU-bound job that keeps 4 cores of a laptop busy is moved to an EC2 VM with 4 vCPUs (an Intel-based m5 type) and runs clearly slower. Which explanation fits (AWS, as of 2026-12-02)?',
      options: [
        { id: 'threads', text: 'On that type each vCPU is a hardware thread: 4 vCPUs are 2 physical cores, each shared by two threads', correct: true },
        {
          id: 'cores',
          text: 'It cannot be the CPU: 4 vCPUs are 4 physical cores reserved for the VM',
          feedback: 'On an m5 a vCPU is a hardware thread, two per core, and it is scheduled in time slices.',
          misconception: 'vcpu-is-a-core',
        },
        {
          id: 'crash',
          text: 'Another VM on the host has crashed and is holding the cores',
          feedback: 'A crashed guest stays inside its own VM; it does not hold anyone else’s CPU.',
          misconception: 'guest-crash-spreads',
        },
      ],
      hints: ['What is one vCPU on an Intel-based m5: a core, or a thread of a core?'],
      explanation:
        'AWS says each thread of a core is one vCPU, and an m5 runs two threads per core by default: its 4 vCPUs are 2 cores. (T2, C7a, M7a, R7a, Mac and Graviton types are the ones whose threads per core can’t be changed.) The simulation simplifies and counts a vCPU against a whole core.',
    },
  ],
});
