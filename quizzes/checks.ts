/**
 * The checks behind validation: one engine question's variant against the engine, one task's
 * examples against its grader, and references the engine must know.
 */
import { findRegion, hypervisorDefaults, regionCatalog } from '@site/sim';
import { choiceValues, concretize, formatChoice, resolve } from './concrete';
import { observe } from './outcome';
import type { Config, EngineQuestion, ParamValue, Params, Task } from './schema';
import { runTask } from './task';
import { unfilledPlaceholders } from './variants';

const regionLike = /^[a-z]{2}-[a-z]+-\d+$/;
const azLike = /^[a-z]{2}-[a-z]+-\d+[a-z]$/;
const hypervisorLike = /^type\d$/;

/** A region code, AZ name or hypervisor preset that the engine does not know, or null. */
export function unknownReference(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (regionLike.test(value) && !findRegion(value)) return `unknown region "${value}" (not in the engine's region catalog)`;
  if (azLike.test(value) && !regionCatalog.some((r) => r.zones.includes(value))) return `unknown AZ "${value}" (not in the engine's region catalog)`;
  if (hypervisorLike.test(value) && !(value in hypervisorDefaults)) return `unknown hypervisor preset "${value}"`;
  return null;
}

const same = (a: ParamValue, b: ParamValue, tolerance: number) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= tolerance + 1e-12 : a === b;

export function checkEngineVariant(q: EngineQuestion, p: Params): { messages: string[]; runs: number } {
  const messages: string[] = [];
  const say = (m: string) => messages.push(m);
  const concrete = concretize(q, 1, p);
  const texts = [
    concrete.prompt,
    concrete.explanation,
    ...concrete.hints,
    ...('options' in concrete ? concrete.options.flatMap((o) => [o.text, o.feedback ?? '']) : []),
    ...('items' in concrete ? concrete.items.map((i) => i.text) : []),
    ...(concrete.form === 'numeric' ? concrete.distractors.map((d) => d.feedback) : []),
  ];
  for (const name of new Set(texts.flatMap(unfilledPlaceholders))) say(`the text names {${name}}, which is not a parameter`);
  const shown = 'options' in concrete ? concrete.options.map((o) => o.text) : 'items' in concrete ? concrete.items.map((i) => i.text) : [];
  for (const t of new Set(shown.filter((t, i) => shown.indexOf(t) !== i))) say(`two options coincide: "${t}" is written twice`);

  let reading;
  try {
    reading = observe(q, p);
  } catch (e) {
    say(`the scenario does not run: ${(e as Error).message}`);
    return { messages, runs: 1 };
  }
  const at = reading.model === 'cloud' ? `read at t=${reading.at} s` : 'the CPU model’s run';
  if ('error' in reading.measured) say(`measures() fails on the engine's report: ${reading.measured.error}`);
  const ask = q.ask;
  switch (ask.type) {
    case 'choice': {
      const values = choiceValues(ask, p);
      const fmt = (v: ParamValue) => `${formatChoice(ask, v, p)}`;
      const [key, ...distractors] = values;
      for (const v of values) {
        const bad = unknownReference(v.value);
        if (bad) say(`option ${JSON.stringify(v.value)}: ${bad}`);
      }
      if (!same(key.value, reading.value!, ask.tolerance)) say(`the key says ${fmt(key.value)}, the engine says ${fmt(reading.value!)} (${at})`);
      for (const d of distractors) {
        if (same(d.value, key.value, ask.tolerance)) say(`degenerate variant: distractor ${fmt(d.value)} equals the key`);
        else if (same(d.value, reading.value!, ask.tolerance)) say(`distractor ${fmt(d.value)} is what the engine says (${at}): it is not wrong`);
      }
      values.forEach((a, i) =>
        values.slice(i + 1).forEach((b) => {
          if (a.correct || b.correct) return; // key against distractor is reported as degenerate above
          if (same(a.value, b.value, ask.tolerance) || fmt(a.value) === fmt(b.value)) say(`two options coincide: ${fmt(a.value)} and ${fmt(b.value)}`);
        }),
      );
      if (new Set(values.map((v) => fmt(v.value))).size !== values.length && !messages.some((m) => m.includes('coincide') || m.includes('degenerate'))) {
        say('two options are written the same way');
      }
      break;
    }
    case 'numeric': {
      const key = resolve(ask.key, p);
      const unit = ask.unit ? ` ${ask.unit}` : '';
      const value = reading.value as number;
      if (typeof value !== 'number' || !Number.isFinite(value)) say(`the engine's reading is not a number: ${JSON.stringify(value)} (${at})`);
      else if (Math.abs(key - value) > ask.tolerance + 1e-12) say(`the key says ${key}${unit} (±${ask.tolerance}), the engine says ${value}${unit} (${at})`);
      const ds = ask.distractors.map((d) => resolve(d.value, p));
      ds.forEach((d, i) => {
        if (Math.abs(d - key) <= ask.tolerance) say(`degenerate variant: distractor ${d}${unit} is within the tolerance of the key ${key}${unit}`);
        else if (Math.abs(d - value) <= ask.tolerance) say(`distractor ${d}${unit} is what the engine says (${at}): it is not wrong`);
        ds.slice(i + 1).forEach((e) => {
          if (Math.abs(d - e) <= ask.tolerance) say(`two distractors coincide: ${d}${unit} and ${e}${unit}`);
        });
      });
      break;
    }
    case 'claims': {
      const correct = ask.options.filter((o) => resolve(o.correct, p));
      if (correct.length === 0) say('no option is correct in this variant');
      if (!ask.multiple && correct.length !== 1) say(`a single-choice question needs exactly one correct option; the key marks ${correct.length}`);
      for (const o of ask.options) {
        const want = resolve(o.correct, p);
        const got = reading.holds![o.id];
        if (typeof got !== 'boolean') say(`option "${o.id}": the engine's reading is not true or false`);
        else if (want !== got)
          say(`option "${o.id}" ("${o.text}"): the key says it is ${want ? 'true' : 'false'}, the engine says ${got ? 'true' : 'false'} (${at})`);
      }
      if (!ask.multiple && ask.options.length < 2) say('a single-choice question needs at least two options');
      break;
    }
    case 'ordering': {
      const key = ask.items.map((i) => i.id);
      const got = reading.order ?? [];
      if (JSON.stringify(key) !== JSON.stringify(got)) say(`the key orders ${key.join(', ')}; the engine shows ${got.join(', ') || 'nothing'} (${at})`);
      break;
    }
  }
  for (const [name, value] of Object.entries(p)) {
    const bad = unknownReference(value);
    if (bad) say(`parameter ${name}: ${bad}`);
  }
  return { messages, runs: 1 };
}

function describeConfig(c: Config): string {
  return Object.entries(c)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export function checkTask(t: Task, fail: (m: string, variant?: string) => void): number {
  let runs = 0;
  for (const c of t.controls) {
    if (c.type === 'choice')
      for (const o of c.options) {
        const bad = unknownReference(o.value);
        if (bad) fail(`control ${c.id}: ${bad}`);
      }
  }
  const attempt = (config: Config) => {
    try {
      const v = runTask(t, config);
      runs += v.run && 'runs' in v.run ? v.run.runs.length : 1 + (v.run?.outages.length ?? 0);
      return v;
    } catch (e) {
      fail(`the configuration does not run: ${(e as Error).message}`, describeConfig(config));
      return null;
    }
  };
  for (const config of t.accept) {
    const v = attempt(config);
    if (v && !v.ok) {
      const why = v.checks.filter((c) => !c.ok).map((c) => `${c.id}${c.detail ? ` (${c.detail})` : ''}`);
      fail(`an accept example is rejected by the engine: failed ${why.join('; ')}`, describeConfig(config));
    }
  }
  for (const { config, because } of t.reject) {
    const v = attempt(config);
    if (!v) continue;
    if (v.ok) fail(`a reject example is accepted by the engine (expected "${because}" to fail)`, describeConfig(config));
    else if (!v.checks.some((c) => c.id === because))
      fail(`a reject example names check "${because}", which the goal does not have (checks: ${v.checks.map((c) => c.id).join(', ')})`, describeConfig(config));
    else if (v.checks.find((c) => c.id === because)!.ok) {
      const failed = v.checks.filter((c) => !c.ok).map((c) => c.id);
      fail(`a reject example fails ${failed.join(', ')}, not "${because}" as the author expected`, describeConfig(config));
    }
  }
  return runs;
}
