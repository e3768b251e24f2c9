/**
 * npm run quiz -- validate [FILE...] [--seeds N] [--json]
 * npm run quiz -- export --format moodle-xml|gift|qti12 [--variants N] [--out DIR]
 *
 * validate: every quiz against its schema and every engine question and task against the engine
 * (the same module as the test suite); a readable report; exit 1 on any failure.
 * export: writes the quizzes for an LMS and lists what the format could not carry.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allQuizzes, quizSources } from '@site/quizzes';
import { exportFormats, type ExportFormat } from '@site/quizzes/export';
import { formatReport, validateQuizzes } from '@site/quizzes/validate';

const usage = [
  'usage: npm run quiz -- validate [FILE...] [--seeds N] [--json]   (default: every quiz of quizzes/index.ts)',
  '       npm run quiz -- export --format moodle-xml|gift|qti12 [--variants N] [--out DIR]',
].join('\n');

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function positiveInt(value: string | undefined, name: string, fallback: number): number | string {
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : `${name}: expected a whole number from 1 to 1000, got "${value}"`;
}

/** Files named on the command line (a quiz module each, default export), not option values. */
function fileArgs(argv: string[]): string[] {
  return argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--seeds', '--variants', '--format', '--out'].includes(argv[i - 1])));
}

async function validate(argv: string[]): Promise<number> {
  const seeds = positiveInt(option(argv, '--seeds'), '--seeds', 50);
  if (typeof seeds === 'string') return fail(seeds);
  const files = fileArgs(argv);
  let entries = quizSources.map((s) => ({ quiz: s.quiz as unknown, file: s.file }));
  if (files.length > 0) {
    entries = [];
    for (const f of files) {
      try {
        const mod = (await import(pathToFileURL(resolve(f)).href)) as { default?: unknown };
        entries.push({ quiz: mod.default, file: relative(process.cwd(), resolve(f)) });
      } catch (e) {
        console.error(`${f}: cannot load the quiz file: ${(e as Error).message}`);
        return 2;
      }
    }
  }
  const report = validateQuizzes(entries, { seeds, wholeCourse: files.length === 0 });
  console.log(argv.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.ok ? 0 : 1;
}

function exportQuizzes(argv: string[]): number {
  const format = option(argv, '--format');
  if (!format || !(format in exportFormats))
    return fail(`--format: expected one of ${Object.keys(exportFormats).join(', ')}${format ? `, got "${format}"` : ''}`);
  const variants = positiveInt(option(argv, '--variants'), '--variants', 10);
  if (typeof variants === 'string') return fail(variants);
  const out = resolve(option(argv, '--out') ?? 'quiz-export');
  const quizzes = allQuizzes();
  if (quizzes.length !== quizSources.length) return fail('some quiz files do not match the schema: run `npm run quiz -- validate` first');
  const result = exportFormats[format as ExportFormat](quizzes, variants);
  for (const f of result.files) {
    const path = join(out, f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.content);
  }
  console.log(`${result.format}: ${result.questions} questions as ${result.items} items (up to ${variants} variants per engine question) in ${out}`);
  for (const f of result.files) console.log(`  wrote ${join(out, f.name)}`);
  if (result.notCarried.length) {
    const byReason = new Map<string, string[]>();
    for (const n of result.notCarried) byReason.set(n.reason, [...(byReason.get(n.reason) ?? []), `${n.lesson} › ${n.question}`]);
    console.log(`\nNot carried by ${result.format}:`);
    for (const [reason, where] of byReason) console.log(`  - ${reason} (${where.length}): ${where.join(', ')}`);
  }
  return 0;
}

function fail(message: string): number {
  console.error(`${message}\n${usage}`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'validate') return validate(rest);
  if (command === 'export') return exportQuizzes(rest);
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(usage);
    return command === undefined ? 2 : 0;
  }
  return fail(`unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    console.error(`the quiz command failed: ${e.message}`);
    process.exitCode = 1;
  },
);
