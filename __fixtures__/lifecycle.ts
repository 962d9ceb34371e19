import type { OperationContext } from '../src/operations/context.js';
import type { LiveTimer } from '../src/timer/live-timer.js';
import type { Deletion, TimersApi } from '../src/globus/timers.js';
import { timerFromDocument } from './live-timer.js';
import { recordingLog } from './recording-log.js';
import { FakeTime } from './time.js';

export interface FakeTimers {
  /** Every call made to the timers API, in order, as [method, ...arguments]. */
  calls: unknown[][];
  /** What `get` answers: one timer, or a sequence (the last repeats). */
  gets: LiveTimer[];
  listed: LiveTimer[];
  deletion?: Deletion | Error;
  /** What Transfer answers for any task a run started; without it, asking Transfer fails. */
  task?: Record<string, unknown>;
}

/**
 * An OperationContext for unit tests of the lifecycle operations: a stub TimersApi recording its
 * calls, a recording log and a FakeTime clock. `inputs` are merged over sensible defaults.
 */
export function lifecycleContext(
  inputs: Record<string, unknown> = {},
  fake: Partial<FakeTimers> = {},
) {
  const time = new FakeTime();
  const { log, logs } = recordingLog();
  const state: FakeTimers = { calls: [], gets: [], listed: [], ...fake };
  let gets = 0;
  const timers = {
    get: async (jobId: string) => {
      state.calls.push(['get', jobId]);
      const index = Math.min(gets++, state.gets.length - 1);
      return state.gets[index] ?? timerFromDocument({ job_id: jobId });
    },
    list: async (filter: unknown) => {
      state.calls.push(['list', filter]);
      return state.listed;
    },
    delete: async (jobId: string) => {
      state.calls.push(['delete', jobId]);
      if (state.deletion instanceof Error) throw state.deletion;
      return state.deletion ?? { already: false };
    },
    pause: async (jobId: string) => {
      state.calls.push(['pause', jobId]);
    },
    resume: async (jobId: string, updateCredentials: boolean) => {
      state.calls.push(['resume', jobId, updateCredentials]);
    },
    authorize: async (scopes: readonly string[], consents: unknown) => {
      state.calls.push(['authorize', [...scopes], consents]);
    },
  } as unknown as TimersApi;
  const context = {
    inputs: {
      operation: 'check',
      target: { jobId: 'job-1' },
      failOn: [],
      history: 0,
      timeoutSeconds: 600,
      ...inputs,
    },
    timers,
    transfer: {
      task: async () => {
        if (!state.task) throw new Error('no Transfer call expected');
        return state.task;
      },
    },
    flows: {},
    credentials: {},
    log,
    clock: time.clock,
    sleep: time.sleep,
    serviceTime: time.clock,
    startedAt: time.clock(),
    deadline: time.clock() + 3_600_000,
  } as unknown as OperationContext;
  return { context, logs, state, time };
}
