import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, LookupFunction } from 'node:net';
import { proxyOptions } from '../../src/globus/proxy.js';
import { undiciConnections } from '../../src/globus/transport.js';

/*
 * Which origins go through the proxy, as the step's connections route them (undici's
 * EnvHttpProxyAgent, given the step's environment): every variable and NO_PROXY form the
 * README promises. A stand-in proxy notes each tunnel asked of it and refuses it; no name is
 * ever resolved (every lookup fails), so a request that does not ask the proxy went direct.
 */

let proxy: Server;
let proxyUrl: string;
const tunnels: string[] = [];

beforeAll(async () => {
  proxy = createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connect', (request, client) => {
    tunnels.push(request.url ?? '');
    client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});
beforeEach(() => {
  tunnels.length = 0;
});

const unresolvable: LookupFunction = (host, _options, callback) =>
  callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), '');

/** 'proxy' when the request asked the proxy for a tunnel to its origin, else 'direct'. */
async function route(origin: string, env: Record<string, string>): Promise<string> {
  const step = undiciConnections({
    env,
    connectTimeoutMs: 5_000,
    responseTimeoutMs: 5_000,
    connect: { lookup: unresolvable },
  });
  const request = { url: `${origin}/`, method: 'GET', headers: {} };
  await step.send({ ...request, signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
  await step.close();
  const { host, port, protocol } = new URL(origin);
  const target = port ? host : `${host}:${protocol === 'https:' ? 443 : 80}`;
  if (tunnels.length > 0) expect(tunnels).toEqual([target]);
  return tunnels.length > 0 ? 'proxy' : 'direct';
}

const HTTP_AND_HTTPS = () => ({ HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl });

describe('the proxy variables', () => {
  it.each([
    ['https through HTTPS_PROXY', 'https://timer.automate.globus.org', 'HTTPS_PROXY', 'proxy'],
    ['https falls back to HTTP_PROXY', 'https://auth.globus.org', 'HTTP_PROXY', 'proxy'],
    ['http not through HTTPS_PROXY', 'http://127.0.0.1:9', 'HTTPS_PROXY', 'direct'],
    ['http through http_proxy', 'http://127.0.0.1:9', 'http_proxy', 'proxy'],
    ['https through https_proxy', 'https://auth.globus.org', 'https_proxy', 'proxy'],
  ])('send %s', async (_case, origin, variable, expected) => {
    expect(await route(origin, { [variable]: proxyUrl })).toBe(expected);
  });

  it('send nothing through a proxy when none is set, whatever the process has', async () => {
    const saved = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = proxyUrl;
    try {
      expect(await route('https://auth.globus.org', {})).toBe('direct');
    } finally {
      if (saved === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = saved;
    }
  });

  it('read lower-case names before upper-case ones', () => {
    const env = {
      https_proxy: 'http://lower:1',
      HTTPS_PROXY: 'http://upper:1',
      http_proxy: 'http://lower:2',
      HTTP_PROXY: 'http://upper:2',
      no_proxy: 'lower.example',
      NO_PROXY: 'upper.example',
    };
    expect(proxyOptions(env)).toEqual({
      httpsProxy: 'http://lower:1',
      httpProxy: 'http://lower:2',
      noProxy: 'lower.example',
    });
  });

  it('give undici every option, empty when unset (else it would read process.env)', () => {
    expect(proxyOptions({})).toEqual({ httpsProxy: '', httpProxy: '', noProxy: '' });
  });

  it('treat an empty proxy variable as no proxy', async () => {
    expect(await route('https://auth.globus.org', { HTTPS_PROXY: '' })).toBe('direct');
    expect(await route('http://127.0.0.1:9', { HTTP_PROXY: '' })).toBe('direct');
  });
});

describe('NO_PROXY', () => {
  it.each([
    ['an exact host', 'auth.globus.org', 'https://auth.globus.org', 'direct'],
    [
      'not an exact host’s neighbour',
      'auth.globus.org',
      'https://transfer.api.globus.org',
      'proxy',
    ],
    ['a host’s subdomains, as curl reads it', 'globus.org', 'https://auth.globus.org', 'direct'],
    ['a .suffix', '.globus.org', 'https://transfer.api.globus.org', 'direct'],
    ['a .suffix: the bare domain too', '.globus.org', 'https://globus.org', 'direct'],
    ['a *.suffix', '*.globus.org', 'https://timer.automate.globus.org', 'direct'],
    ['not a suffix as a substring', '.globus.org', 'https://globus.org.evil.net', 'proxy'],
    ['not a longer name that ends in a host', 'globus.org', 'https://notglobus.org', 'proxy'],
    ['a wildcard', '*', 'https://anything.example', 'direct'],
    ['a host with the right port', '127.0.0.1:9', 'http://127.0.0.1:9', 'direct'],
    ['not a host with another port', '127.0.0.1:9090', 'http://127.0.0.1:9', 'proxy'],
    ['the default https port', 'auth.globus.org:443', 'https://auth.globus.org', 'direct'],
    ['a list with spaces and commas', 'localhost, 127.0.0.1 .corp', 'http://127.0.0.1:9', 'direct'],
    ['case-insensitively', 'AUTH.GLOBUS.ORG', 'https://auth.globus.org', 'direct'],
    ['a bracketed IPv6 address', '[::1]', 'http://[::1]:9', 'direct'],
    ['a bracketed IPv6 address with its port', '[::1]:9', 'http://[::1]:9', 'direct'],
    ['not a bracketed IPv6 address on another port', '[::1]:9090', 'http://[::1]:9', 'proxy'],
    // The usual runner value: IPv6 addresses written without brackets name no port.
    ['an IPv6 address without brackets', 'localhost,127.0.0.1,::1', 'http://[::1]:9', 'direct'],
    ['a longer IPv6 address without brackets', 'fe80::1', 'https://[fe80::1]', 'direct'],
    ['not another IPv6 address', '::2', 'http://[::1]:9', 'proxy'],
    // A stray bracket is not stripped from inside a name: the entry matches nothing.
    ['not a host for an entry with a stray [', 'exam[ple.org', 'https://example.org', 'proxy'],
    // Only a leading * is a wildcard, and a *suffix keeps its dots.
    ['not a subdomain for a * after the dot', '.*globus.org', 'https://auth.globus.org', 'proxy'],
    ['not the dotless name for a *suffix', '*globus.org', 'http://globusorg', 'proxy'],
  ])('takes %s', async (_case, noProxy, origin, expected) => {
    expect(await route(origin, { ...HTTP_AND_HTTPS(), NO_PROXY: noProxy })).toBe(expected);
  });

  // Without NO_PROXY nothing is bypassed: whatever the default is, it must match no host.
  it.each(['https://auth.globus.org', 'http://localhost:9', 'http://127.0.0.1:9'])(
    'unset, lets %s go through the proxy',
    async (origin) => {
      expect(await route(origin, HTTP_AND_HTTPS())).toBe('proxy');
    },
  );

  it('reads no_proxy before NO_PROXY', async () => {
    const env = { ...HTTP_AND_HTTPS(), no_proxy: 'auth.globus.org', NO_PROXY: '' };
    expect(await route('https://auth.globus.org', env)).toBe('direct');
  });
});
