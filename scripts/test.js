// `npm test` on Linux, macOS and Windows alike: jest runs the ESM sources only with Node's VM
// modules, switched on through NODE_OPTIONS (which jest's workers inherit). A script of the form
// `NODE_OPTIONS=… jest` does not run in Windows' cmd, so this sets the variables and starts jest
// with every argument passed on (`npm test -- --json --outputFile=…`, `npm test -- <paths>`).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// jest's package exports hide bin/jest.js; its package.json says where it is.
const manifest = createRequire(import.meta.url).resolve('jest/package.json');
const jest = join(dirname(manifest), 'bin/jest.js');
const env = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
  NODE_NO_WARNINGS: '1',
};
const run = spawnSync(process.execPath, [jest, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(run.status ?? 1);
