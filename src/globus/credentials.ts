import type { GlobusAuth } from './auth.js';
import { GlobusApiError } from './errors.js';
import {
  TIMERS_RESOURCE_SERVER,
  TRANSFER_RESOURCE_SERVER,
  TRANSFER_SCOPE,
  timerScope,
} from './scopes.js';

/**
 * The tokens one step holds, fetched lazily and as few times as possible: the first need for
 * either service fetches both in one request; a Timers token is fetched again only when a
 * create needs data_access collections the current one does not carry, or a timer names
 * scopes it requires.
 */
export class Credentials {
  private transferToken?: string;
  private timersToken?: string;
  private timersCollections = new Set<string>();

  constructor(private readonly auth: GlobusAuth) {}

  get identity(): string {
    return this.auth.identity;
  }

  /** Authorization header for Transfer calls. */
  async transfer(): Promise<string> {
    if (!this.transferToken) await this.fetch([], true);
    return `Bearer ${this.transferToken}`;
  }

  /** Authorization header for Timers calls, carrying data_access for `collections`. */
  async timers(collections: readonly string[] = []): Promise<string> {
    const missing = collections.some((id) => !this.timersCollections.has(id));
    if (!this.timersToken || missing) {
      await this.fetch([...this.timersCollections, ...collections], !this.transferToken);
    }
    return `Bearer ${this.timersToken}`;
  }

  /**
   * Sends a request with the header `authorize` gives; when the service answers 401 (a token
   * that expired or was revoked mid-step), drops the tokens held, fetches fresh ones and sends
   * once more. A 401 means the request was not carried out, so sending it again is safe.
   */
  async sendAuthorized<T>(
    authorize: () => Promise<string>,
    send: (authorization: string) => Promise<T>,
  ): Promise<T> {
    try {
      return await send(await authorize());
    } catch (error) {
      if (!(error instanceof GlobusApiError) || error.status !== 401 || error.service === 'auth') {
        throw error;
      }
      this.transferToken = undefined;
      this.timersToken = undefined;
      return send(await authorize());
    }
  }

  /** A fresh Timers token for exactly these scope strings (a timer's auth requirements). */
  async timersWithScopes(scopes: readonly string[]): Promise<string> {
    const tokens = await this.auth.tokens(scopes);
    const token = tokens.get(TIMERS_RESOURCE_SERVER);
    if (!token) throw new Error('Globus Auth issued no Timers token for the required scopes');
    this.timersToken = token.access_token;
    return `Bearer ${this.timersToken}`;
  }

  private async fetch(collections: string[], withTransfer: boolean): Promise<void> {
    const scopes = [timerScope(collections), ...(withTransfer ? [TRANSFER_SCOPE] : [])];
    const tokens = await this.auth.tokens(scopes);
    const timers = tokens.get(TIMERS_RESOURCE_SERVER);
    const transfer = tokens.get(TRANSFER_RESOURCE_SERVER);
    if (!timers || (withTransfer && !transfer)) {
      const got = [...tokens.keys()].join(', ') || 'none';
      throw new Error(`Globus Auth did not issue the tokens asked for (got: ${got})`);
    }
    this.timersToken = timers.access_token;
    this.timersCollections = new Set(collections);
    if (transfer) this.transferToken = transfer.access_token;
  }
}
