/**
 * The house's boundaries, checked by `npm run lint` and by test/architecture.test.ts:
 * engine <- quizzes <- site; the site, the CLI and the VM library reach the engine through its
 * public entry only; tools never import tests; no import cycles.
 */
const engineEntry = '^sim/(index|text)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'engine-is-self-contained',
      comment: 'sim/ is pure TypeScript: it imports nothing of the project outside sim/, and no DOM, React or Node I/O.',
      severity: 'error',
      from: { path: '^sim/' },
      to: { pathNot: ['^sim/', '^node_modules/(zod|yaml|aws-regions|cloud-regions-country-flags)/'] },
    },
    {
      name: 'quizzes-use-only-the-engine',
      comment: 'quizzes/ depends on the engine (its public entry) and zod; never on the site, the CLI or tools.',
      severity: 'error',
      from: { path: '^quizzes/' },
      to: { pathNot: ['^quizzes/', engineEntry, '^node_modules/(zod|yaml)/'] },
    },
    {
      name: 'engine-through-its-public-entry',
      comment:
        'Widgets, pages, the VM library (all of src/) and the CLI use sim/index.ts (or sim/text.ts), never its inner files. Benchmarks may time inner parts.',
      severity: 'error',
      from: { path: '^(src|cli)/' },
      to: { path: '^sim/', pathNot: engineEntry },
    },
    {
      name: 'engine-knows-no-site',
      comment: 'Nothing under sim/ or quizzes/ may reach into src/, cli/, scripts/, bench/ or test/.',
      severity: 'error',
      from: { path: '^(sim|quizzes)/' },
      to: { path: '^(src|cli|scripts|bench|test|docs)/' },
    },
    {
      name: 'tools-never-import-tests',
      comment: 'scripts/, bench/, cli/ and src/ never import test/: shared helpers live under tools/.',
      severity: 'error',
      from: { path: '^(scripts|bench|cli|src|tools)/' },
      to: { path: '^test/' },
    },
    {
      name: 'site-never-imports-tools',
      comment: 'The site bundle (src/) never imports build scripts or benchmarks.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|bench)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(build|\\.docusaurus|node_modules|static|bench/out)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    webpackConfig: { fileName: 'tools/depcruise-alias.cjs' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
