// The jest configuration Stryker runs (stryker.config.mjs): jest.config.js without the suites
// that cannot kill a mutant in src/ and would only cost time on every mutant.
import base from './jest.config.js';

/*
 * Left out, each for a reason:
 * - e2e/: runs the bundled dist/index.js in a child process (scripts/action-runner.ts), which
 *   Stryker does not mutate: a mutant in src/ never reaches it.
 * - emulator/: tests emulator/, not src/.
 * - self-test-workflow: runs .github/workflows/self-test.yml through dist/index.js.
 * - lint-workflows, release: spawn scripts/ in child processes and import nothing from src/.
 * - examples, github-workflows: read YAML, not src/.
 * - globus-fixtures, jest-config, repository-references: read __fixtures__/globus-api/, run
 *   jest --listTests, read the tracked files.
 * Every other suite imports src/ (directly or through scripts/docs.ts and scripts/spec-schema.ts).
 */
const NOT_FOR_MUTATION = [
  '/__tests__/e2e/',
  '/__tests__/emulator/',
  '/__tests__/self-test-workflow\\.test\\.ts$',
  '/__tests__/lint-workflows\\.test\\.ts$',
  '/__tests__/release\\.test\\.ts$',
  '/__tests__/examples\\.test\\.ts$',
  '/__tests__/github-workflows\\.test\\.ts$',
  '/__tests__/globus-fixtures\\.test\\.ts$',
  '/__tests__/jest-config\\.test\\.ts$',
  '/__tests__/repository-references\\.test\\.ts$',
];

export default {
  ...base,
  testPathIgnorePatterns: [...base.testPathIgnorePatterns, ...NOT_FOR_MUTATION],
  // Per mutant, only the test files that hold a test covering it (see that file).
  testSequencer: '<rootDir>/scripts/mutation/test-file-sequencer.js',
};
