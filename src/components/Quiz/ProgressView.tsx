/**
 * Progress across lessons, with export to a JSON file and import from one. An imported file is
 * checked with the progress schema; a bad one is refused with what is wrong, and nothing changes.
 */
import React, { useEffect, useRef, useState } from 'react';
import { allQuizzes } from '@site/quizzes';
import { lessonTitle, sectionPath } from '@site/quizzes/diagnosis-text';
import { misconceptionCatalogue } from '@site/quizzes/misconceptions';
import { nextSeed } from '@site/quizzes/variants';
import { downloadText } from './download';
import { checkAgainstQuizzes, parseProgressText, progressFileName, type Belief, type Progress } from './progress';
import { withVariant } from './variantParam';
import { useProgress } from './useProgress';
import { ProgressProblemNotice } from './ProgressProblemNotice';
import styles from './styles.module.css';

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ''));
const maxImportBytes = 1_000_000;
// The map may name a belief from any lesson: this page has the whole catalogue.
const catalogue = new Map(misconceptionCatalogue.map((m) => [m.id, m]));
const when = (iso: string) => `${new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`;

/** A variant other than the one that showed the belief, the same for the same entry (no re-render churn). */
function otherVariant(id: string, b: Belief): number {
  let h = 0;
  for (const c of `${id}:${b.suggestedAt}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return nextSeed(b.variant, () => (h % 10_000) / 10_000);
}

/**
 * The misconception map: the beliefs the reader's answers suggested, still open first, each with
 * the section that corrects it and a link to the question in a new variant.
 */
function MisconceptionMap({
  beliefs,
  questionNumber,
}: {
  beliefs: Record<string, Belief>;
  questionNumber: (lesson: string, question: string) => number | null;
}): React.JSX.Element {
  const entries = Object.entries(beliefs)
    .flatMap(([id, b]) => {
      const m = catalogue.get(id);
      return m ? [{ id, b, m }] : [];
    })
    .sort((x, y) => Number(!!x.b.clearedAt) - Number(!!y.b.clearedAt) || y.b.suggestedAt.localeCompare(x.b.suggestedAt));
  const open = entries.filter((e) => !e.b.clearedAt).length;
  return (
    <section aria-labelledby="misconception-map" data-testid="misconception-map">
      <h2 id="misconception-map">What your answers suggest</h2>
      {entries.length === 0 ? (
        <p>No wrong answer so far has pointed to a misconception. When one does, it is listed here with the section that corrects it.</p>
      ) : (
        <>
          <p>
            {open} belief{open === 1 ? '' : 's'} to revisit{entries.length > open ? `, ${entries.length - open} since answered right in a new variant` : ''}. A
            belief counts as answered once you answer a question that probes it right in a new variant, or another question that probes it.
          </p>
          <ul className={styles.beliefs}>
            {entries.map(({ id, b, m }) => {
              const n = questionNumber(b.lesson, b.question);
              const seed = otherVariant(id, b);
              const href = `/docs/lessons/${b.lesson}${withVariant('', b.lesson, seed)}#quiz-${b.lesson}-${b.question}-title`;
              return (
                <li key={id} data-misconception={id} data-cleared={b.clearedAt ? 'true' : 'false'}>
                  <p>
                    <strong>{b.clearedAt ? 'Answered right since: ' : 'You may believe: '}</strong>“{m.belief}”
                  </p>
                  <p>{m.why}</p>
                  <p className={styles.detail}>
                    Suggested by your answer to question {n ?? b.question} of {lessonTitle(b.lesson)} (variant {b.variant}), {when(b.suggestedAt)}.
                    {b.clearedAt ? ` Answered right in a new variant ${when(b.clearedAt)}.` : ''}
                  </p>
                  <p className={styles.actions}>
                    <a href={sectionPath(m)}>Read “{m.section}”</a>
                    <a
                      className="button button--sm button--secondary"
                      href={href}
                      aria-label={`Try a new variant of question ${n ?? b.question} of ${lessonTitle(b.lesson)}`}
                    >
                      Try a new variant
                    </a>
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

export default function ProgressView({ renderLink }: { renderLink: (lesson: string, title: string) => React.ReactNode }): React.JSX.Element {
  const progress = useProgress();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  /** A file read and checked, waiting for the reader to confirm that it replaces what is saved. */
  const [pending, setPending] = useState<{ name: string; progress: Progress } | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (pending) confirmButton.current?.focus();
  }, [pending]);
  const fileInput = useRef<HTMLInputElement>(null);
  const quizzes = allQuizzes();
  const lessons = progress.progress?.lessons ?? {};

  const exportFile = () => {
    if (!progress.progress) return;
    downloadText(progressFileName(new Date()), `${JSON.stringify(progress.progress, null, 2)}\n`);
    setMessage({ ok: true, text: 'Your progress was saved as a file.' });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const refuse = (why: string) => setMessage({ ok: false, text: `${file.name} was not imported: ${why}. Nothing was changed.` });
    if (file.size > maxImportBytes) return refuse(`it is ${file.size.toLocaleString('en')} bytes; a progress file is far smaller`);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse('it could not be read');
    }
    if (text.trim() === '') return refuse('the file is empty');
    const parsed = parseProgressText(text);
    if (!parsed.ok) return refuse(parsed.kind === 'old-format' ? `${parsed.message}; this page reads format version 1` : parsed.message);
    const impossible = checkAgainstQuizzes(
      parsed.progress,
      quizzes.map((q) => ({ lesson: q.lesson, title: q.title, questionIds: q.questions.map((x) => x.id) })),
    );
    if (impossible) return refuse(impossible);
    if (Object.keys(lessons).length > 0) {
      setMessage(null);
      setPending({ name: file.name, progress: parsed.progress });
      return;
    }
    replaceWith(file.name, parsed.progress);
  };

  const replaceWith = (name: string, next: Progress) => {
    const saved = progress.replace(next);
    const n = Object.keys(next.lessons).length;
    setPending(null);
    setMessage({
      ok: true,
      text: `Imported progress for ${n} lesson${n === 1 ? '' : 's'} from ${name}.${saved ? '' : ' Your browser did not let this page save it, so it lasts until you leave.'}`,
    });
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  const keepMine = () => {
    if (pending) setMessage({ ok: true, text: `${pending.name} was not imported. Nothing was changed.` });
    setPending(null);
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  const lessonCount = (p: Progress) => {
    const n = Object.keys(p.lessons).length;
    return `${n} lesson${n === 1 ? '' : 's'}`;
  };

  const totals = quizzes.reduce((t, q) => ({ score: t.score + (lessons[q.lesson]?.score ?? 0), outOf: t.outOf + q.questions.length }), { score: 0, outOf: 0 });

  return (
    <div className={styles.quiz}>
      {progress.problem && (
        <ProgressProblemNotice problem={progress.problem} replacedBy="answer a question or import a file" onDismiss={progress.dismissProblem} />
      )}
      <p>Your answers are kept in this browser only. Save them as a file to move them to another browser, or to keep a copy.</p>
      <table className={styles.table} tabIndex={0}>
        <caption id="progress-caption">Quiz progress by lesson</caption>
        <thead>
          <tr>
            <th scope="col">Lesson</th>
            <th scope="col">Latest score</th>
            <th scope="col">Best</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last answered</th>
          </tr>
        </thead>
        <tbody>
          {quizzes.map((q) => {
            const p = lessons[q.lesson];
            return (
              <tr key={q.lesson}>
                <th scope="row">{renderLink(q.lesson, q.title)}</th>
                <td>{p ? `${points(p.score)} of ${p.outOf}` : 'not started'}</td>
                <td>{p ? `${points(p.best)} of ${p.outOf}` : '—'}</td>
                <td>{p ? p.attempts : 0}</td>
                <td>{p ? new Date(p.updatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : '—'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All lessons</th>
            <td colSpan={4}>
              {points(totals.score)} of {totals.outOf} questions
            </td>
          </tr>
        </tfoot>
      </table>
      {progress.progress && (
        <MisconceptionMap
          beliefs={progress.progress.misconceptions ?? {}}
          questionNumber={(lesson, question) => {
            const i = quizzes.find((q) => q.lesson === lesson)?.questions.findIndex((x) => x.id === question) ?? -1;
            return i >= 0 ? i + 1 : null;
          }}
        />
      )}
      <div className={styles.actions}>
        <button type="button" className="button button--primary" onClick={exportFile} disabled={!progress.progress}>
          Export progress as a file
        </button>
      </div>
      <div className={styles.control}>
        <label htmlFor="progress-import">Import progress from a file (replaces what this browser has)</label>
        <input ref={fileInput} id="progress-import" type="file" accept=".json,application/json" onChange={(e) => void importFile(e.target.files?.[0])} />
      </div>
      {pending && progress.progress && (
        <div className={styles.notice} role="group" aria-labelledby="progress-import-confirm">
          <p id="progress-import-confirm">
            {pending.name} holds progress for {lessonCount(pending.progress)}; this browser has progress for {lessonCount(progress.progress)}. Importing
            replaces all of it
            {Object.keys(progress.progress.lessons).some((l) => !(l in pending.progress.lessons)) ? ', and the lessons the file does not have are lost' : ''}.
            Export yours first if you may want it back.
          </p>
          <p className={styles.actions}>
            <button ref={confirmButton} type="button" className="button button--sm button--primary" onClick={() => replaceWith(pending.name, pending.progress)}>
              Replace my progress
            </button>
            <button type="button" className="button button--sm button--secondary" onClick={keepMine}>
              Keep my progress
            </button>
          </p>
        </div>
      )}
      <div role="status" className={styles.status}>
        {message?.ok && <p className={styles['verdict-ok']}>{message.text}</p>}
      </div>
      <div role="alert" className={styles.status}>
        {message && !message.ok && <p className={styles['verdict-bad']}>{message.text}</p>}
      </div>
    </div>
  );
}
