// Mutation testing of src/ (TESTING.md, "Mutation testing"): `npm run mutate`, or
// `npm run mutate -- --mutate 'src/timer/**/*.ts'` for one folder.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Not the generated flags (npm run docs writes them from action.yml): data, not code.
  mutate: ['src/**/*.ts', '!src/cli/flags.generated.ts'],

  testRunner: 'jest',
  jest: {
    // jest.config.js less the suites that run dist/index.js or test emulator/ (see that file).
    configFile: 'jest.mutation.config.js',
    // Per mutant, only the test files that import the mutated file (jest --findRelatedTests).
    enableFindRelatedTests: true,
  },
  // jest runs the ESM sources only with Node's VM modules (scripts/test.js does the same).
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  // Which tests cover which mutant: each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',

  // A static mutant (in code that runs when a module loads: module-level constants, regular
  // expressions, the input catalog) is active only if every test file related to it is loaded
  // anew and all their tests run: 30–50 s a mutant here, against a few seconds for the others.
  // In src/timer/ they are a tenth of the mutants but would double the run time. They are left out
  // (reported as Ignored, outside the score) unless MUTATE_STATIC=1 asks for them:
  // `MUTATE_STATIC=1 npm run mutate -- --mutate …`.
  ignoreStatic: process.env.MUTATE_STATIC !== '1',

  // A mutant that does not type-check is a compile error, not a survivor, and costs no test run.
  checkers: ['typescript'],
  // src/ alone (tsconfig.mutation.json): checking the whole project (tests, emulator, scripts)
  // for every group of mutants kept a core busy for most of the run.
  tsconfigFile: 'tsconfig.mutation.json',

  // The previous run's results, reused for every mutant whose code and covering tests did not
  // change. Kept out of git (.gitignore): see TESTING.md for why.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',

  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },

  // The targets of TESTING.md; the run reports, it does not fail (break: null).
  thresholds: { high: 90, low: 85, break: null },

  tempDirName: '.stryker-tmp',
  // Nothing the in-process suites need: the bundle, reports, and earlier runs' leftovers.
  ignorePatterns: ['dist', 'reports', 'coverage', '.tmp'],
  // The machine is shared and the suites' own timers run on a virtual clock: allow slow runs.
  timeoutMS: 10000,
};
