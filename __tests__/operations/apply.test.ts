import { describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess, writeRequests, tokenScopes } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';
import type { Transport } from '../../src/globus/transport.js';
import { directConnections } from '../../__fixtures__/connections.js';

const TIMER_SCOPE = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
const mapped = SEEDED_COLLECTIONS.mappedNonHa.id;
const guest = SEEDED_COLLECTIONS.guest.id;
const gcsv4 = SEEDED_COLLECTIONS.gcsv4Host.id;

const emulator = useEmulator();

const timer = (overrides: Record<string, string> = {}) => ({
  name: 'nightly',
  'source-endpoint': mapped,
  'destination-endpoint': guest,
  items: '/data/, /backup/, true',
  interval: '1d',
  ...overrides,
});

const liveTimers = () =>
  emulator.state().timers.filter((t) => !['deleted', 'delete_in_progress'].includes(t.status));

describe('apply', () => {
  it('creates a timer on a mapped collection with its data_access consent', async () => {
    const core = await runInProcess(emulator, timer());
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ result: 'created', changed: 'true', status: 'new' });
    expect(core.outputs['job-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokenScopes(emulator)).toEqual([
      `${TIMER_SCOPE}[urn:globus:auth:scope:transfer.api.globus.org:all] urn:globus:auth:scope:transfer.api.globus.org:all`,
      `${TIMER_SCOPE}[urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/${mapped}/data_access]]`,
    ]);

    emulator.advance(60); // a start left out means now: the first run is due at once
    const check = await runInProcess(emulator, {
      operation: 'check',
      'job-id': core.outputs['job-id'] ?? '',
    });
    expect(check.failed).toBeUndefined();
    expect(check.outputs).toMatchObject({
      'n-runs': '1',
      'n-errors': '0',
      'transfer-status': 'SUCCEEDED',
    });
  });

  it('asks for no data_access between a GCSv4 host and a guest collection', async () => {
    const core = await runInProcess(emulator, timer({ 'source-endpoint': gcsv4 }));
    expect(core.outputs.result).toBe('created');
    expect(tokenScopes(emulator).join(' ')).not.toContain('data_access');
  });

  it('sends exactly the create body the Timers schema expects', async () => {
    await runInProcess(emulator, timer({ 'stop-after-runs': '3', label: 'Nightly backup' }));
    const create = emulator.requests().find((r) => r.method === 'POST' && r.path === '/v2/timer');
    expect(create?.body).toEqual({
      timer: {
        timer_type: 'transfer',
        name: 'nightly',
        schedule: {
          type: 'recurring',
          interval_seconds: 86400,
          end: { condition: 'iterations', count: 3 },
        },
        body: {
          DATA_TYPE: 'transfer',
          source_endpoint: mapped,
          destination_endpoint: guest,
          DATA: [
            {
              DATA_TYPE: 'transfer_item',
              source_path: '/data/',
              destination_path: '/backup/',
              recursive: true,
            },
          ],
          label: 'Nightly backup',
          verify_checksum: true,
          encrypt_data: false,
          preserve_timestamp: false,
          delete_destination_extra: false,
          skip_source_errors: false,
          fail_on_quota_errors: false,
        },
      },
    });
  });

  it('leaves a matching timer alone and writes nothing', async () => {
    const first = await runInProcess(emulator, timer());
    emulator.clearRequests();
    const second = await runInProcess(emulator, timer());
    expect(second.outputs).toMatchObject({
      result: 'unchanged',
      changed: 'false',
      'job-id': first.outputs['job-id'],
    });
    expect(writeRequests(emulator)).toEqual([]);
    // one token request and one list; no collection lookups when nothing needs creating
    expect(
      emulator
        .requests()
        .filter((r) => r.service !== 'auth' || r.path === '/v2/oauth2/token')
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(['POST /v2/oauth2/token', 'GET /jobs/']);
  });

  it('says so when the matching timer is paused, without resuming it', async () => {
    const first = await runInProcess(emulator, timer());
    await runInProcess(emulator, { operation: 'pause', 'job-id': first.outputs['job-id'] ?? '' });
    const again = await runInProcess(emulator, timer());
    expect(again.outputs).toMatchObject({ result: 'unchanged', status: 'inactive' });
    expect(again.annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        message: expect.stringContaining('is paused; resume it'),
      }),
    );
  });

  it('replaces a timer whose interval changed: new first, then the old one deleted', async () => {
    const first = await runInProcess(emulator, timer());
    emulator.clearRequests();
    const second = await runInProcess(emulator, timer({ interval: '12h' }));
    expect(second.outputs).toMatchObject({ result: 'replaced', changed: 'true' });
    expect(second.outputs['job-id']).not.toBe(first.outputs['job-id']);
    const writes = writeRequests(emulator).map((r) => `${r.method} ${r.path}`);
    expect(writes).toEqual(['POST /v2/timer', `DELETE /jobs/${first.outputs['job-id']}`]);
    expect(liveTimers().map((t) => t.job_id)).toEqual([second.outputs['job-id']]);
    expect(JSON.parse(second.outputs.plan ?? '{}').changes).toEqual([
      { field: 'interval', live: '1d', desired: '12h' },
    ]);
    expect(second.summaries.join('')).toContain(`Replaced timer \`${first.outputs['job-id']}\``);
  });

  it('lets an existing timer keep its label unless one is given', async () => {
    const made = await runInProcess(emulator, {
      ...timer({ label: 'Made by hand' }),
      operation: 'create',
    });
    const unlabelled = await runInProcess(emulator, timer());
    expect(unlabelled.outputs).toMatchObject({
      result: 'unchanged',
      'job-id': made.outputs['job-id'],
    });
    const relabelled = await runInProcess(emulator, timer({ label: 'Nightly' }));
    expect(relabelled.outputs.result).toBe('replaced');
    expect(JSON.parse(relabelled.outputs.plan ?? '{}').changes).toEqual([
      { field: 'label', live: 'Made by hand', desired: 'Nightly' },
    ]);
  });

  it('refuses to guess between two timers with the same name', async () => {
    const a = await runInProcess(emulator, { ...timer(), operation: 'create' });
    const b = await runInProcess(emulator, { ...timer(), operation: 'create' });
    emulator.clearRequests();
    const core = await runInProcess(emulator, timer({ interval: '2d' }));
    expect(core.failed).toContain('2 timers are named "nightly"');
    expect(core.failed).toContain(a.outputs['job-id']);
    expect(core.failed).toContain(b.outputs['job-id']);
    expect(writeRequests(emulator)).toEqual([]);
  });

  it('sends nothing at all when an input is bad', async () => {
    const core = await runInProcess(
      emulator,
      timer({ interval: '30s', items: '/a, /b\n/only-one' }),
    );
    expect(core.failed).toMatch(/^Invalid inputs; nothing was sent to Globus/);
    expect(core.failed).toContain('interval: "30s" is below the 60-second minimum');
    expect(core.failed).toContain('items (line 2)');
    expect(emulator.requests()).toEqual([]);
  });
});

describe('a create whose outcome is unknown', () => {
  it('adopts the timer the service did create before the connection dropped', async () => {
    emulator.setFault({ service: 'timers', method: 'POST', path: '/v2/timer', drop: 'after' });
    const core = await runInProcess(emulator, timer());
    expect(core.outputs.result).toBe('created');
    expect(liveTimers()).toHaveLength(1);
    expect(core.outputs['job-id']).toBe(liveTimers()[0]?.job_id);
    expect(core.annotations.map((a) => a.message).join('\n')).toContain(
      'looking for it before sending again',
    );
  });

  it('sends it again when the service never got it', async () => {
    emulator.setFault({ service: 'timers', method: 'POST', path: '/v2/timer', drop: 'before' });
    const core = await runInProcess(emulator, timer());
    expect(core.outputs.result).toBe('created');
    expect(liveTimers()).toHaveLength(1);
    expect(
      emulator.requests().filter((r) => r.method === 'POST' && r.path === '/v2/timer'),
    ).toHaveLength(1);
  });

  it('never takes an earlier create of the same timer for its own (create always creates)', async () => {
    const first = await runInProcess(emulator, { ...timer(), operation: 'create' });
    emulator.setFault({ service: 'timers', method: 'POST', path: '/v2/timer', drop: 'before' });
    const second = await runInProcess(emulator, { ...timer(), operation: 'create' });
    expect(second.outputs.result).toBe('created');
    expect(second.outputs['job-id']).not.toBe(first.outputs['job-id']);
    expect(liveTimers()).toHaveLength(2);
  });

  it('adopts its own create, not an earlier twin, when the reply is lost', async () => {
    const first = await runInProcess(emulator, { ...timer(), operation: 'create' });
    emulator.setFault({ service: 'timers', method: 'POST', path: '/v2/timer', drop: 'after' });
    const second = await runInProcess(emulator, { ...timer(), operation: 'create' });
    const ids = liveTimers().map((t) => t.job_id);
    expect(ids).toHaveLength(2);
    expect(second.outputs['job-id']).toBe(ids.find((id) => id !== first.outputs['job-id']));
  });

  it('treats a connection reset during a create as an unknown outcome, never re-sent blindly', async () => {
    emulator.setFault({ service: 'timers', method: 'POST', path: '/v2/timer', drop: 'after' });
    const core = await runInProcess(emulator, { ...timer(), operation: 'create' });
    const posts = emulator.requests().filter((r) => r.method === 'POST' && r.path === '/v2/timer');
    expect(posts).toHaveLength(1);
    expect(liveTimers()).toHaveLength(1);
    expect(core.logs.join('\n')).toContain('adopting');
  });

  it('does not mistake the timer being replaced for the new one', async () => {
    const first = await runInProcess(emulator, timer());
    emulator.setFault({ service: 'timers', method: 'POST', path: '/v2/timer', status: 502 });
    const core = await runInProcess(emulator, timer({ interval: '12h' }));
    expect(core.outputs.result).toBe('replaced');
    expect(core.outputs['job-id']).not.toBe(first.outputs['job-id']);
    expect(liveTimers()).toHaveLength(1);
  });
});

describe('secrets', () => {
  it('masks the secret, its Basic form and every token, never shows them, revokes the tokens', async () => {
    const issued: string[] = [];
    const core = await runInProcess(emulator, timer(), {}, { transport: recordTokens(issued) });
    const basic = Buffer.from(`${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`).toString('base64');
    expect(core.secrets).toEqual(expect.arrayContaining([DEMO_CLIENT.secret, basic]));
    // One mapped collection: the first token request (Timers and Transfer), then one with its
    // data_access. Every token Auth issued is masked.
    expect(issued).toHaveLength(emulator.state().tokens.length);
    expect(issued).toHaveLength(3);
    expect(issued.filter((token) => !core.secrets.includes(token))).toEqual([]);
    const visible = core.visibleText();
    for (const secret of core.secrets) expect(visible).not.toContain(secret);
    expect(visible).not.toContain('emulator-token-');
    const revokes = emulator.requests().filter((r) => r.path === '/v2/oauth2/token/revoke');
    expect(revokes).toHaveLength(issued.length);
    expect(emulator.state().tokens.every((token) => token.revoked)).toBe(true);
  });
});

/** The step's own transport, also noting every access token Auth's answers carry. */
function recordTokens(issued: string[]): Transport {
  const { send } = directConnections();
  return async (request) => {
    const response = await send(request);
    if (request.url.endsWith('/v2/oauth2/token') && response.status === 200) {
      const body = JSON.parse(response.text) as TokenAnswer;
      issued.push(body.access_token, ...(body.other_tokens ?? []).map((t) => t.access_token));
    }
    return response;
  };
}

interface TokenAnswer {
  access_token: string;
  other_tokens?: { access_token: string }[];
}

describe('retries', () => {
  it('rides out a 503 and a 429 with Retry-After', async () => {
    emulator.setFault({ service: 'timers', method: 'GET', path: '/jobs', status: 503 });
    emulator.setFault({
      service: 'timers',
      method: 'GET',
      path: '/jobs',
      status: 429,
      retry_after: 3,
    });
    const core = await runInProcess(emulator, timer());
    expect(core.outputs.result).toBe('created');
    expect(core.logs.filter((line) => line.includes('retrying'))).toHaveLength(2);
  });
});
