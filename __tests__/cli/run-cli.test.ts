import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT } from '../../emulator/index.js';
import { cli, cliEnv, timerFlags, type CliRun } from '../../__fixtures__/cli.js';
import { writeRequests } from '../../__fixtures__/harness.js';
import { expectNoCredentialIn } from '../../__fixtures__/no-credentials.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/* The command line in process against the emulator: exit codes, outputs, what it prints. */

const emulator = useEmulator();

const json = (run: CliRun) => JSON.parse(run.stdout) as Record<string, unknown>;

describe('apply and plan', () => {
  it('creates, keeps, and plans with terraform’s exit codes', async () => {
    const created = await cli(emulator, ['apply', ...timerFlags('nightly'), '--output', 'json']);
    expect(created.exitCode).toBe(0);
    expect(json(created)).toMatchObject({ result: 'created', changed: 'true' });
    expect(created.stderr).toMatch(/^Created timer "nightly" \([0-9a-f-]{36}\)$/m);
    const again = await cli(emulator, ['apply', ...timerFlags('nightly'), '--output', 'json']);
    expect(json(again)).toMatchObject({ result: 'unchanged', 'job-id': json(created)['job-id'] });

    emulator.clearRequests();
    const same = await cli(emulator, ['plan', ...timerFlags('nightly'), '--detailed-exitcode']);
    expect(same.exitCode).toBe(0);
    const changed = await cli(emulator, [
      'plan',
      ...timerFlags('nightly', '2h'),
      '--detailed-exitcode',
      '--output',
      'json',
    ]);
    expect(changed.exitCode).toBe(2);
    expect(json(changed).plan).toMatchObject({
      action: 'replace',
      changes: [{ field: 'interval', live: '1h', desired: '2h' }],
    });
    const withoutFlag = await cli(emulator, ['plan', ...timerFlags('nightly', '2h')]);
    expect(withoutFlag.exitCode).toBe(0);
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('prints the outputs for people by default, and the log on stderr only', async () => {
    const run = await cli(emulator, ['apply', ...timerFlags('people')]);
    expect(run.stdout).toMatch(/^job-id: +[0-9a-f-]{36}\nstatus: +new\nresult: +created\n/);
    expect(run.stdout).not.toContain('Acting as');
    expect(run.stderr).toMatch(
      /^Acting as de300000-.*@clients\.auth\.globus\.org on http:\/\/127\.0\.0\.1:\d+ \(service URLs from GLOBUS_SDK_SERVICE_URL_\*\)$/m,
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain('::');
  });

  it('reads files relative to the working directory, and writes the summary there', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gta-cli-cwd-'));
    writeFileSync(join(cwd, 'items.csv'), '# source, destination, recursive\n/in/, /out/, true\n');
    const flags = timerFlags('from-file').filter((_, i, all) => all[i - 1] !== '--items');
    const run = await cli(
      emulator,
      ['apply', ...flags.filter((flag) => flag !== '--items'), '--items-file', 'items.csv'],
      { cwd },
    );
    expect(run.exitCode).toBe(0);
    const summary = await cli(emulator, ['list', '--summary', 'summary.markdown'], { cwd });
    expect(summary.exitCode).toBe(0);
    expect(readFileSync(join(cwd, 'summary.markdown'), 'utf8')).toMatch(/^### Globus timer: list/);
  });
});

describe('check', () => {
  it('fails on a failed transfer, its outputs as a GitLab dotenv report', async () => {
    const created = await cli(emulator, ['create', ...timerFlags('failing'), '--output', 'json']);
    const jobId = String(json(created)['job-id']);
    emulator.failNextRun(jobId, 'transfer');
    emulator.advance(60);
    const run = await cli(emulator, ['check', '--job-id', jobId, '--output', 'dotenv']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^error: run-error: .*\n {2}transfer-failed: Transfer task \S+ FAILED/m,
    );
    expect(run.stdout).toContain(`GLOBUS_TIMER_JOB_ID=${jobId}\n`);
    expect(run.stdout).toContain('GLOBUS_TIMER_TRANSFER_STATUS=FAILED\n');
    expect(run.stdout).toContain('GLOBUS_TIMER_RESULT=checked\n');
    // A KEY=value line for each output with a value; the JSON ones (timer, plan) left out.
    for (const line of run.stdout.trimEnd().split('\n')) {
      expect(line).toMatch(/^GLOBUS_TIMER_[A-Z_]+=\S/);
    }
    expect(run.stdout).not.toMatch(/^GLOBUS_TIMER_(TIMER|TIMERS|PLAN)=/m);
  });
});

describe('wait', () => {
  it('shows the long sleep until the next run in a log', async () => {
    const start = new Date(emulator.now().getTime() + 3_600_000).toISOString();
    const created = await cli(emulator, [
      'create',
      ...timerFlags('later'),
      '--start',
      start,
      '--output',
      'json',
    ]);
    const jobId = String(json(created)['job-id']);
    const run = await cli(emulator, ['wait', '--job-id', jobId, '--timeout', '2h']);
    expect(run.exitCode).toBe(0);
    // The action says what it waits for once a minute; the minute-long sleeps get no line.
    expect(run.stderr).toMatch(
      /^Still waiting for a run of "later": the next is due at .* \(in 59m\); 1h59m left before the timeout$/m,
    );
    expect(run.stderr).not.toMatch(/^waiting /m);
    expect(run.stdout).toMatch(/^transfer-status: +SUCCEEDED$/m);
  });
});

describe('bad flags and secrets', () => {
  it('refuses --client-secret before anything is sent, and never shows it', async () => {
    emulator.clearRequests();
    const run = await cli(emulator, ['list', '--client-secret', DEMO_CLIENT.secret]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^error: --client-secret is refused: .*GLOBUS_CLIENT_SECRET/m);
    expect(run.stderr).toMatch(/^Nothing was sent to Globus\./m);
    expect(emulator.requests()).toEqual([]);
    expectNoCredentialIn(`${run.stdout}${run.stderr}`);
  });

  it('stops at an unknown flag, suggesting the nearest, before anything is sent', async () => {
    emulator.clearRequests();
    const run = await cli(emulator, ['apply', ...timerFlags('typo'), '--intreval', '2h']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('error: unknown flag --intreval; did you mean --interval?');
    expect(emulator.requests()).toEqual([]);
  });

  it('reports a bad value with the action’s own message, naming the input', async () => {
    const run = await cli(emulator, ['apply', ...timerFlags('bad', '30s')]);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^error: Invalid inputs; nothing was sent to Globus:\n {2}- interval: /m,
    );
    // A step that fails still has outputs: what a script reads is that it failed.
    expect(run.stdout).toBe('result:  failed\nchanged: false\n');
  });

  it('reads the secret from --client-secret-file and keeps it out of everything', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gta-cli-secret-'));
    writeFileSync(join(cwd, 'secret'), `${DEMO_CLIENT.secret}\n`);
    const { GLOBUS_CLIENT_SECRET: _, ...env } = cliEnv(emulator);
    emulator.setFault({ service: 'timers', status: 500, echo_request: true, echo_format: 'text' });
    const run = await cli(emulator, ['list', '--client-secret-file', 'secret', '--retries', '0'], {
      cwd,
      env,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/authorization: \[redacted\]/i);
    expectNoCredentialIn(`${run.stdout}${run.stderr}`);
    const missing = await cli(emulator, ['list', '--client-secret-file', 'nowhere'], { cwd, env });
    expect(missing.stderr).toContain('error: --client-secret-file: nowhere: not found');
  });

  it('prints the help of an operation, and the general help without arguments', async () => {
    const help = await cli(emulator, ['wait', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^ {2}--timeout DURATION$/m);
    const bare = await cli(emulator, []);
    expect(bare.exitCode).toBe(1);
    expect(bare.stderr).toMatch(/^Usage:/m);
  });
});

describe('Ctrl-C', () => {
  it('abandons the request in flight, still revokes every token, and exits 130', async () => {
    const created = await cli(emulator, ['create', ...timerFlags('hang'), '--output', 'json']);
    const before = emulator.state().tokens.length;
    emulator.clearRequests();
    emulator.setFault({ service: 'timers', method: 'GET', path: '/jobs/', delay_ms: 5000 });
    const stop = new AbortController();
    const hanging = () => emulator.requests().find((request) => request.path.startsWith('/jobs/'));
    // Ctrl-C once the read of the timer has reached Globus and hangs there.
    const pressed = (async () => {
      while (!hanging()) await new Promise((resolve) => setTimeout(resolve, 5));
      stop.abort('SIGINT');
    })();
    const run = await cli(emulator, ['check', '--job-id', String(json(created)['job-id'])], {
      signal: stop.signal,
      step: {},
    });
    await pressed;
    expect(run.exitCode).toBe(130);
    expect(hanging()?.answered_ms).toBeNull();
    const issued = emulator.state().tokens.slice(before);
    expect(issued.length).toBeGreaterThan(0);
    expect(issued.filter((token) => !token.revoked)).toEqual([]);
    expect(run.stderr).toMatch(/^Stopped before check finished\./m);
    expect(run.stderr).not.toMatch(/^error:/m);
    expect(run.stdout).toBe('');
  });
});
