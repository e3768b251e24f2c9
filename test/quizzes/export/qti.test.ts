/** QTI 1.2 for Canvas, read back with a real XML parser, and the zip it ships in. */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { allQuizzes } from '@site/quizzes';
import { exportQti } from '@site/quizzes/export/qti';
import { escapeHtml } from '@site/quizzes/export/collect';
import { crc32, unzipStored } from '@site/quizzes/export/zip';
import { collect } from '@site/quizzes/export/collect';
import { spaceSize } from '@site/quizzes/variants';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const result = exportQti(allQuizzes(), 3);
const xmlFiles = result.files.filter((f) => f.name.endsWith('.xml'));
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['item', 'section', 'response_label', 'resource', 'qtimetadatafield', 'respcondition', 'itemfeedback', 'varequal'].includes(name),
});

function assessment(lesson: string) {
  const f = xmlFiles.find((x) => x.name === `infralab-${lesson}/infralab-${lesson}.xml`)!;
  return parser.parse(f.content as string).questestinterop.assessment;
}
const lessons = allQuizzes().map((q) => q.lesson);
/** Every question of the quiz definitions, with its lesson. */
const defined = allQuizzes().flatMap((z) => z.questions.map((q) => ({ lesson: z.lesson, q })));
const definedQuestion = (lesson: string, id: string) => defined.find((d) => d.lesson === lesson && d.q.id === id)!.q;
/** Every item of an assessment, in the root section and in its question groups. */
const allItems = (a: any): any[] => [...(a.section[0].item ?? []), ...(a.section[0].section ?? []).flatMap((s: any) => s.item)];
const itemsByIdent = new Map<string, any>(lessons.flatMap((l) => allItems(assessment(l))).map((i) => [i['@ident'], i]));
/** The condition that sets the score: the last one, after every feedback condition. */
const scoring = (item: any) => item.resprocessing.respcondition.at(-1);
const meta = (item: any, label: string) => item.itemmetadata.qtimetadata.qtimetadatafield.find((f: any) => f.fieldlabel === label)?.fieldentry;

describe('QTI 1.2 export', () => {
  it('writes well-formed XML files and a manifest that lists one assessment per lesson', () => {
    for (const f of xmlFiles) expect(XMLValidator.validate(f.content as string), f.name).toBe(true);
    const manifest = parser.parse(xmlFiles.find((f) => f.name === 'imsmanifest.xml')!.content as string).manifest;
    expect(manifest.resources.resource.map((r: any) => r['@type'])).toEqual(Array(lessons.length).fill('imsqti_xmlv1p2'));
  });

  it('turns each engine question into a group that picks 1 of its variants', () => {
    const group = assessment('availability-zones').section[0].section.find((s: any) => s['@ident'] === 'availability-zones-one-az-fails');
    expect(group.selection_ordering.selection.selection_number).toBe(1);
    expect(group.item).toHaveLength(3);
  });

  it('keeps the key: the scoring condition names the correct option', () => {
    const root = assessment('availability-zones').section[0];
    const item = root.item.find((i: any) => i['@ident'] === 'availability-zones-az-ids');
    expect(meta(item, 'question_type')).toBe('multiple_choice_question');
    const def = definedQuestion('availability-zones', 'az-ids');
    if (def.kind !== 'single') throw new Error(`az-ids: expected a single-choice question, got ${def.kind}`);
    const correct = def.options.filter((o) => o.correct).map((o) => o.id);
    expect(correct).toEqual(['mapping']);
    expect(scoring(item).conditionvar.varequal[0]['#text']).toBe(correct[0]);
  });

  it('writes numerical questions with the key and its tolerance range', () => {
    const group = assessment('availability-zones').section[0].section.find((s: any) => s['@ident'] === 'availability-zones-standby-write-time');
    const item = group.item[0];
    expect(meta(item, 'question_type')).toBe('numerical_question');
    const m = /takes (\d+) ms on its own.*is (\d+) ms/.exec(item.presentation.material.mattext['#text'])!;
    expect(scoring(item).conditionvar.or.varequal[0]['#text']).toBe(Number(m[1]) + Number(m[2]));
  });

  it('writes multiple answers: every right option chosen and no wrong one', () => {
    const item = assessment('regions').section[0].section.find((s: any) => s['@ident'] === 'regions-eu-only').item[0];
    expect(meta(item, 'question_type')).toBe('multiple_answers_question');
    const and = scoring(item).conditionvar.and;
    const def = definedQuestion('regions', 'eu-only');
    const ask = def.kind === 'engine' && def.ask.type === 'claims' ? def.ask : undefined;
    if (!ask) throw new Error('eu-only: expected an engine question asking for claims');
    // eu-only's options are right or wrong whatever the variant (literal booleans, not formulas).
    expect(ask.options.every((o) => typeof o.correct === 'boolean')).toBe(true);
    const ids = (correct: boolean) =>
      ask.options
        .filter((o) => o.correct === correct)
        .map((o) => o.id)
        .sort();
    expect(ids(true).length).toBeGreaterThan(0);
    expect(ids(false).length).toBeGreaterThan(0);
    expect(and.varequal.map((v: any) => v['#text']).sort()).toEqual(ids(true));
    expect(
      [and.not]
        .flat()
        .map((v: any) => v.varequal[0]['#text'])
        .sort(),
    ).toEqual(ids(false));
  });

  it('lists what Canvas cannot take: ordering and tasks', () => {
    const names = (list: { lesson: string; q: { id: string } }[]) => list.map((d) => `${d.lesson}/${d.q.id}`).sort();
    const ordering = defined.filter(({ q }) => q.kind === 'ordering' || (q.kind === 'engine' && q.ask.type === 'ordering'));
    const tasks = defined.filter(({ q }) => q.kind === 'task');
    expect(ordering.length).toBeGreaterThan(0);
    expect(tasks.length).toBeGreaterThan(0);
    expect(
      result.notCarried
        .filter((n) => n.reason.includes('ordering'))
        .map((n) => `${n.lesson}/${n.question}`)
        .sort(),
    ).toEqual(names(ordering));
    expect(
      result.notCarried
        .filter((n) => n.reason.includes('task'))
        .map((n) => `${n.lesson}/${n.question}`)
        .sort(),
    ).toEqual(names(tasks));
  });

  it('ships the manifest and assessments in a zip with correct checksums', () => {
    const zipFile = result.files.find((f) => f.name.endsWith('.zip'))!.content as Uint8Array;
    const entries = unzipStored(zipFile);
    expect(entries.map((e) => e.name)).toEqual(xmlFiles.map((f) => f.name));
    expect(entries[0].content).toBe(xmlFiles[0].content);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it("carries every option's feedback as Canvas reads it: an itemfeedback shown by a condition on that option, before the scoring condition", () => {
    let carried = 0;
    for (const it of collect(allQuizzes(), 3).items) {
      it.variants.forEach((v, n) => {
        const c = v.concrete;
        if (c.form !== 'single' && c.form !== 'multiple') return;
        const id = `${it.lesson}-${it.question.id}${it.question.kind === 'engine' ? `-v${n + 1}` : ''}`.replace(/[^A-Za-z0-9_.-]/g, '_');
        const item = itemsByIdent.get(id);
        expect(item, id).toBeDefined();
        const conditions = item.resprocessing.respcondition;
        const feedbacks = new Map(item.itemfeedback.map((f: any) => [f['@ident'], f.flow_mat.material.mattext['#text']]));
        const scoringAt = conditions.findIndex((r: any) => r.setvar);
        expect(scoringAt, id).toBe(conditions.length - 1);
        for (const o of c.options) {
          const shown = conditions.filter((r: any) => r.displayfeedback && r.conditionvar.varequal?.[0]?.['#text'] === o.id.replace(/[^A-Za-z0-9_.-]/g, '_'));
          if (!o.feedback) {
            expect(shown, `${id} ${o.id}`).toEqual([]);
            continue;
          }
          expect(shown, `${id} ${o.id}`).toHaveLength(1);
          expect(shown[0]['@continue']).toBe('Yes');
          const ref = shown[0].displayfeedback['@linkrefid'];
          // Canvas files feedback named like "correct", "wrong", "general_" or "solution" as the question's own.
          expect(ref).not.toMatch(/correct|wrong|general_|solution|_all/i);
          expect(feedbacks.get(ref), `${id} ${o.id}`).toBe(`<p>${escapeHtml(o.feedback)}</p>`);
          carried++;
        }
        expect(String(feedbacks.get('general_fb'))).toContain(escapeHtml(c.explanation));
        if (c.source) expect(String(feedbacks.get('general_fb'))).toContain(`Source: <a href="${c.source}">`);
      });
    }
    expect(carried).toBeGreaterThan(50);
  });

  it('writes each numeric key and its bounds as exact decimals: upper bound − key = key − lower bound = the tolerance, digit for digit', () => {
    // Canvas takes the margin as BigDecimal(upper) − BigDecimal(key); here in whole units of 10^-20.
    const scaled = (s: string) => {
      expect(s).toMatch(/^-?\d+(\.\d{1,20})?$/);
      const [whole, frac = ''] = s.replace('-', '').split('.');
      return (s.startsWith('-') ? -1n : 1n) * BigInt(whole + frac.padEnd(20, '0'));
    };
    let checked = 0;
    for (const it of collect(allQuizzes(), 3).items) {
      it.variants.forEach((v, n) => {
        const c = v.concrete;
        if (c.form !== 'numeric') return;
        const id = `${it.lesson}-${it.question.id}${it.question.kind === 'engine' ? `-v${n + 1}` : ''}`;
        const item = itemsByIdent.get(id);
        const or = scoring(item).conditionvar.or;
        const [key, low, high] = [or.varequal[0]['#text'], or.and.vargte['#text'], or.and.varlte['#text']].map(String);
        expect(Math.abs(Number(key) - c.key), id).toBeLessThan(1e-9);
        const tolerance = scaled(String(c.tolerance));
        expect(scaled(high) - scaled(key), id).toBe(tolerance);
        expect(scaled(key) - scaled(low), id).toBe(tolerance);
        checked++;
      });
    }
    // Every numeric variant the definitions give: one per static numeric question, and up to 3
    // distinct parameter sets per engine question with a numeric ask.
    const numericVariants = defined.reduce(
      (n, { q }) => n + (q.kind === 'numeric' ? 1 : q.kind === 'engine' && q.ask.type === 'numeric' ? Math.min(3, spaceSize(q.params)) : 0),
      0,
    );
    expect(numericVariants).toBeGreaterThan(0);
    expect(checked).toBe(numericVariants);
  });

  describe('validated against the QTI 1.2.1 ASI DTD with xmllint (test/quizzes/fixtures/qti-1.2.1)', () => {
    const dtd = join(__dirname, '..', 'fixtures', 'qti-1.2.1', 'ims_qtiasiv1p2p1.dtd');
    const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });

    it('xmllint is installed (Debian: apt-get install libxml2-utils)', () => {
      expect(xmllint.error, "xmllint was not found: install Debian's libxml2-utils to validate QTI exports against the DTD").toBeUndefined();
    });

    it.skipIf(xmllint.error !== undefined)(
      'every assessment is valid but for the one Canvas extension the DTD lacks: <selection_extension><points_per_item> in a question group',
      () => {
        expect(existsSync(dtd), `the QTI 1.2.1 DTD is not at ${dtd} (see the README beside it)`).toBe(true);
        const dir = mkdtempSync(join(tmpdir(), 'infralab-qti-'));
        const assessments = xmlFiles.filter((f) => f.name !== 'imsmanifest.xml');
        expect(assessments).toHaveLength(lessons.length);
        let groups = 0;
        for (const f of assessments) {
          const path = join(dir, f.name.replace('/', '_'));
          writeFileSync(path, f.content);
          groups += ((f.content as string).match(/<selection_extension>/g) ?? []).length;
          const r = spawnSync('xmllint', ['--noout', '--dtdvalid', dtd, path], { encoding: 'utf8' });
          const errors = r.stderr.split('\n').filter((l) => /validity error/.test(l));
          const allowed = (l: string) =>
            /No declaration for element (selection_extension|points_per_item)$/.test(l) ||
            /Element selection content does not follow the DTD, expecting .*, got \(selection_number selection_extension\)$/.test(l);
          // Nothing fails but the allowed complaints (this also catches a DTD xmllint cannot load)...
          expect(
            r.stderr.split('\n').filter((l) => /error/i.test(l) && !allowed(l)),
            f.name,
          ).toEqual([]);
          // ...and each question group gives exactly its three.
          expect(errors.length, f.name).toBe(3 * ((f.content as string).match(/<selection_extension>/g) ?? []).length);
        }
        expect(groups).toBeGreaterThan(10);
      },
    );
  });
});
