// Jest runs the TypeScript sources as ESM (the toolkit is ESM-only).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * Some suites check the action and the emulator against the captured Globus payloads of
 * ../shared/globus-api (outside this repository; every development machine has it). Where it
 * is missing — a GitHub runner — those suites are skipped, saying so, and the rest run.
 * The list is __fixtures__/reference-suites.json; __tests__/reference-suites.test.ts keeps it
 * complete.
 */
const REFERENCE_SUITES = JSON.parse(
  readFileSync(new URL('./__fixtures__/reference-suites.json', import.meta.url), 'utf8'),
);
const reference = fileURLToPath(new URL('../shared/globus-api/', import.meta.url));
const skipped = existsSync(reference) ? [] : REFERENCE_SUITES;
if (skipped.length > 0) {
  console.warn(`${reference} is missing: skipping ${skipped.length} suites that read it`);
}

export default {
  roots: ['<rootDir>/__tests__'],
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', ...skipped.map((suite) => `/${suite}\\.test\\.ts$`)],
  testTimeout: 30000,
};
