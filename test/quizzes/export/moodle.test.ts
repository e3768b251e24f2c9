/** Moodle XML, read back with a real XML parser: structure, categories of variants, keys, fractions. */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { allQuizzes } from '@site/quizzes';
import { exportMoodle } from '@site/quizzes/export/moodle';
import { collect } from '@site/quizzes/export/collect';
import { spaceSize } from '@site/quizzes/variants';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const result = exportMoodle(allQuizzes(), 3);
const xml = result.files[0].content as string;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['question', 'answer', 'hint', 'unit'].includes(name) });
const questions: any[] = parser.parse(xml).quiz.question;
const text = (t: any) => String(t?.text ?? '').replace(/<[^>]+>/g, '');

describe('Moodle XML export', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('puts each lesson in a category, and each engine question in its own category of variants', () => {
    const categories = questions.filter((q) => q['@type'] === 'category').map((q) => q.category.text);
    expect(categories).toContain('$course$/top/InfraLab/Availability zones');
    expect(categories).toContain('$course$/top/InfraLab/Availability zones/one-az-fails');
    const i = questions.findIndex((q) => q.category?.text === '$course$/top/InfraLab/Availability zones/one-az-fails');
    const variants = questions.slice(i + 1).filter((q, k, all) => all.slice(0, k + 1).every((x) => x['@type'] !== 'category'));
    expect(variants).toHaveLength(3);
    expect(new Set(variants.map((v) => v.idnumber)).size).toBe(3);
  });

  it('keeps the key of a choice variant: the 100% answer is what the author wrote for those parameters', () => {
    const v = questions.find((q) => String(q.idnumber).startsWith('availability-zones/one-az-fails/'));
    const m = /(\d+) VMs in each of (\d+) AZs/.exec(text(v.questiontext))!;
    const [perAz, azs] = [Number(m[1]), Number(m[2])];
    const right = v.answer.filter((a: any) => a['@fraction'] === '100').map(text);
    expect(right).toEqual([`${perAz * (azs - 1)} VMs`]);
    expect(v.single).toBe(true);
  });

  it('writes multiple select with our partial-credit rule: +100/k per right option, −100/k per wrong one', () => {
    const q = questions.find((x) => x.idnumber === 'regions/eu-only/v1');
    expect(q['@type']).toBe('multichoice');
    expect(q.single).toBe(false);
    const fractions = q.answer.map((a: any) => [text(a), a['@fraction']]);
    expect(fractions).toContainEqual(['Europe (Frankfurt), eu-central-1', '33.33333']);
    expect(fractions).toContainEqual(['Europe (London), eu-west-2', '-33.33333']);
  });

  it("carries every option's feedback, and writes none where the option has none", () => {
    const byId = new Map(questions.map((q) => [String(q.idnumber), q]));
    let carried = 0;
    for (const item of collect(allQuizzes(), 3).items) {
      item.variants.forEach((v, i) => {
        const c = v.concrete;
        if (c.form !== 'single' && c.form !== 'multiple') return;
        const q = byId.get(`${item.lesson}/${item.question.id}${item.question.kind === 'engine' ? `/v${i + 1}` : ''}`)!;
        for (const o of c.options) {
          const a = q.answer.find((x: any) => text(x) === o.text);
          expect(text(a.feedback), `${q.idnumber} ${o.id}`).toBe(o.feedback ?? '');
          if (o.feedback) carried++;
        }
      });
    }
    expect(carried).toBeGreaterThan(50);
  });

  it('puts the source of a factual question in its general feedback, as a link', () => {
    const q = questions.find((x) => x.idnumber === 'availability-zones/az-ids');
    expect(q.generalfeedback.text).toContain('<a href="https://docs.aws.amazon.com/global-infrastructure/latest/regions/az-ids.html">');
    const sourced = allQuizzes().flatMap((z) => z.questions.filter((x) => 'source' in x).map((x) => `${z.lesson}/${x.id}`));
    expect(sourced.length).toBeGreaterThan(10);
    for (const id of sourced) expect(String(questions.find((x) => x.idnumber === id)?.generalfeedback.text), id).toContain('Source: <a href=');
  });

  it('writes numbers without float noise: keys, wrong answers and tolerances are short decimals', () => {
    const numbers = questions.filter((q) => q['@type'] === 'numerical').flatMap((q) => q.answer.flatMap((a: any) => [String(a.text), String(a.tolerance)]));
    expect(numbers.length).toBeGreaterThan(100);
    for (const n of numbers) {
      expect(n).toMatch(/^-?\d+(\.\d+)?$/);
      expect(n.replace(/^-?0*\.?0*/, '').replace('.', '').length, n).toBeLessThanOrEqual(12);
    }
    // steal's arithmetic slip, ((32 × busy% − 16) ÷ 16) × 100, is 19.999999999999996 in binary floating
    // point for busy 60; worked out here in whole numbers, (32 × busy − 1600) ÷ 16 = 2 × busy − 100, it is exact.
    const steal = questions.filter((q) => String(q.idnumber).startsWith('virtualization/steal/'));
    const stealDefined = allQuizzes()
      .find((z) => z.lesson === 'virtualization')!
      .questions.find((x) => x.id === 'steal')!;
    expect(stealDefined.kind).toBe('engine');
    expect(steal.length).toBe(Math.min(3, spaceSize(stealDefined.kind === 'engine' ? stealDefined.params : {})));
    let noisy = 0;
    for (const q of steal) {
      const busy = Number(/Each is (\d+)% busy/.exec(text(q.questiontext))![1]);
      const slip = q.answer.find((a: any) => text(a.feedback).startsWith('Steal is the share of what each VM asked for'));
      expect(slip['@fraction']).toBe('0');
      expect(String(slip.text)).toBe(String(2 * busy - 100));
      if (String(((32 * (busy / 100) - 16) / 16) * 100) !== String(2 * busy - 100)) noisy++;
    }
    // At least one variant is one where floating point alone would have written noise.
    expect(noisy).toBeGreaterThan(0);
  });

  it('writes numeric questions with tolerance, and known wrong answers as 0% with feedback', () => {
    const q = questions.find((x) => String(x.idnumber).startsWith('availability-zones/standby-write-time/'));
    expect(q['@type']).toBe('numerical');
    const [key, ...others] = q.answer;
    expect(key['@fraction']).toBe('100');
    expect(key.tolerance).toBe(0);
    expect(text(key.feedback)).toBe('');
    // One write on its own, plus one round trip to the synchronous standby.
    const m = /takes (\d+) ms on its own.*is (\d+) ms/.exec(text(q.questiontext))!;
    expect(key.text).toBe(Number(m[1]) + Number(m[2]));
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((a: any) => a['@fraction'] === '0' && text(a.feedback).length > 0)).toBe(true);
    expect(q.units.unit[0].unit_name).toBe('ms');
  });

  it('writes ordering questions with the items in the right order', () => {
    const q = questions.find((x) => x.idnumber === 'vm-lifecycle/stop-start-states/v1');
    expect(q['@type']).toBe('ordering');
    expect(q.answer.map(text)).toEqual(['stopping', 'stopped', 'pending', 'running']);
  });

  it('says which questions it could not carry: the tasks', () => {
    expect(result.notCarried.map((n) => n.question).sort()).toEqual(['database-copies', 'lumen-design', 'run-it-right', 'survive-an-az']);
    expect(questions.some((q) => String(q.idnumber ?? '').includes('survive-an-az'))).toBe(false);
  });

  describe("against a real Moodle 5.1.3's own export (test/quizzes/fixtures/moodle-5.1.3)", () => {
    const fixture = (name: string): any[] =>
      parser.parse(readFileSync(join(__dirname, '..', 'fixtures', 'moodle-5.1.3', name), 'utf8')).quiz.question.filter((q: any) => q['@type'] !== 'category');
    const moodle = [...fixture('own-samples.xml'), ...fixture('reexport.xml')];
    const elements = (q: any) => new Set(Object.keys(q).filter((k) => !k.startsWith('@')));
    const types = ['multichoice', 'numerical', 'ordering'];

    it('has each kind we export in the fixture', () => {
      for (const t of types) expect(moodle.filter((q) => q['@type'] === t).length, t).toBeGreaterThanOrEqual(2);
    });

    for (const t of types) {
      const ofType = moodle.filter((q) => q['@type'] === t);
      /** What Moodle's exporter writes for every question of this type (hints and units only when there are some). */
      const always = [...elements(ofType[0])].filter((e) => ofType.every((q) => elements(q).has(e)) && e !== 'hint' && e !== 'units');
      const ever = new Set(ofType.flatMap((q) => [...elements(q)]));

      it(`${t}: writes every element Moodle always writes, and none it never writes`, () => {
        const ours = questions.filter((q) => q['@type'] === t);
        expect(ours.length).toBeGreaterThan(0);
        for (const q of ours) {
          const have = elements(q);
          expect(
            always.filter((e) => !have.has(e)),
            String(q.idnumber),
          ).toEqual([]);
          expect(
            [...have].filter((e) => !ever.has(e)),
            String(q.idnumber),
          ).toEqual([]);
        }
      });
    }

    it('ordering: writes <shownumcorrect> with a value, as Moodle does; without it Moodle saves an empty second hint for a question with one hint', () => {
      const value = moodle.find((q) => q['@type'] === 'ordering').shownumcorrect;
      expect(value).toBe(1);
      const ours = questions.filter((q) => q['@type'] === 'ordering');
      expect(ours.some((q) => (q.hint ?? []).length === 1)).toBe(true);
      for (const q of ours) expect(q.shownumcorrect, String(q.idnumber)).toBe(1);
    });

    it('hints: each has its text and only the settings elements Moodle writes in a hint, all hints of a question alike', () => {
      const hintElements = new Set(moodle.flatMap((q) => (q.hint ?? []).flatMap((h: any) => Object.keys(h).filter((k) => !k.startsWith('@')))));
      for (const q of questions.filter((x) => x.hint)) {
        const shapes = new Set(
          q.hint.map((h: any) =>
            Object.keys(h)
              .filter((k) => !k.startsWith('@'))
              .sort()
              .join(),
          ),
        );
        expect(shapes.size, String(q.idnumber)).toBe(1);
        for (const h of q.hint) {
          expect(text(h).length).toBeGreaterThan(0);
          for (const k of Object.keys(h).filter((x) => !x.startsWith('@'))) expect(hintElements.has(k), k).toBe(true);
        }
      }
    });

    it('numerical units: written the way Moodle writes them back', () => {
      const theirs = moodle.find((q) => q['@type'] === 'numerical' && q.units);
      const ours = questions.find((q) => q['@type'] === 'numerical' && q.units);
      expect(Object.keys(ours.units.unit[0]).sort()).toEqual(Object.keys(theirs.units.unit[0]).sort());
    });
  });
});
