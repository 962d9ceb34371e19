import { beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/*
 * dist/index.js run as the runner runs it (INPUT_* variables, real GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files) against the emulator over loopback HTTP.
 */

const mapped = SEEDED_COLLECTIONS.mappedNonHa.id;
const guest = SEEDED_COLLECTIONS.guest.id;
const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;
const DATA_ACCESS = `https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer[urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/${mapped}/data_access]]`;

const emulator = useEmulator();
let workspace: string;
beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'gta-e2e-'));
  mkdirSync(join(workspace, 'transfer'));
  writeFileSync(
    join(workspace, 'transfer/items.csv'),
    '# nightly\n/share/a.txt, /backup/a.txt, false\n/share/dir/, /backup/dir/, true\n',
  );
  writeFileSync(join(workspace, 'transfer/bad.csv'), '/ok, /ok\n/missing-destination\n');
});

function action(
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runAction(
    { ...ACTION_DEFAULTS, ...inputs },
    {
      ...emulatorEnv(emulator),
      GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
      GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
      ...env,
    },
    { workspace },
  );
}

const nightly = (overrides: Record<string, string> = {}) => ({
  name: 'nightly',
  'source-endpoint': mapped,
  'destination-endpoint': guest,
  items: '/data/, /backup/, true',
  interval: '1d',
  ...overrides,
});

describe('create and check (dist/index.js)', () => {
  it('creates a mapped-collection timer with data_access; its first run succeeds', async () => {
    const created = await action({ ...nightly(), operation: 'create' });
    expect(created.exitCode).toBe(0);
    expect(created.outputs).toMatchObject({ result: 'created', changed: 'true', status: 'new' });
    expect(tokenScopes(emulator).join(' ')).toContain(DATA_ACCESS);
    expect(created.stdout).toContain(`Acting as ${DEMO_CLIENT.id}@clients.auth.globus.org`);
    expect(created.summary).toContain('| Timer | Schedule | Status |');

    emulator.advance(60);
    const checked = await action({ operation: 'check', 'job-id': created.outputs['job-id'] ?? '' });
    expect(checked.exitCode).toBe(0);
    expect(checked.outputs).toMatchObject({
      status: 'loaded',
      'n-runs': '1',
      'transfer-status': 'SUCCEEDED',
    });
  });

  it('creates from an items file between a GCSv4 host and a guest collection, without data_access', async () => {
    const created = await action({
      ...nightly({ 'source-endpoint': gcsv4, items: '' }),
      'items-file': 'transfer/items.csv',
      operation: 'create',
    });
    expect(created.exitCode).toBe(0);
    expect(tokenScopes(emulator).join(' ')).not.toContain('data_access');
    const body = emulator.requests().find((r) => r.path === '/v2/timer')?.body as {
      timer: { body: { DATA: unknown[] } };
    };
    expect(body.timer.body.DATA).toEqual([
      {
        DATA_TYPE: 'transfer_item',
        source_path: '/share/a.txt',
        destination_path: '/backup/a.txt',
        recursive: false,
      },
      {
        DATA_TYPE: 'transfer_item',
        source_path: '/share/dir/',
        destination_path: '/backup/dir/',
        recursive: true,
      },
    ]);
  });

  it('with data-access: none on a mapped collection, check fails after one run naming the consent', async () => {
    const created = await action({ ...nightly({ 'data-access': 'none' }), operation: 'create' });
    emulator.advance(60);
    const checked = await action({ operation: 'check', 'job-id': created.outputs['job-id'] ?? '' });
    expect(checked.exitCode).toBe(1);
    expect(checked.outputs.status).toBe('inactive');
    expect(checked.stdout).toContain(
      `inactive: timer ${created.outputs['job-id']} is inactive: Globus Auth requirements are not met`,
    );
    expect(checked.stdout).toContain(`data_access on collection ${mapped}`);
  });

  it('fails the check (exit 1) after a failed run', async () => {
    const created = await action({ ...nightly(), operation: 'create' });
    emulator.failNextRun(created.outputs['job-id'] ?? '', 'transfer');
    emulator.advance(60);
    const checked = await action({ operation: 'check', name: 'nightly' });
    expect(checked.exitCode).toBe(1);
    expect(checked.outputs['transfer-status']).toBe('FAILED');
    expect(checked.stdout).toContain('transfer-failed: Transfer task');
    expect(checked.summary).toContain('**Failing:**');
  });
});

describe('apply (dist/index.js)', () => {
  it('is unchanged the second time, with no write request', async () => {
    const first = await action(nightly());
    expect(first.outputs.result).toBe('created');
    emulator.clearRequests();
    const second = await action(nightly());
    expect(second.exitCode).toBe(0);
    expect(second.outputs).toMatchObject({
      result: 'unchanged',
      changed: 'false',
      'job-id': first.outputs['job-id'],
    });
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('replaces a timer whose interval changed, leaving one live timer with that name', async () => {
    const first = await action(nightly());
    const second = await action(nightly({ interval: '12h' }));
    expect(second.outputs).toMatchObject({ result: 'replaced', changed: 'true' });
    const live = emulator
      .state()
      .timers.filter((t) => t.name === 'nightly' && !/delete/.test(t.status));
    expect(live.map((t) => t.job_id)).toEqual([second.outputs['job-id']]);
    expect(
      emulator.state().timers.find((t) => t.job_id === first.outputs['job-id'])?.status,
    ).toMatch(/delete/);
  });
});

describe('bad inputs (dist/index.js)', () => {
  it.each([
    [{ 'source-endpoint': 'not-a-uuid' }, 'source-endpoint: "not-a-uuid" must be a UUID'],
    [{ interval: '30' }, 'interval: "30" is below the 60-second minimum'],
    [{ interval: '400d' }, 'interval: "400d" is above the 365-day maximum'],
    [{ start: '2028-11-01' }, 'start: "2028-11-01" must be within one year'],
    [{ items: '/a, /b\n"/unclosed, /c' }, 'items (line 2): not valid CSV'],
    [{ 'items-file': 'transfer/items.csv' }, 'items: give items or items-file, not both'],
    [
      { 'sync-level': 'sometimes' },
      'sync-level: "sometimes" must be exists, size, mtime or checksum',
    ],
    [{ timezone: 'Europe/Atlantis' }, 'timezone: "Europe/Atlantis" is not an IANA time zone'],
  ])('%p fails naming the input, and nothing reaches Globus', async (change, message) => {
    const run = await action(nightly(change));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::Invalid inputs; nothing was sent to Globus');
    expect(run.stdout).toContain(message);
    expect(emulator.requests()).toEqual([]);
  });

  it('annotates the items file at the bad line', async () => {
    const run = await action(nightly({ items: '', 'items-file': 'transfer/bad.csv' }));
    expect(run.stdout).toContain(
      '::error title=Invalid items-file,file=transfer/bad.csv,line=2::items-file (line 2)',
    );
    expect(emulator.requests()).toEqual([]);
  });
});

describe('spec file (dist/index.js)', () => {
  it('applies every timer of a spec file, then finds them unchanged', async () => {
    writeFileSync(
      join(workspace, 'transfer/timers.yml'),
      [
        'defaults:',
        `  destination-endpoint: ${guest}`,
        '  interval: 1d',
        'timers:',
        `  - { name: ci/a, source-endpoint: ${mapped}, items: '/a/, /a/, true' }`,
        `  - { name: ci/b, source-endpoint: ${gcsv4}, items-file: transfer/items.csv }`,
      ].join('\n'),
    );
    const first = await action({ 'spec-file': 'transfer/timers.yml' });
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ result: 'created', changed: 'true' });
    emulator.clearRequests();
    const second = await action({ 'spec-file': 'transfer/timers.yml' });
    expect(second.outputs).toMatchObject({ result: 'unchanged', changed: 'false' });
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('annotates a bad spec-file value at its line and sends nothing', async () => {
    writeFileSync(
      join(workspace, 'transfer/bad.yml'),
      `timers:\n  - name: ci/a\n    source-endpoint: ${mapped}\n    destination-endpoint: ${guest}\n    items: /a, /b\n    interval: 10s\n`,
    );
    const run = await action({ 'spec-file': 'transfer/bad.yml' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      '::error title=Invalid interval,file=transfer/bad.yml,line=6::timer "ci/a" (line 2), interval (line 6): "10s" is below the 60-second minimum (a Globus Timers limit)',
    );
    expect(emulator.requests()).toEqual([]);
  });
});

describe('secrets (dist/index.js)', () => {
  it('masks the secret and every token and prints neither, even with debug logging', async () => {
    const auth = await recordingAuth(emulator.url);
    try {
      const run = await action(nightly(), {
        RUNNER_DEBUG: '1',
        ACTIONS_STEP_DEBUG: 'true',
        GLOBUS_SDK_SERVICE_URL_AUTH: `${auth.url}/auth/`,
      });
      expect(run.exitCode).toBe(0);
      const masked = [...run.stdout.matchAll(/^::add-mask::(.+)$/gm)].map((m) => m[1] ?? '');
      expect(masked).toContain(DEMO_CLIENT.secret);
      // Every token Auth issued (a Timers and a Transfer token, then one with data_access).
      expect(auth.issued).toHaveLength(emulator.state().tokens.length);
      expect(auth.issued).toHaveLength(3);
      expect(auth.issued.filter((token) => !masked.includes(token))).toEqual([]);
      expect(run.stdout).toContain('::debug::GET');
      const elsewhere =
        run.stdout.replace(/^::add-mask::.+$/gm, '') +
        run.stderr +
        run.summary +
        JSON.stringify(run.outputs);
      for (const secret of masked) expect(elsewhere).not.toContain(secret);
      const revoked = emulator.state().tokens.filter((t) => t.revoked);
      expect(revoked).toHaveLength(emulator.state().tokens.length);
    } finally {
      await auth.close();
    }
  });
});

/** A pass-through in front of the emulator's Auth that notes every access token it answers. */
async function recordingAuth(upstream: string) {
  const issued: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = { ...request.headers } as Record<string, string>;
      delete headers.host;
      fetch(`${upstream}${request.url ?? ''}`, {
        method: request.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
      }).then(
        async (answer) => {
          const text = await answer.text();
          if (request.url?.endsWith('/v2/oauth2/token') && answer.ok) {
            const body = JSON.parse(text) as {
              access_token: string;
              other_tokens?: { access_token: string }[];
            };
            issued.push(body.access_token, ...(body.other_tokens ?? []).map((t) => t.access_token));
          }
          response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
        },
        () => response.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issued,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
