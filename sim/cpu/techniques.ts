/**
 * The six ways the model runs a guest instruction, and what each does with every kind: where
 * control goes, what it costs, and whether the guest gets the result it asked for.
 */
import type { CycleCosts } from './costs';
import type { Instruction, InstructionKind } from './program';

export const techniqueIds = ['trap-emulate', 'binary-translation', 'paravirtual', 'hw-shadow', 'hw-nested', 'emulation'] as const;
export type TechniqueId = (typeof techniqueIds)[number];

export const techniqueLabels: Record<TechniqueId, string> = {
  'trap-emulate': 'Trap-and-emulate on classic x86',
  'binary-translation': 'Binary translation',
  paravirtual: 'Paravirtualization (hypercalls)',
  'hw-shadow': 'Hardware assist, shadow page tables',
  'hw-nested': 'Hardware assist, nested paging (EPT/NPT)',
  emulation: 'Full emulation',
};

/** Where control is at a moment: the guest on the CPU, the hypervisor, or a host program (a device model, an emulator). */
export type Place = 'guest' | 'hypervisor' | 'host';

/**
 * What happened to an instruction. direct: ran on the CPU as written. translated: ran as rewritten
 * code. trap: faulted into a software hypervisor. vm-exit: the CPU left guest mode. hypercall: the
 * guest called the hypervisor on purpose. emulated: a program carried it out in software.
 * silent-fail: ran on the CPU and did not do what the guest meant, with nobody told.
 */
export const eventKinds = ['direct', 'translated', 'trap', 'vm-exit', 'hypercall', 'emulated', 'silent-fail'] as const;
export type EventKind = (typeof eventKinds)[number];

export interface Handling {
  event: EventKind;
  /** Where control goes, in order, from the instruction until the guest runs again. */
  path: Place[];
  cycles: number;
  /** Memory references made by a page walk (TLB misses only), else 0. */
  walkReferences: number;
  /** False when the guest does not get what it asked for. */
  correct: boolean;
  /** Why, in a sentence. */
  why: string;
}

/** What an instruction costs on the bare CPU, with no virtualization: the baseline. */
export function nativeCycles(kind: InstructionKind, c: CycleCosts): number {
  switch (kind) {
    case 'compute':
    case 'pte-write':
      return c.instruction;
    case 'syscall':
    case 'page-fault':
      return c.kernelEntry;
    case 'tlb-miss':
      return c.nativeWalkReferences * c.memoryReference;
    case 'io':
      return c.deviceAccess;
    case 'popf':
      return c.popf;
  }
}

const G: Place[] = ['guest'];
const GHG: Place[] = ['guest', 'hypervisor', 'guest'];
const device: Place[] = ['guest', 'hypervisor', 'host', 'hypervisor', 'guest'];

type Row = Record<InstructionKind, (i: Instruction, c: CycleCosts) => Omit<Handling, 'walkReferences'>>;

const ok = (event: EventKind, path: Place[], cycles: number, why: string) => ({ event, path, cycles, correct: true, why });
const walk = (c: CycleCosts) => c.nativeWalkReferences * c.memoryReference;

const table: Record<TechniqueId, Row> = {
  'trap-emulate': {
    compute: (_, c) => ok('direct', G, c.instruction, 'not sensitive, so the hypervisor need not see it'),
    syscall: (_, c) =>
      ok(
        'trap',
        GHG,
        c.trap + c.kernelEntry,
        'the interrupt table belongs to the hypervisor, so the system call traps to it; it hands the call to the guest kernel',
      ),
    'page-fault': (_, c) =>
      ok(
        'trap',
        GHG,
        c.trap + c.kernelEntry,
        'the CPU walks the hypervisor’s shadow tables, so the fault goes to the hypervisor first; it passes it on to the guest kernel',
      ),
    'pte-write': (_, c) =>
      ok(
        'trap',
        GHG,
        c.trap + c.pageTableUpdate,
        'the hypervisor write-protects the guest’s page tables: the write traps, and the hypervisor updates its shadow copy',
      ),
    'tlb-miss': (_, c) => ok('direct', G, walk(c), 'the CPU walks the shadow tables itself: 4 references, no trap'),
    io: (_, c) =>
      ok(
        'trap',
        device,
        c.trap + c.emulateInstruction + c.deviceModel,
        'port I/O is privileged: it traps, the hypervisor decodes it and a device model in the host carries it out',
      ),
    popf: (_, c) => ({
      event: 'silent-fail',
      path: G,
      cycles: c.popf,
      correct: false,
      why: 'POPF is sensitive but not privileged: in the deprivileged guest kernel it does not trap, it just leaves the interrupt flag off. The guest thinks interrupts are on; they are not',
    }),
  },
  'binary-translation': {
    compute: (i, c) =>
      ok(
        i.ring === 'user' ? 'direct' : 'translated',
        G,
        c.instruction,
        i.ring === 'user' ? 'user code is safe to run as written' : 'kernel code runs from the translation cache at about native speed',
      ),
    syscall: (_, c) =>
      ok(
        'trap',
        GHG,
        c.trap + c.kernelEntry,
        'user code runs directly, so its system call traps to the hypervisor, which jumps into the translated guest kernel',
      ),
    'page-fault': (_, c) =>
      ok('trap', GHG, c.trap + c.kernelEntry, 'the fault lands in the hypervisor (shadow tables), which passes it to the translated guest kernel'),
    'pte-write': (_, c) =>
      ok('translated', GHG, c.translatedCallout + c.pageTableUpdate, 'the translator rewrote the store as a call that updates the shadow table: no trap'),
    'tlb-miss': (_, c) => ok('direct', G, walk(c), 'the CPU walks the shadow tables itself: 4 references'),
    io: (_, c) =>
      ok(
        'translated',
        device,
        c.translatedCallout + c.deviceModel,
        'the translator rewrote the port access as a call to the device model: no trap, but the device is still software',
      ),
    popf: (_, c) => ok('translated', GHG, c.translatedCallout, 'the translator rewrote POPF as a call that sets the guest’s virtual interrupt flag: correct'),
  },
  paravirtual: {
    compute: (_, c) => ok('direct', G, c.instruction, 'not sensitive, so the hypervisor need not see it'),
    syscall: (_, c) => ok('direct', G, c.kernelEntry, 'the modified guest kernel registered a fast system-call handler with the CPU: no hypervisor on the way'),
    'page-fault': (_, c) => ok('trap', GHG, c.hypercall + c.kernelEntry, 'faults go to the hypervisor, which bounces them to the guest kernel'),
    'pte-write': (_, c) =>
      ok(
        'hypercall',
        GHG,
        c.hypercall + c.pageTableUpdate,
        'the modified kernel asks the hypervisor to update the page table (a hypercall), which checks the entry',
      ),
    'tlb-miss': (_, c) => ok('direct', G, walk(c), 'the CPU walks the guest’s own (checked) tables: 4 references'),
    io: (_, c) => ok('hypercall', device, c.paravirtualIo, 'a paravirtual driver puts the request in a queue shared with the host and notifies it'),
    popf: (_, c) =>
      ok('direct', G, c.popf, 'the modified kernel keeps its interrupt flag in memory shared with the hypervisor instead of relying on POPF: correct'),
  },
  'hw-shadow': {
    compute: (_, c) => ok('direct', G, c.instruction, 'guest mode runs it as bare metal would'),
    syscall: (_, c) => ok('direct', G, c.kernelEntry, 'in guest mode the guest kernel runs in ring 0: the call never leaves the guest'),
    'page-fault': (_, c) =>
      ok(
        'vm-exit',
        GHG,
        c.vmExit + c.kernelEntry,
        'with shadow tables the hypervisor must see guest page faults: VM exit, then it injects the fault into the guest',
      ),
    'pte-write': (_, c) =>
      ok('vm-exit', GHG, c.vmExit + c.pageTableUpdate, 'the guest’s page tables are write-protected: VM exit, and the hypervisor updates the shadow'),
    'tlb-miss': (_, c) => ok('direct', G, walk(c), 'the CPU walks the shadow tables: 4 references'),
    io: (_, c) => ok('vm-exit', device, c.vmExit + c.deviceModel, 'port I/O causes a VM exit; a device model in the host carries it out'),
    popf: (_, c) => ok('direct', G, c.popf, 'in guest mode the kernel is in ring 0, so POPF sets the interrupt flag as meant'),
  },
  'hw-nested': {
    compute: (_, c) => ok('direct', G, c.instruction, 'guest mode runs it as bare metal would'),
    syscall: (_, c) => ok('direct', G, c.kernelEntry, 'in guest mode the guest kernel runs in ring 0: the call never leaves the guest'),
    'page-fault': (_, c) => ok('direct', G, c.kernelEntry, 'the guest owns its page tables: its kernel handles the fault, no exit'),
    'pte-write': (_, c) => ok('direct', G, c.instruction, 'the guest owns its page tables: an ordinary store, no exit'),
    'tlb-miss': (_, c) =>
      ok(
        'direct',
        G,
        c.nestedWalkReferences * c.memoryReference,
        'the CPU walks the guest’s tables and, for each step, the hypervisor’s nested tables: up to 24 references instead of 4',
      ),
    io: (_, c) => ok('vm-exit', device, c.vmExit + c.deviceModel, 'port I/O causes a VM exit; a device model in the host carries it out'),
    popf: (_, c) => ok('direct', G, c.popf, 'in guest mode the kernel is in ring 0, so POPF sets the interrupt flag as meant'),
  },
  emulation: {
    compute: (i, c) =>
      ok('emulated', ['host'], nativeCycles(i.kind, c) * c.emulationFactor, 'the emulator, a host program, carries out every guest instruction in software'),
    syscall: (i, c) =>
      ok('emulated', ['host'], nativeCycles(i.kind, c) * c.emulationFactor, 'the emulator carries out the kernel entry in software: no trap, just more work'),
    'page-fault': (i, c) => ok('emulated', ['host'], nativeCycles(i.kind, c) * c.emulationFactor, 'the emulator raises the fault in its software CPU'),
    'pte-write': (i, c) => ok('emulated', ['host'], nativeCycles(i.kind, c) * c.emulationFactor, 'an ordinary store in the emulated memory'),
    'tlb-miss': (i, c) =>
      ok('emulated', ['host'], nativeCycles(i.kind, c) * c.emulationFactor, 'the emulator’s software TLB misses and it walks the guest’s tables in software'),
    io: (_, c) => ok('emulated', ['host'], c.deviceModel, 'the emulator’s device model carries out the access'),
    popf: (i, c) => ok('emulated', ['host'], nativeCycles(i.kind, c) * c.emulationFactor, 'the emulated CPU applies POPF exactly: correct'),
  },
};

/** How `technique` runs one instruction. */
export function handle(technique: TechniqueId, instruction: Instruction, costs: CycleCosts): Handling {
  const h = table[technique][instruction.kind](instruction, costs);
  const walkReferences = instruction.kind !== 'tlb-miss' ? 0 : technique === 'hw-nested' ? costs.nestedWalkReferences : costs.nativeWalkReferences;
  return { ...h, walkReferences };
}
