// Stands in for @docusaurus/theme-classic/lib/prism-include-languages.js in the browser bundle
// (src/plugins/lazy-prism.ts): Prism loads with the first code block that needs it.
export {};
