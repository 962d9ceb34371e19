/**
 * Fault kinds for the action's security tests: a gateway that echoes the request back,
 * credentials and all, and answers whose body is not JSON. The request log stays redacted
 * whatever the answer says.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DEMO_CLIENT,
  type Emulator,
  SEEDED_COLLECTIONS,
  startEmulator,
} from '../../emulator/index.js';
import { call, callText, timerRequest, timersToken } from './helpers.js';

const { gcsv4Host, guest } = SEEDED_COLLECTIONS;
const basic = `Basic ${Buffer.from(`${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`).toString('base64')}`;

let emulator: Emulator;
let token: string;

beforeEach(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
  token = await timersToken(emulator);
  emulator.clearRequests();
});
afterEach(async () => {
  await emulator.close();
});

describe('echo_request', () => {
  it('repeats a revoke exactly: Basic credentials and the token in the raw body', async () => {
    emulator.setFault({
      service: 'auth',
      path: '/v2/oauth2/token/revoke',
      status: 502,
      echo_request: true,
    });
    const rawBody = `token=${token}&token_type_hint=access_token`;
    const reply = await call(emulator, 'POST', '/auth/v2/oauth2/token/revoke', {
      basic: DEMO_CLIENT,
      rawBody,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(reply.status).toBe(502);
    expect(reply.body.request).toEqual({
      method: 'POST',
      path: '/auth/v2/oauth2/token/revoke',
      query: '',
      headers: expect.objectContaining({
        Authorization: basic,
        'Content-Type': 'application/x-www-form-urlencoded',
      }),
      body: rawBody,
    });
    expect(emulator.requests()).toEqual([
      expect.objectContaining({
        path: '/v2/oauth2/token/revoke',
        headers: expect.objectContaining({ Authorization: 'Basic <redacted>' }),
        body: { token: '<redacted>', token_type_hint: 'access_token' },
      }),
    ]);
    const log = JSON.stringify(emulator.requests());
    expect(log).not.toContain(token);
    expect(log).not.toContain(basic);
    expect(emulator.state().tokens.every((issued) => !issued.revoked)).toBe(true);
  });

  it('repeats the request as a plain-text page with echo_format: text', async () => {
    emulator.setFault({
      service: 'auth',
      path: '/v2/oauth2/token/revoke',
      status: 502,
      echo_request: true,
      echo_format: 'text',
    });
    const reply = await callText(emulator, 'POST', '/auth/v2/oauth2/token/revoke', {
      basic: DEMO_CLIENT,
      rawBody: `token=${token}`,
    });
    expect(reply.status).toBe(502);
    expect(reply.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(reply.text.split('\n')).toEqual(
      expect.arrayContaining([
        'Upstream answered 502 to:',
        'POST /auth/v2/oauth2/token/revoke HTTP/1.1',
        `Authorization: ${basic}`,
        `token=${token}`,
      ]),
    );
  });

  it('repeats a Timers call: the bearer token, the query and every other header', async () => {
    await call(emulator, 'POST', '/_emulator/faults', {
      json: { service: 'timers', status: 500, echo_request: true },
    });
    const reply = await call(emulator, 'GET', '/timers/jobs/?filter_name=a%20b&order=name', {
      token,
      headers: { 'X-Request-Purpose': 'security-test' },
    });
    expect(reply.status).toBe(500);
    expect(reply.body.request).toMatchObject({
      method: 'GET',
      path: '/timers/jobs/',
      query: 'filter_name=a%20b&order=name',
      body: '',
    });
    expect(reply.body.request.headers).toMatchObject({
      Authorization: `Bearer ${token}`,
      'X-Request-Purpose': 'security-test',
    });
    expect(JSON.stringify(emulator.requests())).not.toContain(token);
  });
});

describe('raw_body', () => {
  it('answers an HTML error page instead of JSON', async () => {
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    emulator.setFault({ service: 'timers', status: 502, raw_body: page });
    const reply = await callText(emulator, 'GET', '/jobs/', { token });
    expect(reply.status).toBe(502);
    expect(reply.text).toBe(page);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers 200 with malformed JSON, and the request is not handled', async () => {
    await call(emulator, 'POST', '/_emulator/faults', {
      json: {
        service: 'timers',
        method: 'POST',
        status: 200,
        raw_body: '{"timer": {"job_id": ',
        content_type: 'application/json',
      },
    });
    const reply = await callText(emulator, 'POST', '/v2/timer', {
      token,
      json: timerRequest(gcsv4Host.id, guest.id),
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('{"timer": {"job_id": ');
    expect(reply.headers.get('content-type')).toBe('application/json');
    expect(() => JSON.parse(reply.text) as unknown).toThrow();
    expect(emulator.state().timers).toEqual([]);
  });
});

describe('validation of the new fault kinds', () => {
  it.each([
    [{ echo_request: true }, 'body, raw_body and echo_request need a status'],
    [{ status: 502, echo_request: 'yes' }, 'echo_request must be true or false'],
    [{ status: 502, raw_body: 42 }, 'raw_body must be a string'],
    [
      { status: 502, echo_request: true, echo_format: 'xml' },
      'echo_format must be json or text, given with echo_request: true',
    ],
    [
      { status: 502, echo_format: 'text' },
      'echo_format must be json or text, given with echo_request: true',
    ],
    [
      { status: 502, raw_body: 'x', echo_request: true },
      'give only one of body, raw_body, echo_request',
    ],
    [{ status: 502, raw_body: 'x', body: {} }, 'give only one of body, raw_body, echo_request'],
    [{ status: 200 }, 'status must be an HTTP error status (400-599), or 200-599 with raw_body'],
    [
      { status: 200, echo_request: true },
      'status must be an HTTP error status (400-599), or 200-599 with raw_body',
    ],
    [
      { status: 502, content_type: 'text/plain' },
      'content_type must be a string, given with raw_body',
    ],
  ])('refuses %j', async (fault, message) => {
    const reply = await call(emulator, 'POST', '/_emulator/faults', { json: fault });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toContain(message);
    expect(emulator.state().faults).toEqual([]);
  });
});
