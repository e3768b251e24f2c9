/** What each export says it cannot carry: exact, and the same in the authoring guide's table. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allQuizzes } from '@site/quizzes';
import { exportFormats, type ExportFormat } from '@site/quizzes/export';
import { lossKinds } from '@site/quizzes/export/collect';

const guide = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'reference', 'authoring-quizzes.md'), 'utf8');
/** The "Cannot carry" cell of a format's row in the export table. */
function cannotCarryCell(format: string): string[] {
  const row = guide.split('\n').find((l) => l.startsWith(`| \`${format}\` |`));
  expect(row, `no row for ${format} in authoring-quizzes.md`).toBeDefined();
  const cells = row!.split('|').map((c) => c.trim());
  return cells[cells.length - 2].split(', ');
}

describe('loss lists', () => {
  for (const format of Object.keys(exportFormats) as ExportFormat[]) {
    const result = exportFormats[format](allQuizzes(), 2);

    it(`${format}: the guide's table names exactly what the format cannot carry`, () => {
      expect(cannotCarryCell(format).sort()).toEqual(result.cannotCarry.map((k) => lossKinds[k]).sort());
    });

    it(`${format}: every kind it cannot carry occurs in these quizzes and is listed per question, and nothing else is`, () => {
      expect([...new Set(result.notCarried.map((n) => n.kind))].sort()).toEqual([...result.cannotCarry].sort());
      for (const n of result.notCarried) expect(n.reason.length, `${n.lesson} › ${n.question}`).toBeGreaterThan(10);
    });
  }

  it('qti12: names every question with hints, every ordering question, every multiple-answer question and every numeric question with known wrong answers', () => {
    const result = exportFormats.qti12(allQuizzes(), 2);
    const named = (kind: string) =>
      result.notCarried
        .filter((n) => n.kind === kind)
        .map((n) => `${n.lesson}/${n.question}`)
        .sort();
    const all = allQuizzes().flatMap((z) => z.questions.map((q) => ({ id: `${z.lesson}/${q.id}`, q })));
    const form = (q: any) =>
      q.kind === 'engine'
        ? (({ choice: 'single', numeric: 'numeric', ordering: 'ordering' } as any)[q.ask.type] ?? (q.ask.multiple ? 'multiple' : 'single'))
        : q.kind;
    expect(named('ordering')).toEqual(
      all
        .filter((x) => form(x.q) === 'ordering')
        .map((x) => x.id)
        .sort(),
    );
    expect(named('partialCredit')).toEqual(
      all
        .filter((x) => form(x.q) === 'multiple')
        .map((x) => x.id)
        .sort(),
    );
    const carried = all.filter((x) => x.q.kind !== 'task' && form(x.q) !== 'ordering');
    expect(named('hints')).toEqual(
      carried
        .filter((x) => x.q.hints.length)
        .map((x) => x.id)
        .sort(),
    );
    const distractors = (q: any) => (q.kind === 'engine' ? (q.ask.distractors ?? []) : (q.distractors ?? []));
    expect(named('numericFeedback')).toEqual(
      carried
        .filter((x) => form(x.q) === 'numeric' && distractors(x.q).length)
        .map((x) => x.id)
        .sort(),
    );
  });
});
