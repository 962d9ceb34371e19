// `npm run mutate`: Stryker over src/ (stryker.config.mjs), every argument passed on
// (`npm run mutate -- --mutate 'src/timer/**/*.ts'`). TESTING.md says how to read the result.
//
// Stryker copies the repository into .stryker-tmp/sandbox-*/ and runs the tests there. The
// suites that read the captured Globus payloads find them at ../shared/globus-api relative to the
// repository (jest.config.js, __fixtures__/globus-fixtures.ts); from a sandbox that resolves to
// .stryker-tmp/shared. This links it there, so those suites run in the sandbox as they do in
// `npm test` — where ../shared is missing (a GitHub runner) they are skipped in both.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = resolve(root, '..', 'shared');
const temp = join(root, '.stryker-tmp');
const link = join(temp, 'shared');

mkdirSync(temp, { recursive: true });
if (isLink(link)) rmSync(link);
if (existsSync(shared) && !existsSync(link))
  symlinkSync(shared, link, process.platform === 'win32' ? 'junction' : 'dir');

// @stryker-mutator/core's package exports hide its bin; its package.json says where it is.
const manifest = createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json');
const stryker = join(dirname(manifest), 'bin/stryker.js');
const run = spawnSync(process.execPath, [stryker, 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_NO_WARNINGS: '1' },
});
process.exit(run.status ?? 1);

function isLink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
