import { describe, expect, it } from '@jest/globals';
import {
  requiredScopes,
  sessionRequirements,
} from '../../src/globus/authorization-requirements.js';
import { GlobusApiError, describeErrorBody } from '../../src/globus/errors.js';
import { fixture } from '../../__fixtures__/globus-fixtures.js';

describe('describeErrorBody', () => {
  it.each([
    ['timers_error_500_get_job.json', { code: 'ERROR', detail: 'Request failed terribly' }],
    [
      'transfer_error_404_endpoint_not_found.json',
      { code: 'EndpointNotFound', requestId: expect.any(String) },
    ],
    ['auth_error_401_unauthorized.json', { code: 'unauthorized', detail: 'Unauthorized' }],
    ['auth_error_401_invalid_grant.json', { code: 'invalid_grant' }],
    [
      'timers_error_422_validation.json',
      { code: 'ValidationError', detail: expect.stringContaining('field required: body.start') },
    ],
  ])('reads %s', (name, expected) => {
    expect(describeErrorBody(fixture(name))).toMatchObject(expected);
  });

  it('makes one message with service, status, code, detail and request id', () => {
    const error = new GlobusApiError({
      service: 'transfer',
      method: 'GET',
      path: '/v0.10/endpoint/x',
      status: 404,
      code: 'EndpointNotFound',
      detail: 'No such endpoint',
      requestId: 'abc',
    });
    expect(error.message).toBe(
      'Globus Transfer GET /v0.10/endpoint/x: HTTP 404 EndpointNotFound: No such endpoint (request id abc)',
    );
  });
});

describe('requiredScopes', () => {
  const DA = (id: string) => `https://auth.globus.org/scopes/${id}/data_access`;
  const TRANSFER = 'urn:globus:auth:scope:transfer.api.globus.org:all';
  const TIMER = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
  const AP = 'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer';

  it.each([
    [
      'timers_job_get_inactive_gare_consent_cli.json',
      `${TIMER}[${AP}[${TRANSFER}[*${DA('2f9a7c44-5a1f-11ef-9a0e-8f1c2a3b4c5d')}]]]`,
    ],
    [
      'timers_job_get_inactive_gare_legacy_transfer_ap.json',
      `${AP}[${TRANSFER}[*${DA('543aade1-db97-4a4b-9bdf-0b58e78dfa69')}]]`,
    ],
  ])('finds the scope %s names, whole', (name, scope) => {
    const detail = fixture<{ inactive_reason: { detail: unknown } }>(name).inactive_reason.detail;
    expect(requiredScopes(detail)).toEqual([scope]);
  });

  it.each([
    ['transfer_error_403_consent_required_legacy.json', `${TRANSFER}[*foo *bar]`],
    [
      'transfer_error_403_consent_required_gare.json',
      `${TRANSFER}[*${DA('00000000-0000-0000-0000-000000000001')}]`,
    ],
    ['transfer_action_provider_error_401_consent_required_legacy.json', `${TRANSFER}[*foo *bar]`],
  ])(
    'reads the Transfer ConsentRequired error %s: exactly the scope it names, once',
    (name, scope) => {
      expect(requiredScopes(fixture(name))).toEqual([scope]);
    },
  );

  const GARE = {
    code: 'ConsentRequired',
    authorization_parameters: { session_message: 'consent', required_scopes: ['a[b c[d]]'] },
  };

  it.each([
    ['at the top level', GARE],
    ["inside Timers' error wrapper", { error: { ...GARE, detail: 'x', status: 403 } }],
    ['inside an errors[] entry', { errors: [{ code: 'OTHER' }, { ...GARE, status: '403' }] }],
  ])('finds requirements %s, nested scopes whole', (_where, document) => {
    expect(requiredScopes(document)).toEqual(['a[b c[d]]']);
  });

  it('gathers the requirements of every errors[] entry, once each', () => {
    const second = { authorization_parameters: { required_scopes: ['e', 'a[b c[d]]'] } };
    expect(requiredScopes({ errors: [GARE, second] })).toEqual(['a[b c[d]]', 'e']);
  });

  it('splits a space-separated string of scopes at the top level only', () => {
    expect(requiredScopes({ code: 'ConsentRequired', required_scopes: 'a[b c[d]] e' })).toEqual([
      'a[b c[d]]',
      'e',
    ]);
  });

  it('finds session requirements a client cannot meet', () => {
    const detail = fixture<{ inactive_reason: { detail: unknown } }>(
      'timers_job_get_inactive_gare_session_identity_cli.json',
    ).inactive_reason.detail;
    expect(requiredScopes(detail)).toEqual([]);
    expect(sessionRequirements(detail)).toEqual(['session_required_identities']);
  });
});

describe('GlobusApiError', () => {
  it('says "no answer" and leaves out code and request id when the service never answered', () => {
    const error = new GlobusApiError({
      service: 'timers',
      method: 'POST',
      path: '/v2/timer',
      detail: 'timed out after 30000 ms',
      outcomeUnknown: true,
    });
    expect(error.message).toBe('Globus Timers POST /v2/timer: no answer: timed out after 30000 ms');
    expect(error.name).toBe('GlobusApiError');
    expect(error.outcomeUnknown).toBe(true);
    expect(error.status).toBeUndefined();
    expect(error.requestId).toBeUndefined();
  });

  it('keeps every detail it is given, for callers that look deeper', () => {
    const body = { code: 'ConsentRequired', required_scopes: ['x'] };
    const error = new GlobusApiError({
      service: 'transfer',
      method: 'GET',
      path: '/v0.10/endpoint/x',
      status: 403,
      code: 'ConsentRequired',
      detail: 'Missing required data_access consent',
      requestId: 'req-1',
      body,
    });
    expect({
      name: error.name,
      service: error.service,
      method: error.method,
      path: error.path,
      status: error.status,
      code: error.code,
      detail: error.detail,
      requestId: error.requestId,
      outcomeUnknown: error.outcomeUnknown,
      body: error.body,
    }).toEqual({
      name: 'GlobusApiError',
      service: 'transfer',
      method: 'GET',
      path: '/v0.10/endpoint/x',
      status: 403,
      code: 'ConsentRequired',
      detail: 'Missing required data_access consent',
      requestId: 'req-1',
      // A request that got an answer was certainly received: its outcome is known.
      outcomeUnknown: false,
      body,
    });
  });
});

describe('describeErrorBody on odd documents', () => {
  it.each([
    ['null', null],
    ['a string', 'Bad Gateway'],
    ['a list', [{ code: 'X' }]],
  ])('finds nothing in %s', (_what, body) => {
    expect(describeErrorBody(body)).toEqual({});
  });

  it('reads a document whose "error" is null as a flat one', () => {
    expect(describeErrorBody({ error: null, code: 'Conflict', message: 'busy' })).toEqual({
      code: 'Conflict',
      detail: 'busy',
    });
  });

  it('passes over empty strings to the next place a code or message may sit', () => {
    // Auth sends `error` beside an empty `code`; an empty string is no answer.
    expect(
      describeErrorBody({
        code: '',
        error: 'invalid_client',
        message: '',
        error_description: 'Invalid client',
        request_id: '',
        errors: [{ id: 'req-9' }],
      }),
    ).toEqual({ code: 'invalid_client', detail: 'Invalid client', requestId: 'req-9' });
  });

  it('joins every FastAPI validation message, skipping entries that are not objects', () => {
    expect(
      describeErrorBody({
        detail: [
          'stray',
          null,
          { msg: 'field required', loc: ['body', 'start'] },
          { msg: 'value is not a valid uuid' },
        ],
      }),
    ).toEqual({
      code: 'ValidationError',
      detail: 'field required: body.start; value is not a valid uuid',
    });
  });
});
