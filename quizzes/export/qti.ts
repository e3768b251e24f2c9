/**
 * QTI 1.2 for Canvas: one assessment per lesson in a zip with an IMS manifest. Single choice,
 * multiple answers and numerical questions are carried; each engine question becomes a question
 * group (a section that picks 1 of its concrete variants). Not carried: ordering (Canvas has no
 * such type in QTI 1.2), tasks, hints, per-option feedback of numeric distractors. Canvas grades
 * multiple-answer questions with its own partial-credit setting, which may differ from ours.
 */
import type { Concrete, Quiz } from '../schema';
import { collect, escapeHtml, escapeXml, promptText, type ExportResult, type NotCarried } from './collect';
import { zip } from './zip';

const field = (label: string, entry: string) => `<qtimetadatafield><fieldlabel>${label}</fieldlabel><fieldentry>${escapeXml(entry)}</fieldentry></qtimetadatafield>`;
const mattext = (text: string) => `<material><mattext texttype="text/html">${escapeXml(`<p>${escapeHtml(text)}</p>`)}</mattext></material>`;
const ident = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');

function item(c: Concrete, id: string, title: string): string | null {
  const type = { single: 'multiple_choice_question', multiple: 'multiple_answers_question', numeric: 'numerical_question' }[c.form as 'single'];
  if (!type) return null;
  const lines = [
    `<item ident="${ident(id)}" title="${escapeXml(title)}">`,
    `<itemmetadata><qtimetadata>${field('question_type', type)}${field('points_possible', '1.0')}</qtimetadata></itemmetadata>`,
    '<presentation>',
    mattext(promptText(c)),
  ];
  let condition = '';
  if (c.form === 'single' || c.form === 'multiple') {
    lines.push(`<response_lid ident="response1" rcardinality="${c.form === 'single' ? 'Single' : 'Multiple'}"><render_choice>`);
    for (const o of c.options) lines.push(`<response_label ident="${ident(o.id)}">${mattext(o.text)}</response_label>`);
    lines.push('</render_choice></response_lid>');
    condition =
      c.form === 'single'
        ? `<varequal respident="response1">${ident(c.options.find((o) => o.correct)!.id)}</varequal>`
        : `<and>${c.options.map((o) => (o.correct ? `<varequal respident="response1">${ident(o.id)}</varequal>` : `<not><varequal respident="response1">${ident(o.id)}</varequal></not>`)).join('')}</and>`;
  } else if (c.form === 'numeric') {
    lines.push('<response_str ident="response1" rcardinality="Single"><render_fib fibtype="Decimal"><response_label ident="answer1"/></render_fib></response_str>');
    condition = `<or><varequal respident="response1">${c.key}</varequal><and><vargte respident="response1">${c.key - c.tolerance}</vargte><varlte respident="response1">${c.key + c.tolerance}</varlte></and></or>`;
  }
  lines.push(
    '</presentation>',
    '<resprocessing>',
    '<outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>',
    `<respcondition continue="No"><conditionvar>${condition}</conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`,
    '</resprocessing>',
    `<itemfeedback ident="general_fb"><flow_mat>${mattext(c.explanation)}</flow_mat></itemfeedback>`,
    '</item>',
  );
  return lines.join('\n');
}

export function exportQti(quizzes: Quiz[], variants: number): ExportResult {
  const { items, tasks } = collect(quizzes, variants);
  const notCarried: NotCarried[] = [...tasks];
  const files: { name: string; content: string }[] = [];
  let count = 0;
  let questions = 0;
  for (const quiz of quizzes) {
    const id = `infralab-${quiz.lesson}`;
    const body: string[] = [];
    for (const it of items.filter((i) => i.lesson === quiz.lesson)) {
      const q = it.question;
      const form = it.variants[0].concrete.form;
      if (form === 'ordering') {
        notCarried.push({ lesson: it.lesson, question: q.id, reason: 'QTI 1.2 as Canvas imports it has no ordering question type' });
        continue;
      }
      questions++;
      if (it.variants[0].concrete.hints.length) notCarried.push({ lesson: it.lesson, question: q.id, reason: 'Canvas QTI 1.2 has no hints (exported without them)' });
      if (form === 'numeric' && it.variants[0].concrete.form === 'numeric' && it.variants[0].concrete.distractors.length) {
        notCarried.push({ lesson: it.lesson, question: q.id, reason: 'the feedback for common wrong numeric answers is not carried' });
      }
      const written = it.variants.map((v, i) => item(v.concrete, `${quiz.lesson}-${q.id}${q.kind === 'engine' ? `-v${i + 1}` : ''}`, q.kind === 'engine' ? `${q.id} (${v.label})` : q.id)).filter((x): x is string => x !== null);
      count += written.length;
      if (q.kind === 'engine') {
        body.push(
          `<section ident="${ident(`${quiz.lesson}-${q.id}`)}" title="${escapeXml(`${q.id}: 1 of ${written.length} variants`)}">`,
          '<selection_ordering><selection><selection_number>1</selection_number><selection_extension><points_per_item>1.0</points_per_item></selection_extension></selection></selection_ordering>',
          ...written,
          '</section>',
        );
      } else body.push(...written);
    }
    files.push({
      name: `${id}/${id}.xml`,
      content: [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">',
        `<assessment ident="${id}" title="${escapeXml(`InfraLab: ${quiz.title}`)}">`,
        `<qtimetadata>${field('cc_maxattempts', '1')}</qtimetadata>`,
        '<section ident="root_section">',
        ...body,
        '</section>',
        '</assessment>',
        '</questestinterop>',
        '',
      ].join('\n'),
    });
  }
  const manifest = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<manifest identifier="infralab-quizzes" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1">',
    '<metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion></metadata>',
    '<organizations/>',
    '<resources>',
    ...files.map((f) => `<resource identifier="${ident(f.name.split('/')[0])}" type="imsqti_xmlv1p2"><file href="${escapeXml(f.name)}"/></resource>`),
    '</resources>',
    '</manifest>',
    '',
  ].join('\n');
  const all = [{ name: 'imsmanifest.xml', content: manifest }, ...files];
  return { format: 'qti12', files: [...all, { name: 'infralab-quizzes.qti12.zip', content: zip(all) }], notCarried, questions, items: count };
}
