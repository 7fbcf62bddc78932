// Mutation testing of src/ with StrykerJS: `npm run mutate` (never run by CI: see MUTATION.md for
// the last run, its scores and the mutants left alive).

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  mutate: ['src/**/*.js'],
  // node:test has no Stryker runner plugin: each mutant runs the unit tests (those of
  // `npm run test:unit`, which need no node) in one process. The tests that start a dev node
  // (chain, differential, papi) take a minute each run; code only they reach is listed in MUTATION.md.
  testRunner: 'command',
  commandRunner: { command: 'node scripts/unit-tests.js' },
  // The command runner cannot tell which test covers which mutant: every mutant runs every test.
  coverageAnalysis: 'off',
  // Two cores at most (and `nice` in the npm script): the machine also builds the workspace.
  concurrency: 2,
  timeoutMS: 10000,
  // The sandbox (a copy of this package) must sit two directories below the repository root, as
  // this package does: the vector tests read pallets/*/README.md by relative paths. target/ is
  // ignored by git; Stryker deletes its sandbox-* directory after the run (and target/ if empty).
  tempDirName: '../../target',
  cleanTempDir: 'always',
  ignorePatterns: ['/bench', '/rules-wasm', '/reports', '/.tmp'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
};
