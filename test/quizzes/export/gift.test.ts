/** GIFT: what it carries, how it escapes, and what it says it could not carry. */
import { describe, expect, it } from 'vitest';
import { allQuizzes } from '@site/quizzes';
import { escapeGift, exportGift } from '@site/quizzes/export/gift';
import { collect } from '@site/quizzes/export/collect';
import { parse } from 'gift-pegjs';

const result = exportGift(allQuizzes(), 2);
/** Every question of the quiz definitions, as `lesson/id`, with what it is. */
const defined = allQuizzes().flatMap((z) => z.questions.map((q) => ({ name: `${z.lesson}/${q.id}`, q })));
const orderingDefined = defined.filter(({ q }) => q.kind === 'ordering' || (q.kind === 'engine' && q.ask.type === 'ordering'));
const tasksDefined = defined.filter(({ q }) => q.kind === 'task');
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
    expect(
      q.body
        .split('\n')
        .filter((l) => l.startsWith('\t='))
        .map((l) => l.slice(2)),
    ).toEqual(['Ana’s']);
  });

  it('writes numeric answers with the key and the tolerance', () => {
    // fibre-floor: key 30 ms ± 1; its wrong answers (15 ms, the one-way time, first) share the key's tolerance.
    const q = all.find((b) => b.name === 'fibre-floor')!;
    expect(q.body).toContain('\t=30:1\n');
    expect(q.body).toContain('\t=%0%15:1#');
  });

  it('escapes the characters GIFT reserves', () => {
    expect(escapeGift('a: b = {c} ~d #e')).toBe('a\\: b \\= \\{c\\} \\~d \\#e');
  });

  it('lists the ordering questions and tasks it cannot carry', () => {
    const reasons = result.notCarried.filter((n) => !n.reason.includes('hints'));
    const names = (list: { name: string }[]) => list.map((x) => x.name).sort();
    expect(orderingDefined.length).toBeGreaterThan(0);
    expect(tasksDefined.length).toBeGreaterThan(0);
    expect(
      reasons
        .filter((n) => n.reason.includes('ordering'))
        .map((n) => `${n.lesson}/${n.question}`)
        .sort(),
    ).toEqual(names(orderingDefined));
    expect(
      reasons
        .filter((n) => n.reason.includes('task'))
        .map((n) => `${n.lesson}/${n.question}`)
        .sort(),
    ).toEqual(names(tasksDefined));
    // A static question's block is named by its id, an engine question's variants `id v1`, `id v2`, ….
    for (const { q } of orderingDefined)
      expect(
        all.some((b) => b.name === q.id || b.name.startsWith(`${q.id} v`)),
        q.id,
      ).toBe(false);
  });

  describe('read back with gift-pegjs, an independent GIFT parser', () => {
    const parsed = parse(gift);
    // Questions by category and title: titles repeat across lessons, categories do not.
    const byKey = new Map<string, any>();
    let category = '';
    for (const q of parsed as any[]) {
      if (q.type === 'Category') category = q.title;
      else byKey.set(`${category}|${q.title}`, q);
    }
    const unescape = (t: string) => t.replace(/\\(.)/g, '$1');

    it('parses the whole file: every carried item, of the type it is written as', () => {
      const questions = (parsed as any[]).filter((q) => q.type !== 'Category');
      expect(questions.length).toBe(result.items);
      expect(new Set(questions.map((q) => q.type))).toEqual(new Set(['MC', 'Numerical']));
    });

    it('agrees with the quiz definitions on every key, weight, tolerance and feedback', () => {
      let compared = 0;
      for (const item of collect(allQuizzes(), 2).items) {
        const q = item.question;
        item.variants.forEach((v, i) => {
          const c = v.concrete;
          if (c.form === 'ordering' || c.form === 'task') return;
          const base = `$course$/top/InfraLab/${item.lessonTitle}`;
          const key = q.kind === 'engine' ? `${base}/${q.id}|${q.id} v${i + 1}` : `${base}|${q.id}`;
          const p = byKey.get(key);
          expect(p, key).toBeDefined();
          compared++;
          // The explanation; what leaving out each right option suggests (no option's feedback can say it); the source.
          const leftOut =
            c.form === 'multiple' ? c.options.filter((o) => o.correct && o.missed).map((o) => `Left out “${o.text}”? It is right. ${o.missed!.feedback}`) : [];
          expect(unescape(p.globalFeedback.text)).toBe([c.explanation, ...leftOut, ...(c.source ? [`Source: ${c.source}`] : [])].join(' '));
          if (c.form === 'numeric') {
            expect(p.type, key).toBe('Numerical');
            const [right, ...wrong] = p.choices;
            expect(right.text.number, key).toBeCloseTo(c.key, 9);
            expect(right.text.range, key).toBe(c.tolerance);
            expect(right.weight).toBeNull();
            expect(wrong.map((w: any) => [w.text.number, w.weight, unescape(w.feedback.text)])).toEqual(
              c.distractors.map((d) => [expect.closeTo(d.value, 9), 0, d.feedback]),
            );
            return;
          }
          expect(p.type, key).toBe('MC');
          const k = c.options.filter((o) => o.correct).length;
          for (const o of c.options) {
            const choice = p.choices.find((x: any) => unescape(x.text.text) === o.text);
            expect(choice, `${key} ${o.id}`).toBeDefined();
            if (c.form === 'single') expect(choice.isCorrect, `${key} ${o.id}`).toBe(o.correct);
            else expect(choice.weight, `${key} ${o.id}`).toBeCloseTo(((o.correct ? 1 : -1) * 100) / k, 4);
            expect(choice.feedback ? unescape(choice.feedback.text) : undefined, `${key} ${o.id}`).toBe(o.feedback);
          }
          expect(p.choices.length).toBe(c.options.length);
        });
      }
      expect(compared).toBe(result.items);
    });
  });
});
