/**
 * Moodle XML. Each lesson is a category; each engine question is a subcategory holding its concrete
 * variants, for a "random question from category" slot. Single and multiple choice become
 * multichoice (multiple: +100/k per right option, −100/k per wrong one, as our partial-credit rule),
 * numeric becomes numerical (distractors as 0% answers with their feedback), ordering becomes the
 * ordering type (core since Moodle 4.4; all or nothing). Tasks are not carried.
 */
import type { Concrete, Quiz } from '../schema';
import { collect, escapeXml, percent, promptText, type ExportResult } from './collect';

const cdata = (html: string) => `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const html = (text: string) => cdata(`<p>${escapeXml(text)}</p>`);
const textEl = (name: string, text: string) => `<${name} format="html"><text>${html(text)}</text></${name}>`;

function header(c: Concrete, name: string, idnumber: string): string[] {
  return [
    `    <name><text>${escapeXml(name)}</text></name>`,
    `    ${textEl('questiontext', promptText(c))}`,
    `    ${textEl('generalfeedback', c.explanation)}`,
    '    <defaultgrade>1</defaultgrade>',
    '    <penalty>0</penalty>',
    '    <hidden>0</hidden>',
    `    <idnumber>${escapeXml(idnumber)}</idnumber>`,
  ];
}

const hints = (c: Concrete) => c.hints.map((h) => `    ${textEl('hint', h)}`);

function question(c: Concrete, name: string, idnumber: string): string | null {
  switch (c.form) {
    case 'single':
    case 'multiple': {
      const k = c.options.filter((o) => o.correct).length;
      const fraction = (correct: boolean) => (c.form === 'single' ? (correct ? '100' : '0') : percent(((correct ? 1 : -1) * 100) / k));
      return [
        '  <question type="multichoice">',
        ...header(c, name, idnumber),
        `    <single>${c.form === 'single'}</single>`,
        '    <shuffleanswers>true</shuffleanswers>',
        '    <answernumbering>abc</answernumbering>',
        ...c.options.map(
          (o) =>
            `    <answer fraction="${fraction(o.correct)}" format="html"><text>${html(o.text)}</text><feedback format="html"><text>${html(o.feedback ?? (o.correct ? 'Correct.' : 'Not this one.'))}</text></feedback></answer>`,
        ),
        ...hints(c),
        '  </question>',
      ].join('\n');
    }
    case 'numeric':
      return [
        '  <question type="numerical">',
        ...header(c, name, idnumber),
        `    <answer fraction="100"><text>${c.key}</text><tolerance>${c.tolerance}</tolerance><feedback format="html"><text>${html('Correct.')}</text></feedback></answer>`,
        ...c.distractors.map(
          (d) => `    <answer fraction="0"><text>${d.value}</text><tolerance>${c.tolerance}</tolerance><feedback format="html"><text>${html(d.feedback)}</text></feedback></answer>`,
        ),
        ...(c.unit ? ['    <units>', `      <unit><multiplier>1</multiplier><unit_name>${escapeXml(c.unit)}</unit_name></unit>`, '    </units>'] : []),
        '    <unitgradingtype>0</unitgradingtype>',
        '    <unitpenalty>0</unitpenalty>',
        '    <showunits>3</showunits>',
        '    <unitsleft>0</unitsleft>',
        ...hints(c),
        '  </question>',
      ].join('\n');
    case 'ordering':
      return [
        '  <question type="ordering">',
        ...header(c, name, idnumber),
        '    <layouttype>VERTICAL</layouttype>',
        '    <selecttype>ALL</selecttype>',
        '    <selectcount>0</selectcount>',
        '    <gradingtype>ALL_OR_NOTHING</gradingtype>',
        '    <showgrading>SHOW</showgrading>',
        '    <numberingstyle>none</numberingstyle>',
        ...c.items.map((i, n) => `    <answer fraction="${n + 1}" format="html"><text>${html(i.text)}</text></answer>`),
        ...hints(c),
        '  </question>',
      ].join('\n');
    case 'task':
      return null;
  }
}

const category = (path: string) => `  <question type="category">\n    <category><text>${escapeXml(path)}</text></category>\n  </question>`;

export function exportMoodle(quizzes: Quiz[], variants: number): ExportResult {
  const { items, tasks } = collect(quizzes, variants);
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let lesson = '';
  let count = 0;
  for (const item of items) {
    const base = `$course$/top/InfraLab/${item.lessonTitle}`;
    if (item.lesson !== lesson) {
      parts.push(category(base));
      lesson = item.lesson;
    }
    const q = item.question;
    if (q.kind === 'engine') parts.push(category(`${base}/${q.id}`));
    item.variants.forEach((v, i) => {
      const name = q.kind === 'engine' ? `${q.id}, variant ${i + 1} (${v.label})` : q.id;
      const x = question(v.concrete, name, `${item.lesson}/${q.id}${q.kind === 'engine' ? `/v${i + 1}` : ''}`);
      if (x) {
        parts.push(x);
        count++;
      }
    });
    if (q.kind === 'engine') parts.push(category(base));
  }
  parts.push('</quiz>', '');
  return {
    format: 'moodle-xml',
    files: [{ name: 'infralab-quizzes.moodle.xml', content: parts.join('\n') }],
    notCarried: tasks,
    questions: items.length,
    items: count,
  };
}
