// Jest runs the TypeScript sources as ESM (the toolkit is ESM-only).

/*
 * Tests live in __tests__/ only, but jest crawls every folder a test reaches code through, so
 * `npm test -- --findRelatedTests src/globus/http.ts` (and Stryker, per mutant) finds the suites
 * that import a file. Nothing outside these folders is crawled: the copies of the repository that
 * tools leave at the top (Stryker's .stryker-tmp/ sandboxes, dist/, .tmp/, coverage/) are never
 * seen, so no test or module is found twice; IGNORED keeps them out should one appear inside a
 * crawled folder. __tests__/jest-config.test.ts proves both.
 */
const CRAWLED = ['__tests__', '__fixtures__', 'src', 'emulator', 'scripts'];
// Anchored at <rootDir>: Stryker runs the suites inside .stryker-tmp/sandbox-*/, which must not
// ignore itself.
const IGNORED = [
  '/node_modules/',
  ...['\\.stryker-tmp', '\\.tmp', 'dist', 'coverage'].map((dir) => `<rootDir>/(.+/)?${dir}/`),
];

export default {
  roots: CRAWLED.map((dir) => `<rootDir>/${dir}`),
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testPathIgnorePatterns: IGNORED,
  modulePathIgnorePatterns: IGNORED,
  testTimeout: 30000,
};
