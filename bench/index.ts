/** npm run bench: prints figures and their ratio to the targets. No figure fails the run. */
import { engineFigures, type Figure } from './engine';
import { format } from './format';
import { quizFigures } from './quizzes';
import { widgetFigures } from './widgets';

async function main(): Promise<void> {
  const sections: Array<[string, () => Figure[] | Promise<Figure[]>]> = [
    ['Engine', engineFigures],
    ['Widgets', widgetFigures],
    ['Quizzes', quizFigures],
  ];
  for (const [title, run] of sections) {
    console.log(`\n${title}`);
    for (const f of await run()) console.log(format(f));
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
