// jest's test sequencer for mutation runs (jest.mutation.config.js): runs, for each mutant, only
// the test files that hold a test covering it.
//
// Stryker's jest runner (coverageAnalysis "perTest") runs a mutant by calling jest with
// --findRelatedTests <mutated file> and --testNamePattern <the covering tests' full names>. jest
// then loads every related test file — for a file deep in src/ that is most suites, each loading
// the emulator and the whole of src/ as ES modules — only to skip most of their tests: about 0.7 s
// a file, every mutant. This sequencer drops the files that hold none of those tests, which
// changes nothing in what runs but the files that would have run no test at all.
//
// It learns which test is in which file from the initial ("dry") run, which runs every related
// test with no pattern: jest hands each run's results to cacheResults(). Stryker's test runner
// processes share one sandbox, so the map is kept there, in a file. Where it knows no file for the
// pattern (no dry run seen, a test renamed), it keeps every file, as jest would.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { default: Sequencer } = require('@jest/test-sequencer');

/**
 * Set by Stryker in its worker processes; outside them this is jest's own sequencer, and so it is
 * with MUTATE_ALL_RELATED_FILES=1 (to compare, or to rule this out when a result looks wrong).
 */
const IN_STRYKER =
  Boolean(process.env.STRYKER_MUTATOR_WORKER) && process.env.MUTATE_ALL_RELATED_FILES !== '1';
/** Set by Stryker's jest runner while it runs a mutant (unset in the dry run). */
const ACTIVE_MUTANT = '__STRYKER_ACTIVE_MUTANT__';

export default class TestFileSequencer extends Sequencer {
  #pattern;
  #mapFile;

  constructor(options) {
    super(options);
    const { globalConfig } = options;
    this.#pattern = globalConfig.testNamePattern;
    this.#mapFile = join(globalConfig.rootDir, '.stryker-test-files.json');
  }

  async sort(tests) {
    const sorted = await super.sort(tests);
    if (!IN_STRYKER || !this.#pattern || !existsSync(this.#mapFile)) return sorted;
    /** @type {Record<string, string[]>} test file → full names of its tests */
    const testsByFile = JSON.parse(readFileSync(this.#mapFile, 'utf8'));
    // jest-circus matches the pattern the same way: a case-insensitive search in the full name.
    const pattern = new RegExp(this.#pattern, 'i');
    const holding = new Set(
      Object.entries(testsByFile)
        .filter(([, names]) => names.some((name) => pattern.test(name)))
        .map(([file]) => file),
    );
    const kept = sorted.filter((test) => holding.has(test.path));
    return kept.length > 0 ? kept : sorted;
  }

  cacheResults(tests, results) {
    super.cacheResults(tests, results);
    if (!IN_STRYKER || this.#pattern || process.env[ACTIVE_MUTANT] !== undefined) return;
    const testsByFile = Object.fromEntries(
      results.testResults.map((file) => [
        file.testFilePath,
        file.testResults.map((test) => test.fullName),
      ]),
    );
    writeFileSync(this.#mapFile, JSON.stringify(testsByFile));
  }
}
