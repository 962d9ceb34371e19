import type { LiveTimer } from '../src/globus/live-timer.js';

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
    document: { job_id: 'job-1', status: 'active' },
    ...overrides,
  } as LiveTimer;
}
