/**
 * Quiz for docs/lessons/cpu-virtualization.mdx. The engine questions and the task read the engine's
 * CPU model (sim/cpu); their keys come from the lesson's table of what each technique does with each
 * kind of instruction and from its default cycle costs, written out here by hand. Each question names
 * the CPU scenarios it runs; its readers read those runs, never the key.
 * Each wrong answer names the misconception it diagnoses (quizzes/misconceptions.ts) or is marked
 * as a slip; its feedback is the author's note, and the diagnosis is added from the catalogue.
 */
import { cpu } from '@site/sim';
import { cpuQuestion, cpuTask, defineQuiz } from './define';
import type { CpuRuns } from './schema';

/** One of each kind, in the order a reader meets them in the lesson. */
const everyKind: cpu.CpuWorkloadInput = {
  body: [
    { kind: 'compute', text: 'add eax, ebx' },
    { kind: 'syscall', text: 'int 0x80' },
    { kind: 'page-fault', text: '#PF' },
    { kind: 'pte-write', text: 'mov [pte], edx' },
    { kind: 'tlb-miss', text: 'mov [edi], eax' },
    { kind: 'io', text: 'out dx, eax' },
    { kind: 'popf', text: 'popf' },
  ],
};

/** One pass of `workload` under each of `techniques`: a question's CPU scenario. */
const onePass = (name: string, workload: cpu.CpuWorkloadInput, techniques: cpu.TechniqueId[], costs: Partial<cpu.CycleCosts> = {}): cpu.CpuScenarioInput => ({
  name,
  workload,
  iterations: 1,
  techniques,
  costs,
});

/** A technique's result in a question's runs (the first run that has it). */
const under = (runs: CpuRuns, technique: cpu.TechniqueId): cpu.TechniqueResult => {
  const found = runs.flatMap((r) => r.results).find((r) => r.technique === technique);
  if (!found) throw new Error(`the question's runs have no result for ${technique}`);
  return found;
};

/** The lesson's table, by hand: which kinds reach the hypervisor under each technique. */
const exitsBy: Record<'hw-shadow' | 'hw-nested' | 'paravirtual', readonly cpu.InstructionKind[]> = {
  'hw-shadow': ['page-fault', 'pte-write', 'io'],
  'hw-nested': ['io'],
  paravirtual: ['page-fault', 'pte-write', 'io'],
};
const techniqueName = {
  'hw-shadow': 'hardware assistance with shadow page tables',
  'hw-nested': 'hardware assistance with nested paging',
  paravirtual: 'paravirtualization',
} as const;

/** Slowdowns of each workload, worked out from the default costs (lesson, "What it costs"). */
const worst = {
  'trap-emulate': 'syscalls',
  'binary-translation': 'syscalls',
  paravirtual: 'page-faults',
  'hw-shadow': 'page-faults',
  'hw-nested': 'io',
} as const;
const workloadName: Record<cpu.WorkloadId, string> = {
  compute: 'the compute loop',
  syscalls: 'the system-call loop',
  'page-faults': 'the page-fault loop',
  io: 'the I/O loop',
};
/** The workloads that can be the slowest, other than `w`. */
const othersThan = (w: 'syscalls' | 'page-faults' | 'io') => (['syscalls', 'page-faults', 'io'] as const).filter((x) => x !== w);
/** Why this workload is not the slowest under the technique asked about. */
const whyNot = {
  syscalls:
    'System calls trap only where the guest kernel is deprivileged and the interrupt table is the hypervisor’s (classic trap-and-emulate, binary translation); with hardware assistance or a paravirtual kernel they stay in the guest.',
  'page-faults':
    'Page faults are dear where the hypervisor owns the tables the CPU walks (shadow paging, trap-and-emulate, Xen-style paravirtualization); with nested paging the guest handles them itself.',
  io: 'Device accesses cost the same exit under every technique with an emulated device, but they are slow on bare metal too, so the ratio is smaller than for loops whose cheap instructions turn into traps.',
} as const;
const worstTechniqueName = {
  'trap-emulate': 'trap-and-emulate on classic x86',
  'binary-translation': 'binary translation',
  paravirtual: 'paravirtualization',
  'hw-shadow': 'hardware assistance with shadow page tables',
  'hw-nested': 'hardware assistance with nested paging',
} as const;

export default defineQuiz({
  lesson: 'cpu-virtualization',
  title: 'How a guest’s instructions run',
  questions: [
    cpuQuestion({
      id: 'which-exit',
      skill: 'predict',
      params: { t: ['hw-shadow', 'hw-nested', 'paravirtual'] },
      given: (p) => ({ technique: techniqueName[p.t] }),
      prompt: 'In the engine’s CPU model, under {technique}, which of these guest instructions reach the hypervisor (a trap, a VM exit or a hypercall)?',
      scenario: (p) => onePass('One of each kind of instruction', everyKind, [p.t]),
      measures: (runs, p) => under(runs, p.t).steps.map((s) => ({ label: s.instruction.text, value: `${s.event}, ${s.path.join(' → ')}` })),
      ask: {
        type: 'claims',
        multiple: true,
        options: [
          {
            id: 'syscall',
            text: 'A system call (int 0x80) from the guest’s program',
            correct: (p) => exitsBy[p.t].includes('syscall'),
            holds: (runs, p) => under(runs, p.t).byKind['syscall'].hypervisorEntries > 0,
            misconception: 'syscall-exits',
            feedback:
              'With hardware assistance the guest kernel runs in ring 0 of guest mode, and a paravirtual kernel registers a fast handler with the CPU: the call stays in the guest.',
          },
          {
            id: 'page-fault',
            text: 'A page fault',
            correct: (p) => exitsBy[p.t].includes('page-fault'),
            holds: (runs, p) => under(runs, p.t).byKind['page-fault'].hypervisorEntries > 0,
            missed: {
              misconception: 'correct-means-in-guest',
              feedback:
                'Here the hypervisor owns the tables the CPU walks (shadow paging) or checks every update to them (paravirtualization), so a page fault goes to it first.',
            },
            misconception: 'page-tables-hypervisor-business',
            feedback:
              'Who sees a page fault depends on who owns the tables the CPU walks: with shadow tables (and in Xen-style paravirtualization) the hypervisor does; with nested paging the guest owns its tables and handles its own faults.',
          },
          {
            id: 'pte-write',
            text: 'A write to a guest page-table entry',
            correct: (p) => exitsBy[p.t].includes('pte-write'),
            holds: (runs, p) => under(runs, p.t).byKind['pte-write'].hypervisorEntries > 0,
            missed: {
              misconception: 'correct-means-in-guest',
              feedback: 'Shadow paging must catch every write to keep its copy of the tables right, and a paravirtual kernel makes the update by hypercall.',
            },
            misconception: 'page-tables-hypervisor-business',
            feedback:
              'Shadow paging must catch every write to keep its copy right, and a paravirtual kernel asks by hypercall; with nested paging the write is an ordinary store.',
          },
          {
            id: 'tlb-miss',
            text: 'A TLB miss',
            correct: (p) => exitsBy[p.t].includes('tlb-miss'),
            holds: (runs, p) => under(runs, p.t).byKind['tlb-miss'].hypervisorEntries > 0,
            misconception: 'tlb-miss-traps',
            feedback: 'The CPU walks the page tables by itself, in hardware, under every technique here; nested paging makes the walk longer, not an exit.',
          },
          {
            id: 'io',
            text: 'A port I/O instruction (out dx, eax) to a device',
            correct: (p) => exitsBy[p.t].includes('io'),
            holds: (runs, p) => under(runs, p.t).byKind['io'].hypervisorEntries > 0,
            missed: {
              misconception: 'hw-assist-devices-native',
              feedback: 'The device the guest sees is software in the host, emulated or paravirtual, so touching it leaves the guest.',
            },
            misconception: 'hw-assist-devices-native',
            feedback:
              'VT-x and AMD-V virtualize the CPU; a device the guest sees is still emulated (or paravirtual) in software, so touching it leaves the guest.',
          },
          {
            id: 'popf',
            text: 'POPF in the guest kernel',
            correct: (p) => exitsBy[p.t].includes('popf'),
            holds: (runs, p) => under(runs, p.t).byKind['popf'].hypervisorEntries > 0,
            misconception: 'sensitive-always-exits',
            feedback:
              'In guest mode the kernel is in ring 0 and POPF works as written; a paravirtual kernel keeps its interrupt flag in shared memory instead.',
          },
        ],
      },
      hints: ['Ask for each instruction: whose state does it touch, and does the guest own that state under this technique?'],
      explanation:
        'Under {technique}: hardware assistance keeps system calls and POPF in the guest; shadow paging (and paravirtual page-table updates) bring page faults and page-table writes to the hypervisor; nested paging leaves them to the guest; device I/O leaves the guest in all three.',
    }),

    cpuQuestion({
      id: 'io-exits',
      skill: 'predict',
      prompt:
        'The lab’s I/O loop (a system call, two port accesses to the disk, POPF) runs under hardware assistance with nested paging. How many VM exits does one pass of the loop cause?',
      scenario: () => onePass('The I/O loop', 'io', ['hw-nested']),
      measures: (runs) => under(runs, 'hw-nested').steps.map((s) => ({ label: s.instruction.text, value: s.event })),
      ask: {
        type: 'numeric',
        key: 2,
        unit: 'VM exits',
        tolerance: 0,
        distractors: [
          {
            value: 3,
            misconception: 'syscall-exits',
            feedback: 'In guest mode the guest kernel runs in ring 0: int 0x80 goes to it directly. Only the two port accesses exit.',
          },
          {
            value: 4,
            misconception: 'sensitive-always-exits',
            feedback:
              'With VT-x or AMD-V the kernel runs in ring 0 of guest mode, so POPF does what it says without an exit; the system call stays in the guest as well.',
          },
          {
            value: 0,
            misconception: 'hw-virt-means-no-exits',
            feedback: 'Hardware assistance lets the guest’s CPU work run natively, but an emulated device is software in the host: each access to it exits.',
          },
        ],
        read: (runs) => under(runs, 'hw-nested').events['vm-exit'],
      },
      hints: ['Go through the loop: which of its instructions touch something the guest does not own?'],
      explanation: 'Two: the out and the in to the emulated disk. The system call and POPF stay in the guest, whose kernel runs in ring 0 of guest mode.',
    }),

    cpuQuestion({
      id: 'which-breaks',
      skill: 'diagnose',
      prompt:
        'Each technique runs the system-call loop (a system call, kernel work, then POPF to turn interrupts back on). Under which does the guest get a wrong result, and what goes wrong?',
      scenario: () => onePass('The system-call loop under each technique', 'syscalls', [...cpu.techniqueIds]),
      measures: (runs) => runs[0].results.map((r) => ({ label: r.label, value: r.wrongResults ? `${r.wrongResults} wrong result a pass` : 'correct' })),
      ask: {
        type: 'claims',
        multiple: false,
        options: [
          {
            id: 'classic-popf',
            text: 'Trap-and-emulate on classic x86: POPF does not trap, and the interrupt flag silently stays off',
            correct: true,
            holds: (runs) => {
              const popf = under(runs, 'trap-emulate').steps.find((s) => s.instruction.kind === 'popf')!;
              return popf.event === 'silent-fail' && popf.interrupts.believed && !popf.interrupts.actual;
            },
          },
          {
            id: 'classic-crash',
            text: 'Trap-and-emulate on classic x86: POPF traps and the hypervisor stops the guest',
            correct: false,
            holds: (runs) => under(runs, 'trap-emulate').steps.some((s) => s.instruction.kind === 'popf' && s.event === 'trap'),
            misconception: 'x86-always-virtualizable',
            feedback:
              'That every sensitive instruction traps is Popek and Goldberg’s requirement, and classic x86 broke it: POPF in a deprivileged kernel does not trap at all, it just ignores the interrupt flag.',
          },
          {
            id: 'bt-wrong',
            text: 'Binary translation: the rewritten POPF loses the interrupt flag',
            correct: false,
            holds: (runs) => under(runs, 'binary-translation').wrongResults > 0,
            misconception: 'binary-translation-approximate',
            feedback: 'The translator replaces POPF with a call that sets the guest’s virtual interrupt flag exactly: that is what binary translation was for.',
          },
          {
            id: 'emulation-wrong',
            text: 'Full emulation: the emulator cannot run kernel instructions correctly',
            correct: false,
            holds: (runs) => under(runs, 'emulation').wrongResults > 0,
            misconception: 'emulation-imprecise',
            feedback: 'An emulator carries out every instruction, POPF included, by the book; it is slow, not wrong.',
          },
          {
            id: 'nested-wrong',
            text: 'Hardware assistance: POPF in guest mode changes the host’s interrupt flag',
            correct: false,
            holds: (runs) => under(runs, 'hw-nested').wrongResults > 0,
            misconception: 'guest-ring0-is-host-ring0',
            feedback: 'Guest mode (VMX non-root) has its own ring 0: POPF sets the guest’s flag, and the hypervisor keeps control of real interrupts.',
          },
        ],
      },
      hints: ['Which of these runs the guest kernel outside ring 0 and lets its instructions run unchanged?'],
      explanation:
        'Only classic trap-and-emulate gets it wrong: POPF is sensitive but not privileged, so in the deprivileged guest kernel it runs without a trap and leaves the interrupt flag as it was. The guest believes interrupts are on; they are off.',
    }),

    cpuQuestion({
      id: 'nested-walk',
      skill: 'calculate',
      params: { ref: [25, 40] },
      prompt:
        'Under nested paging, a TLB miss walks the guest’s 4-level tables and, for each address in them, the hypervisor’s 4-level nested tables. The engine charges {ref} cycles a memory reference. What does one TLB miss cost under nested paging, at most, in cycles?',
      scenario: (p) => onePass('One TLB miss', { body: [{ kind: 'tlb-miss' }] }, ['hw-nested', 'hw-shadow'], { memoryReference: p.ref }),
      measures: (runs) =>
        (['hw-nested', 'hw-shadow'] as const).map((t) => ({
          label: `${under(runs, t).label}: references, cycles`,
          value: `${under(runs, t).walkReferences}, ${under(runs, t).cycles}`,
        })),
      ask: {
        type: 'numeric',
        key: (p) => 24 * p.ref,
        unit: 'cycles',
        tolerance: 0,
        distractors: [
          {
            value: (p) => 4 * p.ref,
            misconception: 'nested-walk-is-native',
            feedback:
              '4 references is the native walk (and shadow paging’s). With nested paging every guest-physical address in the walk needs its own nested walk.',
          },
          {
            value: (p) => 8 * p.ref,
            misconception: 'nested-walk-additive',
            feedback:
              'That is 4 + 4, one walk after the other. Each of the guest’s 4 entries, and the final address, is a guest-physical address that needs a 4-reference nested walk: (4 + 1) × (4 + 1) − 1 = 24.',
          },
          {
            value: (p) => 16 * p.ref,
            slip: 'arithmetic',
            feedback:
              'Close: 4 × 4 counts a nested walk for each guest level but forgets the guest’s own 4 references and the nested walk of the final address: (4 + 1) × (4 + 1) − 1 = 24.',
          },
        ],
        read: (runs) => under(runs, 'hw-nested').cycles,
      },
      hints: ['Every address inside the guest’s page tables is a guest-physical address. How does the CPU find where it really is?'],
      explanation:
        'Up to 24 references: (4 + 1) × (4 + 1) − 1. At {ref} cycles each that is 24 × {ref}, six times the 4-reference walk of shadow paging. Nested paging saves the exits and pays on every TLB miss instead.',
    }),

    cpuQuestion({
      id: 'worst-workload',
      skill: 'predict',
      params: { t: ['trap-emulate', 'binary-translation', 'paravirtual', 'hw-shadow', 'hw-nested'] },
      given: (p) => ({ technique: worstTechniqueName[p.t], why0: whyNot[othersThan(worst[p.t])[0]], why1: whyNot[othersThan(worst[p.t])[1]] }),
      prompt: 'Under {technique}, which of the lab’s four workloads slows down most compared with bare metal (engine’s default costs)?',
      // One run per workload, in the order of cpu.workloadIds.
      scenario: (p) => cpu.workloadIds.map((w) => ({ name: workloadName[w], workload: w, iterations: 1, techniques: [p.t] })),
      measures: (runs) => runs.map((r) => ({ label: r.name, value: `${r.results[0].slowdown.toFixed(2)}× bare metal` })),
      ask: {
        type: 'choice',
        key: (p) => worst[p.t],
        distractors: [
          {
            value: 'compute',
            misconception: 'virtualization-slows-compute',
            feedback: 'Ordinary instructions run directly on the CPU under every technique but emulation: the compute loop runs at 1× here.',
          },
          { value: (p) => othersThan(worst[p.t])[0], misconception: 'same-workload-suffers-everywhere', feedback: '{why0}' },
          { value: (p) => othersThan(worst[p.t])[1], misconception: 'same-workload-suffers-everywhere', feedback: '{why1}' },
        ],
        format: (v) => workloadName[v as cpu.WorkloadId],
        read: (runs) => {
          const slow = runs.map((r, i) => [cpu.workloadIds[i], r.results[0].slowdown] as const);
          return slow.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
        },
      },
      hints: ['A workload suffers where its most frequent costly instruction leaves the guest, or where a page walk gets longer.'],
      explanation:
        'Trap-and-emulate and binary translation: the system-call loop (every call traps). Shadow paging and paravirtualization: the page-fault loop (faults and page-table writes reach the hypervisor). Nested paging: the I/O loop (only device accesses exit).',
    }),

    cpuTask({
      id: 'run-it-right',
      skill: 'design',
      prompt:
        'Choose how the hypervisor runs a guest whose programs make many system calls and touch many fresh pages. The goal, checked by the engine on the lab’s system-call loop and page-fault loop: the guest gets every result right, neither loop ever reaches the hypervisor, and neither runs more than 5 times slower than bare metal.',
      controls: [
        {
          type: 'choice',
          id: 'technique',
          label: 'Technique',
          options: cpu.techniqueIds.map((t) => ({ value: t, label: cpu.techniqueLabels[t] })),
          default: 'trap-emulate',
        },
      ],
      scenario: (c) => (['syscalls', 'page-faults'] as const).map((w) => ({ name: workloadName[w], workload: w, iterations: 1, techniques: [c.technique] })),
      goal: (run) => {
        const loops = run.runs.map((r) => r.results[0]);
        const wrong = loops.reduce((n, r) => n + r.wrongResults, 0);
        const entries = loops.reduce((n, r) => n + r.hypervisorEntries, 0);
        const slowest = Math.max(...loops.map((r) => r.slowdown));
        return [
          { id: 'correct', label: 'Every instruction does what the guest meant', ok: wrong === 0, detail: `${wrong} wrong result(s) a pass` },
          {
            id: 'stays-in-guest',
            label: 'Neither loop reaches the hypervisor',
            ok: entries === 0,
            detail: `${entries} trap(s), exit(s) or hypercall(s) a pass`,
          },
          { id: 'fast-enough', label: 'Neither loop runs more than 5× slower than bare metal', ok: slowest <= 5, detail: `slowest: ${slowest.toFixed(2)}×` },
        ];
      },
      accept: [{ technique: 'hw-nested' }],
      reject: [
        { config: { technique: 'trap-emulate' }, because: 'correct' },
        { config: { technique: 'hw-shadow' }, because: 'stays-in-guest' },
        { config: { technique: 'paravirtual' }, because: 'stays-in-guest' },
        { config: { technique: 'binary-translation' }, because: 'stays-in-guest' },
        { config: { technique: 'emulation' }, because: 'fast-enough' },
      ],
      diagnoses: {
        correct: { misconception: 'x86-always-virtualizable' },
        'stays-in-guest': { misconception: 'correct-means-in-guest' },
        'fast-enough': { misconception: 'emulation-runs-at-native-speed' },
      },
      hints: ['Which technique lets the guest kernel own its page tables and its ring 0?'],
      explanation:
        'Hardware assistance with nested paging: system calls and POPF stay in guest mode, the guest handles its own page faults and page-table writes, and the price is a longer walk on each TLB miss (the page-fault loop runs 1,323 ÷ 323 ≈ 4.1× bare metal). Full emulation is correct and never enters a hypervisor, but it is 10× slower.',
    }),

    {
      kind: 'single',
      id: 'popek-goldberg',
      skill: 'recall',
      factual: true,
      asOf: '2026-12-02',
      source: 'https://doi.org/10.1145/361011.361073',
      prompt: 'Popek and Goldberg (1974) gave a condition under which a machine can be virtualized by trap-and-emulate. What is it?',
      options: [
        { id: 'subset', text: 'Every sensitive instruction is privileged: it traps when run outside the most privileged mode', correct: true },
        {
          id: 'all-trap',
          text: 'Every instruction traps to the hypervisor',
          misconception: 'hypervisor-sees-every-instruction',
          feedback: 'That would be an emulator. The point of the condition is that ordinary instructions run directly and only the sensitive ones trap.',
        },
        {
          id: 'hardware-mode',
          text: 'The CPU has a separate mode for guests, such as VT-x',
          misconception: 'virtualizable-means-hw-assisted',
          feedback: 'Popek and Goldberg asked only that sensitive instructions trap; VT-x (2005) came three decades later, to make x86 meet that.',
        },
        {
          id: 'privileged-sensitive',
          text: 'Every privileged instruction is sensitive',
          slip: 'reading',
          feedback: 'The inclusion is the other way round: the sensitive instructions must be among the privileged ones, so that each of them traps.',
        },
      ],
      explanation:
        'Their theorem: a virtual machine monitor can be built for a machine if its sensitive instructions are a subset of its privileged instructions. Then running the guest deprivileged makes every sensitive instruction trap to the monitor.',
    },
    {
      kind: 'numeric',
      id: 'robin-irvine',
      skill: 'recall',
      factual: true,
      asOf: '2026-12-02',
      source: 'https://www.usenix.org/legacy/events/sec2000/full_papers/robin/robin.pdf',
      prompt:
        'Robin and Irvine (2000) counted the Intel Pentium’s instructions that are sensitive but not privileged, which break classic trap-and-emulate. How many did they find?',
      key: 17,
      unit: 'instructions',
      tolerance: 0,
      distractors: [
        {
          value: 1,
          misconception: 'popf-whole-problem',
          feedback:
            'POPF is the usual example; Robin and Irvine listed seventeen, among them PUSHF, SGDT, SIDT and SMSW, among others, that reveal or change privileged state.',
        },
        {
          value: 0,
          misconception: 'x86-always-virtualizable',
          feedback: 'Without hardware help, seventeen instructions misbehave silently instead of trapping; that is why VMware needed binary translation.',
        },
      ],
      explanation:
        'Seventeen, among them POPF and PUSHF (the flags), SGDT, SIDT, SLDT and SMSW (which reveal privileged registers), and LAR, LSL, VERR and VERW (which check protection). Each lets a deprivileged guest kernel see or do something differently from ring 0 without a trap.',
    },
    {
      kind: 'single',
      id: 'emulation-not-virtualization',
      skill: 'diagnose',
      factual: true,
      asOf: '2026-12-02',
      source: 'https://github.com/copy/v86',
      prompt:
        'The Linux VM in this page runs in v86. Its /proc/cpuinfo shows no vmx or svm flag, and it runs some millions of guest instructions a second where the reader’s CPU runs billions. What explains both?',
      options: [
        {
          id: 'translate',
          text: 'v86 emulates an x86 CPU without hardware virtualization: it translates the guest’s machine code into WebAssembly as it runs, and the browser runs that',
          correct: true,
        },
        {
          id: 'vtx',
          text: 'It uses the reader’s CPU’s VT-x or AMD-V through the browser, which hides the flag and adds the slowdown',
          misconception: 'every-vm-uses-vtx',
          feedback: 'A web page cannot reach VT-x or AMD-V; the guest’s /proc/cpuinfo shows no vmx or svm flag for the CPU v86 presents.',
        },
        {
          id: 'direct',
          text: 'The browser runs the x86 instructions directly on the reader’s CPU, in a sandbox that slows them down',
          misconception: 'browser-runs-native-code',
          feedback: 'A page runs JavaScript and WebAssembly only; x86 code has to be translated or interpreted first.',
        },
      ],
      explanation:
        'v86 emulates an x86 CPU and its devices: it translates machine code into WebAssembly modules at run time. That is emulation, not hardware virtualization, which is why it runs many times slower than the same code on the reader’s CPU.',
    },
  ],
});
