// `npm run mutate`: Stryker over src/ (stryker.config.mjs), every argument passed on
// (`npm run mutate -- --mutate 'src/timer/**/*.ts'`). TESTING.md says how to read the result.
// Stryker copies the repository into .stryker-tmp/sandbox-*/ and runs the tests there; everything
// they read is inside the repository (the captured Globus payloads in __fixtures__/globus-api/).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// @stryker-mutator/core's package exports hide its bin; its package.json says where it is.
const manifest = createRequire(import.meta.url).resolve('@stryker-mutator/core/package.json');
const stryker = join(dirname(manifest), 'bin/stryker.js');
const run = spawnSync(process.execPath, [stryker, 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_NO_WARNINGS: '1' },
});
process.exit(run.status ?? 1);
