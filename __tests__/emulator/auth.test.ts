import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DEMO_CLIENT,
  type Emulator,
  SEEDED_COLLECTIONS,
  startEmulator,
} from '../../emulator/index.js';
import {
  TIMER_SCOPE,
  TIMERS_RS,
  TRANSFER_SCOPE,
  call,
  dataAccess,
  timerScope,
  tokens,
} from './helpers.js';

const OTHER_CLIENT = { id: 'other-client', secret: 'other-secret' };
const { mappedNonHa, mappedNonHa2, mappedHa, guest, gcpMapped, gcsv4Host } = SEEDED_COLLECTIONS;

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ clients: [OTHER_CLIENT], now: '2026-11-28T19:00:00Z' });
});
afterAll(async () => {
  await emulator.close();
});

const requestToken = (scope: string, basic = DEMO_CLIENT) =>
  call(emulator, 'POST', '/v2/oauth2/token', {
    basic,
    form: { grant_type: 'client_credentials', scope },
  });

describe('client-credentials token requests', () => {
  it('answers one token for one resource server, shaped like the fixture', async () => {
    const reply = await requestToken(TRANSFER_SCOPE);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      access_token: expect.any(String),
      scope: TRANSFER_SCOPE,
      expires_in: 172800,
      token_type: 'Bearer',
      resource_server: 'transfer.api.globus.org',
      other_tokens: [],
    });
    expect(reply.body).not.toHaveProperty('refresh_token');
  });

  it('answers one token per resource server, the first at the top, the rest in other_tokens', async () => {
    const reply = await requestToken(`${timerScope()} ${TRANSFER_SCOPE} openid profile email`);
    expect(reply.status).toBe(200);
    expect(reply.body.resource_server).toBe(TIMERS_RS);
    expect(reply.body.scope).toBe(TIMER_SCOPE);
    const others = reply.body.other_tokens as Record<string, unknown>[];
    expect(others.map((token) => token.resource_server)).toEqual([
      'transfer.api.globus.org',
      'auth.globus.org',
    ]);
    expect(others[1]).toMatchObject({
      scope: 'openid profile email',
      expires_in: 172800,
      token_type: 'Bearer',
    });
    expect(others[1]?.id_token).toEqual(expect.any(String));
  });

  it('merges several top-level timer scopes into one token, as the official CLI asks', async () => {
    const scope = `${timerScope()} ${timerScope([mappedNonHa.id], false)}`;
    const reply = await requestToken(scope);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      resource_server: TIMERS_RS,
      scope: TIMER_SCOPE,
      other_tokens: [],
    });
  });

  it('remembers data_access nested under transfer:all inside the timer scope, optional or not', async () => {
    emulator.reset();
    await requestToken(timerScope([mappedNonHa.id], true));
    await requestToken(timerScope([mappedNonHa2.id], false));
    // Under the timer scope but not under transfer:all: does not count.
    await requestToken(`${TIMER_SCOPE}[${TRANSFER_SCOPE} *${dataAccess(mappedNonHa.id)}]`);
    const carried = emulator.state().tokens.map((token) => token.data_access);
    expect(carried).toEqual([[mappedNonHa.id], [mappedNonHa2.id], []]);
  });

  it('accepts the client in the form instead of Basic auth', async () => {
    const reply = await call(emulator, 'POST', '/v2/oauth2/token', {
      form: {
        grant_type: 'client_credentials',
        scope: TRANSFER_SCOPE,
        client_id: DEMO_CLIENT.id,
        client_secret: DEMO_CLIENT.secret,
      },
    });
    expect(reply.status).toBe(200);
  });

  it.each([
    ['a wrong secret', { id: DEMO_CLIENT.id, secret: 'wrong' }],
    ['an unknown client', { id: 'nobody', secret: 'nothing' }],
  ])('refuses %s with 401 invalid_client', async (_case, basic) => {
    const reply = await requestToken(TRANSFER_SCOPE, basic);
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({
      error: 'invalid_client',
      errors: [{ status: '401', code: 'UNAUTHORIZED', detail: 'Basic auth failed' }],
    });
  });

  it('refuses a request without client credentials', async () => {
    const reply = await call(emulator, 'POST', '/v2/oauth2/token', {
      form: { grant_type: 'client_credentials', scope: TRANSFER_SCOPE },
    });
    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe('invalid_client');
  });

  it('refuses other grant types', async () => {
    const reply = await call(emulator, 'POST', '/v2/oauth2/token', {
      basic: DEMO_CLIENT,
      form: { grant_type: 'refresh_token', refresh_token: 'x' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('unsupported_grant_type');
  });

  it.each([
    ['an unknown scope', 'urn:globus:auth:scope:nowhere:all'],
    ['data_access of a guest collection', timerScope([guest.id])],
    ['data_access of a GCP collection', timerScope([gcpMapped.id])],
    ['data_access of a GCSv4 host', timerScope([gcsv4Host.id])],
    ['data_access of a high-assurance collection', timerScope([mappedHa.id])],
    ['data_access of an unknown collection', timerScope(['0f0f0f0f-0000-4000-8000-000000000000'])],
    ['an empty scope', ''],
  ])('refuses %s with 400 invalid_scope', async (_case, scope) => {
    const reply = await requestToken(scope);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid_scope');
  });

  it.each([
    ['a space after *', `${TIMER_SCOPE}[* ${TRANSFER_SCOPE}]`],
    ['a space before [', `${TIMER_SCOPE} [${TRANSFER_SCOPE}]`],
    ['a [ with no scope before it', `[${TRANSFER_SCOPE}]`],
    ['text right after ]', `${TIMER_SCOPE}[${TRANSFER_SCOPE}]x`],
    ['an unclosed [', `${TIMER_SCOPE}[${TRANSFER_SCOPE}`],
    ['a stray ]', `${TRANSFER_SCOPE}]`],
    ['empty brackets', `${TIMER_SCOPE}[]`],
    ['a cycle', `${TRANSFER_SCOPE}[${TRANSFER_SCOPE}]`],
    ['an optional top-level scope', `*${TRANSFER_SCOPE}`],
  ])('refuses malformed scopes: %s', async (_case, scope) => {
    const reply = await requestToken(scope);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid_scope');
  });
});

describe('revocation, introspection and expiry', () => {
  it('introspects a live token like the fixture and a revoked one as inactive', async () => {
    const access = (await tokens(emulator, TRANSFER_SCOPE))['transfer.api.globus.org'] ?? '';
    const introspect = () =>
      call(emulator, 'POST', '/v2/oauth2/token/introspect', {
        basic: DEMO_CLIENT,
        form: { token: access },
      });

    const live = await introspect();
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({
      active: true,
      token_type: 'Bearer',
      scope: TRANSFER_SCOPE,
      client_id: DEMO_CLIENT.id,
      sub: DEMO_CLIENT.id,
      aud: ['transfer.api.globus.org'],
      iss: 'https://auth.globus.org',
    });
    expect(live.body.exp - live.body.iat).toBe(172800);

    const revoked = await call(emulator, 'POST', '/v2/oauth2/token/revoke', {
      form: { token: access, client_id: DEMO_CLIENT.id },
    });
    expect(revoked).toMatchObject({ status: 200, body: { active: false } });
    expect((await introspect()).body).toEqual({ active: false });
    const used = await call(emulator, 'GET', `/v0.10/endpoint/${mappedNonHa.id}`, {
      token: access,
    });
    expect(used.status).toBe(401);
  });

  it('answers a revocation without a token, or of an unknown token, with 200', async () => {
    const forms: Record<string, string>[] = [
      { client_id: DEMO_CLIENT.id },
      { token: 'never-issued' },
    ];
    for (const form of forms) {
      const reply = await call(emulator, 'POST', '/v2/oauth2/token/revoke', { form });
      expect(reply).toMatchObject({ status: 200, body: { active: false } });
    }
  });

  it('requires client authentication to introspect', async () => {
    const reply = await call(emulator, 'POST', '/v2/oauth2/token/introspect', {
      form: { token: 'x' },
    });
    expect(reply.status).toBe(401);
  });

  it('expires tokens after 172800 seconds of virtual time', async () => {
    const access = (await tokens(emulator, TRANSFER_SCOPE))['transfer.api.globus.org'] ?? '';
    const lookup = () =>
      call(emulator, 'GET', `/v0.10/endpoint/${mappedNonHa.id}`, { token: access });
    emulator.advance(172799);
    expect((await lookup()).status).toBe(200);
    emulator.advance(1);
    expect((await lookup()).status).toBe(401);
  });
});

describe('identity calls the official CLI makes', () => {
  it('answers userinfo and an empty consent list for an Auth token', async () => {
    const auth =
      (
        await tokens(
          emulator,
          'openid profile email urn:globus:auth:scope:auth.globus.org:view_identity_set',
        )
      )['auth.globus.org'] ?? '';
    const info = await call(emulator, 'GET', '/v2/oauth2/userinfo', { token: auth });
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      sub: DEMO_CLIENT.id,
      preferred_username: `${DEMO_CLIENT.id}@clients.auth.globus.org`,
      identity_set: [expect.objectContaining({ sub: DEMO_CLIENT.id })],
    });
    const consents = await call(
      emulator,
      'GET',
      `/v2/api/identities/${DEMO_CLIENT.id}/consents?all=False`,
      {
        token: auth,
      },
    );
    expect(consents).toMatchObject({ status: 200, body: { consents: [] } });
  });

  it('answers 401 in the fixture shape without an Auth token', async () => {
    const transfer = (await tokens(emulator, TRANSFER_SCOPE))['transfer.api.globus.org'];
    const reply = await call(emulator, 'GET', '/v2/oauth2/userinfo', { token: transfer });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({
      error: 'unauthorized',
      errors: [{ status: '401', code: 'UNAUTHORIZED', detail: 'Call must be authenticated' }],
    });
  });
});
