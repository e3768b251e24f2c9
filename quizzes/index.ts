/**
 * The quiz registry: one quiz per lesson, by lesson id. The page and the progress view read parsed
 * quizzes from here; the validator reads the raw inputs so it can report schema errors by path.
 */
import availabilityZones from './availability-zones';
import capstone from './capstone';
import cpuVirtualization from './cpu-virtualization';
import hypervisors from './hypervisors';
import infrastructure from './infrastructure';
import regions from './regions';
import virtualization from './virtualization';
import vmLifecycle from './vm-lifecycle';
import { parseQuizFile, type QuizLoad } from './parse';
import type { LessonId, Quiz, QuizInput } from './schema';

export const quizSources: ReadonlyArray<{ lesson: LessonId; file: string; quiz: QuizInput }> = [
  { lesson: 'infrastructure', file: 'quizzes/infrastructure.ts', quiz: infrastructure },
  { lesson: 'regions', file: 'quizzes/regions.ts', quiz: regions },
  { lesson: 'availability-zones', file: 'quizzes/availability-zones.ts', quiz: availabilityZones },
  { lesson: 'virtualization', file: 'quizzes/virtualization.ts', quiz: virtualization },
  { lesson: 'cpu-virtualization', file: 'quizzes/cpu-virtualization.ts', quiz: cpuVirtualization },
  { lesson: 'hypervisors', file: 'quizzes/hypervisors.ts', quiz: hypervisors },
  { lesson: 'vm-lifecycle', file: 'quizzes/vm-lifecycle.ts', quiz: vmLifecycle },
  { lesson: 'capstone', file: 'quizzes/capstone.ts', quiz: capstone },
];

const parsed = new Map<string, QuizLoad>();

/** The parsed quiz of a lesson; an error message if its file does not match the schema; undefined if there is none. */
export function loadQuiz(lesson: string): QuizLoad | undefined {
  const source = quizSources.find((s) => s.lesson === lesson);
  if (!source) return undefined;
  let entry = parsed.get(lesson);
  if (!entry) {
    entry = parseQuizFile(source.file, source.quiz);
    parsed.set(lesson, entry);
  }
  return entry;
}

export function allQuizzes(): Quiz[] {
  return quizSources.flatMap((s) => {
    const entry = loadQuiz(s.lesson);
    return entry && 'quiz' in entry ? [entry.quiz] : [];
  });
}

export * from './schema';
