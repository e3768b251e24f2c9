/** The export formats, by the name the CLI takes. */
import type { Quiz } from '../schema';
import type { ExportResult } from './collect';
import { exportGift } from './gift';
import { exportMoodle } from './moodle';
import { exportQti } from './qti';

export const exportFormats = {
  'moodle-xml': exportMoodle,
  gift: exportGift,
  qti12: exportQti,
} as const satisfies Record<string, (quizzes: Quiz[], variants: number) => ExportResult>;

export type ExportFormat = keyof typeof exportFormats;
export type { ExportResult, NotCarried } from './collect';
