/**
 * The readings of Timers' answers that REFERENCE §12 leaves open: where authorization
 * requirements sit in an error, what another client's timer answers, what a repeated delete
 * answers, and how far in the past a start may lie.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { type Emulator, SEEDED_COLLECTIONS, startEmulator } from '../../emulator/index.js';
import { type Json, call, configure, timerRequest, timerScope, timersToken } from './helpers.js';

const OTHER_CLIENT = { id: 'b0b00000-0000-4000-8000-000000000000', secret: 'bob-secret' };
const { guest, mappedNonHa } = SEEDED_COLLECTIONS;

let emulator: Emulator;
let token: string;

beforeEach(async () => {
  emulator = await startEmulator({ clients: [OTHER_CLIENT], now: '2026-11-28T19:00:00Z' });
  token = await timersToken(emulator);
});
afterEach(async () => {
  await emulator.close();
});

describe('auth_requirements_location', () => {
  const authorizationParameters = {
    session_message: expect.any(String),
    required_scopes: [timerScope([mappedNonHa.id])],
  };
  const createNeedingConsent = async (location: string): Promise<Json> => {
    await configure(emulator, {
      create_requires_data_access: true,
      auth_requirements_location: location,
    });
    const reply = await call(emulator, 'POST', '/v2/timer', {
      token,
      json: timerRequest(mappedNonHa.id, guest.id),
    });
    expect(reply.status).toBe(403);
    return reply.body;
  };

  it('top_level (default): the GARE is the whole body', async () => {
    expect(emulator.config().auth_requirements_location).toBe('top_level');
    expect(await createNeedingConsent('top_level')).toEqual({
      code: 'ConsentRequired',
      message: expect.any(String),
      authorization_parameters: authorizationParameters,
    });
  });

  it("error_wrapper: inside Timers' own error wrapper", async () => {
    expect(await createNeedingConsent('error_wrapper')).toEqual({
      error: {
        code: 'ConsentRequired',
        detail: expect.any(String),
        status: 403,
        authorization_parameters: authorizationParameters,
      },
    });
  });

  it('errors_array: inside an errors[] entry', async () => {
    expect(await createNeedingConsent('errors_array')).toEqual({
      errors: [
        {
          code: 'ConsentRequired',
          detail: expect.any(String),
          status: '403',
          authorization_parameters: authorizationParameters,
        },
      ],
    });
  });

  it('refuses an unknown location and creates nothing under any of them', async () => {
    const bad = await call(emulator, 'POST', '/_emulator/config', {
      json: { auth_requirements_location: 'header' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe(
      'auth_requirements_location must be one of top_level, error_wrapper, errors_array',
    );
    for (const location of ['top_level', 'error_wrapper', 'errors_array']) {
      await createNeedingConsent(location);
    }
    expect(emulator.state().timers).toEqual([]);
  });
});
