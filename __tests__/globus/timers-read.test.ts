import { describe, expect, it } from '@jest/globals';
import {
  IDENTITY,
  scriptedTimersApi,
  type Answer,
} from '../../__fixtures__/scripted-timers-api.js';
import { GlobusApiError } from '../../src/globus/errors.js';
import { toLiveTimer } from '../../src/timer/live-timer.js';
import { timerDocumentSchema } from '../../src/timer/timer-document.js';

/*
 * TimersApi's reads, against a scripted HttpClient and Credentials: which pages of results
 * are followed, which timers count as "named exactly", how a timer another client owns is
 * reported, and how an authorization-requirements answer is met.
 */

const hour = (n: number) => new Date(Date.UTC(2026, 0, 1, n)).toISOString();
const read = (document: unknown) => toLiveTimer(timerDocumentSchema.parse(document));

describe('TimersApi.get: result pages', () => {
  /** Page k (1-based) lists two runs oldest first and points at page k+1, up to `last`. */
  const pagesOldestFirst =
    (last: number): Answer =>
    (request) => {
      const token = request.query?.results_pt;
      const k = token === undefined ? 1 : Number(String(token).slice(1));
      return {
        job_id: 'job-1',
        name: 'nightly',
        status: 'active',
        results: {
          data: [{ ran_at: hour(2 * k) }, { ran_at: hour(2 * k + 1) }],
          ...(k < last ? { page_next: `p${k + 1}` } : {}),
        },
      };
    };

  it('follows oldest-first pages to the newest runs, 20 pages at most', async () => {
    const { api, requests } = scriptedTimersApi(pagesOldestFirst(25));
    const timer = await api.get('job-1');
    expect(requests.map((request) => request.query?.results_pt)).toEqual([
      undefined,
      ...Array.from({ length: 19 }, (_, i) => `p${i + 2}`),
    ]);
    expect(requests.every((request) => request.path === '/jobs/job-1')).toBe(true);
    expect(timer.results).toHaveLength(40);
    expect(timer.results[0]?.ranAt).toBe(hour(41));
    expect(timer.results.at(-1)?.ranAt).toBe(hour(2));
    expect(timer.resultsPageNext).toBe('p21');
  });

  it('stops at the last page', async () => {
    const { api, requests } = scriptedTimersApi(pagesOldestFirst(3));
    const timer = await api.get('job-1');
    expect(requests).toHaveLength(3);
    expect(timer.results.map((run) => run.ranAt)).toEqual([7, 6, 5, 4, 3, 2].map((n) => hour(n)));
  });

  it('does not follow a page that already lists its runs newest first', async () => {
    const { api, requests } = scriptedTimersApi(() => ({
      job_id: 'job-1',
      status: 'active',
      results: { data: [{ ran_at: hour(3) }, { ran_at: hour(2) }], page_next: 'p2' },
    }));
    const timer = await api.get('job-1');
    expect(requests).toHaveLength(1);
    expect(timer.resultsPageNext).toBe('p2');
  });
});

describe('TimersApi.withExactName', () => {
  it('asks Timers to filter by the name and keeps only live timers named exactly so', async () => {
    const { api, requests } = scriptedTimersApi(() => ({
      jobs: [
        { job_id: 'a', name: 'nightly', status: 'active' },
        { job_id: 'b', name: 'nightly-backup', status: 'active' },
        { job_id: 'c', name: 'nightly', status: 'deleted' },
        { job_id: 'd', name: 'nightly', status: 'inactive' },
      ],
    }));
    const timers = await api.withExactName('nightly');
    expect(timers.map((timer) => timer.jobId)).toEqual(['a', 'd']);
    expect(requests).toEqual([
      {
        method: 'GET',
        path: '/jobs/',
        query: {
          filter_name: 'nightly',
          filter_status: undefined,
          submitted_after: undefined,
          order: 'submitted_at asc',
        },
        service: 'timers',
        authorization: 'Bearer timers',
      },
    ]);
  });
});

describe('TimersApi.get: a timer this client cannot see', () => {
  const failing = (details: Partial<ConstructorParameters<typeof GlobusApiError>[0]>) =>
    new GlobusApiError({
      service: 'timers',
      method: 'GET',
      path: '/jobs/job-9',
      detail: 'from the service',
      ...details,
    });
  const seen = (error: unknown) => {
    const e = error as GlobusApiError;
    return { status: e.status, code: e.code, detail: e.detail, requestId: e.requestId };
  };

  it('reports a 404 as not found or not visible, keeping the request id', async () => {
    const { api } = scriptedTimersApi(() => {
      throw failing({ status: 404, requestId: 'req-1' });
    });
    const error = await api.get('job-9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlobusApiError);
    expect(seen(error)).toEqual({
      status: 404,
      code: 'NotFound',
      detail: `timer job-9 was not found, or is not visible to ${IDENTITY}`,
      requestId: 'req-1',
    });
  });

  it('reports a 403 as another identity’s timer, keeping the service’s own code', async () => {
    const { api } = scriptedTimersApi(() => {
      throw failing({ status: 403, code: 'PermissionDenied' });
    });
    const error = await api.get('job-9').catch((e: unknown) => e);
    const detail = `timer job-9 exists but is not owned by ${IDENTITY}, so Globus Timers refuses it to this client`;
    expect(seen(error)).toEqual({
      status: 403,
      code: 'PermissionDenied',
      detail,
      requestId: undefined,
    });
    expect((error as GlobusApiError).message).toBe(
      `Globus Timers GET /jobs/job-9: HTTP 403 PermissionDenied: ${detail}`,
    );
  });

  it('names a 403 without a code Forbidden, and a 404 without one NotFound', async () => {
    for (const [status, code] of [
      [403, 'Forbidden'],
      [404, 'NotFound'],
    ] as const) {
      const { api } = scriptedTimersApi(() => {
        throw failing({ status });
      });
      const error = await api.get('job-9').catch((e: unknown) => e);
      expect((error as GlobusApiError).code).toBe(code);
    }
  });

  it('passes on a 403 that asks for consent: that is not about whose timer it is', async () => {
    const requirements = {
      code: 'ConsentRequired',
      authorization_parameters: { required_scopes: ['https://auth.globus.org/scopes/x/all'] },
    };
    const refusals: GlobusApiError[] = [];
    const { api } = scriptedTimersApi(() => {
      refusals.push(failing({ status: 403, code: 'ConsentRequired', body: requirements }));
      throw refusals.at(-1);
    });
    const error = await api.get('job-9').catch((e: unknown) => e);
    expect(error).toBe(refusals.at(-1));
  });

  it('passes any other failure on unchanged', async () => {
    const original = failing({ status: 500, code: 'InternalError' });
    const { api } = scriptedTimersApi(() => {
      throw original;
    });
    await expect(api.get('job-9')).rejects.toBe(original);
  });
});

describe('TimersApi: authorization requirements', () => {
  const FLOW = 'f1000000-0000-4000-8000-00000000f001';
  const FLOW_SCOPE = `https://auth.globus.org/scopes/${FLOW}/flow_${FLOW.replace(/-/g, '_')}_user`;
  const OTHER_SCOPE = 'https://auth.globus.org/scopes/f2/other';
  const requirements = {
    error: { authorization_parameters: { required_scopes: [FLOW_SCOPE, OTHER_SCOPE] } },
  };
  const document = { job_id: 'job-1', name: 'nightly', status: 'active' };

  it('asks Auth for the scopes Timers names and sends the request once more', async () => {
    const { api, requests, logs, scopesAsked } = scriptedTimersApi((_request, count) => {
      if (count === 1) {
        throw new GlobusApiError({
          service: 'timers',
          method: 'GET',
          path: '/jobs/job-1',
          status: 403,
          detail: 'consent required',
          body: requirements,
        });
      }
      return document;
    });
    expect(await api.get('job-1')).toEqual(read(document));
    expect(logs).toEqual([
      // In words where there are some (a flow), else as the scope it is.
      `Globus Timers asks for consent for running flow ${FLOW} and ${OTHER_SCOPE}; asking Globus Auth for it`,
    ]);
    expect(scopesAsked).toHaveLength(1);
    expect(requests.map((request) => request.authorization)).toEqual([
      'Bearer timers',
      'Bearer more-consent',
    ]);
  });

  it('does not act on requirements of a request that got no answer', async () => {
    // No answer: the request may have been carried out, so it is not simply sent again.
    const noAnswer = new GlobusApiError({
      service: 'timers',
      method: 'GET',
      path: '/jobs/job-1',
      detail: 'socket hang up',
      body: requirements,
    });
    const { api, requests, scopesAsked } = scriptedTimersApi(() => {
      throw noAnswer;
    });
    await expect(api.get('job-1')).rejects.toBe(noAnswer);
    expect(requests).toHaveLength(1);
    expect(scopesAsked).toEqual([]);
  });

  it('passes on an error that is not from Globus, even one carrying a status', async () => {
    const foreign = Object.assign(new Error('proxy refused'), { status: 407 });
    const { api, requests, scopesAsked } = scriptedTimersApi(() => {
      throw foreign;
    });
    await expect(api.get('job-1')).rejects.toBe(foreign);
    expect(requests).toHaveLength(1);
    expect(scopesAsked).toEqual([]);
  });
});
