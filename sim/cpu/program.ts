/**
 * What a guest runs: a short loop body of instructions, each of one kind, repeated. The kinds are
 * the events that decide how much a virtualization technique costs: ordinary instructions, system
 * calls, page faults, page-table writes, TLB misses, port I/O, and POPF, the classic x86
 * instruction that is sensitive but not privileged.
 */
import { createRandom } from '../random';

export const instructionKinds = ['compute', 'syscall', 'page-fault', 'pte-write', 'tlb-miss', 'io', 'popf'] as const;
export type InstructionKind = (typeof instructionKinds)[number];

/** The privilege the guest means an instruction to run with: its user program, or its kernel. */
export type Ring = 'user' | 'kernel';

export interface Instruction {
  kind: InstructionKind;
  ring: Ring;
  /** The instruction as a reader sees it in the step-through (x86 flavoured). */
  text: string;
}

/** What each kind is, in a reader's words: the widget's legend and the lesson use these. */
export const kindLabels: Record<InstructionKind, string> = {
  compute: 'ordinary instruction (arithmetic, compare, jump)',
  syscall: 'system call into the guest kernel and back',
  'page-fault': 'page fault: the CPU enters the guest kernel for an unmapped page',
  'pte-write': 'the guest kernel writes a page-table entry',
  'tlb-miss': 'TLB miss: the CPU walks the page tables to translate an address',
  io: 'port I/O to a device (out/in)',
  popf: 'POPF: restores the flags, including the interrupt flag',
};

/** Whether a kind is privileged (traps when run outside ring 0) and whether it is sensitive. */
export const kindClass: Record<InstructionKind, { privileged: boolean; sensitive: boolean }> = {
  compute: { privileged: false, sensitive: false },
  // A system call enters the kernel through the interrupt table, which is the privileged state the
  // hypervisor must own; the instruction itself may run in user mode.
  syscall: { privileged: false, sensitive: true },
  'page-fault': { privileged: false, sensitive: true },
  'pte-write': { privileged: false, sensitive: true },
  'tlb-miss': { privileged: false, sensitive: false },
  io: { privileged: true, sensitive: true },
  // Sensitive (it sets the interrupt flag) but not privileged: outside ring 0 it does not trap,
  // it just leaves the interrupt flag as it was.
  popf: { privileged: false, sensitive: true },
};

const u = (kind: InstructionKind, text: string): Instruction => ({ kind, ring: 'user', text });
const k = (kind: InstructionKind, text: string): Instruction => ({ kind, ring: 'kernel', text });

export const workloadIds = ['compute', 'syscalls', 'page-faults', 'io'] as const;
export type WorkloadId = (typeof workloadIds)[number];

export interface Workload {
  id: WorkloadId;
  label: string;
  /** One pass of the loop. */
  body: Instruction[];
}

/** The four workloads the widget offers: one loop body each, 7 or 8 instructions long. */
export const workloads: Record<WorkloadId, Workload> = {
  compute: {
    id: 'compute',
    label: 'Compute loop',
    body: [
      u('compute', 'mov eax, [esi]'),
      u('compute', 'add eax, ebx'),
      u('compute', 'imul eax, 3'),
      u('compute', 'mov [edi], eax'),
      u('compute', 'add esi, 4'),
      u('compute', 'add edi, 4'),
      u('compute', 'dec ecx'),
      u('compute', 'jnz loop'),
    ],
  },
  syscalls: {
    id: 'syscalls',
    label: 'System-call heavy',
    body: [
      u('compute', 'mov eax, 3 ; read'),
      u('compute', 'mov ecx, buf'),
      u('syscall', 'int 0x80'),
      k('compute', 'call sys_read'),
      k('compute', 'mov [ebx], al'),
      k('popf', 'popf ; interrupts back on'),
      k('compute', 'iret'),
    ],
  },
  'page-faults': {
    id: 'page-faults',
    label: 'Page-fault heavy (touches fresh pages)',
    body: [
      u('compute', 'add edi, 4096 ; next page'),
      u('tlb-miss', 'mov [edi], eax ; TLB miss'),
      u('page-fault', '#PF ; page not present'),
      k('compute', 'call alloc_page'),
      k('pte-write', 'mov [pte], edx ; map the page'),
      k('popf', 'popf ; interrupts back on'),
      u('tlb-miss', 'mov [edi], eax ; retried: TLB miss again'),
    ],
  },
  io: {
    id: 'io',
    label: 'I/O heavy (writes to a disk)',
    body: [
      u('compute', 'mov eax, 4 ; write'),
      u('syscall', 'int 0x80'),
      k('compute', 'call blk_submit'),
      k('io', 'out dx, eax ; ring the disk'),
      k('io', 'in al, dx ; read its status'),
      k('popf', 'popf ; interrupts back on'),
      k('compute', 'iret'),
    ],
  },
};

/** Weights of each kind in a generated program; kinds left out never appear. */
export type Mix = Partial<Record<InstructionKind, number>>;

const generatedText: Record<InstructionKind, { ring: Ring; text: string }> = {
  compute: { ring: 'user', text: 'add eax, ebx' },
  syscall: { ring: 'user', text: 'int 0x80' },
  'page-fault': { ring: 'user', text: '#PF ; page not present' },
  'pte-write': { ring: 'kernel', text: 'mov [pte], edx' },
  'tlb-miss': { ring: 'user', text: 'mov [edi], eax ; TLB miss' },
  io: { ring: 'kernel', text: 'out dx, eax' },
  popf: { ring: 'kernel', text: 'popf' },
};

/**
 * A loop body of `length` instructions drawn from `mix` with the seeded generator: the same seed
 * gives the same body everywhere.
 */
export function generateBody(mix: Mix, length: number, seed: number): Instruction[] {
  const entries = instructionKinds.map((kind) => [kind, mix[kind] ?? 0] as const).filter(([, w]) => w > 0);
  const total = entries.reduce((t, [, w]) => t + w, 0);
  if (total <= 0) throw new Error('a generated program needs a mix with at least one positive weight');
  const random = createRandom(seed);
  return Array.from({ length }, () => {
    let r = random.next() * total;
    const [kind] = entries.find(([, w]) => (r -= w) < 0) ?? entries[entries.length - 1];
    return { kind, ...generatedText[kind] };
  });
}
