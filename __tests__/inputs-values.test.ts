import { describe, expect, it } from '@jest/globals';
import { readInputs, type ActionInputs } from '../src/inputs.js';
import { AUTH, CLIENT, JOB, inputContext } from '../__fixtures__/inputs.js';

/*
 * The values readInputs hands the operations, whole: the defaults used when the runner passes
 * nothing (local runs, tests), every input read into its own field, and no key at all for an
 * input left out.
 */

/** Everything but the timer, which the timer-field suites pin. */
async function settings(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<Omit<ActionInputs, 'timer'>> {
  const { timer: _timer, ...rest } = await readInputs(inputContext(inputs, env));
  return rest;
}

describe('readInputs values', () => {
  it('uses the defaults of action.yml for every input left empty', async () => {
    expect(await settings({ ...AUTH, operation: 'list' })).toStrictEqual({
      operation: 'list',
      clientId: CLIENT,
      clientSecret: 'secret',
      environment: 'production',
      timeoutSeconds: 600,
      retries: 4,
      target: {},
      dataAccess: 'auto',
      failOn: [
        'run-error',
        'transfer-failed',
        'transfer-stalled',
        'flow-failed',
        'flow-stalled',
        'inactive',
      ],
      history: 5,
      statusFilter: [],
      concurrency: 8,
      githubToken: '',
      comment: false,
      summary: true,
    });
  });

  it('reads every input into its own field', async () => {
    const inputs = {
      operation: 'check',
      'client-id': CLIENT.toUpperCase(),
      'client-secret': '  s3cret ',
      environment: 'sandbox',
      timeout: '90s',
      retries: '0',
      'job-id': JOB,
      'data-access': 'none',
      'fail-on': 'stale, ended',
      'stale-after': '2h',
      history: '20',
      'status-filter': 'active, ended',
      concurrency: '32',
      'github-token': 'ghs_token',
      comment: 'true',
      summary: 'false',
    };
    expect(await settings(inputs)).toStrictEqual({
      operation: 'check',
      clientId: CLIENT,
      clientSecret: 's3cret',
      environment: 'sandbox',
      timeoutSeconds: 90,
      retries: 0,
      target: { jobId: JOB },
      dataAccess: 'none',
      failOn: ['stale', 'ended'],
      staleAfterSeconds: 7200,
      history: 20,
      statusFilter: ['active', 'ended'],
      concurrency: 32,
      githubToken: 'ghs_token',
      comment: true,
      summary: false,
    });
  });

  it('points at a timer by name, and takes fail-on none as no reason to fail', async () => {
    const read = await settings({
      ...AUTH,
      operation: 'wait',
      name: ' nightly ',
      'fail-on': 'none',
    });
    expect(read.target).toStrictEqual({ name: 'nightly' });
    expect(read.failOn).toEqual([]);
  });

  it('falls back to the GLOBUS_* variables when an input is empty or blank', async () => {
    // The runner passes a blank input as is: it must not hide the variable.
    const env = {
      GLOBUS_CLIENT_ID: ` ${CLIENT} `,
      GLOBUS_CLIENT_SECRET: ' from-env ',
      GLOBUS_SDK_ENVIRONMENT: 'preview',
    };
    const read = await settings(
      { operation: 'list', 'client-id': '  ', 'client-secret': '\n', environment: ' ' },
      env,
    );
    expect(read).toMatchObject({
      clientId: CLIENT,
      clientSecret: 'from-env',
      environment: 'preview',
    });
  });

  it('prefers a given input to its variable', async () => {
    const env = { GLOBUS_CLIENT_SECRET: 'from-env', GLOBUS_SDK_ENVIRONMENT: 'preview' };
    const read = await settings({ ...AUTH, operation: 'list', environment: 'test' }, env);
    expect(read).toMatchObject({ clientSecret: 'secret', environment: 'test' });
  });

  it('reads no variable for an input that has none', async () => {
    // Only the credentials and the environment fall back; a variable named like another input
    // (here GITHUB_TOKEN for github-token) is not read.
    const read = await settings({ ...AUTH, operation: 'list' }, { GITHUB_TOKEN: 'ghs_env' });
    expect(read.githubToken).toBe('');
  });
});
