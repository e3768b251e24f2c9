/** GIFT: what it carries, how it escapes, and what it says it could not carry. */
import { describe, expect, it } from 'vitest';
import { allQuizzes } from '@site/quizzes';
import { escapeGift, exportGift } from '@site/quizzes/export/gift';

const result = exportGift(allQuizzes(), 2);
const gift = result.files[0].content as string;

/** The questions of a GIFT file: `::name::text {answers}` blocks. */
function blocks(text: string): { name: string; body: string }[] {
  return [...text.matchAll(/^::((?:\\.|[^:])+)::((?:\\.|[^{])*)\{#?\n([\s\S]*?)\n\}$/gm)].map((m) => ({ name: m[1].replace(/\\(.)/g, '$1'), body: m[3] }));
}

describe('GIFT export', () => {
  const all = blocks(gift);

  it('writes every carried item as a well-formed block', () => {
    expect(all.length).toBe(result.items);
  });

  it('writes single choice with one = answer', () => {
    const q = all.find((b) => b.name === 'iaas-os')!;
    expect(q.body.split('\n').filter((l) => l.startsWith('\t=')).map((l) => l.slice(2))).toEqual(['Ana']);
  });

  it('writes numeric answers with the key and the tolerance', () => {
    const q = all.find((b) => b.name === 'azs-per-region')!;
    expect(q.body).toContain('\t=3:0#Correct.');
    expect(q.body).toContain('\t=%0%2:0#');
  });

  it('escapes the characters GIFT reserves', () => {
    expect(escapeGift('a: b = {c} ~d #e')).toBe('a\\: b \\= \\{c\\} \\~d \\#e');
  });

  it('lists the ordering questions and tasks it cannot carry', () => {
    const reasons = result.notCarried.filter((n) => !n.reason.includes('hints'));
    expect(reasons.filter((n) => n.reason.includes('ordering')).map((n) => n.question).sort()).toEqual(['after-az-loss', 'choosing-order', 'failover-sequence', 'layers', 'stop-start-states']);
    expect(reasons.filter((n) => n.reason.includes('task')).length).toBe(4);
    expect(all.some((b) => b.name === 'layers')).toBe(false);
  });
});
