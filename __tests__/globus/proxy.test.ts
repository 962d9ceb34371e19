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

  it('reads no_proxy before NO_PROXY', () => {
    const env = { HTTPS_PROXY: PROXY, no_proxy: 'auth.globus.org', NO_PROXY: '' };
    expect(proxyFor('https://auth.globus.org', env)).toBeUndefined();
  });
});
