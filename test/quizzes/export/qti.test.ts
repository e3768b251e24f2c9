/** QTI 1.2 for Canvas, read back with a real XML parser, and the zip it ships in. */
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { allQuizzes } from '@site/quizzes';
import { exportQti } from '@site/quizzes/export/qti';
import { crc32, unzipStored } from '@site/quizzes/export/zip';

const result = exportQti(allQuizzes(), 3);
const xmlFiles = result.files.filter((f) => f.name.endsWith('.xml'));
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['item', 'section', 'response_label', 'resource', 'qtimetadatafield'].includes(name) });

function assessment(lesson: string) {
  const f = xmlFiles.find((x) => x.name === `infralab-${lesson}/infralab-${lesson}.xml`)!;
  return parser.parse(f.content as string).questestinterop.assessment;
}
const meta = (item: any, label: string) => item.itemmetadata.qtimetadata.qtimetadatafield.find((f: any) => f.fieldlabel === label)?.fieldentry;

describe('QTI 1.2 export', () => {
  it('writes well-formed XML files and a manifest that lists one assessment per lesson', () => {
    for (const f of xmlFiles) expect(XMLValidator.validate(f.content as string), f.name).toBe(true);
    const manifest = parser.parse(xmlFiles.find((f) => f.name === 'imsmanifest.xml')!.content as string).manifest;
    expect(manifest.resources.resource.map((r: any) => r['@type'])).toEqual(Array(8).fill('imsqti_xmlv1p2'));
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
    expect(item.resprocessing.respcondition.conditionvar.varequal['#text']).toBe('ids');
  });

  it('writes numerical questions with the key and its tolerance range', () => {
    const group = assessment('availability-zones').section[0].section.find((s: any) => s['@ident'] === 'availability-zones-standby-write-time');
    const item = group.item[0];
    expect(meta(item, 'question_type')).toBe('numerical_question');
    const m = /takes (\d+) ms on its own.*is (\d+) ms/.exec(item.presentation.material.mattext['#text'])!;
    expect(item.resprocessing.respcondition.conditionvar.or.varequal['#text']).toBe(Number(m[1]) + Number(m[2]));
  });

  it('writes multiple answers: every right option chosen and no wrong one', () => {
    const item = assessment('regions').section[0].section.find((s: any) => s['@ident'] === 'regions-eu-only').item[0];
    expect(meta(item, 'question_type')).toBe('multiple_answers_question');
    const and = item.resprocessing.respcondition.conditionvar.and;
    expect([and.varequal].flat().map((v: any) => v['#text']).sort()).toEqual(['frankfurt', 'paris', 'stockholm']);
    expect([and.not].flat().map((v: any) => v.varequal['#text']).sort()).toEqual(['london', 'virginia']);
  });

  it('lists what Canvas cannot take: ordering and tasks', () => {
    expect(result.notCarried.filter((n) => n.reason.includes('ordering')).length).toBe(5);
    expect(result.notCarried.filter((n) => n.reason.includes('task')).length).toBe(4);
  });

  it('ships the manifest and assessments in a zip with correct checksums', () => {
    const zipFile = result.files.find((f) => f.name.endsWith('.zip'))!.content as Uint8Array;
    const entries = unzipStored(zipFile);
    expect(entries.map((e) => e.name)).toEqual(xmlFiles.map((f) => f.name));
    expect(entries[0].content).toBe(xmlFiles[0].content);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
