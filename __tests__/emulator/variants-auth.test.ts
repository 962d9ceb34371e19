/**
 * Auth readings and token controls: whether the legacy Transfer Action Provider scope is still
 * granted (docs/globus-variants.md), and expiring every issued token at once.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DEMO_CLIENT,
  type Emulator,
  SEEDED_COLLECTIONS,
  startEmulator,
} from '../../emulator/index.js';
import {
  TIMER_SCOPE,
  TRANSFER_SCOPE,
  call,
  configure,
  dataAccess,
  timersToken,
  transferToken,
} from './helpers.js';

const LEGACY_SCOPE = 'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer';
const { guest, mappedNonHa } = SEEDED_COLLECTIONS;

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
});
afterEach(async () => {
  await emulator.close();
});

const requestToken = (scope: string) =>
  call(emulator, 'POST', '/v2/oauth2/token', {
    basic: DEMO_CLIENT,
    form: { grant_type: 'client_credentials', scope },
  });

/** The chain stored timers may still name: timer[AP[transfer:all[data_access]]]. */
const legacyChain = `${TIMER_SCOPE}[${LEGACY_SCOPE}[${TRANSFER_SCOPE}[*${dataAccess(mappedNonHa.id)}]]]`;

describe('legacy_scope', () => {
  it('accepted (default): the legacy chain is granted and carries its data_access', async () => {
    expect(emulator.config().legacy_scope).toBe('accepted');
    const reply = await requestToken(legacyChain);
    expect(reply.status).toBe(200);
    expect(reply.body.scope).toBe(TIMER_SCOPE);
    const [token] = emulator.state().tokens;
    expect(token?.data_access).toEqual([mappedNonHa.id]);
  });

  it.each([
    ['as a dependency', legacyChain],
    ['at the top level', `${LEGACY_SCOPE} ${TRANSFER_SCOPE}`],
  ])('rejected: a request naming it %s answers 400 invalid_scope', async (_case, scope) => {
    await configure(emulator, { legacy_scope: 'rejected' });
    const reply = await requestToken(scope);
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: 'invalid_scope',
      errors: [{ status: '400', code: 'INVALID_SCOPE' }],
    });
    expect(reply.body.error_description).toContain(LEGACY_SCOPE);
    expect(emulator.state().tokens).toEqual([]);
  });

  it('rejected: the current chain is still granted', async () => {
    await configure(emulator, { legacy_scope: 'rejected' });
    const current = `${TIMER_SCOPE}[${TRANSFER_SCOPE}[*${dataAccess(mappedNonHa.id)}]]`;
    expect((await requestToken(current)).status).toBe(200);
  });

  it('refuses an unknown value', async () => {
    const reply = await call(emulator, 'POST', '/_emulator/config', {
      json: { legacy_scope: 'sometimes' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('legacy_scope must be one of accepted, rejected');
  });
});

describe('expiring every token', () => {
  it('POST /_emulator/tokens/expire: the next Timers and Transfer calls answer 401', async () => {
    const timers = await timersToken(emulator);
    const transfer = await transferToken(emulator);
    const revoked = await transferToken(emulator);
    await call(emulator, 'POST', '/v2/oauth2/token/revoke', { form: { token: revoked } });
    expect((await call(emulator, 'GET', '/jobs/', { token: timers })).status).toBe(200);

    const reply = await call(emulator, 'POST', '/_emulator/tokens/expire');
    expect(reply).toMatchObject({ status: 200, body: { expired: 2 } });

    const jobs = await call(emulator, 'GET', '/jobs/', { token: timers });
    expect(jobs).toMatchObject({
      status: 401,
      body: { error: { code: 'AUTHENTICATION_ERROR', status: 401 } },
    });
    expect(jobs.headers.get('www-authenticate')).toBe('Bearer');
    const endpoint = await call(emulator, 'GET', `/v0.10/endpoint/${guest.id}`, {
      token: transfer,
    });
    expect(endpoint).toMatchObject({
      status: 401,
      body: { code: 'ClientError.AuthenticationFailed' },
    });
    const introspection = await call(emulator, 'POST', '/v2/oauth2/token/introspect', {
      basic: DEMO_CLIENT,
      form: { token: timers },
    });
    expect(introspection.body).toEqual({ active: false });
    for (const token of emulator.state().tokens) {
      expect(token.expires_at).toBe('2026-11-28T19:00:00+00:00');
    }
  });

  it('expireTokens(): new tokens are issued and work afterwards', async () => {
    await timersToken(emulator);
    expect(emulator.expireTokens()).toBe(1);
    expect(emulator.expireTokens()).toBe(0);
    const fresh = await timersToken(emulator);
    expect((await call(emulator, 'GET', '/jobs/', { token: fresh })).status).toBe(200);
  });
});
