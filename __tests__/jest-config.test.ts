import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * jest.config.js: `npm test -- --findRelatedTests <file in src/>` must find the suites that
 * import the file (jest follows imports only through the folders it crawls), while tests are
 * still only __tests__/**\/*.test.ts and a copy of the repository nested in a crawled folder is
 * not found a second time. Each case asks jest itself (`--listTests`), through `npm test`'s script.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
/** A nested copy of a suite, as a tool's scratch folder (.tmp/, ignored by git) would hold it. */
const nested = join(root, '__tests__', '.tmp', `jest-config-${process.pid}`);
const nestedCopy = join(nested, 'timer', 'duration.test.ts');

/** The test files jest lists for these arguments in a repository, relative to it, with `/`. */
function listTests(args: string[], repo = root): string[] {
  const test = join(root, 'scripts/test.js');
  const run = spawnSync(process.execPath, [test, '--listTests', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`jest --listTests failed: ${run.stderr}`);
  return run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => relative(repo, line.trim()).split(sep).join('/'));
}

/** A copy of the repository's jest setup where Stryker puts one: .stryker-tmp/sandbox-*\/. */
function strykerSandbox(): string {
  const sandbox = join(mkdtempSync(join(tmpdir(), 'gta-jest-')), '.stryker-tmp', 'sandbox-1');
  for (const dir of ['__tests__', '__fixtures__', 'src', 'emulator', 'scripts'])
    mkdirSync(join(sandbox, dir), { recursive: true });
  copyFileSync(join(root, 'jest.config.js'), join(sandbox, 'jest.config.js'));
  copyFileSync(join(root, 'package.json'), join(sandbox, 'package.json'));
  symlinkSync(
    join(root, 'node_modules'),
    join(sandbox, 'node_modules'),
    process.platform === 'win32' ? 'junction' : 'dir',
  );
  writeFileSync(join(sandbox, 'src/answer.ts'), 'export const answer = 42;\n');
  writeFileSync(
    join(sandbox, '__tests__/answer.test.ts'),
    "import { answer } from '../src/answer.js';\nit('answers', () => expect(answer).toBe(42));\n",
  );
  return sandbox;
}

/** What is wrong with a list of test files: one outside __tests__/, or not a suite, or twice. */
function testListProblems(files: string[]): string[] {
  const seen = new Set<string>();
  return files.flatMap((file) => {
    const problems: string[] = [];
    if (!/^__tests__\/(?!.*\/\.)[^.].*\.test\.ts$/.test(file))
      problems.push(`not a suite: ${file}`);
    if (seen.has(file)) problems.push(`found twice: ${file}`);
    seen.add(file);
    return problems;
  });
}

beforeAll(() => {
  mkdirSync(join(nested, 'timer'), { recursive: true });
  copyFileSync(join(root, '__tests__/timer/duration.test.ts'), nestedCopy);
});
afterAll(() => {
  rmSync(nested, { recursive: true, force: true });
  try {
    rmdirSync(join(nested, '..')); // __tests__/.tmp/, unless something else is in it
  } catch {
    // not empty, or gone: leave it
  }
});

describe('jest.config.js', () => {
  it('finds the suites that import a source file, and only those', () => {
    const related = listTests(['--findRelatedTests', 'src/timer/duration.ts']);
    expect(related).toContain('__tests__/timer/duration.test.ts');
    expect(related).toContain('__tests__/timer/schedule.test.ts'); // through schedule.ts
    expect(related).not.toContain('__tests__/redactor.test.ts');
    expect(testListProblems(related)).toEqual([]);
  });

  it('finds every suite in __tests__/ once, and nothing else, not even a nested copy', () => {
    const all = listTests([]);
    expect(all).toContain('__tests__/timer/duration.test.ts');
    expect(all).toContain('__tests__/globus/timers-read.test.ts');
    expect(testListProblems(all)).toEqual([]);
  });

  it('still finds the suites of a copy inside .stryker-tmp/, where Stryker runs them', () => {
    const sandbox = strykerSandbox();
    try {
      expect(listTests(['--findRelatedTests', 'src/answer.ts'], sandbox)).toEqual([
        '__tests__/answer.test.ts',
      ]);
    } finally {
      rmSync(join(sandbox, '..', '..'), { recursive: true, force: true });
    }
  });

  it('would find the nested copy without its ignore patterns', () => {
    const unguarded = listTests([
      ...['--testPathIgnorePatterns', '/node_modules/'],
      ...['--modulePathIgnorePatterns', '/node_modules/'],
    ]);
    expect(unguarded).toContain(relative(root, nestedCopy).split(sep).join('/'));
  });
});

describe('testListProblems', () => {
  it('rejects a file outside __tests__/, a helper, a nested copy and a duplicate', () => {
    expect(
      testListProblems([
        '__tests__/timer/duration.test.ts',
        '__tests__/timer/duration.test.ts',
        '.stryker-tmp/sandbox-1/__tests__/timer/duration.test.ts',
        '__tests__/.tmp/copy/timer/duration.test.ts',
        '__tests__/emulator/helpers.ts',
      ]),
    ).toEqual([
      'found twice: __tests__/timer/duration.test.ts',
      'not a suite: .stryker-tmp/sandbox-1/__tests__/timer/duration.test.ts',
      'not a suite: __tests__/.tmp/copy/timer/duration.test.ts',
      'not a suite: __tests__/emulator/helpers.ts',
    ]);
  });
});
