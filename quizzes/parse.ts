/**
 * Reading one quiz file's input against the schema, without the registry: the page loads a single
 * lesson's quiz (./loaders.ts), the registry (./index.ts) all of them.
 */
import { quizSchema, type Quiz } from './schema';

/** A parsed quiz, or the message that says which file does not match the schema and where. */
export type QuizLoad = { quiz: Quiz } | { error: string };

export function parseQuizFile(file: string, input: unknown): QuizLoad {
  const result = quizSchema.safeParse(input);
  if (result.success) return { quiz: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
  return { error: `${file} does not match the quiz schema${where}: ${issue?.message ?? 'invalid'}` };
}
