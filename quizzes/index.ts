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
import { lessonIds, type LessonId, type Quiz, type QuizInput } from './schema';

const quizFiles: Record<LessonId, QuizInput> = {
  infrastructure,
  regions,
  'availability-zones': availabilityZones,
  virtualization,
  'cpu-virtualization': cpuVirtualization,
  hypervisors,
  'vm-lifecycle': vmLifecycle,
  capstone,
};

/** Every lesson's quiz, in course order (lessonIds: the one list of lessons). */
export const quizSources: ReadonlyArray<{ lesson: LessonId; file: string; quiz: QuizInput }> = lessonIds.map((lesson) => ({
  lesson,
  file: `quizzes/${lesson}.ts`,
  quiz: quizFiles[lesson],
}));

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
