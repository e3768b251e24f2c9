/**
 * npm run sim -- FILE [--json] [--until SECONDS]
 * Runs a scenario file and prints its timeline, or the report as JSON. Exit codes: 0 ran, 1 the
 * engine failed (a bug), 2 the command line or the file is wrong (the message says where).
 */
import { readFileSync, statSync } from 'node:fs';
import { createWorld, formatIssue, limits, ScenarioError } from '@site/sim';
import { readScenarioText } from '@site/sim/text';
import { formatTimeline } from './timeline';

const usage = 'usage: npm run sim -- FILE [--json] [--until SECONDS]';

interface Args {
  file: string;
  json: boolean;
  until?: number;
}

/** The command line, or a one-line reason it is wrong. */
function parseArgs(argv: string[]): Args | { error: string } | 'help' {
  let json = false;
  let until: number | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg === '--until' || arg.startsWith('--until=')) {
      const value = arg === '--until' ? argv[++i] : arg.slice('--until='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return { error: '--until: expected a number of seconds after it' };
      const seconds = Number(value);
      if (!Number.isFinite(seconds) || !(seconds > 0)) return { error: `--until: expected a positive number of seconds, got "${value}"` };
      until = seconds;
    } else if (arg.startsWith('-') && arg !== '-') return { error: `unknown option ${arg}: expected --json, --until SECONDS or --help` };
    else files.push(arg);
  }
  if (files.length !== 1) return { error: files.length === 0 ? 'no scenario file given' : `one scenario file at a time, got ${files.length}` };
  return { file: files[0], json, until };
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (args === 'help') {
    console.log(usage);
    return 0;
  }
  if ('error' in args) {
    console.error(`${args.error}\n${usage}`);
    return 2;
  }
  const { file } = args;
  let text: string;
  try {
    const bytes = statSync(file).size;
    if (bytes > limits.inputBytes) {
      console.error(`${file}: the file is ${bytes.toLocaleString('en-US')} bytes: the engine reads at most ${limits.inputBytes.toLocaleString('en-US')}`);
      return 2;
    }
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    console.error(`${file}: cannot read the scenario: ${why}`);
    return 2;
  }
  try {
    const { scenario, warnings } = readScenarioText(text, file, { until: args.until });
    for (const w of warnings) console.error(formatIssue(file, { ...w, message: `warning: ${w.message}` }));
    const world = createWorld(scenario, file);
    world.run();
    const report = world.report();
    console.log(args.json ? JSON.stringify(report, null, 2) : formatTimeline(report));
    return 0;
  } catch (e) {
    if (e instanceof ScenarioError) {
      console.error(e.message);
      return 2;
    }
    console.error(`${file}: the engine failed: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
