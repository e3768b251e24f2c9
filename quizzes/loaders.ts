/**
 * One loader per lesson's quiz file, so a lesson page fetches its own quiz and no other. The
 * registry (./index.ts) imports them all for the validator, the CLI and the progress page.
 */
import type { LessonId, QuizInput } from './schema';

type QuizModule = { default: QuizInput };

export const quizLoaders: Record<LessonId, { file: string; load: () => Promise<QuizModule> }> = {
  infrastructure: { file: 'quizzes/infrastructure.ts', load: () => import('./infrastructure') },
  regions: { file: 'quizzes/regions.ts', load: () => import('./regions') },
  'availability-zones': { file: 'quizzes/availability-zones.ts', load: () => import('./availability-zones') },
  virtualization: { file: 'quizzes/virtualization.ts', load: () => import('./virtualization') },
  'cpu-virtualization': { file: 'quizzes/cpu-virtualization.ts', load: () => import('./cpu-virtualization') },
  hypervisors: { file: 'quizzes/hypervisors.ts', load: () => import('./hypervisors') },
  'vm-lifecycle': { file: 'quizzes/vm-lifecycle.ts', load: () => import('./vm-lifecycle') },
  capstone: { file: 'quizzes/capstone.ts', load: () => import('./capstone') },
};

export function hasQuiz(lesson: string): lesson is LessonId {
  return Object.prototype.hasOwnProperty.call(quizLoaders, lesson);
}
