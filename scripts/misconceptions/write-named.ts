/**
 * `npx tsx scripts/misconceptions/write-named.ts`: writes quizzes/named-misconceptions/<lesson>.ts,
 * the catalogue's entries each lesson's quiz names, which a lesson page loads with its quiz. Run it
 * after changing the catalogue or the misconceptions a quiz names; the test
 * test/quizzes/named-misconceptions.test.ts says when it is due.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { quizSources } from '../../quizzes';
import { misconceptionCatalogue } from '../../quizzes/misconceptions';
import { misconceptionIdsNamedBy } from '../../quizzes/named-misconceptions';
import { projectRoot } from '../../tools/browser/site';

const files: string[] = [];
for (const { lesson, file, quiz } of quizSources) {
  const named = new Set(misconceptionIdsNamedBy(quiz));
  const entries = misconceptionCatalogue.filter((m) => named.has(m.id));
  const path = join(projectRoot, 'quizzes', 'named-misconceptions', `${lesson}.ts`);
  writeFileSync(
    path,
    `/** The misconceptions ${file} names, as quizzes/misconceptions.ts has them: written by scripts/misconceptions/write-named.ts, do not edit. */
import type { Misconception } from '../misconception-schema';

const named: readonly Misconception[] = ${JSON.stringify(entries)};

export default named;
`,
  );
  files.push(path);
  console.log(`${lesson}: ${entries.length} of ${misconceptionCatalogue.length} misconceptions`);
}
execFileSync(join(projectRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', ...files], { stdio: 'inherit' });
