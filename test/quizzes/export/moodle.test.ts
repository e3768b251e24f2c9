/** Moodle XML, read back with a real XML parser: structure, categories of variants, keys, fractions. */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { allQuizzes } from '@site/quizzes';
import { exportMoodle } from '@site/quizzes/export/moodle';

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

  it('writes numeric questions with tolerance, and known wrong answers as 0% with feedback', () => {
    const q = questions.find((x) => String(x.idnumber).startsWith('availability-zones/group-refills/'));
    expect(q['@type']).toBe('numerical');
    const [key, ...others] = q.answer;
    expect(key['@fraction']).toBe('100');
    expect(key.tolerance).toBe(0);
    const m = /pending for (\d+) s\. us-east-1a fails at (\d+) s/.exec(text(q.questiontext))!;
    expect(key.text).toBe(Number(m[2]) + 60 + Number(m[1]));
    expect(others.every((a: any) => a['@fraction'] === '0' && text(a.feedback).length > 0)).toBe(true);
    expect(q.units.unit[0].unit_name).toBe('s');
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
});
