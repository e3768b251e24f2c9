/**
 * Moodle XML. Each lesson is a category; each engine question is a subcategory holding its concrete
 * variants, for a "random question from category" slot. Single and multiple choice become
 * multichoice (multiple: +100/k per right option, −100/k per wrong one, as our partial-credit rule),
 * numeric becomes numerical (distractors as 0% answers with their feedback), ordering becomes the
 * ordering type (core since Moodle 4.4; all or nothing). Each question has the elements Moodle's
 * own exporter writes for its type (test/quizzes/fixtures/moodle-5.1.3 holds a real export), its
 * hints, and the explanation with the source of a factual question as general feedback. Tasks are
 * not carried.
 */
import type { Concrete, Quiz } from '../schema';
import { collect, escapeXml, generalFeedbackHtml, percent, promptText, type ExportResult } from './collect';
import { decimal } from './decimal';

const cdata = (html: string) => `<![CDATA[${html.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const html = (text: string) => cdata(`<p>${escapeXml(text)}</p>`);
const textEl = (name: string, text: string) => `<${name} format="html"><text>${html(text)}</text></${name}>`;
/** An empty HTML text, as Moodle's own exporter writes an unset feedback. */
const emptyEl = (name: string) => `<${name} format="html"><text></text></${name}>`;

function header(c: Concrete, name: string, idnumber: string): string[] {
  return [
    `    <name><text>${escapeXml(name)}</text></name>`,
    `    ${textEl('questiontext', promptText(c))}`,
    `    <generalfeedback format="html"><text>${cdata(generalFeedbackHtml(c))}</text></generalfeedback>`,
    '    <defaultgrade>1</defaultgrade>',
    '    <penalty>0</penalty>',
    '    <hidden>0</hidden>',
    `    <idnumber>${escapeXml(idnumber)}</idnumber>`,
  ];
}

/**
 * The overall feedback every multichoice and ordering question carries in Moodle's own export. Left
 * empty: the page has no such texts (Moodle shows its own "Your answer is correct" line anyway).
 */
const combinedFeedback = ['correctfeedback', 'partiallycorrectfeedback', 'incorrectfeedback'].map((f) => `    ${emptyEl(f)}`);

/**
 * Hints are text revealed one at a time, as in the page: no hint clears wrong answers or shows how
 * many are right, so none carries <shownumcorrect/>, <clearwrong/> or <options>.
 */
const hints = (c: Concrete) => c.hints.map((h) => `    ${textEl('hint', h)}`);

const feedbackEl = (text: string | undefined) => (text ? textEl('feedback', text) : emptyEl('feedback'));

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
        '    <showstandardinstruction>0</showstandardinstruction>',
        ...combinedFeedback,
        // Presence means "show the number of correct responses" once a multiple-select try is partly right.
        '    <shownumcorrect/>',
        ...c.options.map((o) => `    <answer fraction="${fraction(o.correct)}" format="html"><text>${html(o.text)}</text>${feedbackEl(o.feedback)}</answer>`),
        ...hints(c),
        '  </question>',
      ].join('\n');
    }
    case 'numeric': {
      const tolerance = decimal(c.tolerance);
      return [
        '  <question type="numerical">',
        ...header(c, name, idnumber),
        `    <answer fraction="100" format="moodle_auto_format"><text>${decimal(c.key)}</text>${emptyEl('feedback')}<tolerance>${tolerance}</tolerance></answer>`,
        ...c.distractors.map(
          (d) =>
            `    <answer fraction="0" format="moodle_auto_format"><text>${decimal(d.value)}</text>${feedbackEl(d.feedback)}<tolerance>${tolerance}</tolerance></answer>`,
        ),
        ...(c.unit ? ['    <units>', `      <unit><multiplier>1</multiplier><unit_name>${escapeXml(c.unit)}</unit_name></unit>`, '    </units>'] : []),
        // Units optional, as the page takes "690" or "690 ms": no unit input box, no penalty.
        '    <unitgradingtype>0</unitgradingtype>',
        '    <unitpenalty>0</unitpenalty>',
        '    <showunits>3</showunits>',
        '    <unitsleft>0</unitsleft>',
        ...hints(c),
        '  </question>',
      ].join('\n');
    }
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
        ...combinedFeedback,
        // Without this element Moodle's ordering importer prepares settings for two hints whatever
        // the file has, and a question with one hint then fails to save its empty second hint.
        '    <shownumcorrect>1</shownumcorrect>',
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
    cannotCarry: ['task'],
    files: [{ name: 'infralab-quizzes.moodle.xml', content: parts.join('\n') }],
    notCarried: tasks,
    questions: items.length,
    items: count,
  };
}
