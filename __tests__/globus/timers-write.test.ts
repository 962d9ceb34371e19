import { describe, expect, it } from '@jest/globals';
import { IDENTITY, scriptedTimersApi } from '../../__fixtures__/scripted-timers-api.js';
import { DateTime } from 'luxon';
import { GlobusApiError } from '../../src/globus/errors.js';
import { creationOf } from '../../src/kinds/index.js';
import { toLiveTimer } from '../../src/timer/live-timer.js';
import { timerDocumentSchema } from '../../src/timer/timer-document.js';
import type { TransferTimerSpec } from '../../src/timer/timer-spec.js';

/*
 * TimersApi's writes whose outcome may be unknown (docs/globus-variants.md), against a scripted
 * HttpClient: a create is never sent again blindly, and a DELETE sent again reads "gone" as its
 * own doing.
 */

const read = (document: unknown) => toLiveTimer(timerDocumentSchema.parse(document));

const body = {
  DATA_TYPE: 'transfer' as const,
  source_endpoint: 'src',
  destination_endpoint: 'dst',
  DATA: [{ DATA_TYPE: 'transfer_item' as const, source_path: '/a', destination_path: '/b' }],
};
const spec: TransferTimerSpec = {
  kind: 'transfer',
  name: 'nightly',
  schedule: { type: 'once' },
  body,
};
const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const consents = { dataAccess: [], dependencies: [] };
/** A timer document as Timers shows the timer `spec` creates. */
const created = (jobId: string, changes: Record<string, unknown> = {}) => ({
  job_id: jobId,
  name: 'nightly',
  status: 'new',
  timer_type: 'transfer',
  schedule: { type: 'once' },
  body,
  ...changes,
});

/** A write that may or may not have been carried out. */
const unclear = (method: string, path: string, status?: number) =>
  new GlobusApiError({
    service: 'timers',
    method,
    path,
    ...(status === undefined ? { code: 'ECONNRESET' } : { status, code: 'ServiceUnavailable' }),
    detail: 'no clear answer',
    outcomeUnknown: true,
  });

/** Fails loudly instead of looping for ever when a bound on attempts is broken. */
const bounded = (count: number) => {
  if (count > 8) throw new Error('too many requests');
};

describe('TimersApi.create: a create with no clear answer', () => {
  it('adopts the timer it made, not one that merely resembles it', async () => {
    const { api, requests, logs } = scriptedTimersApi((request) => {
      if (request.method === 'POST') throw unclear('POST', '/v2/timer', 503);
      return {
        jobs: [
          created('known'), // existed before the step
          created('other-name', { name: 'nightly-copy' }),
          created('gone', { status: 'deleted' }),
          created('other-schedule', {
            schedule: { type: 'recurring', interval_seconds: 3600 },
          }),
          created('mine'),
        ],
      };
    });
    const timer = await api.create(creationOf(spec, now), consents, new Set(['known']));
    expect(timer.jobId).toBe('mine');
    expect(requests.map((request) => [request.method, request.path, request.query])).toEqual([
      ['POST', '/v2/timer', undefined],
      [
        'GET',
        '/jobs/',
        {
          filter_name: 'nightly',
          filter_status: undefined,
          // Five minutes before the attempt, for clocks that disagree.
          submitted_after: '2026-11-28T11:55:00.000Z',
          order: 'submitted_at asc',
        },
      ],
    ]);
    expect(logs).toEqual([
      'warning: Creating timer "nightly" got no clear answer (503); looking for it before sending again',
      'The timer was created after all: adopting mine',
    ]);
  });

  it('sends it again when none was made, and gives up after the retries', async () => {
    const errors: GlobusApiError[] = [];
    const { api, requests, logs, time } = scriptedTimersApi((request, count) => {
      bounded(count);
      if (request.method === 'GET') return { jobs: [] };
      errors.push(unclear('POST', '/v2/timer'));
      throw errors.at(-1);
    }, 2);
    const failure = await api.create(creationOf(spec, now), consents).catch((e: unknown) => e);
    expect(errors).toHaveLength(3);
    expect(failure).toBe(errors[2]);
    expect(requests.map((request) => request.method)).toEqual([
      'POST',
      'GET',
      'POST',
      'GET',
      'POST',
    ]);
    expect(time.sleeps).toEqual([500, 1000]);
    const again = [
      'warning: Creating timer "nightly" got no clear answer (ECONNRESET); looking for it before sending again',
      'No timer "nightly" was created; sending the request again',
    ];
    expect(logs).toEqual([...again, ...again]);
  });

  it('returns the timer the request sent again created', async () => {
    const document = created('second');
    const { api, requests } = scriptedTimersApi((request, count) => {
      if (request.method === 'GET') return { jobs: [] };
      if (count === 1) throw unclear('POST', '/v2/timer', 502);
      return { timer: document };
    });
    expect(await api.create(creationOf(spec, now), consents)).toEqual(read(document));
    expect(requests).toHaveLength(3);
  });
});

describe('TimersApi.delete', () => {
  const path = '/jobs/job-1';

  it('returns the timer as the reply shows it', async () => {
    const document = { job_id: 'job-1', name: 'nightly', status: 'delete_in_progress' };
    const { api } = scriptedTimersApi(() => document);
    expect(await api.delete('job-1')).toEqual({ timer: read(document), already: false });
  });

  it('counts a 404 after a lost reply as its own deletion', async () => {
    const { api, requests, time } = scriptedTimersApi((_request, count) => {
      if (count === 1) throw unclear('DELETE', path);
      throw new GlobusApiError({
        service: 'timers',
        method: 'DELETE',
        path,
        status: 404,
        detail: 'gone',
      });
    }, 1);
    expect(await api.delete('job-1')).toEqual({ already: false });
    expect(requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
    expect(time.sleeps).toEqual([500]);
  });

  it('gives up after the retries when no answer comes', async () => {
    const errors: GlobusApiError[] = [];
    const { api, requests } = scriptedTimersApi((_request, count) => {
      bounded(count);
      errors.push(unclear('DELETE', path));
      throw errors.at(-1);
    }, 1);
    const failure = await api.delete('job-1').catch((e: unknown) => e);
    expect(failure).toBe(errors[1]);
    expect(requests).toHaveLength(2);
  });

  it('does not retry a DELETE that got no answer when no retries are allowed', async () => {
    const errors: GlobusApiError[] = [];
    const { api, requests } = scriptedTimersApi((_request, count) => {
      bounded(count);
      errors.push(unclear('DELETE', path));
      throw errors.at(-1);
    }, 0);
    const failure = await api.delete('job-1').catch((e: unknown) => e);
    expect(failure).toBe(errors[0]);
    expect(requests).toHaveLength(1);
  });

  it('passes on a refusal without reading the timer', async () => {
    const refusal = new GlobusApiError({
      service: 'timers',
      method: 'DELETE',
      path,
      status: 400,
      detail: 'no',
    });
    const { api, requests } = scriptedTimersApi((request) => {
      if (request.method === 'GET') return { job_id: 'job-1', status: 'deleted' };
      throw refusal;
    });
    await expect(api.delete('job-1')).rejects.toBe(refusal);
    expect(requests).toHaveLength(1);
  });

  it('passes on a 409 when the timer is not being deleted', async () => {
    const conflict = new GlobusApiError({
      service: 'timers',
      method: 'DELETE',
      path,
      status: 409,
      detail: 'busy',
    });
    const { api, requests } = scriptedTimersApi((request) => {
      if (request.method === 'GET') return { job_id: 'job-1', status: 'active' };
      throw conflict;
    });
    await expect(api.delete('job-1')).rejects.toBe(conflict);
    expect(requests.map((request) => request.method)).toEqual(['DELETE', 'GET']);
  });

  const failing = (method: string, status: number, code?: string) =>
    new GlobusApiError({
      service: 'timers',
      method,
      path,
      status,
      ...(code ? { code } : {}),
      detail: 'from the service',
    });

  it('counts a 409 after a lost reply as its own deletion when the timer is then gone (404)', async () => {
    const { api, requests } = scriptedTimersApi((request, count) => {
      if (count === 1) throw unclear('DELETE', path);
      throw failing(request.method, request.method === 'GET' ? 404 : 409);
    }, 1);
    expect(await api.delete('job-1')).toEqual({ already: false });
    expect(requests.map((request) => request.method)).toEqual(['DELETE', 'DELETE', 'GET']);
  });

  it('counts a first 409 whose timer is then gone (404) as deleted already', async () => {
    const { api } = scriptedTimersApi((request) => {
      throw failing(request.method, request.method === 'GET' ? 404 : 409);
    });
    expect(await api.delete('job-1')).toEqual({ already: true });
  });

  it('passes on what reading the timer after a 409 fails with, other than 404', async () => {
    const readFailure = failing('GET', 500, 'InternalError');
    const { api } = scriptedTimersApi((request) => {
      if (request.method === 'GET') throw readFailure;
      throw failing('DELETE', 409);
    });
    await expect(api.delete('job-1')).rejects.toBe(readFailure);
  });

  it('fails on a 403, saying the timer is another identity’s, and sends nothing more', async () => {
    const { api, requests } = scriptedTimersApi(() => {
      throw failing('DELETE', 403, 'FORBIDDEN');
    });
    const error = (await api.delete('job-1').catch((e: unknown) => e)) as GlobusApiError;
    expect(error.message).toBe(
      `Globus Timers DELETE ${path}: HTTP 403 FORBIDDEN: timer job-1 exists but is not owned by ${IDENTITY}, so Globus Timers refuses it to this client`,
    );
    expect(requests).toHaveLength(1);
  });

  it('counts a 409 on a timer being deleted as deleted already', async () => {
    const document = { job_id: 'job-1', status: 'delete_in_progress' };
    const { api } = scriptedTimersApi((request) => {
      if (request.method === 'GET') return document;
      throw new GlobusApiError({
        service: 'timers',
        method: 'DELETE',
        path,
        status: 409,
        detail: 'busy',
      });
    });
    expect(await api.delete('job-1')).toEqual({ timer: read(document), already: true });
  });
});
