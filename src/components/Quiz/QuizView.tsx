/**
 * One lesson's quiz, parsed: a seeded variant (from the address, `?v-regions=1234`, read after
 * mount), one question at a time or all, instant grading, progress saved in the browser. Lessons
 * embed it through `<Quiz quiz="regions" />` (./index.tsx), which loads only that lesson's quiz.
 */
import React, { useEffect, useMemo, useRef, useState } from 'react';
import type { QuizLoad } from '@site/quizzes/parse';
import { concreteQuiz, probesOf } from '@site/quizzes/concrete';
import type { Diagnosis, Grade } from '@site/quizzes/grade';
import type { Answer, Quiz as QuizDef } from '@site/quizzes/schema';
import { defaultSeed, nextSeed } from '@site/quizzes/variants';
import Question from './Question';
import type { QuizEngine } from './engine';
import { readProgress } from './progress';
import { browserStorage, useProgress } from './useProgress';
import { readVariant, variantParamName, withVariant } from './variantParam';
import { ProgressProblemNotice } from './ProgressProblemNotice';
import styles from './styles.module.css';

// For the island (./index.tsx), which tells the wording the misconceptions its quiz names: taken
// from this module, whose chunk holds it already, rather than from a second chunk with a copy.
export { learnMisconceptions } from '@site/quizzes/diagnosis-text';
export { default as ReplayOnDemand } from './ReplayOnDemand';

const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ''));

export function QuizView({ quiz, engine }: { quiz: QuizDef; engine: QuizEngine }): React.JSX.Element {
  const lesson = quiz.lesson;
  const [seed, setSeed] = useState(defaultSeed);
  const [variantNotice, setVariantNotice] = useState<string | null>(null);
  const [linkStatus, setLinkStatus] = useState('');
  const [mode, setMode] = useState<'one' | 'all'>('all');
  const [current, setCurrent] = useState(0);
  const sections = useRef<(HTMLElement | null)[]>([]);
  const progress = useProgress();

  // The variant: the link's, else the one of the saved attempt, else the default. After mount only.
  useEffect(() => {
    const search = window.location.search;
    const v = readVariant(search, lesson);
    if (new URLSearchParams(search).has(variantParamName(lesson))) {
      setSeed(v.seed);
      setVariantNotice(v.notice);
    } else {
      const saved = readProgress(browserStorage()).progress.lessons[lesson];
      if (saved) setSeed(saved.variant);
    }
  }, [lesson]);

  const concrete = useMemo(() => concreteQuiz(quiz, seed), [quiz, seed]);
  const total = concrete.length;

  const onGraded = (id: string, grade: Grade | null, answer: Answer, diagnoses: Diagnosis[]) => {
    if (!grade) return;
    const definition = quiz.questions.find((q) => q.id === id);
    progress.record(lesson, {
      variant: seed,
      questionId: id,
      points: grade.score,
      outOf: total,
      answer,
      correct: grade.correct,
      suggests: diagnoses.flatMap((d) => (d.misconception ? [d.misconception] : [])),
      probes: definition ? probesOf(definition) : [],
    });
  };

  const newVariant = () => {
    const s = nextSeed(seed, Math.random);
    setSeed(s);
    setCurrent(0);
    setVariantNotice(null);
    setLinkStatus('');
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${withVariant(window.location.search, lesson, s)}${window.location.hash}`,
    );
  };

  const copyLink = async () => {
    const url = `${window.location.origin}${window.location.pathname}${withVariant(window.location.search, lesson, seed)}`;
    try {
      await navigator.clipboard.writeText(url);
      setLinkStatus(`Link copied: ${url}`);
    } catch {
      setLinkStatus(`Copy this link: ${url}`);
    }
  };

  const go = (index: number) => {
    setCurrent(index);
    requestAnimationFrame(() => sections.current[index]?.focus());
  };

  const saved = progress.progress?.lessons[lesson];
  const attempt = saved && saved.variant === seed && saved.outOf === total ? saved : null;
  const score = attempt?.score ?? 0;
  const answeredCount = attempt ? Object.keys(attempt.answered).length : 0;
  const base = `quiz-${lesson}`;

  return (
    <div className={styles.quiz} data-quiz={lesson} data-variant={seed}>
      {progress.problem && <ProgressProblemNotice problem={progress.problem} replacedBy="answer a question" onDismiss={progress.dismissProblem} />}
      {variantNotice && (
        <p className={styles.notice} role="alert">
          {variantNotice}
        </p>
      )}
      <div className={styles.toolbar}>
        <fieldset className={styles.mode}>
          <legend>Show</legend>
          <label>
            <input type="radio" name={`${base}-mode`} value="one" checked={mode === 'one'} onChange={() => setMode('one')} /> one question at a time
          </label>
          <label>
            <input type="radio" name={`${base}-mode`} value="all" checked={mode === 'all'} onChange={() => setMode('all')} /> all questions
          </label>
        </fieldset>
        <div className={styles.variant}>
          <span>
            Variant <strong>{seed}</strong>
          </span>
          <button type="button" className="button button--sm button--secondary" onClick={newVariant}>
            New variant
          </button>
          <button type="button" className="button button--sm button--secondary" onClick={copyLink}>
            Copy link to this variant
          </button>
        </div>
      </div>
      <p className={styles.detail} aria-live="polite">
        {linkStatus}
      </p>
      <p className={styles.score} role="status" data-testid="quiz-result" data-score={score}>
        Score: {points(score)} of {total}
        {answeredCount < total ? ` (${answeredCount} answered)` : ''}.
        {saved ? ` Best: ${points(saved.best)} of ${saved.outOf}. Attempts: ${saved.attempts}.` : ''}
        {!progress.saved ? ' Your browser did not let this page save your progress.' : ''}
      </p>
      {concrete.map((c, i) => (
        <Question
          key={`${seed}:${c.id}:${progress.progress ? 'read' : 'unread'}`}
          definition={quiz.questions[i]}
          concrete={c}
          number={i + 1}
          total={total}
          domId={`${base}-${c.id}`}
          hidden={mode === 'one' && i !== current}
          onGraded={onGraded}
          saved={attempt?.answers?.[c.id]}
          engine={engine}
          sectionRef={(el) => {
            sections.current[i] = el;
          }}
        />
      ))}
      {mode === 'one' && (
        <nav className={styles.pager} aria-label={`${quiz.title} quiz questions`}>
          <button type="button" className="button button--secondary" disabled={current === 0} onClick={() => go(current - 1)}>
            Previous question
          </button>
          <span>
            {current + 1} / {total}
          </span>
          <button type="button" className="button button--secondary" disabled={current === total - 1} onClick={() => go(current + 1)}>
            Next question
          </button>
        </nav>
      )}
    </div>
  );
}

/** A quiz as loaded: the quiz, or why it could not be read. */
export function LoadedQuiz({ lesson, loaded, engine }: { lesson: string; loaded: QuizLoad | undefined; engine: QuizEngine }): React.JSX.Element {
  if (!loaded) return <div role="note">There is no quiz for “{lesson}” yet.</div>;
  if ('error' in loaded) return <div role="alert">This quiz could not be loaded: {loaded.error}</div>;
  return <QuizView quiz={loaded.quiz} engine={engine} />;
}
