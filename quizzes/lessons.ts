/**
 * The course's lessons, in course order: the one list. Each is docs/lessons/<id>.mdx (test/docs/lessons.test.ts
 * checks the files and their sidebar order against it); the quiz registry, the quiz loaders and the home page are
 * keyed by it, so a lesson missing from one of them is a type error.
 */
export const lessonIds = [
  'infrastructure',
  'regions',
  'availability-zones',
  'virtualization',
  'cpu-virtualization',
  'hypervisors',
  'vm-lifecycle',
  'capstone',
] as const;

export type LessonId = (typeof lessonIds)[number];
