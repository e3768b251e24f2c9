/** npm run bench: prints figures and their ratio to the targets. No figure fails the run. */
import { engineFigures, type Figure } from './engine';

function format(f: Figure): string {
  const value = f.value.toLocaleString('en-US');
  let vs = '';
  if (f.target) {
    const ratio = f.target.better === 'higher' ? f.value / f.target.value : f.target.value / f.value;
    vs = `  target ${f.target.better === 'higher' ? '>=' : '<'} ${f.target.value.toLocaleString('en-US')} ${f.unit}: ${ratio.toFixed(2)}x ${ratio >= 1 ? 'met' : 'NOT met'}`;
  }
  return `${f.name.padEnd(48)} ${value.padStart(14)} ${f.unit}${vs}`;
}

async function main(): Promise<void> {
  const sections: Array<[string, () => Figure[] | Promise<Figure[]>]> = [['Engine', engineFigures]];
  for (const [title, run] of sections) {
    console.log(`\n${title}`);
    for (const f of await run()) console.log(format(f));
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
