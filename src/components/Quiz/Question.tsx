/**
 * One question: its form, Check / Try again / hint / "show me" buttons, the grade (announced), the
 * explanation. Owns the reader's answer; tells the quiz each grade.
 */
import React, { useState } from 'react';
import { grade as gradeAnswer, gradeTask, type Grade } from '@site/quizzes/grade';
import type { Answer, Concrete, Question as QuestionDef } from '@site/quizzes/schema';
import { defaultConfig, runTask, type TaskVerdict } from '@site/quizzes/task';
import MultipleSelect from './MultipleSelect';
import Numeric from './Numeric';
import Ordering from './Ordering';
import Replay from './Replay';
import SingleChoice from './SingleChoice';
import Task, { TaskOutcome } from './Task';
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
      return q.form === 'multiple' ? q.options.filter((o) => a.chosen.includes(o.id)).map((o) => `“${o.text}”`).join(', ') || 'nothing' : '';
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
  onGraded: (id: string, grade: Grade | null) => void;
  sectionRef?: (el: HTMLElement | null) => void;
}

export default function Question({ definition, concrete, number, total, domId, hidden, onGraded, sectionRef }: QuestionProps): React.JSX.Element {
  const [answer, setAnswer] = useState<Answer>(() => emptyAnswer(concrete));
  const [grade, setGrade] = useState<Grade | null>(null);
  const [verdict, setVerdict] = useState<TaskVerdict | null>(null);
  const [hints, setHints] = useState(0);
  const [showMe, setShowMe] = useState(false);
  const [nudge, setNudge] = useState('');

  const check = (e: React.FormEvent) => {
    e.preventDefault();
    if (!isAnswered(answer)) {
      setNudge(answer.form === 'numeric' ? 'Type a number first.' : 'Choose an answer first.');
      return;
    }
    setNudge('');
    let g: Grade;
    if (answer.form === 'task' && definition.kind === 'task') {
      try {
        const v = runTask(definition, answer.config);
        setVerdict(v);
        g = gradeTask(v.checks);
      } catch (err) {
        setNudge(`The engine could not run this configuration: ${(err as Error).message}`);
        return;
      }
    } else g = gradeAnswer(concrete, answer);
    setGrade(g);
    onGraded(concrete.id, g);
  };

  const tryAgain = () => {
    setGrade(null);
    setVerdict(null);
    setShowMe(false);
    onGraded(concrete.id, null);
  };

  const name = domId;
  const input = (() => {
    switch (concrete.form) {
      case 'single':
        return <SingleChoice question={concrete} choice={answer.form === 'single' ? answer.choice : null} onChange={(choice) => setAnswer({ form: 'single', choice })} grade={grade} name={name} />;
      case 'multiple':
        return <MultipleSelect question={concrete} chosen={answer.form === 'multiple' ? answer.chosen : []} onChange={(chosen) => setAnswer({ form: 'multiple', chosen })} grade={grade} name={name} />;
      case 'numeric':
        return <Numeric question={concrete} text={answer.form === 'numeric' ? answer.text : ''} onChange={(text) => setAnswer({ form: 'numeric', text })} grade={grade} name={name} />;
      case 'ordering':
        return <Ordering question={concrete} order={answer.form === 'ordering' ? answer.order : concrete.start} onChange={(order) => setAnswer({ form: 'ordering', order })} grade={grade} name={name} />;
      case 'task':
        return <Task controls={concrete.controls} config={answer.form === 'task' ? answer.config : defaultConfig(concrete.controls)} onChange={(config) => setAnswer({ form: 'task', config })} name={name} />;
    }
  })();

  const engineQuestion = definition.kind === 'engine' ? definition : null;
  const hintsLeft = concrete.hints.length - hints;

  return (
    <section className={styles.question} aria-labelledby={`${domId}-title`} hidden={hidden} tabIndex={-1} ref={sectionRef} data-question={concrete.id}>
      <div className={styles.questionHead}>
        <h3 id={`${domId}-title`} className={styles.questionTitle}>
          Question {number} of {total}
        </h3>
        <span className={styles.badge}>{concrete.engine ? (concrete.form === 'task' ? 'task: graded by the engine' : 'checked by the engine') : 'a fact, with its source'}</span>
      </div>
      <form onSubmit={check} noValidate>
        <fieldset className={styles.fieldset} disabled={grade !== null}>
          <legend className={styles.prompt}>{concrete.prompt}</legend>
          {input}
        </fieldset>
        <div className={styles.actions}>
          {grade === null ? (
            <button type="submit" className="button button--primary">
              {concrete.form === 'task' ? 'Check with the engine' : 'Check answer'}
            </button>
          ) : (
            <button type="button" className="button button--secondary" onClick={tryAgain}>
              Try again
            </button>
          )}
          {hintsLeft > 0 && (
            <button type="button" className="button button--secondary" onClick={() => setHints((h) => h + 1)}>
              Show a hint ({hints + 1} of {concrete.hints.length})
            </button>
          )}
          {engineQuestion && grade !== null && (
            <button type="button" className="button button--secondary" aria-expanded={showMe} aria-controls={`${domId}-replay`} onClick={() => setShowMe((s) => !s)}>
              {showMe ? 'Hide the engine’s run' : 'Show me in the engine'}
            </button>
          )}
        </div>
        <div role="status" className={styles.status}>
          {nudge && <p className={styles['verdict-bad']}>{nudge}</p>}
          {grade && (
            <p className={grade.correct ? styles['verdict-ok'] : styles['verdict-bad']}>
              <strong>{grade.summary}</strong>
            </p>
          )}
        </div>
        {hints > 0 && (
          <ol className={styles.hints} aria-label="Hints">
            {concrete.hints.slice(0, hints).map((h, i) => (
              <li key={i}>{h}</li>
            ))}
          </ol>
        )}
        {grade && (
          <div className={styles.explanation}>
            <p>
              <strong>Why: </strong>
              {concrete.explanation}
            </p>
            {concrete.source && (
              <p className={styles.detail}>
                Source: <a href={concrete.source}>{concrete.source}</a>
              </p>
            )}
          </div>
        )}
        {verdict && <TaskOutcome verdict={verdict} />}
        {engineQuestion && showMe && grade && (
          <Replay question={engineQuestion} params={concrete.params} answer={{ text: answerText(concrete, answer), correct: grade.correct }} id={`${domId}-replay`} />
        )}
      </form>
    </section>
  );
}
