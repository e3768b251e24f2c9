/**
 * Progress as React state: read from localStorage after mount (never during server rendering), kept
 * in step across quizzes and tabs, written on every graded answer.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Answer, LessonId } from '@site/quizzes/schema';
import { emptyProgress, progressKey, readProgress, recordScore, writeProgress, type Progress, type ProgressProblem } from './progress';

const changed = 'infralab:progress';

export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface ProgressState {
  /** null until read in the browser. */
  progress: Progress | null;
  problem: ProgressProblem | null;
  /** false when the browser refused to save. */
  saved: boolean;
  record(
    lesson: LessonId,
    result: {
      variant: number;
      questionId: string;
      points: number;
      outOf: number;
      answer?: Answer;
      suggests?: readonly string[];
      probes?: readonly string[];
      correct?: boolean;
    },
  ): void;
  replace(progress: Progress): boolean;
  dismissProblem(): void;
}

export function useProgress(): ProgressState {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<ProgressProblem | null>(null);
  const [saved, setSaved] = useState(true);

  useEffect(() => {
    const load = () => {
      const loaded = readProgress(browserStorage());
      setProgress(loaded.progress);
      // A problem stays on show (with its download) until dismissed, even once the entry is replaced.
      if (loaded.problem) setProblem(loaded.problem);
    };
    load();
    const onStorage = (e: StorageEvent) => {
      if (e.key === progressKey) load();
    };
    window.addEventListener('storage', onStorage);
    window.addEventListener(changed, load);
    return () => {
      window.removeEventListener('storage', onStorage);
      window.removeEventListener(changed, load);
    };
  }, []);

  const save = useCallback((next: Progress) => {
    const ok = writeProgress(browserStorage(), next);
    setSaved(ok);
    setProgress(next);
    window.dispatchEvent(new Event(changed));
    return ok;
  }, []);

  const record = useCallback<ProgressState['record']>(
    (lesson, result) => {
      const current = readProgress(browserStorage());
      if (current.problem) setProblem((p) => p ?? current.problem);
      save(recordScore(current.progress ?? emptyProgress(), lesson, { ...result, now: new Date() }));
    },
    [save],
  );

  return { progress, problem, saved, record, replace: save, dismissProblem: () => setProblem(null) };
}
