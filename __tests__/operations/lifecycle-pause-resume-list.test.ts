import { describe, expect, it } from '@jest/globals';
import { list } from '../../src/operations/list.js';
import { pause } from '../../src/operations/pause.js';
import { resume } from '../../src/operations/resume.js';
import { lifecycleContext } from '../../__fixtures__/lifecycle.js';
import { timerFromDocument } from '../../__fixtures__/live-timer.js';

const pausedByUser = { status: 'inactive', inactive_reason: { cause: 'user' } };

describe('pause', () => {
  it('pausing a timer the user already paused changes nothing', async () => {
    const timer = timerFromDocument(pausedByUser);
    const { context, logs, state } = lifecycleContext({}, { gets: [timer] });
    expect(await pause(context)).toEqual({
      operation: 'pause',
      result: 'paused',
      changed: false,
      timer,
      failures: [],
    });
    expect(logs).toEqual(['notice: Timer "nightly" (job-1) is already paused']);
    expect(state.calls).toEqual([['get', 'job-1']]);
  });

  // An active timer may still carry the reason it was once paused for.
  it('pauses an active timer even when an old pause reason lingers', async () => {
    const timer = timerFromDocument({ inactive_reason: { cause: 'user' } });
    const paused = timerFromDocument(pausedByUser);
    const { context, logs, state } = lifecycleContext({}, { gets: [timer, paused] });
    expect(await pause(context)).toEqual({
      operation: 'pause',
      result: 'paused',
      changed: true,
      timer: paused,
      failures: [],
    });
    expect(logs).toEqual(['Paused timer "nightly" (job-1)']);
    expect(state.calls).toEqual([
      ['get', 'job-1'],
      ['pause', 'job-1'],
      ['get', 'job-1'],
    ]);
  });
});

describe('resume', () => {
  it('an active timer is not resumed: a notice, nothing sent', async () => {
    const timer = timerFromDocument();
    const { context, logs, state } = lifecycleContext({}, { gets: [timer] });
    expect(await resume(context)).toEqual({
      operation: 'resume',
      result: 'resumed',
      changed: false,
      timer,
      failures: [],
    });
    expect(logs).toEqual([
      'notice: Timer "nightly" (job-1) is active, not paused; nothing to resume',
    ]);
    expect(state.calls).toEqual([['get', 'job-1']]);
  });

  it('a timer the user paused resumes without asking for new consents', async () => {
    const timer = timerFromDocument(pausedByUser);
    const resumed = timerFromDocument();
    const { context, logs, state } = lifecycleContext({}, { gets: [timer, resumed] });
    expect(await resume(context)).toEqual({
      operation: 'resume',
      result: 'resumed',
      changed: true,
      timer: resumed,
      failures: [],
    });
    expect(logs).toEqual(['Resumed timer "nightly" (job-1)']);
    expect(state.calls).toEqual([
      ['get', 'job-1'],
      ['resume', 'job-1', false],
      ['get', 'job-1'],
    ]);
  });

  it('a timer inactive for auth requirements gets a token with those scopes, then new credentials', async () => {
    const scope = 'urn:globus:auth:scope:transfer.api.globus.org:all';
    const timer = timerFromDocument({
      status: 'inactive',
      inactive_reason: {
        cause: 'globus_auth_requirements',
        detail: { required_scopes: [scope] },
      },
    });
    const { context, logs, state } = lifecycleContext({}, { gets: [timer, timerFromDocument()] });
    const result = await resume(context);
    expect(result).toMatchObject({ result: 'resumed', changed: true });
    expect(logs).toEqual([
      'Timer "nightly" (job-1) is inactive: Globus Auth requirements are not met; it needs consent for Globus Transfer',
      'Asking Globus Auth for that consent: Globus Transfer',
      'Resumed timer "nightly" (job-1) with updated credentials',
    ]);
    expect(state.calls).toEqual([
      ['get', 'job-1'],
      ['authorize', [scope], { dataAccess: [], dependencies: [] }],
      ['resume', 'job-1', true],
      ['get', 'job-1'],
    ]);
  });
});

describe('list', () => {
  it('lists the live timers matching a name, and says how many', async () => {
    const timers = [timerFromDocument(), timerFromDocument({ job_id: 'job-2', status: 'deleted' })];
    const { context, logs } = lifecycleContext(
      { operation: 'list', target: { name: 'night' } },
      { listed: timers },
    );
    expect(await list(context)).toEqual({
      operation: 'list',
      result: 'listed',
      changed: false,
      timers: [timers[0]],
      failures: [],
    });
    expect(logs).toEqual(['1 timer matching "night"', '  job-1  transfer active     nightly']);
  });

  it('without a name, says only how many', async () => {
    const { context, logs } = lifecycleContext({ operation: 'list', target: {} });
    expect(await list(context)).toEqual({
      operation: 'list',
      result: 'listed',
      changed: false,
      timers: [],
      failures: [],
    });
    expect(logs).toEqual(['0 timers']);
  });
});
