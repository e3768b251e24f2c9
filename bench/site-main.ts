/** npm run bench:site: page weight, Lighthouse and build time (figures, not pass/fail). */
import { siteFigures } from './site';
import { format } from './format';

siteFigures()
  .then((figures) => {
    console.log('\nSite');
    for (const f of figures) console.log(format(f));
  })
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
