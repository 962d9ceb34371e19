import { z } from 'zod';
import type { HttpClient } from './http.js';

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  resource_server: z.string(),
  scope: z.string().default(''),
  expires_in: z.number().optional(),
});

const tokenResponseSchema = tokenSchema.extend({
  other_tokens: z.array(tokenSchema).default([]),
});

export type AccessToken = z.infer<typeof tokenSchema>;

/**
 * Client-credentials tokens for a Globus confidential client (OAuth2 client-credentials grant).
 * Every token is handed to `onToken` before anything else happens to it (the action masks it
 * there), and all of them can be revoked at the end.
 */
export class GlobusAuth {
  private readonly issued: string[] = [];

  constructor(
    private readonly http: HttpClient,
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly onToken: (token: string) => void,
  ) {}

  /** The identity the action acts as, which collections must grant access to. */
  get identity(): string {
    return `${this.clientId}@clients.auth.globus.org`;
  }

  /** One token request for several scopes → the tokens by resource server. */
  async tokens(scopes: readonly string[]): Promise<Map<string, AccessToken>> {
    const response = await this.http.request({
      service: 'auth',
      method: 'POST',
      path: '/v2/oauth2/token',
      authorization: this.basic(),
      form: { grant_type: 'client_credentials', scope: scopes.join(' ') },
    });
    const parsed = tokenResponseSchema.parse(response.body);
    const byServer = new Map<string, AccessToken>();
    for (const token of [parsed, ...parsed.other_tokens]) {
      this.onToken(token.access_token);
      this.issued.push(token.access_token);
      byServer.set(token.resource_server, token);
    }
    return byServer;
  }

  /**
   * Revokes every token this step obtained, all at once, through `http` (by default the client
   * the tokens came through); failures are reported, never thrown.
   */
  async revokeAll(http: HttpClient = this.http): Promise<string[]> {
    const outcomes = await Promise.allSettled(
      this.issued.splice(0).map((token) =>
        http.request({
          service: 'auth',
          method: 'POST',
          path: '/v2/oauth2/token/revoke',
          authorization: this.basic(),
          form: { token },
        }),
      ),
    );
    return outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [(outcome.reason as Error).message] : [],
    );
  }

  private basic(): string {
    return `Basic ${Buffer.from(`${this.clientId}:${this.clientSecret}`, 'utf8').toString('base64')}`;
  }
}
