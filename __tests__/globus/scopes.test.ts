import { describe, expect, it } from '@jest/globals';
import { joinUrl, serviceUrls } from '../../src/globus/environments.js';
import {
  dataAccessCollections,
  splitScopes,
  timerScope,
  timersScopesFor,
} from '../../src/globus/scopes.js';
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
});

const AP = 'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer';
const C1 = '2f9a7c44-5a1f-11ef-9a0e-8f1c2a3b4c5d';
const C2 = 'a1000000-0000-4000-8000-000000000002';
const da = (id: string) => `https://auth.globus.org/scopes/${id}/data_access`;
const FLOW = 'https://auth.globus.org/scopes/f1/flow_f1_user';

describe('splitScopes', () => {
  it.each([
    ['flat scopes', 'a b  c', ['a', 'b', 'c']],
    ['one nested scope', 'a[b c[d]]', ['a[b c[d]]']],
    ['nested scopes and a flat one', 'a[b c[d]] e', ['a[b c[d]]', 'e']],
    [
      'deep nesting with optional marks',
      `${TIMER}[${TRANSFER}[*x *y]] z`,
      [`${TIMER}[${TRANSFER}[*x *y]]`, 'z'],
    ],
    ['a stray closing bracket', 'a] b', ['a', 'b']],
    ['an unclosed bracket', 'a[b c', ['a[b c]']],
    ['nothing', '  ', []],
  ])('reads %s', (_case, text, expected) => {
    expect(splitScopes(text)).toEqual(expected);
  });
});

describe('dataAccessCollections', () => {
  it('finds data_access collections at any depth, once each, in lower case', () => {
    const legacy = `${TIMER}[${AP}[${TRANSFER}[*${da(C1)}]]]`;
    expect(
      dataAccessCollections([legacy, `${TRANSFER}[${da(C2.toUpperCase())} *${da(C1)}]`]),
    ).toEqual([C1, C2]);
  });
});

describe('timersScopesFor', () => {
  it('rebuilds the legacy Transfer Action Provider chain without that scope', () => {
    const legacy = `${TIMER}[${AP}[${TRANSFER}[*${da(C1)}]]]`;
    expect(timersScopesFor([legacy])).toEqual([timerScope([C1])]);
  });

  it('roots the SDK fixture chain, which lacks the timer root, at the Timers scope', () => {
    expect(timersScopesFor([`${AP}[${TRANSFER}[*${da(C1)}]]`])).toEqual([timerScope([C1])]);
  });

  it('puts a bare data_access scope under transfer, not beside it', () => {
    expect(timersScopesFor([da(C1)])).toEqual([timerScope([C1])]);
  });

  it("adds the timer's own collections to those named", () => {
    expect(timersScopesFor([`${TIMER}[${TRANSFER}[*${da(C1)}]]`], { dataAccess: [C2] })).toEqual([
      timerScope([C1, C2]),
    ]);
  });

  it('keeps a flow scope under the Timers scope', () => {
    expect(timersScopesFor([`${TIMER}[${FLOW}]`])).toEqual([timerScope(), `${TIMER}[${FLOW}]`]);
    expect(timersScopesFor([FLOW])).toEqual([timerScope(), `${TIMER}[${FLOW}]`]);
  });

  it('asks for the plain chain when nothing useful is named', () => {
    expect(timersScopesFor([])).toEqual([timerScope()]);
    expect(timersScopesFor([TIMER])).toEqual([timerScope()]);
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
      flows: 'https://sandbox.flows.automate.globus.org/',
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

describe('scope strings that name no scope', () => {
  it('drops a lone optional mark and a bracket with no scope before it', () => {
    expect(splitScopes('a * b')).toEqual(['a', 'b']);
    expect(splitScopes('a [b]')).toEqual(['a']);
  });

  it('never nests the Timers scope under itself', () => {
    expect(timersScopesFor([`${TIMER}[${TIMER}]`])).toEqual([timerScope()]);
    expect(timersScopesFor([`${TIMER}[${TIMER}[${FLOW}]]`])).toEqual([timerScope()]);
  });
});
