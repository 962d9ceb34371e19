import { describe, expect, it } from '@jest/globals';
import { GlobusApiError } from '../../src/globus/errors.js';
import { deleteTimer } from '../../src/operations/delete.js';
import { lifecycleContext } from '../../__fixtures__/lifecycle.js';
import { timerFromDocument } from '../../__fixtures__/live-timer.js';

const apiError = (status: number) =>
  new GlobusApiError({
    service: 'timers',
    method: 'DELETE',
    path: '/jobs/job-1',
    status,
    detail: 'no',
  });

describe('delete', () => {
  it.each([
    ['no timer', []],
    ['only deleted timers', ['deleted', 'delete_in_progress']],
  ])('a name that matches %s is a notice, not a failure', async (_what, statuses) => {
    const listed = statuses.map((status) => timerFromDocument({ name: 'nightly', status }));
    const { context, logs, state } = lifecycleContext({ target: { name: 'nightly' } }, { listed });
    const result = await deleteTimer(context);
    expect(result).toEqual({
      operation: 'delete',
      result: 'deleted',
      changed: false,
      failures: [],
    });
    expect(logs).toEqual(['notice: No timer is named exactly "nightly"; nothing to delete']);
    expect(state.calls).toEqual([['list', { name: 'nightly' }]]);
  });

  it.each([403, 409, 500])('a Globus error %i fails the step', async (status) => {
    // 403 is another client's timer (TimersApi says so); it is not gone, and not this step's.
    const error = apiError(status);
    const { context } = lifecycleContext({ target: { jobId: 'job-1' } }, { deletion: error });
    await expect(deleteTimer(context)).rejects.toBe(error);
  });

  it('an error that is not from Globus fails the step', async () => {
    const error = new Error('socket hang up');
    const { context } = lifecycleContext({ target: { jobId: 'job-1' } }, { deletion: error });
    await expect(deleteTimer(context)).rejects.toBe(error);
  });

  it('by name, deletes the timer found and reports it as the answer describes it', async () => {
    const found = timerFromDocument({ name: 'nightly' });
    const answered = timerFromDocument({ name: 'nightly', status: 'delete_pending' });
    const { context, logs, state } = lifecycleContext(
      { target: { name: 'nightly' } },
      { listed: [found], deletion: { already: false, timer: answered } },
    );
    const result = await deleteTimer(context);
    expect(result).toEqual({
      operation: 'delete',
      result: 'deleted',
      changed: true,
      timer: answered,
      failures: [],
    });
    expect(logs).toEqual(['Deleted timer "nightly" (job-1)']);
    expect(state.calls).toEqual([
      ['list', { name: 'nightly' }],
      ['delete', 'job-1'],
    ]);
  });

  it('by name, keeps the timer it found when the answer carries none', async () => {
    const found = timerFromDocument({ name: 'nightly' });
    const { context, logs } = lifecycleContext(
      { target: { name: 'nightly' } },
      { listed: [found], deletion: { already: false } },
    );
    const result = await deleteTimer(context);
    expect(result).toEqual({
      operation: 'delete',
      result: 'deleted',
      changed: true,
      timer: found,
      failures: [],
    });
    expect(logs).toEqual(['Deleted timer "nightly" (job-1)']);
  });

  it('by job id with no timer in the answer, names the timer by its id', async () => {
    const { context, logs } = lifecycleContext(
      { target: { jobId: 'job-1' } },
      { deletion: { already: false } },
    );
    const result = await deleteTimer(context);
    expect(result).toEqual({ operation: 'delete', result: 'deleted', changed: true, failures: [] });
    expect(logs).toEqual(['Deleted timer job-1']);
  });

  it('a timer already deleted is a notice that still reports the timer', async () => {
    const answered = timerFromDocument({ name: 'nightly', status: 'deleted' });
    const { context, logs } = lifecycleContext(
      { target: { jobId: 'job-1' } },
      { deletion: { already: true, timer: answered } },
    );
    const result = await deleteTimer(context);
    expect(result).toEqual({
      operation: 'delete',
      result: 'deleted',
      changed: false,
      timer: answered,
      failures: [],
    });
    expect(logs).toEqual(['notice: Timer "nightly" (job-1) is already deleted; nothing to delete']);
  });

  it('a timer being deleted is a notice naming the status Globus gave', async () => {
    const answered = timerFromDocument({ name: 'nightly', status: 'delete_in_progress' });
    const { context, logs } = lifecycleContext(
      { target: { jobId: 'job-1' } },
      { deletion: { already: true, timer: answered } },
    );
    await deleteTimer(context);
    expect(logs).toEqual([
      'notice: Timer "nightly" (job-1) is already being deleted (delete_in_progress); nothing to delete',
    ]);
  });

  it('by job id, a timer Timers does not know may be another identity’s: the notice says so', async () => {
    const { context, logs } = lifecycleContext(
      { target: { jobId: 'job-1' } },
      { deletion: { already: true } },
    );
    const result = await deleteTimer(context);
    expect(result).toEqual({
      operation: 'delete',
      result: 'deleted',
      changed: false,
      failures: [],
    });
    expect(logs).toEqual([
      "notice: Timer job-1 does not exist for this client: it was deleted already, or it is another identity's (Globus Timers answers the same for both); nothing to delete",
    ]);
  });

  it('by name, a timer gone between the list and the delete was this client’s: already gone', async () => {
    const found = timerFromDocument({ name: 'nightly' });
    const { context, logs } = lifecycleContext(
      { target: { name: 'nightly' } },
      { listed: [found], deletion: { already: true } },
    );
    const result = await deleteTimer(context);
    expect(result).toMatchObject({ changed: false, timer: found });
    expect(logs).toEqual(['notice: Timer "nightly" (job-1) is already gone; nothing to delete']);
  });
});
