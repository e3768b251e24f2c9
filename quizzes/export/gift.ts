/**
 * GIFT (Moodle's text format). It carries single and multiple choice (weights as our partial-credit
 * rule), numeric answers with tolerance (distractors as 0% answers with feedback), categories for
 * the variants of engine questions, and general feedback (the explanation, and the source of a
 * factual question). It has no ordering type and cannot carry
 * hints or tasks: those are listed, not dropped silently.
 */
import type { Concrete, Quiz } from '../schema';
import { collect, conditionalDiagnoses, percent, promptText, type ExportResult, type NotCarried } from './collect';
import { decimal } from './decimal';

/** GIFT's special characters are escaped with a backslash. */
export function escapeGift(text: string): string {
  return text.replace(/([\\~=#{}:])/g, '\\$1').replace(/\n/g, ' ');
}

function body(c: Concrete): string | null {
  switch (c.form) {
    case 'single':
      return c.options.map((o) => `\t${o.correct ? '=' : '~'}${escapeGift(o.text)}${o.feedback ? `#${escapeGift(o.feedback)}` : ''}`).join('\n');
    case 'multiple': {
      const k = c.options.filter((o) => o.correct).length;
      return c.options
        .map((o) => `\t~%${percent(((o.correct ? 1 : -1) * 100) / k)}%${escapeGift(o.text)}${o.feedback ? `#${escapeGift(o.feedback)}` : ''}`)
        .join('\n');
    }
    case 'numeric':
      return [
        `\t=${decimal(c.key)}:${decimal(c.tolerance)}`,
        ...c.distractors.map((d) => `\t=%0%${decimal(d.value)}:${decimal(c.tolerance)}#${escapeGift(d.feedback)}`),
      ].join('\n');
    default:
      return null;
  }
}

export function exportGift(quizzes: Quiz[], variants: number): ExportResult {
  const { items, tasks } = collect(quizzes, variants);
  const notCarried: NotCarried[] = [...tasks];
  const out: string[] = ['// InfraLab quizzes, exported as GIFT. Keys are checked against the InfraLab engine.', ''];
  let lesson = '';
  let count = 0;
  let questions = 0;
  for (const item of items) {
    const q = item.question;
    const base = `$course$/top/InfraLab/${item.lessonTitle}`;
    if (item.variants[0].concrete.form === 'ordering') {
      notCarried.push({ lesson: item.lesson, question: q.id, kind: 'ordering', reason: 'GIFT has no ordering question type' });
      continue;
    }
    if (item.lesson !== lesson || q.kind === 'engine') {
      out.push(`$CATEGORY: ${q.kind === 'engine' ? `${base}/${q.id}` : base}`, '');
      lesson = q.kind === 'engine' ? '' : item.lesson;
    }
    questions++;
    item.variants.forEach((v, i) => {
      const c = v.concrete;
      const b = body(c)!;
      const name = q.kind === 'engine' ? `${q.id} v${i + 1}` : q.id;
      if (q.kind === 'engine') out.push(`// ${q.id}, variant ${i + 1}: ${v.label}`);
      const general = [c.explanation, ...conditionalDiagnoses(c), ...(c.source ? [`Source: ${c.source}`] : [])].join(' ');
      out.push(`::${escapeGift(name)}::${escapeGift(promptText(c))} {${c.form === 'numeric' ? '#' : ''}`, b, `\t####${escapeGift(general)}`, '}', '');
      count++;
    });
    if (item.variants[0].concrete.hints.length)
      notCarried.push({ lesson: item.lesson, question: q.id, kind: 'hints', reason: 'GIFT cannot carry hints (the question is exported without them)' });
  }
  return {
    format: 'gift',
    cannotCarry: ['task', 'ordering', 'hints'],
    files: [{ name: 'infralab-quizzes.gift.txt', content: out.join('\n') }],
    notCarried,
    questions,
    items: count,
  };
}
