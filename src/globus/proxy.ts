import type { Transport, TransportRequest, TransportResponse } from './transport.js';

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
    const lower = entry.toLowerCase();
    // An IPv6 address without brackets (`::1`, as in `NO_PROXY=localhost,::1`) names no port:
    // read as host:port, `::1` would be the host `:` on port 1.
    const [, name = lower, entryPort] = isBareIpv6(lower)
      ? []
      : (/^(.+?)(?::(\d+))?$/.exec(lower) ?? []);
    if (entryPort && Number(entryPort) !== port) return false;
    const bare = name.replace(/^\[|\]$/g, '');
    if (/^[.*]/.test(bare)) {
      const suffix = bare.replace(/^\*/, '');
      return host.endsWith(suffix) || host === suffix.replace(/^\./, '');
    }
    return host === bare;
  });
}

/** More than one colon and no brackets: an IPv6 address as curl and Go accept it in NO_PROXY. */
function isBareIpv6(entry: string): boolean {
  return !entry.startsWith('[') && entry.indexOf(':') !== entry.lastIndexOf(':');
}

/** The variables that name a proxy. */
export const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * The transport of a proxied step: undici's stable ProxyAgent for the origins that go through a
 * proxy, node:http for the rest. undici is loaded the first time a request goes through a proxy;
 * a step without one never loads it.
 */
export function proxyTransport(env: Env, direct: Transport): Transport {
  let undici: Promise<ProxySender> | undefined;
  return async (request) => {
    const proxy = proxyFor(new URL(request.url).origin, env);
    if (!proxy) return direct(request);
    undici ??= loadProxySender();
    return (await undici)(proxy, request);
  };
}

type ProxySender = (proxy: string, request: TransportRequest) => Promise<TransportResponse>;

async function loadProxySender(): Promise<ProxySender> {
  const { ProxyAgent, request: send } = await import('undici');
  const agents = new Map<string, InstanceType<typeof ProxyAgent>>();
  return async (proxy, { url, method, headers, body, signal }) => {
    let dispatcher = agents.get(proxy);
    if (!dispatcher) {
      dispatcher = new ProxyAgent(proxy);
      agents.set(proxy, dispatcher);
    }
    const response = await send(url, {
      method: method as 'GET',
      headers,
      body,
      signal,
      dispatcher,
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      text: await response.body.text(),
    };
  };
}
