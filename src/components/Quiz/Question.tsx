/**
 * One question: its form, Check / Try again / hint / "show me" buttons, the grade (announced), the
 * explanation. Owns the reader's answer; tells the quiz each grade.
 */
import React, { useLayoutEffect, useRef, useState } from 'react';
import { diagnosesOf, grade as gradeAnswer, gradeTask, readNumber, type Diagnosis, type Grade } from '@site/quizzes/grade';
import type { Answer, Concrete, Question as QuestionDef } from '@site/quizzes/schema';
import { defaultConfig } from '@site/quizzes/controls';
import type { TaskVerdict } from '@site/quizzes/task';
import DiagnosisList from './Diagnosis';
import MultipleSelect from './MultipleSelect';
import Numeric from './Numeric';
import Ordering from './Ordering';
import SingleChoice from './SingleChoice';
import type { QuizEngine } from './engine';
import styles from './styles.module.css';

export function emptyAnswer(q: Concrete): Answer {
  switch (q.form) {
    case 'single':
      return { form: 'single', choice: null };
    case 'multiple':
      return { form: 'multiple', chosen: [] };
    case 'numeric':
      return { form: 'numeric', text: '' };
    case 'ordering':
      return { form: 'ordering', order: q.start };
    case 'task':
      return { form: 'task', config: defaultConfig(q.controls) };
  }
}

/** The reader's answer in words, for the replay. */
function answerText(q: Concrete, a: Answer): string {
  switch (a.form) {
    case 'single':
      return q.form === 'single' ? (q.options.find((o) => o.id === a.choice)?.text ?? 'nothing') : '';
    case 'multiple':
      return q.form === 'multiple'
        ? q.options
            .filter((o) => a.chosen.includes(o.id))
            .map((o) => `“${o.text}”`)
            .join(', ') || 'nothing'
        : '';
    case 'numeric':
      return q.form === 'numeric' ? `${a.text.trim()}${q.unit ? ` ${q.unit}` : ''}` : '';
    case 'ordering':
      return q.form === 'ordering' ? a.order.map((id) => q.items.find((i) => i.id === id)?.text ?? id).join(' → ') : '';
    case 'task':
      return '';
  }
}

function isAnswered(a: Answer): boolean {
  switch (a.form) {
    case 'single':
      return a.choice !== null;
    case 'multiple':
      return a.chosen.length > 0;
    case 'numeric':
      return a.text.trim() !== '';
    default:
      return true;
  }
}

export interface QuestionProps {
  definition: QuestionDef;
  concrete: Concrete;
  number: number;
  total: number;
  domId: string;
  hidden: boolean;
  /** Each grade (null when the reader tries again), with what a wrong answer suggests. */
  onGraded: (id: string, grade: Grade | null, answer: Answer, diagnoses: Diagnosis[]) => void;
  /** The answer saved for this question in this variant: shown graded again after a reload. */
  saved?: Answer;
  sectionRef?: (el: HTMLElement | null) => void;
  /** The task grader and the replay. */
  engine: QuizEngine;
}

/** Whether a saved answer still fits the question (a quiz may have changed since it was saved). */
function fits(q: Concrete, a: Answer): boolean {
  switch (a.form) {
    case 'single':
      return q.form === 'single' && (a.choice === null || q.options.some((o) => o.id === a.choice));
    case 'multiple':
      return q.form === 'multiple' && a.chosen.every((id) => q.options.some((o) => o.id === id));
    case 'numeric':
      return q.form === 'numeric';
    case 'ordering':
      return q.form === 'ordering' && a.order.length === q.items.length && q.items.every((i) => a.order.includes(i.id));
    case 'task':
      return q.form === 'task' && q.controls.every((c) => c.id in a.config);
  }
}

type Graded = { grade: Grade; verdict: TaskVerdict | null };

/** Grades an answer: the grade (and a task's verdict), or why it cannot be graded yet. */
function gradeOf(definition: QuestionDef, concrete: Concrete, a: Answer, engine: QuizEngine): Graded | { problem: string } {
  if (!isAnswered(a)) return { problem: a.form === 'numeric' ? 'Type a number first.' : 'Choose an answer first.' };
  if (a.form === 'numeric' && concrete.form === 'numeric') {
    const reading = readNumber(a.text, concrete.unit);
    if ('problem' in reading) return { problem: reading.problem };
  }
  if (a.form === 'task' && definition.kind === 'task') {
    try {
      if (!engine.tasks) throw new Error('no task grader was loaded with this quiz');
      const v = engine.tasks.run(definition, a.config);
      return { grade: gradeTask(v.checks), verdict: v };
    } catch (err) {
      return { problem: `The engine could not run this configuration: ${(err as Error).message}` };
    }
  }
  return { grade: gradeAnswer(concrete, a), verdict: null };
}

/** A saved answer that still fits the question, graded again; null when there is none to show. */
function restore(definition: QuestionDef, concrete: Concrete, saved: Answer | undefined, engine: QuizEngine): (Graded & { answer: Answer }) | null {
  if (!saved || !fits(concrete, saved)) return null;
  const result = gradeOf(definition, concrete, saved, engine);
  return 'problem' in result ? null : { ...result, answer: saved };
}

export default function Question({
  definition,
  concrete,
  number,
  total,
  domId,
  hidden,
  onGraded,
  sectionRef,
  saved,
  engine,
}: QuestionProps): React.JSX.Element {
  // The quiz mounts a question again once saved progress is read, so a reload shows the saved answer graded.
  const [restored] = useState(() => restore(definition, concrete, saved, engine));
  const [answer, setAnswer] = useState<Answer>(() => restored?.answer ?? emptyAnswer(concrete));
  const [grade, setGrade] = useState<Grade | null>(restored?.grade ?? null);
  const [verdict, setVerdict] = useState<TaskVerdict | null>(restored?.verdict ?? null);
  // Wrong tries so far: the first earns a hint and another try, the second the answer. A saved wrong
  // answer counts as one, so a reload does not give the answer away.
  const [wrongTries, setWrongTries] = useState(restored && !restored.grade.correct ? 1 : 0);
  const [answerAsked, setAnswerAsked] = useState(false);
  const [hints, setHints] = useState(0);
  const [showMe, setShowMe] = useState(false);
  const [nudge, setNudge] = useState('');
  // Where focus goes after Check or Try again: the pressed button leaves the page, so focus would
  // fall to <body>. After a grade, to Try again; after Try again, back to the first answer field.
  const focusAfter = useRef<'retry' | 'answer' | null>(null);
  const retryButton = useRef<HTMLButtonElement>(null);
  const fieldset = useRef<HTMLFieldSetElement>(null);
  // A layout effect, so focus moves in the same commit that shows the new button: nothing (a reader's
  // next key, a test) can act between the button appearing and focus arriving on it.
  useLayoutEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = null;
    if (target === 'retry') retryButton.current?.focus();
    if (target === 'answer') {
      const fields = fieldset.current;
      (fields?.querySelector<HTMLElement>('input:checked') ?? fields?.querySelector<HTMLElement>('input, select, button'))?.focus();
    }
  }, [grade]);

  const check = (e: React.FormEvent) => {
    e.preventDefault();
    const result = gradeOf(definition, concrete, answer, engine);
    if ('problem' in result) {
      setNudge(result.problem);
      return;
    }
    setNudge('');
    setVerdict(result.verdict);
    focusAfter.current = 'retry';
    setGrade(result.grade);
    if (!result.grade.correct) {
      const tries = wrongTries + 1;
      setWrongTries(tries);
      // The first wrong try opens the first hint, if the reader has not already read it.
      if (tries === 1 && concrete.hints.length > 0) setHints((h) => Math.max(h, 1));
    }
    onGraded(concrete.id, result.grade, answer, diagnosesOf(concrete, result.grade));
  };

  const tryAgain = () => {
    focusAfter.current = 'answer';
    setGrade(null);
    setVerdict(null);
    setShowMe(false);
    onGraded(concrete.id, null, answer, []);
  };

  const revealed = grade !== null && (grade.correct || wrongTries >= 2 || answerAsked);
  const diagnoses = grade && !grade.correct ? diagnosesOf(concrete, grade) : [];

  const name = domId;
  const input = (() => {
    switch (concrete.form) {
      case 'single':
        return (
          <SingleChoice
            question={concrete}
            choice={answer.form === 'single' ? answer.choice : null}
            onChange={(choice) => setAnswer({ form: 'single', choice })}
            grade={grade}
            name={name}
            reveal={revealed}
          />
        );
      case 'multiple':
        return (
          <MultipleSelect
            question={concrete}
            chosen={answer.form === 'multiple' ? answer.chosen : []}
            onChange={(chosen) => setAnswer({ form: 'multiple', chosen })}
            grade={grade}
            name={name}
            reveal={revealed}
          />
        );
      case 'numeric':
        return (
          <Numeric
            question={concrete}
            text={answer.form === 'numeric' ? answer.text : ''}
            onChange={(text) => setAnswer({ form: 'numeric', text })}
            grade={grade}
            name={name}
            reveal={revealed}
          />
        );
      case 'ordering':
        return (
          <Ordering
            question={concrete}
            order={answer.form === 'ordering' ? answer.order : concrete.start}
            onChange={(order) => setAnswer({ form: 'ordering', order })}
            grade={grade}
            name={name}
            reveal={revealed}
          />
        );
      case 'task': {
        // The island loads the tasks' kit with every quiz that has a task.
        if (!engine.tasks) throw new Error(`task ${concrete.id}: no task kit was loaded with this quiz`);
        const Task = engine.tasks.Form;
        return (
          <Task
            controls={concrete.controls}
            config={answer.form === 'task' ? answer.config : defaultConfig(concrete.controls)}
            onChange={(config) => setAnswer({ form: 'task', config })}
            name={name}
          />
        );
      }
    }
  })();

  const engineQuestion = definition.kind === 'engine' ? definition : null;
  const Replay = engine.Replay;
  const hintsLeft = concrete.hints.length - hints;

  return (
    <section className={styles.question} aria-labelledby={`${domId}-title`} hidden={hidden} tabIndex={-1} ref={sectionRef} data-question={concrete.id}>
      <div className={styles.questionHead}>
        <h3 id={`${domId}-title`} className={styles.questionTitle}>
          Question {number} of {total}
        </h3>
        <span className={styles.badge}>
          {concrete.engine ? (concrete.form === 'task' ? 'task: graded by the engine' : 'checked by the engine') : 'a fact, with its source'}
        </span>
      </div>
      <form onSubmit={check} noValidate>
        <fieldset ref={fieldset} className={styles.fieldset} disabled={grade !== null}>
          <legend className={styles.prompt}>{concrete.prompt}</legend>
          {input}
        </fieldset>
        <div className={styles.actions}>
          {/* Distinct keys: React must not turn the pressed Try again into a submit button mid-click. */}
          {grade === null ? (
            <button key="check" type="submit" className="button button--primary">
              {concrete.form === 'task' ? 'Check with the engine' : 'Check answer'}
            </button>
          ) : (
            <button key="retry" ref={retryButton} type="button" className="button button--secondary" onClick={tryAgain}>
              Try again
            </button>
          )}
          {hintsLeft > 0 && (
            <button type="button" className="button button--secondary" onClick={() => setHints((h) => h + 1)}>
              Show a hint ({hints + 1} of {concrete.hints.length})
            </button>
          )}
          {grade !== null && !revealed && (
            <button type="button" className="button button--secondary" onClick={() => setAnswerAsked(true)}>
              Show the answer
            </button>
          )}
          {engineQuestion && grade !== null && (
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={showMe}
              aria-controls={`${domId}-replay`}
              onClick={() => setShowMe((s) => !s)}
            >
              {showMe ? 'Hide the engine’s run' : 'Show me in the engine'}
            </button>
          )}
        </div>
        <div role="status" className={styles.status}>
          {nudge && <p className={styles['verdict-bad']}>{nudge}</p>}
          {grade && (
            <p className={grade.correct ? styles['verdict-ok'] : styles['verdict-bad']}>
              <strong>{grade.summary}</strong>
              {!revealed &&
                ` Not the answer yet: ${concrete.hints.length > 0 ? 'read the hint and what your answer suggests, then try again.' : 'read what your answer suggests, then try again.'}`}
            </p>
          )}
        </div>
        {grade && !grade.correct && <DiagnosisList diagnoses={diagnoses} id={`${domId}-diagnosis`} />}
        {hints > 0 && (
          <ol className={styles.hints} aria-label="Hints">
            {concrete.hints.slice(0, hints).map((h, i) => (
              <li key={i}>{h}</li>
            ))}
          </ol>
        )}
        {grade && revealed && (
          <div className={styles.explanation}>
            <p>
              <strong>Why: </strong>
              {concrete.explanation}
            </p>
            {concrete.source && (
              <p className={styles.detail}>
                Source: <a href={concrete.source}>{concrete.source}</a>
                {concrete.sourceAsOf ? `, as of ${concrete.sourceAsOf}` : ''}
              </p>
            )}
          </div>
        )}
        {verdict && engine.tasks && <engine.tasks.Outcome verdict={verdict} />}
        {engineQuestion && showMe && grade && (
          <Replay
            question={engineQuestion}
            params={concrete.params}
            answer={{ text: answerText(concrete, answer), correct: grade.correct }}
            id={`${domId}-replay`}
          />
        )}
      </form>
    </section>
  );
}
