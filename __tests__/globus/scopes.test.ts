import { describe, expect, it } from '@jest/globals';
import { joinUrl, serviceUrls } from '../../src/globus/environments.js';
import { asTimersScope, timerScope } from '../../src/globus/scopes.js';
import { needsDataAccess } from '../../src/globus/transfer.js';
import { fixture } from '../../__fixtures__/globus-fixtures.js';

const TIMER = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
const TRANSFER = 'urn:globus:auth:scope:transfer.api.globus.org:all';

describe('timerScope', () => {
  it('is the bare chain without collections', () => {
    expect(timerScope()).toBe(`${TIMER}[${TRANSFER}]`);
  });

  it('adds optional data_access dependencies under transfer, once each', () => {
    expect(timerScope(['id1', 'id2', 'id1'])).toBe(
      `${TIMER}[${TRANSFER}[*https://auth.globus.org/scopes/id1/data_access *https://auth.globus.org/scopes/id2/data_access]]`,
    );
  });

  it('roots legacy required scopes at the Timers scope', () => {
    const legacy = `https://auth.globus.org/scopes/actions.globus.org/transfer/transfer[${TRANSFER}]`;
    expect(asTimersScope(legacy)).toBe(`${TIMER}[${legacy}]`);
    expect(asTimersScope(`${TIMER}[${TRANSFER}]`)).toBe(`${TIMER}[${TRANSFER}]`);
  });
});

describe('needsDataAccess', () => {
  it.each([
    ['transfer_endpoint_gcsv5_mapped_collection.json', true],
    ['transfer_endpoint_gcsv5_mapped_collection_non_ha_timer_test.json', true],
    ['transfer_endpoint_gcsv5_guest_collection.json', false],
    ['transfer_endpoint_gcsv5_endpoint.json', false],
    ['transfer_endpoint_gcp_mapped_collection_partial.json', false],
    ['transfer_endpoint_gcsv4_host.json', false],
  ])('%s → %s', (name, expected) => {
    expect(needsDataAccess(fixture<{ id: string }>(name))).toBe(expected);
  });

  it('needs high_assurance to be strictly false', () => {
    const mapped = fixture<Record<string, unknown> & { id: string }>(
      'transfer_endpoint_gcsv5_mapped_collection.json',
    );
    expect(needsDataAccess({ ...mapped, high_assurance: true })).toBe(false);
    expect(needsDataAccess({ ...mapped, high_assurance: null })).toBe(false);
  });
});

describe('serviceUrls', () => {
  it('knows each environment', () => {
    expect(serviceUrls('production', {}).timers).toBe('https://timer.automate.globus.org/');
    expect(serviceUrls('preview', {}).auth).toBe('https://auth.preview.globus.org/');
    expect(serviceUrls('sandbox', {})).toEqual({
      auth: 'https://auth.sandbox.globuscs.info/',
      transfer: 'https://transfer.api.sandbox.globuscs.info/',
      timers: 'https://sandbox.timer.automate.globus.org/',
      app: 'https://app.sandbox.globuscs.info/',
    });
  });

  it('takes GLOBUS_SDK_SERVICE_URL_* overrides, TIMERS or TIMER', () => {
    const env = {
      GLOBUS_SDK_SERVICE_URL_TIMER: 'http://127.0.0.1:9/timers/',
      GLOBUS_SDK_SERVICE_URL_AUTH: 'http://127.0.0.1:9/auth/',
    };
    expect(serviceUrls('production', env)).toMatchObject({
      auth: 'http://127.0.0.1:9/auth/',
      timers: 'http://127.0.0.1:9/timers/',
      transfer: 'https://transfer.api.globus.org/',
    });
    expect(
      serviceUrls('production', { ...env, GLOBUS_SDK_SERVICE_URL_TIMERS: 'http://x/' }).timers,
    ).toBe('http://x/');
  });

  it('appends request paths to a base that carries a path', () => {
    expect(joinUrl('http://127.0.0.1:8080/timers/', '/v2/timer')).toBe(
      'http://127.0.0.1:8080/timers/v2/timer',
    );
    expect(joinUrl('http://127.0.0.1:8080/timers', 'jobs/')).toBe(
      'http://127.0.0.1:8080/timers/jobs/',
    );
  });
});
