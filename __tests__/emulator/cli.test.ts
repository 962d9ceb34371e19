import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import {
  DEMO_CLIENT,
  SEEDED_COLLECTIONS,
  SEEDED_FLOWS,
  startEmulator,
} from '../../emulator/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** node --import tsx, not node_modules/.bin/tsx: one process, and a file Windows can run. */
function cli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: root });
}

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: string;
}

/** Starts `npm run emulator` with these extra arguments and waits for its banner. */
async function startCli(args: string[]): Promise<Running> {
  const portFile = join(mkdtempSync(join(tmpdir(), 'emulator-')), 'port');
  const child = cli(['--port', '0', '--port-file', portFile, ...args]);
  child.stdout.setEncoding('utf8');
  // The banner ends with the stop hint; by then the port file is written. The stream stays
  // open: the emulator still writes to it when it stops.
  const output = await new Promise<string>((resolve) => {
    let text = '';
    child.stdout.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('Stop with Ctrl-C.')) resolve(text);
    });
  });
  const port = Number(readFileSync(portFile, 'utf8'));
  return { child, url: `http://127.0.0.1:${port}`, output };
}

/** Stops it; Windows has no signals (kill ends the process outright), so only POSIX stops cleanly. */
async function stop({ child }: Running): Promise<unknown[]> {
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code, signal] = await exited;
  return process.platform === 'win32' && signal === 'SIGTERM' ? [0, null] : [code, signal];
}

/** Runs the command line to its end: for --help and for arguments it refuses. */
async function runCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = cli(args);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

describe('npm run emulator', () => {
  it('listens on a free port, writes the port file, prints how to use it and stops on SIGTERM', async () => {
    const running = await startCli(['--client', 'ci:ci-secret', '--now', '2026-11-28T19:00:00Z']);
    const { url, output } = running;
    expect(output).toContain(`listening on ${url}`);
    expect(output).toContain(`GLOBUS_SDK_SERVICE_URL_TIMER=${url}/timers/`);
    expect(output).toContain(DEMO_CLIENT.secret);
    expect(output).toContain(SEEDED_COLLECTIONS.mappedNonHa.id);
    expect(output).toContain(`GLOBUS_SDK_SERVICE_URL_FLOWS=${url}/flows/`);
    for (const { id } of Object.values(SEEDED_FLOWS)) expect(output).toContain(id);

    const clock = await fetch(`${url}/_emulator/clock`).then((response) => response.json());
    expect(clock).toEqual({ now: '2026-11-28T19:00:00+00:00' });
    const token = await fetch(`${url}/v2/oauth2/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('ci:ci-secret').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'openid' }),
    });
    expect(token.status).toBe(200);
    expect(await stop(running)).toEqual([0, null]);
  });

  it('with --real-time runs its clock at the wall clock pace, from --now', async () => {
    const running = await startCli(['--real-time', '--now', '2026-11-28T19:00:00Z']);
    expect(running.output).toContain('(real-time clock at 2026-11-28T19:00:00');
    const read = async () => {
      const { now } = (await fetch(`${running.url}/_emulator/clock`).then((reply) =>
        reply.json(),
      )) as { now: string };
      return Date.parse(now);
    };
    // The wiring of the flag, not the mode (real-time.test.ts drives that with its own wall
    // clock): the clock, read in whole seconds, moves on by itself within a second or so,
    // where a virtual clock would stay put for good.
    const first = await read();
    let later = first;
    for (let look = 0; look < 50 && later === first; look++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      later = await read();
    }
    expect(later).toBeGreaterThan(first);
    expect(await stop(running)).toEqual([0, null]);
  });

  it('takes every setting as a flag, prints the ones given and keeps them across a reset', async () => {
    const expected = {
      create_requires_data_access: true,
      task_active_seconds: 90,
      run_active_seconds: 45,
      transfer_outcome: 'FAILED',
      results_page_size: 3,
      results_order: 'oldest_first',
      task_id_location: 'details_only',
      auth_requirements_location: 'errors_array',
      legacy_scope: 'rejected',
      ended_shape: 'next_run_null',
      foreign_timer_status: 403,
      repeated_delete: 'conflict',
      deleted_timers: 'gone',
      label_rule: 'strict',
      start_tolerance_seconds: 0,
      latency_ms: 5,
      hidden_flow_status: 403,
      flow_create_shape: 'job',
      create_requires_flow_consent: true,
      stalled_task_shape: 'no_events',
    };
    const flags = Object.entries(expected).flatMap(([key, value]) => [
      `--${key.replaceAll('_', '-')}`,
      String(value),
    ]);
    const running = await startCli(flags);
    const config = () => fetch(`${running.url}/_emulator/config`).then((reply) => reply.json());
    expect(await config()).toEqual(expected);
    expect(running.output).toContain('task_id_location = details_only');
    expect(running.output).toContain('latency_ms = 5');
    await fetch(`${running.url}/_emulator/config`, {
      method: 'POST',
      body: JSON.stringify({ results_page_size: 7, latency_ms: 0 }),
    });
    await fetch(`${running.url}/_emulator/reset`, { method: 'POST' });
    expect(await config()).toEqual(expected);
    expect(await stop(running)).toEqual([0, null]);
  });

  it('lists every setting with --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    const inProcess = await startEmulator();
    const keys = Object.keys(inProcess.config());
    await inProcess.close();
    expect(keys.length).toBeGreaterThanOrEqual(13);
    for (const key of keys) {
      expect(stdout).toContain(`--${key.replaceAll('_', '-')} `);
    }
  });

  it('refuses a bad setting value with the control API message and exit status 2', async () => {
    const { code, stderr } = await runCli([
      '--results-order',
      'sideways',
      '--results-page-size',
      'x',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('results_page_size must be an integer ≥ 1');
    expect(stderr).toContain('results_order must be one of newest_first, oldest_first');
    expect(stderr).toContain('usage: npm run emulator');
  });
});
