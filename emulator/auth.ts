/**
 * Globus Auth, as a confidential client sees it: the client-credentials
 * grant with dependent scopes, revocation, introspection, and the two identity calls the
 * official CLI makes when logged in as a client.
 */
import { type Grant, groupByResourceServer, unknownScopes } from './grants.js';
import {
  type ApiRequest,
  type ApiResponse,
  basicCredentials,
  bearerToken,
  parseForm,
  respond,
} from './http.js';
import { newAccessToken, newUuid } from './ids.js';
import {
  AUTH_RESOURCE_SERVER,
  type ScopeNode,
  ScopeSyntaxError,
  VIEW_IDENTITY_SET_SCOPE,
  parseScopes,
} from './scopes.js';
import type { AccessToken, EmulatorState } from './state.js';
import { SECOND, epochSeconds } from './time.js';

/** Every token lives 48 hours of virtual time, as in all captured token responses. */
export const TOKEN_LIFETIME_SECONDS = 172800;

export function handleAuth(request: ApiRequest, state: EmulatorState): ApiResponse {
  const { method, path } = request;
  if (path === '/v2/oauth2/token' && method === 'POST') return issueTokens(request, state);
  if (path === '/v2/oauth2/token/revoke' && method === 'POST') return revoke(request, state);
  if (path === '/v2/oauth2/token/introspect' && method === 'POST') {
    return introspect(request, state);
  }
  if (path === '/v2/oauth2/userinfo' && method === 'GET') return userinfo(request, state);
  if (/^\/v2\/api\/identities\/[^/]+\/consents$/.test(path) && method === 'GET') {
    return consents(request, state);
  }
  return authError(404, 'not_found', 'Not Found', 'NOT_FOUND', `No such resource: ${path}`);
}

/** Auth's error document: OAuth2 `error` plus a JSON:API-style `errors` list. */
function authError(
  status: number,
  error: string,
  description: string,
  code: string,
  detail: string,
): ApiResponse {
  const title = description;
  return respond(status, {
    error,
    error_description: description,
    errors: [{ status: String(status), id: newUuid(), code, detail, title }],
  });
}

const invalidClient = (): ApiResponse =>
  authError(
    401,
    'invalid_client',
    'Invalid client credentials',
    'UNAUTHORIZED',
    'Basic auth failed',
  );

const unauthenticated = (): ApiResponse =>
  authError(401, 'unauthorized', 'Unauthorized', 'UNAUTHORIZED', 'Call must be authenticated');

const invalidScope = (detail: string): ApiResponse =>
  authError(400, 'invalid_scope', detail, 'INVALID_SCOPE', detail);

/** The calling client from Basic auth, or from `client_id`/`client_secret` in the form. */
function authenticateClient(
  request: ApiRequest,
  form: Record<string, string>,
  state: EmulatorState,
): string | undefined {
  const credentials = basicCredentials(request) ?? {
    id: form.client_id ?? '',
    secret: form.client_secret ?? '',
  };
  const client = state.clients.get(credentials.id);
  return client && client.secret === credentials.secret ? client.id : undefined;
}

function issueTokens(request: ApiRequest, state: EmulatorState): ApiResponse {
  const form = parseForm(request.rawBody);
  const clientId = authenticateClient(request, form, state);
  if (!clientId) return invalidClient();
  if (form.grant_type !== 'client_credentials') {
    return respond(400, {
      error: 'unsupported_grant_type',
      error_description: `Unsupported grant_type: ${form.grant_type ?? '(none)'}`,
    });
  }
  let scopes: ScopeNode[];
  try {
    scopes = parseScopes(form.scope ?? '');
  } catch (error) {
    if (error instanceof ScopeSyntaxError) return invalidScope(`Malformed scope: ${error.message}`);
    throw error;
  }
  const unknown = unknownScopes(scopes, state);
  if (unknown.length > 0) return invalidScope(`Unknown scope(s): ${unknown.join(' ')}`);

  const tokens = groupByResourceServer(scopes).map((grant) => mint(grant, clientId, state));
  const [first, ...others] = tokens.map(tokenDocument);
  return respond(200, { ...first, other_tokens: others });
}

function mint(grant: Grant, clientId: string, state: EmulatorState): AccessToken {
  const issuedAt = state.now();
  const token: AccessToken = {
    value: newAccessToken(),
    clientId,
    resourceServer: grant.resourceServer,
    scopes: grant.scopes,
    dataAccess: grant.dataAccess,
    flowConsents: grant.flowConsents,
    issuedAt,
    expiresAt: issuedAt + TOKEN_LIFETIME_SECONDS * SECOND,
    revoked: false,
  };
  state.tokens.set(token.value, token);
  return token;
}

function tokenDocument(token: AccessToken): Record<string, unknown> {
  return {
    access_token: token.value,
    scope: token.scopes.join(' '),
    expires_in: TOKEN_LIFETIME_SECONDS,
    token_type: 'Bearer',
    resource_server: token.resourceServer,
    ...(token.scopes.includes('openid') ? { id_token: idToken(token) } : {}),
  };
}

/** An unsigned OpenID Connect id_token: real claims, no signature (nothing here can verify one). */
function idToken(token: AccessToken): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const { clientId } = token;
  const claims = {
    sub: clientId,
    iss: 'https://auth.globus.org',
    aud: clientId,
    iat: epochSeconds(token.issuedAt),
    exp: epochSeconds(token.expiresAt),
    preferred_username: `${clientId}@clients.auth.globus.org`,
  };
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}

/** Revocation never fails: unknown tokens, or no token at all, still answer `{"active": false}`. */
function revoke(request: ApiRequest, state: EmulatorState): ApiResponse {
  const form = parseForm(request.rawBody);
  if (basicCredentials(request) && !authenticateClient(request, form, state)) {
    return invalidClient();
  }
  const token = form.token === undefined ? undefined : state.tokens.get(form.token);
  if (token) token.revoked = true;
  return respond(200, { active: false });
}

function introspect(request: ApiRequest, state: EmulatorState): ApiResponse {
  const form = parseForm(request.rawBody);
  if (!authenticateClient(request, form, state)) return invalidClient();
  const token = state.activeToken(form.token);
  if (!token) return respond(200, { active: false });
  return respond(200, {
    active: true,
    token_type: 'Bearer',
    scope: token.scopes.join(' '),
    client_id: token.clientId,
    username: `${token.clientId}@clients.auth.globus.org`,
    name: null,
    email: null,
    exp: epochSeconds(token.expiresAt),
    iat: epochSeconds(token.issuedAt),
    nbf: epochSeconds(token.issuedAt),
    sub: token.clientId,
    aud: [token.resourceServer],
    iss: 'https://auth.globus.org',
  });
}

/** An Auth API token of the caller, or undefined (and the caller answers 401). */
function authApiToken(request: ApiRequest, state: EmulatorState): AccessToken | undefined {
  const token = state.activeToken(bearerToken(request));
  return token?.resourceServer === AUTH_RESOURCE_SERVER ? token : undefined;
}

/** A client identity's userinfo: the identity id is the client id. */
function userinfo(request: ApiRequest, state: EmulatorState): ApiResponse {
  const token = authApiToken(request, state);
  if (!token?.scopes.includes('openid')) return unauthenticated();
  const identity = {
    sub: token.clientId,
    preferred_username: `${token.clientId}@clients.auth.globus.org`,
    name: null,
    email: null,
  };
  const withIdentitySet = token.scopes.includes(VIEW_IDENTITY_SET_SCOPE);
  return respond(200, {
    ...identity,
    identity_provider: '7dee4432-0297-4989-ad23-a2b672a52b12',
    identity_provider_display_name: 'Globus Auth',
    last_authentication: null,
    ...(withIdentitySet ? { identity_set: [identity] } : {}),
  });
}

/** A client identity consents to nothing: its dependent scopes come with each token request. */
function consents(request: ApiRequest, state: EmulatorState): ApiResponse {
  if (!authApiToken(request, state)) return unauthenticated();
  return respond(200, { consents: [] });
}
