import { describe, expect, it } from 'vitest';
import { cpu } from '@site/sim';
import { parseCpuScenarioText } from '@site/sim/text';

const issues = (input: unknown) => {
  try {
    cpu.parseCpuScenario(input, 'lab.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(cpu.CpuScenarioError);
    return (e as cpu.CpuScenarioError).issues;
  }
  throw new Error('expected the scenario to be refused');
};

describe('a CPU scenario’s defaults', () => {
  it('an empty scenario is the compute loop, 1000 passes, all six techniques, 3 GHz, seed 1', () => {
    const s = cpu.parseCpuScenario({});
    expect(s).toMatchObject({ workload: 'compute', iterations: 1000, clockGHz: 3, seed: 1 });
    expect(s.techniques).toEqual(['trap-emulate', 'binary-translation', 'paravirtual', 'hw-shadow', 'hw-nested', 'emulation']);
  });
});

describe('refusals name the field and what was expected', () => {
  it('an unknown workload', () => {
    expect(issues({ workload: 'gaming' })[0]).toMatchObject({ path: 'workload', message: expect.stringContaining('expected a workload') });
  });
  it('an unknown instruction kind in a custom body, with its index', () => {
    expect(issues({ workload: { body: [{ kind: 'compute' }, { kind: 'halt' }] } })[0]).toMatchObject({
      path: 'workload.body[1].kind',
      message: expect.stringContaining('expected an instruction kind (compute, syscall'),
    });
  });
  it('a workload that is none of the three forms lists the forms', () => {
    expect(issues({ workload: { bodyy: [] } })[0]).toMatchObject({ path: 'workload', message: expect.stringContaining('or { body: [...] }, or { generate') });
    expect(issues({ workload: 5 })[0]).toMatchObject({ path: 'workload', message: expect.stringContaining('expected a workload') });
  });
  it('a body that is not a list', () => {
    expect(issues({ workload: { body: 3 } })[0]).toEqual({ path: 'workload.body', message: 'expected a list of instructions, each { kind, ring?, text? }' });
  });
  it('a generated mix with no weight above 0 is refused when read, not when run', () => {
    expect(issues({ workload: { generate: { mix: { io: 0 }, length: 4 } } })[0]).toEqual({
      path: 'workload.generate.mix',
      message: 'expected at least one kind with a weight above 0',
    });
  });
  it('costs and the clock rate past their limits (the figures would overflow to Infinity or NaN)', () => {
    expect(issues({ costs: { instruction: 1e308 } })[0]).toEqual({ path: 'costs.instruction', message: 'expected at most 1,000,000' });
    expect(issues({ costs: { emulationFactor: 1e5 } })[0]).toEqual({ path: 'costs.emulationFactor', message: 'expected at most 10,000' });
    expect(issues({ clockGHz: 1e-300 })[0]).toEqual({ path: 'clockGHz', message: 'expected a clock rate from 0.1 to 100 GHz' });
    expect(issues({ clockGHz: 0 })[0]?.path).toBe('clockGHz');
  });
  it('the largest scenario accepted gives finite figures', () => {
    const most = Object.fromEntries(Object.keys(cpu.defaultCosts).map((k) => [k, k === 'emulationFactor' ? 10_000 : 1_000_000]));
    const r = cpu.runCpu({
      workload: { generate: { mix: { compute: 1, syscall: 1, io: 1, 'page-fault': 1, 'pte-write': 1, 'tlb-miss': 1, popf: 1 }, length: 64 } },
      iterations: 1_000_000,
      costs: most,
      clockGHz: 0.1,
    });
    for (const t of r.results) for (const v of [t.cycles, t.slowdown, t.seconds, t.nativeCycles]) expect(Number.isFinite(v)).toBe(true);
  });
  it('too many passes: more than 1,000,000', () => {
    expect(issues({ iterations: 2_000_000 })[0]).toEqual({ path: 'iterations', message: 'expected at most 1000000' });
  });
  it('a negative cost', () => {
    expect(issues({ costs: { vmExit: -1 } })[0]).toEqual({ path: 'costs.vmExit', message: 'expected a number >= 0' });
  });
  it('an unknown cost', () => {
    expect(issues({ costs: { vmexit: 5 } })[0]).toEqual({ path: 'costs', message: 'unknown field "vmexit"' });
  });
  it('an unknown technique, by index', () => {
    expect(issues({ techniques: ['hw-nested', 'jit'] })[0]).toMatchObject({ path: 'techniques[1]', message: expect.stringContaining('expected a technique') });
  });
  it('the error message names the source file', () => {
    expect(() => cpu.parseCpuScenario({ iterations: 0 }, 'lab.yaml')).toThrow('lab.yaml: iterations: expected at least 1');
  });
});

describe('scenario text', () => {
  it('YAML with a custom body runs', () => {
    const s = parseCpuScenarioText('workload:\n  body:\n    - kind: popf\n    - kind: io\niterations: 2\ntechniques: [trap-emulate]\n', 'pf.yaml');
    const r = cpu.runCpuScenario(s).results[0];
    // POPF (20, silently wrong) + port I/O (2000 + 300 + 5000), twice
    expect(r.cycles).toBe(2 * (20 + 7300));
    expect(r.wrongResults).toBe(2);
  });
  it('a YAML syntax error gives its line', () => {
    expect(() => parseCpuScenarioText('workload: compute\niterations: [1,\n', 'bad.yaml')).toThrow(/bad\.yaml: line \d+, column \d+: YAML syntax/);
  });
  it('a JSON syntax error gives its line', () => {
    expect(() => parseCpuScenarioText('{\n "workload": "compute",\n}', 'bad.json')).toThrow(/bad\.json: line 3/);
  });
  it('an empty file is refused with what was expected', () => {
    expect(() => parseCpuScenarioText('  ', 'empty.yaml')).toThrow('empty.yaml: the file is empty');
  });
});

describe('generated programs are seeded', () => {
  const mix = { compute: 6, syscall: 1, 'tlb-miss': 2, popf: 1 };
  it('the same seed gives the same body; another seed gives another', () => {
    const a = cpu.generateBody(mix, 40, 7);
    expect(cpu.generateBody(mix, 40, 7)).toEqual(a);
    expect(cpu.generateBody(mix, 40, 8)).not.toEqual(a);
  });
  it('only kinds with a positive weight appear, and the body has the length asked for', () => {
    const body = cpu.generateBody({ compute: 1, io: 0 }, 20, 3);
    expect(body).toHaveLength(20);
    expect(body.every((i) => i.kind === 'compute')).toBe(true);
  });
  it('a mix with no positive weight is refused', () => {
    expect(() => cpu.generateBody({ io: 0 }, 5, 1)).toThrow('at least one positive weight');
  });
});
