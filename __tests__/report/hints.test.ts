import { describe, expect, it } from '@jest/globals';
import { GlobusApiError, type Service } from '../../src/globus/errors.js';
import { hintFor } from '../../src/report/hints.js';
import { failOnError } from '../../src/report/verdict.js';
import { FakeCore } from '../../__fixtures__/core.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/* The one-sentence fix the action adds to a Globus error: which error gets which hint. */

const IDENTITY = 'de300000-c1e0-4000-8000-00000000c11e@clients.auth.globus.org';

function error(
  service: Service,
  status: number | undefined,
  code?: string,
  path = '/x',
): GlobusApiError {
  return new GlobusApiError({
    service,
    method: 'GET',
    path,
    ...(status === undefined ? {} : { status }),
    ...(code === undefined ? {} : { code }),
    detail: 'something went wrong',
  });
}

const HINTS = {
  timeout: 'The step ran out of time; raise the timeout input.',
  network:
    'Globus could not be reached: check the runner network and HTTPS_PROXY / NO_PROXY, or raise retries.',
  credentials:
    'Globus Auth rejected the client credentials: check client-id and client-secret (a confidential client registered at app.globus.org/settings/developers).',
  scope:
    'Globus Auth refused a scope: data_access only exists for GCS v5 mapped collections; use data-access: auto (or none).',
  consent:
    'Consent is missing: keep data-access: auto so mapped collections get their data_access consent, or resume the timer to renew it.',
  session:
    'The collection requires a session a client identity cannot have (high-assurance or identity policies); use a collection without such policies.',
  access: `Grant the client identity ${IDENTITY} access to the collection (a role, or a permission on the path for guest collections).`,
  collection: `Check source-endpoint and destination-endpoint: the collection does not exist or ${IDENTITY} cannot see it.`,
  timer: 'No such timer for this client: timers belong to the identity that created them.',
  owner: `A timer belongs to the identity that created it, and only that identity may read or change it: run this step with the client-id (and secret) of the client that created the timer; this step acts as ${IDENTITY}.`,
  validation: 'Globus Timers rejected the request; the message names the field at fault.',
  flow: `Check flow-id; if it is right, share the flow with ${IDENTITY} as a viewer and a starter (its owner can, in the web app or with globus flows update).`,
  rateLimit: 'Globus is rate limiting this client; run less often or raise retries.',
  server: 'Globus had a server error; re-run the job, or raise retries.',
};

describe('hintFor', () => {
  it.each([
    ['no answer in time', error('timers', undefined, 'Timeout'), HINTS.timeout],
    ['no answer at all', error('transfer', undefined, 'ECONNREFUSED'), HINTS.network],
    ['Auth invalid_client', error('auth', 400, 'invalid_client'), HINTS.credentials],
    ['Auth unauthorized', error('auth', 400, 'UNAUTHORIZED'), HINTS.credentials],
    ['Auth 401 without a code', error('auth', 401), HINTS.credentials],
    ['Auth invalid_scope', error('auth', 400, 'invalid_scope'), HINTS.scope],
    ['ConsentRequired from Transfer', error('transfer', 403, 'ConsentRequired'), HINTS.consent],
    ['ConsentRequired from Timers', error('timers', 403, 'ConsentRequired'), HINTS.consent],
    ['dependent_consent_required', error('auth', 400, 'dependent_consent_required'), HINTS.consent],
    ['AuthPolicyFailed', error('transfer', 403, 'AuthPolicyFailed'), HINTS.session],
    ['AuthorizationParameters', error('timers', 403, 'AuthorizationParameters'), HINTS.session],
    ['Transfer 403', error('transfer', 403, 'PermissionDenied'), HINTS.access],
    ['Transfer 404', error('transfer', 404, 'EndpointNotFound'), HINTS.collection],
    ['Timers 404', error('timers', 404, 'NOT_FOUND'), HINTS.timer],
    ['Timers 403', error('timers', 403, 'FORBIDDEN'), HINTS.owner],
    ['Timers 422', error('timers', 422, 'ValidationError'), HINTS.validation],
    ['a flow Flows cannot find', error('flows', 404, 'NOT_FOUND', '/flows/f-1'), HINTS.flow],
    ['a flow Flows hides', error('flows', 403, 'FORBIDDEN', '/flows/f-1'), HINTS.flow],
    ['a 429 from any service', error('transfer', 429), HINTS.rateLimit],
    ['a 500', error('timers', 500), HINTS.server],
    ['a 503 from Auth', error('auth', 503), HINTS.server],
  ])('%s: the matching hint', (_case, globusError, hint) => {
    expect(hintFor(globusError, IDENTITY)).toBe(hint);
  });

  it.each([
    ['a Timers 409', error('timers', 409, 'CONFLICT')],
    ['a Flows 404', error('flows', 404, 'NOT_FOUND')],
    // A run, not a flow: sharing the flow is not the fix.
    ['a Flows run 404', error('flows', 404, 'NOT_FOUND', '/runs/r-1')],
    ['a Transfer 400', error('transfer', 400, 'BadRequest')],
    ['Auth 400 invalid_grant', error('auth', 400, 'invalid_grant')],
    // The Auth hints are about Auth: the same status or code from another service is not.
    ['a Transfer 401', error('transfer', 401)],
    ['invalid_scope from Timers', error('timers', 400, 'invalid_scope')],
    // The Transfer and Timers hints name their service's objects: not a Flows 403 or a Transfer 422.
    ['a Flows 403', error('flows', 403, 'FORBIDDEN')],
    ['a Transfer 422', error('transfer', 422, 'Unprocessable')],
  ])('%s: none', (_case, globusError) => {
    expect(hintFor(globusError, IDENTITY)).toBeUndefined();
  });
});

describe('hintFor a missing consent: the fix that fits what is missing', () => {
  const FLOW = 'f1000000-0000-4000-8000-00000000f001';
  const COLLECTION = 'a1000000-0000-4000-8000-000000000001';
  const TIMER = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
  const flowScope = `https://auth.globus.org/scopes/${FLOW}/flow_${FLOW.replace(/-/g, '_')}_user`;
  const consent = (scope: string) =>
    new GlobusApiError({
      service: 'timers',
      method: 'POST',
      path: '/v2/timer',
      status: 403,
      code: 'ConsentRequired',
      detail: 'Missing required consent',
      body: { code: 'ConsentRequired', authorization_parameters: { required_scopes: [scope] } },
    });

  it('a flow’s consent: the flow, and no data-access advice', () => {
    const hint = hintFor(consent(`${TIMER}[${flowScope}]`), IDENTITY);
    expect(hint).toBe(
      `Consent is missing for running flow ${FLOW}: the client identity ${IDENTITY} must be allowed to start the flow (a starter), or resume the timer to renew it.`,
    );
  });

  it('a collection’s data_access consent: the collection, and data-access: auto', () => {
    const scope = `${TIMER}[urn:globus:auth:scope:transfer.api.globus.org:all[*https://auth.globus.org/scopes/${COLLECTION}/data_access]]`;
    expect(hintFor(consent(scope), IDENTITY)).toBe(
      `Consent is missing for data_access on collection ${COLLECTION}: keep data-access: auto so mapped collections get their data_access consent, or resume the timer to renew it.`,
    );
  });

  it('inside a resume, never says to resume', () => {
    const hint = hintFor(consent(`${TIMER}[${flowScope}]`), IDENTITY, 'resume');
    expect(hint).toBe(
      `Consent is missing for running flow ${FLOW}: the client identity ${IDENTITY} must be allowed to start the flow (a starter).`,
    );
    expect(hintFor(error('timers', 403, 'ConsentRequired'), IDENTITY, 'resume')).toBe(
      'Consent is missing: keep data-access: auto so mapped collections get their data_access consent.',
    );
  });
});

describe('failOnError', () => {
  const context = {
    operation: 'apply' as const,
    summary: true,
    identity: IDENTITY,
    requestsSent: 1,
    changed: false,
    appUrl: 'https://app.globus.org/',
  };

  it('puts the hint on its own line after the error, in the failure and the summary', async () => {
    const core = new FakeCore();
    const failure = error('timers', 429);
    await failOnError(core, failure, context);
    expect(core.failed).toBe(`${failure.message}\n${HINTS.rateLimit}`);
    expect(core.summaries).toEqual([
      `### Globus timer: apply → failed\n\n${failure.message}\n\n${HINTS.rateLimit}\n`,
    ]);
  });

  it('adds nothing when there is no hint', async () => {
    const core = new FakeCore();
    const failure = error('timers', 409, 'CONFLICT');
    await failOnError(core, failure, { ...context, summary: false });
    expect(core.failed).toBe(failure.message);
    expect(core.summaries).toEqual([]);
  });
});

describe('a hint in a real step', () => {
  const emulator = useEmulator();

  it('tells a step with a wrong client secret to check its credentials', async () => {
    const core = await runInProcess(emulator, {
      operation: 'list',
      'client-secret': 'not-the-secret',
    });
    expect(core.failed?.split('\n').at(-1)).toBe(HINTS.credentials);
    expect(core.failed).toMatch(/^Globus Auth POST \/v2\/oauth2\/token: HTTP 401/);
  });
});
