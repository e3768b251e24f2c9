/**
 * QTI 1.2 for Canvas: one assessment per lesson in a zip with an IMS manifest. Single choice,
 * multiple answers and numerical questions are carried, each with the feedback of its options and
 * the explanation (and, for a factual question, its source) as general feedback, written as Canvas
 * writes them: an <itemfeedback> per option, shown by a <displayfeedback> in a <respcondition> that
 * matches that option. Each engine question becomes a question group (a section that picks 1 of its
 * concrete variants). Not carried: ordering (Canvas has no such type in QTI 1.2), tasks, hints, the
 * feedback of numeric distractors (a Canvas numerical answer is always a right answer). Canvas grades
 * multiple-answer questions with its own partial-credit setting, which may differ from ours.
 */
import type { Concrete, Quiz } from '../schema';
import { collect, escapeHtml, escapeXml, generalFeedbackHtml, promptText, type ExportResult, type NotCarried } from './collect';
import { toleranceBounds } from './decimal';
import { zip } from './zip';

const field = (label: string, entry: string) =>
  `<qtimetadatafield><fieldlabel>${label}</fieldlabel><fieldentry>${escapeXml(entry)}</fieldentry></qtimetadatafield>`;
const htmlMattext = (html: string) => `<material><mattext texttype="text/html">${escapeXml(html)}</mattext></material>`;
const mattext = (text: string) => htmlMattext(`<p>${escapeHtml(text)}</p>`);
const ident = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
const feedback = (id: string, html: string) => `<itemfeedback ident="${id}"><flow_mat>${htmlMattext(html)}</flow_mat></itemfeedback>`;
const showFeedback = (condition: string, id: string) =>
  `<respcondition continue="Yes"><conditionvar>${condition}</conditionvar><displayfeedback feedbacktype="Response" linkrefid="${id}"/></respcondition>`;
/**
 * The ident of an option's feedback. Canvas files a feedback whose ident says "correct", "wrong",
 * "general_" or "solution" as the question's overall feedback, so an option's feedback is named by
 * its position, never by the author's option id.
 */
const optionFeedbackId = (n: number) => `option${n + 1}_fb`;

function item(c: Concrete, id: string, title: string): string | null {
  const type = { single: 'multiple_choice_question', multiple: 'multiple_answers_question', numeric: 'numerical_question' }[c.form as 'single'];
  if (!type) return null;
  const lines = [
    `<item ident="${ident(id)}" title="${escapeXml(title)}">`,
    `<itemmetadata><qtimetadata>${field('question_type', type)}${field('points_possible', '1.0')}</qtimetadata></itemmetadata>`,
    '<presentation>',
    mattext(promptText(c)),
  ];
  // Feedback conditions come before the scoring one: Canvas reads the conditions in order, and a
  // feedback condition read after the scoring one would reset that option's weight to 0.
  const conditions = [showFeedback('<other/>', 'general_fb')];
  const feedbacks = [feedback('general_fb', generalFeedbackHtml(c))];
  let scoring = '';
  if (c.form === 'single' || c.form === 'multiple') {
    lines.push(`<response_lid ident="response1" rcardinality="${c.form === 'single' ? 'Single' : 'Multiple'}"><render_choice>`);
    for (const o of c.options) lines.push(`<response_label ident="${ident(o.id)}">${mattext(o.text)}</response_label>`);
    lines.push('</render_choice></response_lid>');
    c.options.forEach((o, n) => {
      if (!o.feedback) return;
      conditions.push(showFeedback(`<varequal respident="response1">${ident(o.id)}</varequal>`, optionFeedbackId(n)));
      feedbacks.push(feedback(optionFeedbackId(n), `<p>${escapeHtml(o.feedback)}</p>`));
    });
    scoring =
      c.form === 'single'
        ? `<varequal respident="response1">${ident(c.options.find((o) => o.correct)!.id)}</varequal>`
        : `<and>${c.options.map((o) => (o.correct ? `<varequal respident="response1">${ident(o.id)}</varequal>` : `<not><varequal respident="response1">${ident(o.id)}</varequal></not>`)).join('')}</and>`;
  } else if (c.form === 'numeric') {
    // As Canvas writes an exact answer with a margin; the bounds are exact decimals, so the margin
    // Canvas takes back (upper bound minus answer, in BigDecimal) is the tolerance itself.
    const b = toleranceBounds(c.key, c.tolerance);
    lines.push(
      '<response_str ident="response1" rcardinality="Single"><render_fib fibtype="Decimal"><response_label ident="answer1"/></render_fib></response_str>',
    );
    scoring = `<or><varequal respident="response1">${b.key}</varequal><and><vargte respident="response1">${b.low}</vargte><varlte respident="response1">${b.high}</varlte></and></or>`;
  }
  lines.push(
    '</presentation>',
    '<resprocessing>',
    '<outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>',
    ...conditions,
    `<respcondition continue="No"><conditionvar>${scoring}</conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`,
    '</resprocessing>',
    ...feedbacks,
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
        notCarried.push({ lesson: it.lesson, question: q.id, kind: 'ordering', reason: 'QTI 1.2 as Canvas imports it has no ordering question type' });
        continue;
      }
      questions++;
      if (it.variants[0].concrete.hints.length)
        notCarried.push({ lesson: it.lesson, question: q.id, kind: 'hints', reason: 'Canvas QTI 1.2 has no hints (exported without them)' });
      if (form === 'multiple') {
        notCarried.push({
          lesson: it.lesson,
          question: q.id,
          kind: 'partialCredit',
          reason: 'Canvas scores multiple answers by its own grading option, not by the file (in New Quizzes, "Partial credit with penalty" is our rule)',
        });
      }
      if (form === 'numeric' && it.variants[0].concrete.form === 'numeric' && it.variants[0].concrete.distractors.length) {
        notCarried.push({
          lesson: it.lesson,
          question: q.id,
          kind: 'numericFeedback',
          reason: 'the feedback for common wrong numeric answers is not carried (a Canvas numerical answer is always a right answer)',
        });
      }
      const written = it.variants
        .map((v, i) =>
          item(v.concrete, `${quiz.lesson}-${q.id}${q.kind === 'engine' ? `-v${i + 1}` : ''}`, q.kind === 'engine' ? `${q.id} (${v.label})` : q.id),
        )
        .filter((x): x is string => x !== null);
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
        // No namespace: QTI 1.2.1's DTD binding has none, and the DTD is what these files are checked against.
        '<questestinterop>',
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
  return {
    format: 'qti12',
    cannotCarry: ['task', 'ordering', 'hints', 'numericFeedback', 'partialCredit'],
    files: [...all, { name: 'infralab-quizzes.qti12.zip', content: zip(all) }],
    notCarried,
    questions,
    items: count,
  };
}
