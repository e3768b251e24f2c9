/**
 * npm run sim -- FILE [--json] [--until SECONDS]
 * Runs a scenario file and prints its timeline, or the report as JSON.
 */
import { readFileSync } from 'node:fs';
import { createWorld, ScenarioError } from '@site/sim';
import { parseScenarioText } from '@site/sim/text';
import { formatTimeline } from './timeline';

const usage = 'usage: npm run sim -- FILE [--json] [--until SECONDS]';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const untilAt = argv.indexOf('--until');
  const untilArg = untilAt >= 0 ? argv[untilAt + 1] : undefined;
  const files = argv.filter((a, i) => !a.startsWith('--') && !(untilAt >= 0 && i === untilAt + 1));
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  if (files.length !== 1) {
    console.error(usage);
    return 2;
  }
  const file = files[0];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    console.error(`${file}: cannot read the scenario: ${why}`);
    return 2;
  }
  const until = untilArg === undefined ? undefined : Number(untilArg);
  if (until !== undefined && !(until > 0)) {
    console.error(`--until: expected a positive number of seconds, got "${untilArg}"`);
    return 2;
  }
  try {
    const world = createWorld(parseScenarioText(text, file), file);
    world.runUntil(until ?? world.scenario.until);
    const report = world.report();
    console.log(json ? JSON.stringify(report, null, 2) : formatTimeline(report));
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
