import { describe, expect, it } from '@jest/globals';
import { partialOverrides, whereItActs } from '../../src/globus/environments.js';

/* The first line of a step names where it acts; half-overridden service URLs are warned of. */

const EMULATOR = {
  GLOBUS_SDK_SERVICE_URL_AUTH: 'http://127.0.0.1:8080/auth/',
  GLOBUS_SDK_SERVICE_URL_TRANSFER: 'http://127.0.0.1:8080/transfer/',
  GLOBUS_SDK_SERVICE_URL_TIMERS: 'http://127.0.0.1:8080/timers/',
  GLOBUS_SDK_SERVICE_URL_FLOWS: 'http://127.0.0.1:8080/flows/',
};

describe('whereItActs', () => {
  it('names the Globus environment when no URL is overridden', () => {
    expect(whereItActs('production', {})).toBe('on Globus production');
    expect(whereItActs('sandbox', {})).toBe('on Globus sandbox');
  });

  it('names the one host every service URL points at, never "production"', () => {
    expect(whereItActs('production', EMULATOR)).toBe(
      'on http://127.0.0.1:8080 (service URLs from GLOBUS_SDK_SERVICE_URL_*)',
    );
    const singular = { ...EMULATOR, GLOBUS_SDK_SERVICE_URL_TIMERS: '' };
    expect(
      whereItActs('production', {
        ...singular,
        GLOBUS_SDK_SERVICE_URL_TIMER: 'http://127.0.0.1:8080/timers/',
      }),
    ).toBe('on http://127.0.0.1:8080 (service URLs from GLOBUS_SDK_SERVICE_URL_*)');
  });

  it('names each host when they differ, and the services left on the environment', () => {
    const mixed = {
      GLOBUS_SDK_SERVICE_URL_TIMERS: 'http://127.0.0.1:8080/timers/',
      GLOBUS_SDK_SERVICE_URL_TRANSFER: 'https://transfer.example.org/',
    };
    expect(whereItActs('sandbox', mixed)).toBe(
      'on Transfer https://transfer.example.org, Timers http://127.0.0.1:8080, Auth, Flows on Globus sandbox',
    );
  });
});

describe('partialOverrides', () => {
  it('says nothing when all or none are overridden', () => {
    expect(partialOverrides('production', {})).toEqual([]);
    expect(partialOverrides('production', EMULATOR)).toEqual([]);
  });

  it('names every variable left unset, and where its requests go', () => {
    const noFlows = { ...EMULATOR, GLOBUS_SDK_SERVICE_URL_FLOWS: ' ' };
    expect(partialOverrides('production', noFlows)).toEqual([
      'GLOBUS_SDK_SERVICE_URL_FLOWS is not set while other service URLs are: Flows requests go to Globus production (https://flows.automate.globus.org/). Set it too, or none of them',
    ]);
    const timersOnly = { GLOBUS_SDK_SERVICE_URL_TIMER: 'http://127.0.0.1:8080/' };
    expect(partialOverrides('preview', timersOnly).map((w) => w.split(' ')[0])).toEqual([
      'GLOBUS_SDK_SERVICE_URL_AUTH',
      'GLOBUS_SDK_SERVICE_URL_TRANSFER',
      'GLOBUS_SDK_SERVICE_URL_FLOWS',
    ]);
  });
});
