// The `@site` alias Docusaurus and vitest resolve to the project root, for dependency-cruiser.
const { join } = require('node:path');

module.exports = { resolve: { alias: { '@site': join(__dirname, '..') } } };
