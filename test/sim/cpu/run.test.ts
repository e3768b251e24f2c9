/**
 * The CPU model as a specification. Every expected figure is worked out here by hand from the
 * documented default costs (sim/cpu/costs.ts): instruction 1, kernel entry 100, memory reference 25,
 * walks of 4 (native) and 24 (nested) references, device access 1000, POPF 20, trap 2000, VM exit
 * 1000, hypercall 500, page-table update 500, device model 5000, paravirtual I/O 1500, callout 50,
 * emulation factor 10.
 */
import { describe, expect, it } from 'vitest';
import { cpu } from '@site/sim';

const run = (workload: cpu.CpuScenarioInput['workload'], technique: cpu.TechniqueId, iterations = 1) =>
  cpu.runCpu({ workload, iterations, techniques: [technique] }).results[0];

describe('the compute loop: 8 ordinary user instructions, 8 cycles a pass on bare metal', () => {
  it.each([
    ['trap-emulate', 8],
    ['binary-translation', 8],
    ['paravirtual', 8],
    ['hw-shadow', 8],
    ['hw-nested', 8],
  ] as const)('%s runs all 8 directly: 8 cycles, no hypervisor entry, slowdown 1', (t, cycles) => {
    const r = run('compute', t);
    expect(r.cycles).toBe(cycles);
    expect(r.hypervisorEntries).toBe(0);
    expect(r.slowdown).toBe(1);
  });

  it('full emulation does every instruction in software: 8 × 10 = 80 cycles, 10 times slower', () => {
    const r = run('compute', 'emulation');
    expect(r.cycles).toBe(80);
    expect(r.slowdown).toBe(10);
    expect(r.events.emulated).toBe(8);
  });

  it('1000 passes cost 1000 times one pass: 8000 cycles natively, 8000 instructions', () => {
    const r = run('compute', 'hw-nested', 1000);
    expect(r.instructions).toBe(8000);
    expect(r.nativeCycles).toBe(8000);
  });
});

describe('the system-call loop: 5 ordinary + 1 syscall (100) + 1 POPF (20) = 125 cycles natively', () => {
  it('trap-and-emulate: the syscall traps (2000 + 100); POPF runs unnoticed: 5 + 2100 + 20 = 2125 cycles, 1 trap', () => {
    const r = run('syscalls', 'trap-emulate');
    expect(r.nativeCycles).toBe(125);
    expect(r.cycles).toBe(2125);
    expect(r.events.trap).toBe(1);
  });

  it('trap-and-emulate gets POPF silently wrong: 1 wrong result a pass; the guest believes interrupts are on, they are off', () => {
    const r = run('syscalls', 'trap-emulate', 10);
    expect(r.wrongResults).toBe(10);
    const popf = r.steps.find((s) => s.instruction.kind === 'popf')!;
    expect(popf.event).toBe('silent-fail');
    expect(popf.path).toEqual(['guest']);
    expect(popf.interrupts).toEqual({ believed: true, actual: false });
  });

  it('binary translation: syscall still traps (2100), POPF becomes a 50-cycle callout, kernel code translated: 2 + 2100 + 3 + 50 = 2155', () => {
    const r = run('syscalls', 'binary-translation');
    expect(r.cycles).toBe(2155);
    expect(r.wrongResults).toBe(0);
    expect(r.events.translated).toBe(4); // three kernel instructions and POPF
  });

  it.each(['paravirtual', 'hw-shadow', 'hw-nested'] as const)('%s: the syscall never leaves the guest: 125 cycles, 0 hypervisor entries, correct', (t) => {
    const r = run('syscalls', t);
    expect(r.cycles).toBe(125);
    expect(r.hypervisorEntries).toBe(0);
    expect(r.wrongResults).toBe(0);
  });

  it('every technique but classic trap-and-emulate leaves interrupts on after POPF', () => {
    for (const t of cpu.techniqueIds.filter((t) => t !== 'trap-emulate')) {
      const popf = run('syscalls', t).steps.find((s) => s.instruction.kind === 'popf')!;
      expect(popf.interrupts.actual, t).toBe(true);
    }
  });
});

describe('the page-fault loop: 2 ordinary, 2 TLB misses, 1 fault, 1 page-table write, 1 POPF', () => {
  // Native: 2 + 2 × (4 × 25) + 100 + 1 + 20 = 323
  it('costs 323 cycles natively', () => expect(run('page-faults', 'hw-nested').nativeCycles).toBe(323));

  it('hardware + shadow paging: the fault exits (1000 + 100) and the PTE write exits (1000 + 500): 2 + 200 + 1100 + 1500 + 20 = 2822, 2 VM exits', () => {
    const r = run('page-faults', 'hw-shadow');
    expect(r.cycles).toBe(2822);
    expect(r.events['vm-exit']).toBe(2);
  });

  it('hardware + nested paging: no exit, but each TLB miss walks 24 references (600 cycles): 2 + 1200 + 100 + 1 + 20 = 1323', () => {
    const r = run('page-faults', 'hw-nested');
    expect(r.cycles).toBe(1323);
    expect(r.hypervisorEntries).toBe(0);
    expect(r.walkReferences).toBe(48);
  });

  it('a TLB miss alone is 6 times dearer with nested paging: 24 references against 4, 600 cycles against 100', () => {
    const body = { body: [{ kind: 'tlb-miss' as const }] };
    expect(run(body, 'hw-nested').cycles).toBe(600);
    expect(run(body, 'hw-shadow').cycles).toBe(100);
  });

  it('paravirtualization: fault bounced (500 + 100), PTE write by hypercall (500 + 500): 2 + 200 + 600 + 1000 + 20 = 1822, 2 hypervisor entries', () => {
    const r = run('page-faults', 'paravirtual');
    expect(r.cycles).toBe(1822);
    expect(r.hypervisorEntries).toBe(2);
    expect(r.events.hypercall).toBe(1);
  });

  it('trap-and-emulate: fault traps (2100), PTE write traps (2000 + 500): 2 + 200 + 2100 + 2500 + 20 = 4822', () => {
    expect(run('page-faults', 'trap-emulate').cycles).toBe(4822);
  });

  it('binary translation: fault traps (2100), PTE write a callout (50 + 500), POPF a callout (50): 1 + 200 + 2100 + 1 + 550 + 50 = 2902', () => {
    expect(run('page-faults', 'binary-translation').cycles).toBe(2902);
  });

  it('full emulation: 10 × 323 = 3230', () => expect(run('page-faults', 'emulation').cycles).toBe(3230));
});

describe('the I/O loop: 3 ordinary, 1 syscall, 2 port accesses, 1 POPF: 3 + 100 + 2000 + 20 = 2123 natively', () => {
  it('hardware assist: each port access exits to a device model in the host (1000 + 5000): 3 + 100 + 12000 + 20 = 12123', () => {
    const r = run('io', 'hw-nested');
    expect(r.nativeCycles).toBe(2123);
    expect(r.cycles).toBe(12123);
    expect(r.events['vm-exit']).toBe(2);
    const out = r.steps.find((s) => s.instruction.kind === 'io')!;
    expect(out.path).toEqual(['guest', 'hypervisor', 'host', 'hypervisor', 'guest']);
  });

  it('paravirtual I/O through a shared queue (1500 each): 3 + 100 + 3000 + 20 = 3123, the cheapest virtualized', () => {
    expect(run('io', 'paravirtual').cycles).toBe(3123);
  });

  it('trap-and-emulate: syscall trap 2100, each port access 2000 + 300 + 5000: 3 + 2100 + 14600 + 20 = 16723', () => {
    expect(run('io', 'trap-emulate').cycles).toBe(16723);
  });

  it('full emulation: 10 × (3 + 100 + 20) + 2 × 5000 = 11230, all in the host', () => {
    const r = run('io', 'emulation');
    expect(r.cycles).toBe(11230);
    expect(r.steps.every((s) => s.path.length === 1 && s.path[0] === 'host')).toBe(true);
  });
});

describe('which workload suffers most under which technique', () => {
  it('under full emulation the compute loop slows 10×, the I/O loop only 11230 / 2123 ≈ 5.3× (its device time is slow natively too)', () => {
    expect(run('compute', 'emulation').slowdown).toBe(10);
    expect(run('io', 'emulation').slowdown).toBeCloseTo(11230 / 2123, 10);
  });

  it('under trap-and-emulate the system-call loop slows 2125 / 125 = 17×', () => {
    expect(run('syscalls', 'trap-emulate').slowdown).toBe(17);
  });
});

describe('costs are the scenario’s to change', () => {
  it('a VM exit of 500 instead of 1000 makes the shadow-paged fault loop 2822 − 2 × 500 = 1822', () => {
    const r = cpu.runCpu({ workload: 'page-faults', iterations: 1, techniques: ['hw-shadow'], costs: { vmExit: 500 } }).results[0];
    expect(r.cycles).toBe(1822);
  });

  it('seconds use the clock: 3 × 10⁹ cycles at 3 GHz is 1 s', () => {
    const r = cpu.runCpu({
      workload: { body: [{ kind: 'compute' }] },
      iterations: 1_000_000,
      techniques: ['emulation'],
      clockGHz: 3,
      costs: { emulationFactor: 3000 },
    }).results[0];
    expect(r.seconds).toBe(1);
  });
});
