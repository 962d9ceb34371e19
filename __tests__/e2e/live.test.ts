import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { emulatorEnv } from '../../__fixtures__/harness.js';
import { DEMO_BASIC_CREDENTIAL } from '../../__fixtures__/no-credentials.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * npm run live, with the emulator standing in for Globus: without credentials it is skipped;
 * with them it runs the whole sequence through dist/index.js and writes its report. The
 * emulator's clock is moved on when the script says it waits for a run, as time would.
 */

const emulator = useEmulator();
const root = fileURLToPath(new URL('../../', import.meta.url));

function live(env: Record<string, string>, onLine: (line: string) => void = () => undefined) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/live.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line) onLine(line);
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout })),
  );
}

describe('npm run live', () => {
  it('without credentials says what it needs and is skipped, not failed', async () => {
    const run = await live({ GLOBUS_LIVE_SOURCE: SEEDED_COLLECTIONS.guest.id });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('npm run live: skipped');
    expect(run.stdout).toContain('GLOBUS_CLIENT_SECRET');
    expect(run.stdout).not.toContain('GLOBUS_LIVE_SOURCE:');
    expect(emulator.requests()).toEqual([]);
  });

  it('with credentials runs the whole sequence and writes the report', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'gta-live-')), 'report.json');
    const run = await live(
      {
        ...emulatorEnv(emulator),
        GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
        GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
        GLOBUS_LIVE_SOURCE: SEEDED_COLLECTIONS.guest.id,
        GLOBUS_LIVE_DESTINATION: SEEDED_COLLECTIONS.gcsv4Host.id,
        GLOBUS_LIVE_REPORT: report,
      },
      (line) => {
        // The first run is due two minutes after apply, the second five minutes later.
        if (line === 'live: wait for the first run') emulator.advance(180);
        if (line === 'live: wait for the second run') emulator.advance(300);
      },
    );
    expect(run.code).toBe(0);
    const text = readFileSync(report, 'utf8');
    const written = JSON.parse(text) as {
      readings: Record<string, { reading?: string; status?: unknown } | unknown>;
      steps: { step: string; exitCode: number; outputs: Record<string, string> }[];
    };
    expect(written.steps.map((s) => [s.step, s.exitCode])).toEqual([
      ['apply', 0],
      ['wait for the first run', 0],
      ['check', 0],
      ['pause', 0],
      ['resume', 0],
      ['wait for the second run', 0],
      ['check after the last run', 0],
      ['delete', 0],
      ['delete again', 0],
      ['check a timer that is not there', 1],
    ]);
    expect(written.steps[1]?.outputs).toMatchObject({ 'transfer-status': 'SUCCEEDED' });
    expect(written.readings).toMatchObject({
      task_id_location: ['resource_id', 'data.details.task_id'],
      ended: { status: 'ended', next_run: null },
      missing_timer: '404',
      legacy_scope: { status: 200, reading: 'accepted' },
      repeated_delete: { status: 200, reading: 'ok' },
    });
    expect(written.readings.run_result_shape).toMatchObject({ resource_id: 'string', data: {} });
    expect(text).toContain('<JOB_ID>');
    for (const secret of [DEMO_CLIENT.secret, DEMO_BASIC_CREDENTIAL, DEMO_CLIENT.id]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(
      /emulator-token-|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/,
    );
    expect(emulator.state().tokens.every((token) => token.revoked)).toBe(true);
  });
});
