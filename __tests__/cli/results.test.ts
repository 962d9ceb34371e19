import { describe, expect, it } from '@jest/globals';
import {
  dotenvKey,
  exitCodeOf,
  formatOutputs,
  jsonOutputs,
  planWouldChange,
} from '../../src/cli/results.js';
import { OUTPUT_NAMES } from '../../src/timer/output-names.js';

/* The outputs on stdout, for people and machines, and the exit code. */

const TIMER = JSON.stringify({ job_id: 'j1', name: 'nightly', schedule: { type: 'recurring' } });
const PLAN = JSON.stringify({ action: 'replace', name: 'nightly', job_id: 'j1', changes: [] });

/** A step's outputs as report() sets them: every one, '' where unknown. */
function outputs(values: Record<string, string>): Map<string, string> {
  return new Map(OUTPUT_NAMES.map((name) => [name, values[name] ?? '']));
}

const checked = outputs({
  'job-id': 'j1',
  status: 'active',
  result: 'checked',
  changed: 'false',
  'transfer-status': 'FAILED',
  'timer-url': 'https://app.globus.org/activity/timers/j1',
  timer: TIMER,
  plan: PLAN,
});

/**
 * GitLab's reading of a dotenv report (Ci::ParseDotenvArtifactService): each line is
 * `^(.*?)=(.*)$`, key and value stripped, a line that does not match fails the whole report;
 * keys must be letters, digits and `_`; the file must stay under 5 KB.
 */
function gitlabDotenv(text: string): Record<string, string> {
  expect(Buffer.byteLength(text)).toBeLessThan(5 * 1024);
  const variables: Record<string, string> = {};
  for (const line of text.replace(/\n$/, '').split('\n')) {
    const match = /^(.*?)=(.*)$/.exec(line);
    if (!match) throw new Error(`GitLab rejects the line ${JSON.stringify(line)}`);
    const key = (match[1] ?? '').trim();
    expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    variables[key] = (match[2] ?? '').trim();
  }
  return variables;
}

describe('--output json', () => {
  it('is every output, those holding JSON nested rather than as strings', () => {
    const parsed = JSON.parse(formatOutputs(checked, 'json')) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([...OUTPUT_NAMES]);
    expect(parsed.timer).toEqual(JSON.parse(TIMER));
    expect(parsed.plan).toEqual(JSON.parse(PLAN));
    expect(parsed.timers).toBe('');
    expect(parsed['n-runs']).toBe('');
    expect(parsed.changed).toBe('false');
  });

  it('keeps a value that only looks like JSON as it is', () => {
    expect(jsonOutputs(new Map([['status', '{not json']]))).toEqual({ status: '{not json' });
  });
});

describe('--output text', () => {
  it('is the outputs with a value, one a line, leaving the JSON ones to --output json', () => {
    expect(formatOutputs(checked, 'text')).toBe(
      [
        'job-id:          j1',
        'status:          active',
        'result:          checked',
        'changed:         false',
        'transfer-status: FAILED',
        'timer-url:       https://app.globus.org/activity/timers/j1',
        '',
      ].join('\n'),
    );
  });
});

describe('--output dotenv', () => {
  it('is a report GitLab accepts, the outputs with a value under derived keys', () => {
    expect(gitlabDotenv(formatOutputs(checked, 'dotenv'))).toEqual({
      GLOBUS_TIMER_JOB_ID: 'j1',
      GLOBUS_TIMER_STATUS: 'active',
      GLOBUS_TIMER_RESULT: 'checked',
      GLOBUS_TIMER_CHANGED: 'false',
      GLOBUS_TIMER_TRANSFER_STATUS: 'FAILED',
      GLOBUS_TIMER_TIMER_URL: 'https://app.globus.org/activity/timers/j1',
    });
  });

  it('derives a valid key from every output name, with any prefix', () => {
    for (const name of OUTPUT_NAMES) expect(dotenvKey(name)).toMatch(/^GLOBUS_TIMER_[A-Z_]+$/);
    expect(dotenvKey('job-id')).toBe('GLOBUS_TIMER_JOB_ID');
    expect(dotenvKey('next-run', 'NIGHTLY_')).toBe('NIGHTLY_NEXT_RUN');
    expect(() => dotenvKey('job id')).toThrow('no dotenv key for output job id');
  });

  it('keeps every value on its line', () => {
    const text = formatOutputs(
      outputs({ status: ' odd\nstatus\r\n', result: 'failed' }),
      'dotenv',
      'X_',
    );
    expect(text).toBe('X_STATUS=odd status\nX_RESULT=failed\n');
    expect(gitlabDotenv(text)).toEqual({ X_STATUS: 'odd status', X_RESULT: 'failed' });
  });

  it('stays within GitLab’s 5 KB for a spec file of a thousand timers', () => {
    const timers = JSON.stringify(Array.from({ length: 1000 }, (_, i) => ({ job_id: `j${i}` })));
    const long = outputs({ ...Object.fromEntries(checked), timers, result: 'applied' });
    expect(Object.keys(gitlabDotenv(formatOutputs(long, 'dotenv')))).toHaveLength(6);
  });
});

describe('exit code', () => {
  const plan = (json: unknown) => new Map([['plan', JSON.stringify(json)]]);

  it('tells whether a plan (or a spec file of them) would change something', () => {
    expect(planWouldChange(JSON.stringify({ action: 'unchanged' }))).toBe(false);
    expect(planWouldChange(JSON.stringify({ action: 'create' }))).toBe(true);
    expect(planWouldChange(JSON.stringify([{ action: 'unchanged' }, { action: 'delete' }]))).toBe(
      true,
    );
    expect(planWouldChange(JSON.stringify([{ action: 'unchanged' }]))).toBe(false);
    expect(planWouldChange('')).toBe(false);
  });

  it('is 1 on failure, 2 for a plan that would change something when asked, else 0', () => {
    const changes = plan({ action: 'replace' });
    expect(exitCodeOf({ failed: true, detailedExitcode: true, outputs: changes })).toBe(1);
    expect(exitCodeOf({ failed: false, detailedExitcode: true, outputs: changes })).toBe(2);
    expect(exitCodeOf({ failed: false, detailedExitcode: false, outputs: changes })).toBe(0);
    const none = plan({ action: 'unchanged' });
    expect(exitCodeOf({ failed: false, detailedExitcode: true, outputs: none })).toBe(0);
  });
});
