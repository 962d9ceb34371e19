import { describe, expect, it } from '@jest/globals';
import { checkEnvironment, joinUrl, serviceUrls } from '../../src/globus/environments.js';

const TIMEOUT = 'GLOBUS_SDK_HTTP_TIMEOUT';
const notSeconds = (value: string) => ({
  variable: TIMEOUT,
  message: `"${value}" is not a number of seconds (or -1 for no timeout)`,
});

describe('serviceUrls', () => {
  it('knows every production URL', () => {
    expect(serviceUrls('production', {})).toEqual({
      auth: 'https://auth.globus.org/',
      transfer: 'https://transfer.api.globus.org/',
      timers: 'https://timer.automate.globus.org/',
      flows: 'https://flows.automate.globus.org/',
      app: 'https://app.globus.org/',
    });
  });

  it('knows every preview URL', () => {
    expect(serviceUrls('preview', {})).toEqual({
      auth: 'https://auth.preview.globus.org/',
      transfer: 'https://transfer.api.preview.globus.org/',
      timers: 'https://preview.timer.automate.globus.org/',
      flows: 'https://preview.flows.automate.globus.org/',
      app: 'https://app.preview.globus.org/',
    });
  });

  it('takes an override for every service, the web app included', () => {
    const env = {
      GLOBUS_SDK_SERVICE_URL_AUTH: 'http://127.0.0.1:9/auth/',
      GLOBUS_SDK_SERVICE_URL_TRANSFER: 'http://127.0.0.1:9/transfer/',
      GLOBUS_SDK_SERVICE_URL_TIMERS: 'http://127.0.0.1:9/timers/',
      GLOBUS_SDK_SERVICE_URL_FLOWS: 'http://127.0.0.1:9/flows/',
      GLOBUS_SDK_SERVICE_URL_APP: 'http://127.0.0.1:9/app/',
    };
    expect(serviceUrls('production', env)).toEqual({
      auth: 'http://127.0.0.1:9/auth/',
      transfer: 'http://127.0.0.1:9/transfer/',
      timers: 'http://127.0.0.1:9/timers/',
      flows: 'http://127.0.0.1:9/flows/',
      app: 'http://127.0.0.1:9/app/',
    });
  });

  // Values pasted into a workflow's env: often carry a stray newline or a blank line.
  it('trims overrides, and a blank one counts as unset', () => {
    const env = {
      GLOBUS_SDK_SERVICE_URL_AUTH: '  http://127.0.0.1:9/auth/\n',
      GLOBUS_SDK_SERVICE_URL_TIMERS: '   ',
      GLOBUS_SDK_SERVICE_URL_TIMER: '\thttp://127.0.0.1:9/timer/ ',
      GLOBUS_SDK_SERVICE_URL_FLOWS: '\n',
    };
    expect(serviceUrls('production', env)).toEqual({
      auth: 'http://127.0.0.1:9/auth/',
      transfer: 'https://transfer.api.globus.org/',
      timers: 'http://127.0.0.1:9/timer/',
      flows: 'https://flows.automate.globus.org/',
      app: 'https://app.globus.org/',
    });
  });
});

describe('joinUrl', () => {
  it('joins with exactly one slash however many each side carries', () => {
    expect(joinUrl('http://127.0.0.1:8080/timers//', '//v2/timer')).toBe(
      'http://127.0.0.1:8080/timers/v2/timer',
    );
    expect(joinUrl('https://app.globus.org///', '///activity/timers/x')).toBe(
      'https://app.globus.org/activity/timers/x',
    );
  });
});

describe('checkEnvironment: service URLs and proxies', () => {
  it('accepts https and http URLs, padded or not', () => {
    expect(
      checkEnvironment({
        GLOBUS_SDK_SERVICE_URL_AUTH: 'https://auth.example.org/',
        GLOBUS_SDK_SERVICE_URL_TIMERS: ' http://127.0.0.1:8080/timers/\n',
        HTTPS_PROXY: 'http://proxy.corp:3128',
        https_proxy: 'https://proxy.corp:3129',
      }),
    ).toEqual([]);
  });

  // A byte-order mark or a no-break space comes with copy-paste; serviceUrls trims them
  // (String.prototype.trim), so the check must too, or it rejects a URL that would work.
  it('trims the whitespace that serviceUrls trims before parsing', () => {
    expect(
      checkEnvironment({
        GLOBUS_SDK_SERVICE_URL_TRANSFER: '\uFEFFhttps://transfer.example.org/',
        GLOBUS_SDK_SERVICE_URL_FLOWS: '\u00A0https://flows.example.org/\u00A0',
      }),
    ).toEqual([]);
  });

  it('names each variable that is not an http(s) URL, with its value', () => {
    expect(
      checkEnvironment({
        GLOBUS_SDK_SERVICE_URL_TIMER: 'ftp://timers.example/',
        GLOBUS_SDK_SERVICE_URL_APP: 'app.globus.org',
        http_proxy: 'proxy.corp 3128',
      }),
    ).toEqual([
      {
        variable: 'GLOBUS_SDK_SERVICE_URL_TIMER',
        message: '"ftp://timers.example/" must start with https:// or http://',
      },
      {
        variable: 'GLOBUS_SDK_SERVICE_URL_APP',
        message:
          '"app.globus.org" is not a URL; use e.g. https://host/ or http://127.0.0.1:8080/timers/',
      },
      {
        variable: 'http_proxy',
        message:
          '"proxy.corp 3128" is not a URL; use e.g. https://host/ or http://127.0.0.1:8080/timers/',
      },
    ]);
  });
});

describe('checkEnvironment: GLOBUS_SDK_HTTP_TIMEOUT', () => {
  it.each([
    ['whole seconds', '30'],
    ['a single digit', '5'],
    ['a fraction', '0.5'],
    ['a fraction of several digits', '2.55'],
    ['-1 for no timeout', '-1'],
    ['surrounding whitespace', ' 30 \n'],
  ])('accepts %s', (_case, value) => {
    expect(checkEnvironment({ [TIMEOUT]: value })).toEqual([]);
  });

  it.each([
    ['a word', 'soon'],
    ['a unit after the number', '30s'],
    ['text before the number', 'in 30'],
    ['zero, which would time out at once', '0'],
    ['zero written as a fraction', '0.00'],
    ['a negative other than -1', '-2'],
    ['a dot without digits after it', '30.'],
    ['exponent notation', '1e3'],
  ])('rejects %s', (_case, value) => {
    expect(checkEnvironment({ [TIMEOUT]: value })).toEqual([notSeconds(value)]);
  });

  it('says nothing when the timeout is unset or empty', () => {
    expect(checkEnvironment({})).toEqual([]);
    expect(checkEnvironment({ [TIMEOUT]: '' })).toEqual([]);
  });
});
