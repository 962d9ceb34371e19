import { toLiveTimer, type LiveTimer } from '../src/timer/live-timer.js';
import { timerDocumentSchema } from '../src/timer/timer-document.js';

/** A Transfer timer as toLiveTimer would give it: active, recurring hourly, no runs yet. */
export function liveTimer(overrides: Partial<LiveTimer> = {}): LiveTimer {
  return {
    kind: 'transfer',
    jobId: 'job-1',
    name: 'hourly',
    status: 'active',
    runs: 0,
    errors: 0,
    ended: false,
    results: [],
    resultsOldestFirst: false,
    schedule: { type: 'recurring', interval_seconds: 3600 },
    ...overrides,
  } as LiveTimer;
}

/**
 * A timer as the service would describe it: a transfer timer with no body (so following its
 * runs asks Transfer nothing), overridable field by field in the job-document shape.
 */
export function timerFromDocument(document: Record<string, unknown> = {}): LiveTimer {
  return toLiveTimer(
    timerDocumentSchema.parse({
      job_id: 'job-1',
      name: 'nightly',
      status: 'active',
      timer_type: 'transfer',
      next_run: '2026-11-28T13:00:00Z',
      n_runs: 0,
      n_errors: 0,
      ...document,
    }),
  );
}
