import { Agent, Dispatcher, ProxyAgent } from 'undici';

/*
 * Proxies as runners configure them: HTTPS_PROXY for https origins, HTTP_PROXY for http ones
 * (lower-case names win, as curl reads them), NO_PROXY for hosts reached directly. undici's
 * EnvHttpProxyAgent does the same but prints an "experimental" warning into every proxied
 * step's log, so the choice is made here and the stable ProxyAgent does the proxying.
 */

type Env = Record<string, string | undefined>;

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** The proxy URL an origin is reached through, or undefined for a direct connection. */
export function proxyFor(origin: string, env: Env): string | undefined {
  const url = new URL(origin);
  const proxy =
    url.protocol === 'https:'
      ? (env.https_proxy ?? env.HTTPS_PROXY ?? env.http_proxy ?? env.HTTP_PROXY)
      : (env.http_proxy ?? env.HTTP_PROXY);
  if (!proxy) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
  return bypassed(host, port, env.no_proxy ?? env.NO_PROXY ?? '') ? undefined : proxy;
}

/** NO_PROXY: `*`, or hosts (`example.org`, `.example.org`, `*.example.org`), each with an optional port. */
function bypassed(host: string, port: number, noProxy: string): boolean {
  const entries = noProxy.split(/[,\s]+/).filter(Boolean);
  return entries.some((entry) => {
    if (entry === '*') return true;
    const [, name = entry, entryPort] = /^(.+?)(?::(\d+))?$/.exec(entry.toLowerCase()) ?? [];
    if (entryPort && Number(entryPort) !== port) return false;
    const bare = name.replace(/^\[|\]$/g, '');
    if (/^[.*]/.test(bare)) {
      const suffix = bare.replace(/^\*/, '');
      return host.endsWith(suffix) || host === suffix.replace(/^\./, '');
    }
    return host === bare;
  });
}

/** The variables that name a proxy. */
export const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/** Sends each request directly or through its proxy; one connection pool per route. */
export class EnvProxyDispatcher extends Dispatcher {
  private readonly direct = new Agent();
  private readonly proxies = new Map<string, ProxyAgent>();

  constructor(private readonly env: Env) {
    super();
  }

  override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandlers,
  ): boolean {
    const proxy = proxyFor(String(options.origin), this.env);
    return this.route(proxy).dispatch(options, handler);
  }

  override async close(): Promise<void> {
    await Promise.all([this.direct, ...this.proxies.values()].map((agent) => agent.close()));
  }

  override async destroy(): Promise<void> {
    await Promise.all([this.direct, ...this.proxies.values()].map((agent) => agent.destroy()));
  }

  private route(proxy: string | undefined): Dispatcher {
    if (!proxy) return this.direct;
    let agent = this.proxies.get(proxy);
    if (!agent) {
      agent = new ProxyAgent(proxy);
      this.proxies.set(proxy, agent);
    }
    return agent;
  }
}
