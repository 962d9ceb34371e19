import { describe, expect, it } from '@jest/globals';
import { proxyFor } from '../../src/globus/proxy.js';

const PROXY = 'http://proxy.corp:3128';

describe('proxyFor', () => {
  it.each([
    [
      'https through HTTPS_PROXY',
      'https://timer.automate.globus.org',
      { HTTPS_PROXY: PROXY },
      PROXY,
    ],
    [
      'https through https_proxy, which wins',
      'https://auth.globus.org',
      { https_proxy: PROXY, HTTPS_PROXY: 'http://other:1' },
      PROXY,
    ],
    ['https falls back to HTTP_PROXY', 'https://auth.globus.org', { HTTP_PROXY: PROXY }, PROXY],
    ['http only through HTTP_PROXY', 'http://127.0.0.1:8080', { HTTPS_PROXY: PROXY }, undefined],
    ['http through http_proxy', 'http://127.0.0.1:8080', { http_proxy: PROXY }, PROXY],
    ['nothing set', 'https://auth.globus.org', {}, undefined],
  ])('%s', (_case, origin, env, expected) => {
    expect(proxyFor(origin, env)).toBe(expected);
  });

  it.each([
    ['an exact host', 'auth.globus.org', 'https://auth.globus.org', true],
    [
      'an exact host, not its neighbour',
      'auth.globus.org',
      'https://transfer.api.globus.org',
      false,
    ],
    ['a .suffix', '.globus.org', 'https://transfer.api.globus.org', true],
    ['a .suffix matches the bare domain too', '.globus.org', 'https://globus.org', true],
    ['a *.suffix', '*.globus.org', 'https://timer.automate.globus.org', true],
    ['a suffix is not a substring', '.globus.org', 'https://globus.org.evil.net', false],
    ['a wildcard', '*', 'https://anything.example', true],
    ['a host with the right port', '127.0.0.1:8080', 'http://127.0.0.1:8080', true],
    ['a host with another port', '127.0.0.1:9090', 'http://127.0.0.1:8080', false],
    ['the default https port', 'auth.globus.org:443', 'https://auth.globus.org', true],
    ['a list with spaces and commas', 'localhost, 127.0.0.1 .corp', 'http://127.0.0.1:8080', true],
    ['case-insensitively', 'AUTH.GLOBUS.ORG', 'https://auth.globus.org', true],
  ])('NO_PROXY bypasses %s', (_case, noProxy, origin, bypassed) => {
    const env = { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY, NO_PROXY: noProxy };
    expect(proxyFor(origin, env)).toBe(bypassed ? undefined : PROXY);
  });

  it('treats an empty proxy variable as no proxy', () => {
    expect(proxyFor('https://auth.globus.org', { HTTPS_PROXY: '' })).toBeUndefined();
    expect(proxyFor('http://127.0.0.1:8080', { HTTP_PROXY: '' })).toBeUndefined();
  });

  // Without NO_PROXY nothing is bypassed: whatever the default is, it must match no host.
  it.each(['https://auth.globus.org', 'http://localhost:8080', 'http://stryker', 'http://was'])(
    'sends %s through the proxy when NO_PROXY is unset',
    (origin) => {
      expect(proxyFor(origin, { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY })).toBe(PROXY);
    },
  );

  it.each([
    ['a bracketed IPv6 address', '[::1]', 'http://[::1]:8080'],
    ['a bracketed IPv6 address with its port', '[::1]:8080', 'http://[::1]:8080'],
    // The usual runner value: IPv6 addresses written without brackets name no port.
    ['an IPv6 address without brackets', 'localhost,127.0.0.1,::1', 'http://[::1]:8080'],
    ['a longer IPv6 address without brackets', 'fe80::1', 'https://[fe80::1]'],
  ])('NO_PROXY bypasses %s', (_case, noProxy, origin) => {
    const env = { HTTP_PROXY: PROXY, NO_PROXY: noProxy };
    expect(proxyFor(origin, env)).toBeUndefined();
  });

  it.each([
    ['another IPv6 address', '[::2]', 'http://[::1]:8080'],
    ['another IPv6 address without brackets', '::2', 'http://[::1]:8080'],
    ['a bracketed IPv6 address on another port', '[::1]:9090', 'http://[::1]:8080'],
    ['a longer name that ends in an exact host', 'globus.org', 'https://notglobus.org'],
    // A stray bracket is not stripped from inside a name: the entry matches nothing.
    ['a host for an entry with a stray [', 'exam[ple.org', 'https://example.org'],
    ['a host for an entry with a stray ]', 'exam]ple.org', 'https://example.org'],
    // Only a leading * is a wildcard, and a *suffix keeps its dots.
    ['a subdomain for an entry with a * after its dot', '.*globus.org', 'https://auth.globus.org'],
    ['the dotless name for a *suffix', '*globus.org', 'http://globusorg'],
  ])('NO_PROXY does not bypass %s', (_case, noProxy, origin) => {
    const env = { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY, NO_PROXY: noProxy };
    expect(proxyFor(origin, env)).toBe(PROXY);
  });

  it('reads no_proxy before NO_PROXY', () => {
    const env = { HTTPS_PROXY: PROXY, no_proxy: 'auth.globus.org', NO_PROXY: '' };
    expect(proxyFor('https://auth.globus.org', env)).toBeUndefined();
  });
});
