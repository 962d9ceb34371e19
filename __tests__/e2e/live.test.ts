import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEMO_CLIENT, SEEDED_COLLECTIONS, SEEDED_FLOWS } from '../../emulator/index.js';
import { emulatorEnv, runInProcess } from '../../__fixtures__/harness.js';
import { liveOnEmulator } from '../../__fixtures__/live-in-process.js';
import { DEMO_BASIC_CREDENTIAL } from '../../__fixtures__/no-credentials.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';
import { type LiveConfig, readLiveConfig } from '../../scripts/live-config.js';
import {
  failingRunProblems,
  healthyRunProblems,
  type LiveReportDocument,
  leftoverTimers,
} from '../../scripts/live-emulator-checks.js';
import { runLive } from '../../scripts/live-run.js';
import { distStepRunner } from '../../scripts/live-steps.js';

/*
 * npm run live with the emulator standing in for Globus. The script as a maintainer starts it
 * (skipped without credentials, refusing a setting it cannot use); and its whole run on the
 * emulator's clock — each step the action in process, whose waits advance the virtual clock —
 * judged by the same checks as the real-time run in CI (scripts/live-emulator-checks.ts): a
 * working service passes, one whose every transfer fails fails naming the transfer, a flow
 * timer and a mapped collection's data_access run, no request leaves the service URLs given,
 * and no gta-live/ timer is left.
 */

const emulator = useEmulator();
const root = fileURLToPath(new URL('../../', import.meta.url));
const { guest, gcsv4Host, mappedNonHa } = SEEDED_COLLECTIONS;

function script(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/live.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout })),
  );
}

const CREDENTIALS = {
  GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
  GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
  GLOBUS_LIVE_SOURCE: guest.id,
  GLOBUS_LIVE_DESTINATION: gcsv4Host.id,
};

/** Everything set: a sandbox environment whose every service is the emulator. */
function fullConfig(extra: Record<string, string> = {}): LiveConfig {
  const reading = readLiveConfig(
    {
      ...emulatorEnv(emulator),
      ...CREDENTIALS,
      GLOBUS_SDK_ENVIRONMENT: 'sandbox',
      GLOBUS_LIVE_FLOW_ID: SEEDED_FLOWS.echo.id,
      GLOBUS_LIVE_FLOW_INPUT: '{"echo_string": "live"}',
      GLOBUS_LIVE_MAPPED_COLLECTION: mappedNonHa.id,
      GLOBUS_LIVE_INTERVAL: '1m',
      GITHUB_RUN_ID: '4242',
      ...extra,
    },
    emulator.now().getTime(),
  );
  if (reading.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(reading)}`);
  return reading.config;
}

async function live(config: LiveConfig, options?: Parameters<typeof liveOnEmulator>[2]) {
  const { deps, urls } = liveOnEmulator(emulator, config, options);
  const outcome = await runLive(config, deps);
  const report = JSON.parse(outcome.reportText) as LiveReportDocument;
  return { outcome, report, urls, leftovers: leftoverTimers(emulator.state().timers) };
}

/** The services' base URLs as the live run was told them. */
const serviceBases = () => Object.values(emulatorEnv(emulator));

describe('npm run live, as a maintainer starts it', () => {
  it('without credentials says what it needs and is skipped, not failed', async () => {
    const run = await script({ GLOBUS_LIVE_SOURCE: guest.id });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('npm run live: skipped');
    expect(run.stdout).toContain('GLOBUS_CLIENT_SECRET');
    expect(run.stdout).not.toContain('GLOBUS_LIVE_SOURCE:');
    expect(run.stdout).toContain('"The live test" in CONTRIBUTING.md');
    expect(emulator.requests()).toEqual([]);
  });

  it('refuses settings it cannot use before any request, naming each variable', async () => {
    const run = await script({
      ...emulatorEnv(emulator),
      ...CREDENTIALS,
      GLOBUS_LIVE_INTERVAL: '30s',
      GLOBUS_SDK_ENVIRONMENT: 'moon',
      GLOBUS_LIVE_FLOW_ID: SEEDED_FLOWS.echo.id,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('GLOBUS_LIVE_INTERVAL "30s" is shorter than Globus allows');
    expect(run.stdout).toContain('GLOBUS_SDK_ENVIRONMENT "moon" is not one of production,');
    expect(run.stdout).toContain('GLOBUS_LIVE_FLOW_INPUT is missing');
    expect(emulator.requests()).toEqual([]);
  });
  it('runs each step through dist/index.js, reading back its requests and its errors', async () => {
    const runStep = distStepRunner(
      { 'client-id': DEMO_CLIENT.id, 'client-secret': DEMO_CLIENT.secret },
      emulatorEnv(emulator),
    );
    const run = await runStep({
      operation: 'check',
      'job-id': '00000000-0000-4000-8000-00000000dead',
    });
    expect(run.exitCode).toBe(1);
    expect(run.debug).toContainEqual(
      expect.stringMatching(
        new RegExp(`^GET ${emulator.urls.timers}jobs/00000000-0000-4000-8000-00000000dead: 404 `),
      ),
    );
    expect(run.errors.at(-1)).toMatch(/^Globus Timers GET \/jobs\/\S+: HTTP 404 NOT_FOUND: .*\n/);
  });
});

describe('npm run live against the emulator, on its clock', () => {
  it('passes against a working service, sweeping what an earlier run left and leaving nothing', async () => {
    const earlier = await runInProcess(emulator, {
      name: 'gta-live/4241',
      'source-endpoint': guest.id,
      'destination-endpoint': gcsv4Host.id,
      items: '/a, /b',
      interval: '1h',
    });
    const kept = await runInProcess(emulator, {
      name: 'not the live test',
      'source-endpoint': guest.id,
      'destination-endpoint': gcsv4Host.id,
      items: '/a, /b',
      interval: '1h',
    });
    emulator.clearRequests();

    const { outcome, report, urls, leftovers } = await live(fullConfig());

    expect(outcome.failures).toEqual([]);
    expect(healthyRunProblems(0, report, leftovers)).toEqual([]);
    expect(report.readings.swept).toEqual(['gta-live/4241']);
    const timers = emulator.state().timers;
    const statusOf = (jobId: string | undefined) => timers.find((t) => t.job_id === jobId)?.status;
    expect(statusOf(earlier.outputs['job-id'])).toMatch(/^delete/);
    expect(statusOf(kept.outputs['job-id'])).toBe('loaded');
    expect(report.steps.map((step) => step.step)).toEqual([
      'sweep: list the gta-live/ timers an earlier run left',
      'sweep: delete gta-live/4241',
      'apply',
      'wait for the first run',
      'check',
      'pause',
      'resume',
      'wait for the second run',
      'check after the last run',
      'delete',
      'delete again',
      'check a timer that is not there',
      'flow timer: apply',
      'flow timer: wait for its run',
      'flow timer: check',
      'flow timer: delete',
      'data_access timer: apply',
      'data_access timer: wait for its run',
      'data_access timer: check',
      'data_access timer: delete',
    ]);
    expect(report.readings).toMatchObject({
      revocation: { creating_step_revoked_its_tokens: true, second_run: 'SUCCEEDED' },
      flow_timer: { flow_lookup: '200', run_lookup: '200', flow_run_status: 'SUCCEEDED' },
      legacy_scope: { status: 200, reading: 'accepted' },
      past_start: { status: 201, deleted: true },
    });

    // Every request, the action's and the probes', went to a service URL it was given.
    expect(urls.length).toBeGreaterThan(50);
    expect(urls.filter((url) => !serviceBases().some((base) => url.startsWith(base)))).toEqual([]);
    const scopes = emulator
      .requests()
      .filter((request) => request.path === '/v2/oauth2/token')
      .map((request) => String((request.body as Record<string, unknown>).scope));
    const timerScope = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
    const flowScope = `https://auth.globus.org/scopes/${SEEDED_FLOWS.echo.id}/flow_${SEEDED_FLOWS.echo.id.replaceAll('-', '_')}_user`;
    expect(scopes.some((scope) => scope.includes(`${timerScope}[${flowScope}]`))).toBe(true);
    expect(scopes.some((scope) => scope.includes(`${mappedNonHa.id}/data_access`))).toBe(true);
    expect(scopes.some((scope) => scope.includes('actions.globus.org/transfer/transfer'))).toBe(
      true,
    );
    expect(emulator.state().tokens.every((token) => token.revoked)).toBe(true);
  });

  it('fails where every transfer fails, its first failure naming the Transfer task and why', async () => {
    emulator.configure({ transfer_outcome: 'FAILED' });
    const { outcome, report, leftovers } = await live(fullConfig());

    expect(failingRunProblems(1, report, leftovers)).toEqual([]);
    const firstTask = emulator.state().tasks[0];
    expect(outcome.failures[0]).toContain(
      `wait for the first run: it exited 1, not 0: run-error: the last run`,
    );
    expect(outcome.failures[0]).toContain(
      `Transfer task ${String(firstTask?.task_id)} FAILED: PERMISSION_DENIED permission denied on the destination path`,
    );
    expect(outcome.failures.map((failure) => failure.split(':')[0])).toEqual([
      'wait for the first run',
      'check',
      'wait for the second run',
      'check after the last run',
      'data_access timer',
      'data_access timer',
    ]);
    // The report still records what the service answered.
    expect(report.steps.find((s) => s.step === 'check')?.outputs).toMatchObject({
      'transfer-status': 'FAILED',
    });
  });

  it('writes a report with ids as placeholders and no credential', async () => {
    const { outcome } = await live(fullConfig());
    expect(outcome.reportText).toContain('<JOB_ID>');
    expect(outcome.reportText).toContain('<FLOW_ID>');
    for (const secret of [DEMO_CLIENT.secret, DEMO_BASIC_CREDENTIAL, DEMO_CLIENT.id]) {
      expect(outcome.reportText).not.toContain(secret);
    }
    expect(outcome.reportText).not.toMatch(
      /emulator-token-|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    );
  });

  it('fails when the action is sent anywhere but the service URLs the live run was given', async () => {
    // The action's Timers at the emulator's root (it answers there too), the run told /timers/.
    const config = fullConfig();
    const astray = {
      ...config,
      stepEnv: { ...config.stepEnv, GLOBUS_SDK_SERVICE_URL_TIMERS: `${emulator.url}/` },
    };
    const { outcome, report } = await live(astray);
    // Every Timers request went astray, and nothing else went wrong.
    const astrayRequest = `a request outside the service URLs: [A-Z]+ ${emulator.url}/(jobs|v2/timer)`;
    expect(outcome.failures.length).toBeGreaterThan(10);
    for (const failure of outcome.failures)
      expect(failure).toMatch(new RegExp(`^${astrayRequest}`));
    expect(report.verdict).toBe('failed');
  });

  it('deletes what it made when a step breaks off, and skips the flow and the mapped collection it was not given', async () => {
    const config = fullConfig({ GLOBUS_LIVE_FLOW_ID: '', GLOBUS_LIVE_FLOW_INPUT: '' });
    const { mapped: _mapped, ...withoutMapped } = config;
    const { outcome, report, leftovers } = await live(withoutMapped, {
      failOn: (inputs) =>
        inputs.operation === 'pause' ? new Error('the runner went away') : undefined,
    });
    expect(outcome.failures).toEqual(['the live run stopped: the runner went away']);
    expect(report.steps.at(-1)?.step).toBe('clean up: delete gta-live/4242');
    expect(report.steps.at(-1)?.problem).toBeUndefined();
    expect(leftovers).toEqual([]);
    expect(report.left_undeleted).toEqual([]);

    const { report: skipped } = await live(withoutMapped);
    expect(skipped.readings.flow_timer).toMatch(/^skipped: set GLOBUS_LIVE_FLOW_ID/);
    expect(skipped.readings.data_access).toMatch(/^skipped: set GLOBUS_LIVE_MAPPED_COLLECTION/);
    expect(emulator.requests().filter((request) => request.service === 'flows')).toEqual([]);
  });
});
