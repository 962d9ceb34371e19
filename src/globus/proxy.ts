/*
 * Proxies as runners configure them: HTTPS_PROXY for https origins (else HTTP_PROXY), HTTP_PROXY
 * for http ones, NO_PROXY for hosts reached directly; lower-case names win, as curl reads them.
 * undici's EnvHttpProxyAgent does the routing and the NO_PROXY matching (`*`, hosts, `.suffix`,
 * `*.suffix`, each with an optional port); this file only reads the variables for it.
 */

type Env = Record<string, string | undefined>;

/** The variables that name a proxy (checked as URLs before any request, see environments.ts). */
export const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

interface ProxyOptions {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
}

/**
 * EnvHttpProxyAgent's options from a step's environment. Every one is given, empty when unset:
 * an option left out would send undici to process.env instead.
 */
export function proxyOptions(env: Env): ProxyOptions {
  return {
    httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    noProxy: bracketBareIpv6(env.no_proxy ?? env.NO_PROXY ?? ''),
  };
}

/**
 * An IPv6 address without brackets (`::1`, as in the common `NO_PROXY=localhost,127.0.0.1,::1`)
 * names no port, as curl and Go read it; undici would read `::1` as the host `:` on port 1 and
 * send `[::1]` through the proxy. Written `[::1]`, it matches the host as undici sees it.
 */
function bracketBareIpv6(noProxy: string): string {
  return noProxy
    .split(/[,\s]+/)
    .map((entry) => (isBareIpv6(entry) ? `[${entry}]` : entry))
    .join(',');
}

/** More than one colon and no brackets: an IPv6 address as curl and Go accept it in NO_PROXY. */
function isBareIpv6(entry: string): boolean {
  return !entry.startsWith('[') && entry.indexOf(':') !== entry.lastIndexOf(':');
}
