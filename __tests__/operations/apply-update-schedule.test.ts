import { afterEach, describe, expect, it } from '@jest/globals';
import { Settings } from 'luxon';
import { runInProcess, writeRequests } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';
import { transferTimer as timer } from '../../__fixtures__/apply-update.js';

/*
 * update keeps what the inputs leave out: the live schedule's start and its end, read back
 * and written into the replacement. An end given replaces the live end whole (runs or date).
 */

const emulator = useEmulator();

async function create(overrides: Record<string, string> = {}): Promise<string> {
  const core = await runInProcess(emulator, { ...timer(overrides), operation: 'create' });
  expect(core.failed).toBeUndefined();
  return core.outputs['job-id'] ?? '';
}

/** The schedule of the timer the update created (the replacement). */
async function updatedSchedule(jobId: string, inputs: Record<string, string>) {
  emulator.clearRequests();
  const core = await runInProcess(emulator, { operation: 'update', 'job-id': jobId, ...inputs });
  expect(core.failed).toBeUndefined();
  expect(core.outputs.result).toBe('replaced');
  const post = writeRequests(emulator).find((r) => r.method === 'POST' && r.path === '/v2/timer');
  return (post?.body as { timer: { schedule: unknown } }).timer.schedule;
}

const START = '2027-03-01T06:00:00-05:00';
const START_UTC = '2027-03-01T11:00:00+00:00'; // as Timers stores it

describe('update keeps the live schedule it is not told to change', () => {
  it('keeps the start and the run count when only the interval changes', async () => {
    const jobId = await create({ start: START, 'stop-after-runs': '3' });
    expect(await updatedSchedule(jobId, { interval: '2h' })).toEqual({
      type: 'recurring',
      interval_seconds: 7200,
      start: START_UTC,
      end: { condition: 'iterations', count: 3 },
    });
  });

  it('keeps the end date when only the interval changes', async () => {
    const jobId = await create({ 'stop-after-date': '2027-06-01T00:00:00Z' });
    expect(await updatedSchedule(jobId, { interval: '2h' })).toEqual(
      expect.objectContaining({
        interval_seconds: 7200,
        end: { condition: 'time', datetime: '2027-06-01T00:00:00+00:00' },
      }),
    );
  });

  it('a run count given replaces the live end date, even one the date would cut short', async () => {
    const jobId = await create({ 'stop-after-date': '2027-06-01T00:00:00Z' });
    expect(await updatedSchedule(jobId, { 'stop-after-runs': '100000' })).toEqual(
      expect.objectContaining({ end: { condition: 'iterations', count: 100000 } }),
    );
  });

  it('an end date given replaces the live run count', async () => {
    const jobId = await create({ 'stop-after-runs': '3' });
    expect(await updatedSchedule(jobId, { 'stop-after-date': '2027-06-01T00:00:00Z' })).toEqual(
      expect.objectContaining({
        end: { condition: 'time', datetime: '2027-06-01T00:00:00+00:00' },
      }),
    );
  });

  it('a run-once timer stays a run-once timer at the same time when its items change', async () => {
    const jobId = await create({ interval: '', 'stop-after-runs': '1', start: START });
    expect(await updatedSchedule(jobId, { items: '/in2/, /out2/, true' })).toEqual({
      type: 'once',
      datetime: START_UTC,
    });
  });

  describe('on a runner whose local time zone is not UTC', () => {
    const zone = Settings.defaultZone;
    afterEach(() => {
      Settings.defaultZone = zone;
    });

    it('sends the start back in the offset Timers gave it, not the runner’s', async () => {
      const jobId = await create({ start: START });
      Settings.defaultZone = 'Asia/Tokyo';
      expect(await updatedSchedule(jobId, { interval: '2h' })).toEqual({
        type: 'recurring',
        interval_seconds: 7200,
        start: START_UTC,
      });
    });
  });
});
