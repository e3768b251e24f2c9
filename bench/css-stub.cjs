// Lets Node load the widgets' CSS modules in benchmarks: every class name maps to itself.
require.extensions['.css'] = (m) => {
  m.exports = new Proxy({}, { get: (_, k) => (k === '__esModule' ? false : k === 'default' ? m.exports : String(k)) });
};
