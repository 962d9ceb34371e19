import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDED_COLLECTIONS, type Emulator } from '../emulator/index.js';
import type { RunDeps } from '../src/main.js';
import { runInProcess } from './harness.js';

export const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;
export const guest = SEEDED_COLLECTIONS.guest.id;

const TRANSFER_DEFAULTS = [
  `  source-endpoint: ${gcsv4}`,
  `  destination-endpoint: ${guest}`,
  '  interval: 1h',
];

/** Writes a spec file (by default its timers copy gcsv4 → guest hourly) and runs the action on it. */
export function runSpecFile(
  emulator: Emulator,
  timers: string[],
  { operation = 'apply', prune = '', defaults = TRANSFER_DEFAULTS } = {},
  deps: Partial<RunDeps> = {},
) {
  const workspace = mkdtempSync(join(tmpdir(), 'gta-specfile-run-'));
  const text = [
    ...(prune ? [`prune-prefix: ${prune}`] : []),
    'defaults:',
    ...defaults,
    'timers:',
    ...timers,
  ].join('\n');
  writeFileSync(join(workspace, 'timers.yml'), text);
  return runInProcess(
    emulator,
    { operation, 'spec-file': 'timers.yml' },
    { GITHUB_WORKSPACE: workspace },
    deps,
  );
}

/** One entry of a spec file, copying /name to /name. */
export const entry = (name: string, more = '') =>
  `  - name: ${name}\n    items: /${name}, /${name}${more}`;
