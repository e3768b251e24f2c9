/** npm run bench: prints figures and their ratio to the targets. No figure fails the run. */
import { engineFigures, type Figure } from './engine';
import { format } from './format';
import { quizFigures } from './quizzes';
import { widgetFigures } from './widgets';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

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
  if (process.env.BENCH_SKIP_VM === '1') return;
  // The real VM: boots under Node, then in chromium against the built site. Loaded here
  // so the sections above run even where v86 or chromium cannot.
  console.log('\nReal VM under Node (v86)');
  const { benchVmNode } = await import('./vm-node');
  console.log(await benchVmNode());
  console.log('\nCPU experiments on the real VM under Node (v86)');
  const { benchCpuEmulation } = await import('./cpu-emulation');
  console.log(await benchCpuEmulation());
  const buildDir = join(__dirname, '..', 'build');
  console.log('\nReal VM in chromium (the built site)');
  if (!existsSync(join(buildDir, 'index.html'))) console.log('  skipped: no build/ (run npm run build first)');
  else {
    const { benchVmBrowser } = await import('./vm-browser');
    console.log(await benchVmBrowser(buildDir));
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
