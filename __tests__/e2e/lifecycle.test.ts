import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runAction, type ActionRun } from '../../scripts/action-runner.js';
import {
  ACTION_DEFAULTS,
  emulatorEnv,
  writeRequests,
  tokenScopes,
} from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';
import { GitHubApiStandIn } from '../../__fixtures__/github-api.js';

/* Every operation's success path and main failure, through dist/index.js. */

const mapped = SEEDED_COLLECTIONS.mappedNonHa.id;
const guest = SEEDED_COLLECTIONS.guest.id;
const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;

const emulator = useEmulator();

function action(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  onOutput?: (text: string) => void,
): Promise<ActionRun> {
  return runAction(
    { ...ACTION_DEFAULTS, ...inputs },
    {
      ...emulatorEnv(emulator),
      GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
      GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
      ...env,
    },
    onOutput ? { onOutput } : {},
  );
}

const hourly = (overrides: Record<string, string> = {}) => ({
  name: 'hourly',
  'source-endpoint': gcsv4,
  'destination-endpoint': guest,
  items: '/in/, /out/, true',
  interval: '1h',
  ...overrides,
});

async function create(overrides: Record<string, string> = {}): Promise<string> {
  const run = await action({ ...hourly(overrides), operation: 'create' });
  expect(run.exitCode).toBe(0);
  return run.outputs['job-id'] ?? '';
}

describe('update', () => {
  it('renames in place, and replaces for any other change', async () => {
    const jobId = await create();
    const renamed = await action({ operation: 'update', 'job-id': jobId, name: 'hourly-v2' });
    expect(renamed.outputs).toMatchObject({ result: 'renamed', 'job-id': jobId });
    const replaced = await action({ operation: 'update', 'job-id': jobId, interval: '2h' });
    expect(replaced.outputs.result).toBe('replaced');
    expect(replaced.outputs['job-id']).not.toBe(jobId);
    expect(replaced.summary).toContain(`Replaced timer \`${jobId}\``);
  });

  it('fails clearly for an unknown timer', async () => {
    const run = await action({
      operation: 'update',
      'job-id': '00000000-0000-4000-8000-000000000000',
      interval: '2h',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('HTTP 404');
    expect(run.stdout).toContain('No such timer for this client');
  });
});

describe('plan', () => {
  it('plans missing, unchanged and changed timers with zero write requests', async () => {
    const missing = await action({ ...hourly(), operation: 'plan' });
    expect(JSON.parse(missing.outputs.plan ?? '').action).toBe('create');
    await create();
    emulator.clearRequests();
    const same = await action({ ...hourly(), operation: 'plan' });
    const changed = await action({ ...hourly({ interval: '30m' }), operation: 'plan' });
    expect(JSON.parse(same.outputs.plan ?? '').action).toBe('unchanged');
    expect(JSON.parse(changed.outputs.plan ?? '')).toMatchObject({
      action: 'replace',
      changes: [{ field: 'interval', live: '1h', desired: '30m' }],
    });
    expect(changed.summary).toContain('```diff\n- interval: 1h\n+ interval: 30m\n```');
    expect(writeRequests(emulator)).toEqual([]);
  });
});

describe('check and fail-on', () => {
  it.each([
    ['run-error', 'submission', 'run-error: the last run'],
    ['transfer-failed', 'transfer', 'transfer-failed: Transfer task'],
    ['inactive', 'auth', 'inactive: timer'],
  ] as const)('fails on %s', async (reason, kind, message) => {
    const jobId = await create();
    emulator.failNextRun(jobId, kind);
    emulator.advance(60);
    const failing = await action({ operation: 'check', 'job-id': jobId, 'fail-on': reason });
    expect(failing.exitCode).toBe(1);
    expect(failing.stdout).toContain(message);
    const passing = await action({ operation: 'check', 'job-id': jobId, 'fail-on': 'none' });
    expect(passing.exitCode).toBe(0);
  });

  // `stale` compares run times with the runner's clock, which the emulator's virtual clock
  // leaves behind; it is tested in-process, where both share one clock (operations/lifecycle).
  it('fails on ended', async () => {
    const jobId = await create({ 'stop-after-runs': '1' });
    emulator.advance(60);
    const ended = await action({ operation: 'check', 'job-id': jobId, 'fail-on': 'ended' });
    expect(ended.exitCode).toBe(1);
    expect(ended.outputs.status).toBe('ended');
    expect(ended.stdout).toContain('ended: timer');
  });

  it('fails clearly when a name matches no timer or two', async () => {
    await create();
    const none = await action({ operation: 'check', name: 'hourly-x' });
    expect(none.exitCode).toBe(1);
    expect(none.stdout).toContain('no timer named exactly "hourly-x"');
    await create();
    const two = await action({ operation: 'check', name: 'hourly' });
    expect(two.exitCode).toBe(1);
    expect(two.stdout).toContain('2 timers are named "hourly"');
  });
});

describe('wait', () => {
  /**
   * Runs `wait` and, once the step has begun, moves the emulator an hour on: a run comes after
   * the step began. (The polling between looks runs on the emulator's clock in process, in
   * __tests__/operations/lifecycle.test.ts; here the step's own clock is the real one.)
   */
  function waitWhileTheRunComes(jobId: string): Promise<ActionRun> {
    let advanced = false;
    return action({ operation: 'wait', 'job-id': jobId, timeout: '1m' }, {}, (text) => {
      if (!advanced && text.includes('Acting as')) {
        advanced = true;
        emulator.advance(3600);
      }
    });
  }

  it('finds the run that started after the step began', async () => {
    const jobId = await create({
      start: new Date(emulator.now().getTime() + 3600_000).toISOString(),
    });
    const run = await waitWhileTheRunComes(jobId);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ 'n-runs': '1', 'transfer-status': 'SUCCEEDED' });
  });

  it('fails when the awaited transfer fails', async () => {
    const jobId = await create({
      start: new Date(emulator.now().getTime() + 3600_000).toISOString(),
    });
    emulator.failNextRun(jobId, 'transfer');
    const run = await waitWhileTheRunComes(jobId);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('transfer-failed');
  });

  it('times out saying what it saw last', async () => {
    const jobId = await create({
      interval: '1d',
      start: new Date(emulator.now().getTime() + 86400_000).toISOString(),
    });
    const run = await action({ operation: 'wait', 'job-id': jobId, timeout: '1s' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('timeout: waited 1s; no run has started');
  });
});

describe('pause and resume', () => {
  it('pause → check shows the timer paused → resume', async () => {
    const jobId = await create();
    expect((await action({ operation: 'pause', name: 'hourly' })).outputs).toMatchObject({
      result: 'paused',
      status: 'inactive',
    });
    const check = await action({ operation: 'check', 'job-id': jobId });
    expect(check.exitCode).toBe(1);
    expect(check.stdout).toContain('is paused; resume it');
    const resumed = await action({ operation: 'resume', 'job-id': jobId });
    expect(resumed.outputs).toMatchObject({ result: 'resumed', changed: 'true' });
    expect((await action({ operation: 'check', 'job-id': jobId })).exitCode).toBe(0);
  });

  it('resumes a timer inactive for auth requirements with update_credentials=true after re-requesting the scopes', async () => {
    const jobId = await create({ 'source-endpoint': mapped, 'data-access': 'none' });
    emulator.advance(60);
    emulator.clearRequests();
    const resumed = await action({ operation: 'resume', 'job-id': jobId });
    expect(resumed.exitCode).toBe(0);
    const scopes = tokenScopes(emulator);
    expect(scopes.join(' ')).toContain(`${mapped}/data_access`);
    expect(emulator.requests().find((r) => r.path.endsWith('/resume'))?.query).toEqual({
      update_credentials: ['true'],
    });
    emulator.advance(3600);
    expect((await action({ operation: 'check', 'job-id': jobId })).outputs['transfer-status']).toBe(
      'SUCCEEDED',
    );
  });
});

describe('delete and list', () => {
  it('deletes twice: the second is a notice', async () => {
    const jobId = await create();
    const first = await action({ operation: 'delete', 'job-id': jobId });
    expect(first.outputs).toMatchObject({ result: 'deleted', changed: 'true' });
    emulator.advance(60); // Globus finishes deleting in the background
    const second = await action({ operation: 'delete', 'job-id': jobId });
    expect(second.exitCode).toBe(0);
    expect(second.outputs.changed).toBe('false');
    expect(second.stdout).toMatch(/::notice::.*nothing to delete/);
  });

  it('lists timers as JSON and a table', async () => {
    await create({ name: 'ci/a' });
    await create({ name: 'ci/b' });
    const run = await action({ operation: 'list', name: 'ci/' });
    expect(JSON.parse(run.outputs.timers ?? '[]').map((t: { name: string }) => t.name)).toEqual([
      'ci/a',
      'ci/b',
    ]);
    expect(run.summary).toContain('ci/a');
  });
});

describe('pull-request comment', () => {
  const github = new GitHubApiStandIn();
  let apiUrl: string;
  let event: string;
  beforeAll(async () => {
    apiUrl = await github.start();
    event = join(mkdtempSync(join(tmpdir(), 'gta-pr-')), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { number: 12 } }));
  });
  afterAll(() => github.stop());

  it('creates one sticky comment, then updates it, never a second', async () => {
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_REPOSITORY: 'octo/pipeline',
      GITHUB_API_URL: apiUrl,
    };
    const inputs = {
      ...hourly(),
      operation: 'plan',
      comment: 'true',
      'github-token': 'ghs_example',
    };
    await action(inputs, env);
    await create();
    await action(inputs, env);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0]?.body).toContain('<!-- globus-timer-action:hourly -->');
    expect(github.comments[0]?.body).toContain('### Globus timer: plan → planned');
    expect(github.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
  });

  it('only notes it outside pull requests', async () => {
    const run = await action(
      { ...hourly(), operation: 'plan', comment: 'true' },
      { GITHUB_EVENT_NAME: 'push' },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('::notice::comment: true only comments on pull_request events');
  });
});
