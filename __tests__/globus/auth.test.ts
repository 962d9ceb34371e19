import { describe, expect, it } from '@jest/globals';
import { GlobusAuth } from '../../src/globus/auth.js';
import type { HttpClient, HttpRequest } from '../../src/globus/http.js';

describe('GlobusAuth.revokeAll', () => {
  it('reports each revocation that failed and goes on with the others', async () => {
    const requests: HttpRequest[] = [];
    const http = {
      async request(request: HttpRequest) {
        requests.push(request);
        if (request.path === '/v2/oauth2/token') {
          return {
            status: 200,
            body: {
              access_token: 'tok-timers',
              resource_server: 'timers',
              other_tokens: [{ access_token: 'tok-transfer', resource_server: 'transfer' }],
            },
          };
        }
        if (request.form?.token === 'tok-timers') throw new Error('revoke refused');
        return { status: 200, body: {} };
      },
    } as unknown as HttpClient;
    const auth = new GlobusAuth(http, 'id', 'secret', () => undefined);
    await auth.tokens(['s']);
    expect(await auth.revokeAll()).toEqual(['revoke refused']);
    expect(requests.slice(1).map((r) => r.form)).toEqual([
      { token: 'tok-timers' },
      { token: 'tok-transfer' },
    ]);
  });
});
