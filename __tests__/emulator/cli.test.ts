import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../../emulator/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('npm run emulator', () => {
  it('listens on a free port, writes the port file, prints how to use it and stops on SIGTERM', async () => {
    const portFile = join(mkdtempSync(join(tmpdir(), 'emulator-')), 'port');
    // node --import tsx, not node_modules/.bin/tsx: one process, and a file Windows can run.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'emulator/cli.ts',
        '--port',
        '0',
        '--port-file',
        portFile,
        '--client',
        'ci:ci-secret',
        '--now',
        '2026-11-28T19:00:00Z',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
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
    const url = `http://127.0.0.1:${port}`;
    expect(output).toContain(`listening on ${url}`);
    expect(output).toContain(`GLOBUS_SDK_SERVICE_URL_TIMER=${url}/timers/`);
    expect(output).toContain(DEMO_CLIENT.secret);
    expect(output).toContain(SEEDED_COLLECTIONS.mappedNonHa.id);

    const clock = await fetch(`${url}/_emulator/clock`).then((response) => response.json());
    expect(clock).toEqual({ now: '2026-11-28T19:00:00+00:00' });
    const token = await fetch(`${url}/v2/oauth2/token`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('ci:ci-secret').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'openid' }),
    });
    expect(token.status).toBe(200);

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    // Windows has no signals: kill() ends the process outright, so only POSIX shows a clean stop.
    expect(await exited).toEqual(process.platform === 'win32' ? [null, 'SIGTERM'] : [0, null]);
  });
});
