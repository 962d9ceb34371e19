import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { readInputs, type InputContext } from '../src/inputs.js';
import { InputError, type InputProblem } from '../src/timer/problems.js';

/* Shared by the suites of readInputs (__tests__/inputs*.test.ts). */

export const CLIENT = '6c54cade-bde5-45c1-bdea-f4bd71dba2cc';
export const SRC = '515c6123-6c88-1537-bcf3-bd58da60fb1c';
export const DST = 'eb7a7995-9588-132d-8242-aadbc8f429a4';
export const JOB = '0c5e1bde-5a1f-11ef-9a0e-8f1c2a3b4c5d';
export const NOW = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });

/** The credentials alone: what every operation needs. */
export const AUTH: Record<string, string> = { 'client-id': CLIENT, 'client-secret': 'secret' };

/** A whole transfer timer for apply, with action.yml's defaults as the runner passes them. */
export const APPLY: Record<string, string> = {
  operation: 'apply',
  ...AUTH,
  name: 'nightly',
  'source-endpoint': SRC,
  'destination-endpoint': DST,
  items: '/a, /b',
  interval: '1d',
  timeout: '10m',
  retries: '4',
  'verify-checksum': 'true',
  'encrypt-data': 'false',
  notify: 'default',
  'data-access': 'auto',
  timezone: 'UTC',
  'fail-on': 'run-error,transfer-failed,inactive',
  summary: 'true',
  comment: 'false',
};

/** The transfer options action.yml's defaults give (checksums verified, the rest off). */
export const ACTION_DEFAULT_OPTIONS = {
  verify_checksum: true,
  encrypt_data: false,
  preserve_timestamp: false,
  delete_destination_extra: false,
  skip_source_errors: false,
  fail_on_quota_errors: false,
};

let dir: string | undefined;
/** One temporary workspace per test file, for items and spec files. */
export function inputsWorkspace(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'gta-inputs-'));
  return dir;
}

/** The runner's view: `inputs` as core.getInput returns them ('' when not set). */
export function inputContext(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): InputContext {
  return {
    getInput: (name) => inputs[name] ?? '',
    env,
    workspace: inputsWorkspace(),
    now: () => NOW,
  };
}

/** The problems readInputs reports for `inputs`; [] when it accepts them. */
export async function problemsOf(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<InputProblem[]> {
  try {
    await readInputs(inputContext(inputs, env));
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return [];
}
