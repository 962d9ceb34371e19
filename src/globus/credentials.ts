import type { GlobusAuth } from './auth.js';
import { GlobusApiError } from './errors.js';
import {
  FLOWS_RESOURCE_SERVER,
  FLOWS_SCOPES,
  TIMERS_RESOURCE_SERVER,
  TIMERS_SCOPE,
  TRANSFER_RESOURCE_SERVER,
  TRANSFER_SCOPE,
  timerScope,
} from './scopes.js';

/** The services a step may need a token for besides Timers. */
export type Companion = 'transfer' | 'flows';

/** What a Timers token carries besides Timers itself (the consents a timer keeps). */
export interface TimersConsents {
  /** Collections whose data_access sits under `timer[transfer:all[…]]`. */
  dataAccess: readonly string[];
  /** Scopes each put under the Timers scope: `timer[<scope>]` (a flow's own scope). */
  dependencies: readonly string[];
}

const NO_CONSENTS: TimersConsents = { dataAccess: [], dependencies: [] };

const COMPANIONS: Record<Companion, { resourceServer: string; scopes: readonly string[] }> = {
  transfer: { resourceServer: TRANSFER_RESOURCE_SERVER, scopes: [TRANSFER_SCOPE] },
  flows: { resourceServer: FLOWS_RESOURCE_SERVER, scopes: FLOWS_SCOPES },
};

/**
 * The tokens one step holds, fetched lazily and as few times as possible. The first need fetches
 * a Timers token together with the companions the step will want (Transfer, and Flows for flow
 * timers) in one request; a Timers token is fetched again only when a create needs consents the
 * current one does not carry, or a timer names scopes it requires. Concurrent needs share one
 * request.
 */
export class Credentials {
  private readonly tokens = new Map<string, string>();
  private carried: TimersConsents = NO_CONSENTS;
  /** Token requests, one after the other; each decides what it needs when its turn comes. */
  private queue: Promise<void> = Promise.resolve();

  /**
   * `companions` come with the first Timers token; so do `initial` consents, when the inputs
   * name them (data-access given as a list): no second token request at the create.
   */
  constructor(
    private readonly auth: GlobusAuth,
    private readonly companions: readonly Companion[] = ['transfer'],
    private readonly initial: TimersConsents = NO_CONSENTS,
  ) {}

  get identity(): string {
    return this.auth.identity;
  }

  /** Authorization header for Transfer calls. */
  transfer(): Promise<string> {
    return this.companion('transfer');
  }

  /** Authorization header for Flows calls. */
  flows(): Promise<string> {
    return this.companion('flows');
  }

  /** Authorization header for Timers calls, carrying at least these consents. */
  async timers(consents: TimersConsents = NO_CONSENTS): Promise<string> {
    await this.ensure(() => {
      const first = !this.tokens.has(TIMERS_RESOURCE_SERVER);
      if (!first && this.carries(consents)) return undefined;
      const companions = first ? this.companions.filter((c) => !this.has(c)) : [];
      const wanted = union(first ? this.initial : this.carried, consents);
      return { consents: wanted, companions };
    });
    return `Bearer ${this.tokens.get(TIMERS_RESOURCE_SERVER)}`;
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
      this.tokens.clear();
      return send(await authorize());
    }
  }

  /** A fresh Timers token for exactly these scope strings (a timer's auth requirements). */
  async timersWithScopes(scopes: readonly string[]): Promise<string> {
    await this.queue;
    const tokens = await this.auth.tokens(scopes);
    const token = tokens.get(TIMERS_RESOURCE_SERVER);
    if (!token) throw new Error('Globus Auth issued no Timers token for the required scopes');
    this.tokens.set(TIMERS_RESOURCE_SERVER, token.access_token);
    return `Bearer ${token.access_token}`;
  }

  private has(companion: Companion): boolean {
    return this.tokens.has(COMPANIONS[companion].resourceServer);
  }

  private async companion(companion: Companion): Promise<string> {
    await this.ensure(() => {
      if (this.has(companion)) return undefined;
      // The first need of all brings the Timers token and the other companions along.
      const first = !this.tokens.has(TIMERS_RESOURCE_SERVER);
      const others = first ? this.companions.filter((c) => c !== companion && !this.has(c)) : [];
      return { ...(first ? { consents: this.initial } : {}), companions: [companion, ...others] };
    });
    return `Bearer ${this.tokens.get(COMPANIONS[companion].resourceServer)}`;
  }

  /**
   * Queues a token request; `need` says, when its turn comes (earlier requests done), what is
   * still missing — so concurrent needs of one token share one request. A failed request fails
   * its own callers only.
   */
  private ensure(need: () => TokenNeed | undefined): Promise<void> {
    const turn = async () => {
      const wanted = need();
      if (wanted) await this.fetch(wanted.consents, wanted.companions);
    };
    const done = this.queue.then(turn, turn);
    this.queue = done.catch(() => undefined);
    return done;
  }

  private carries(consents: TimersConsents): boolean {
    return (
      consents.dataAccess.every((id) => this.carried.dataAccess.includes(id)) &&
      consents.dependencies.every((scope) => this.carried.dependencies.includes(scope))
    );
  }

  /** One token request: a Timers token with `consents` (unless undefined), and the companions. */
  private async fetch(consents: TimersConsents | undefined, companions: readonly Companion[]) {
    const scopes = [
      ...(consents ? timersScopes(consents) : []),
      ...companions.flatMap((companion) => COMPANIONS[companion].scopes),
    ];
    const tokens = await this.auth.tokens(scopes);
    const expected = [
      ...(consents ? [TIMERS_RESOURCE_SERVER] : []),
      ...companions.map((companion) => COMPANIONS[companion].resourceServer),
    ];
    const missing = expected.filter((server) => !tokens.has(server));
    if (missing.length > 0) {
      const got = [...tokens.keys()].join(', ') || 'none';
      throw new Error(`Globus Auth did not issue the tokens asked for (got: ${got})`);
    }
    for (const [server, token] of tokens) this.tokens.set(server, token.access_token);
    if (consents) this.carried = consents;
  }
}

interface TokenNeed {
  consents?: TimersConsents;
  companions: readonly Companion[];
}

/** The Timers scopes for these consents: the transfer chain, then each further dependency. */
function timersScopes(consents: TimersConsents): string[] {
  return [
    timerScope(consents.dataAccess),
    ...consents.dependencies.map((scope) => `${TIMERS_SCOPE}[${scope}]`),
  ];
}

function union(a: TimersConsents, b: TimersConsents): TimersConsents {
  return {
    dataAccess: [...new Set([...a.dataAccess, ...b.dataAccess])],
    dependencies: [...new Set([...a.dependencies, ...b.dependencies])],
  };
}
