import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess, writeRequests } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * apply compares a given start with the live timer's within a minute (START_TOLERANCE_SECONDS),
 * and a recurring start that lands on the live timer's ticks is the same start: a step that
 * re-applies a start computed a moment earlier, or one tick later, leaves the timer alone.
 */

const emulator = useEmulator();
const HOUR_MS = 3600_000;

const timer = (start?: number) => ({
  name: 'hourly',
  'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/in/, /out/, true',
  interval: '1h',
  ...(start === undefined ? {} : { start: new Date(start).toISOString() }),
});

/** Applies `start` to the timer created with `createdWith`; answers the result and writes. */
async function reapply(createdWith: number | undefined, start: number) {
  const created = await runInProcess(emulator, timer(createdWith));
  expect(created.outputs.result).toBe('created');
  emulator.clearRequests();
  const core = await runInProcess(emulator, timer(start));
  expect(core.failed).toBeUndefined();
  const writes = writeRequests(emulator).map((r) => r.method);
  return { result: core.outputs.result, writes, plan: JSON.parse(core.outputs.plan ?? '{}') };
}

describe('a start near one of the live timer’s ticks (its start, in an hour, and every hour on)', () => {
  const firstTick = () => emulator.now().getTime() + HOUR_MS;

  it.each([
    ['30 s before the first tick', -30_000],
    ['30 s before the second tick', HOUR_MS - 30_000],
    ['30 s after the second tick', HOUR_MS + 30_000],
    ['on the third tick', 2 * HOUR_MS],
  ])('%s is unchanged', async (_when, offset) => {
    const first = firstTick();
    expect(await reapply(first, first + offset)).toEqual({
      result: 'unchanged',
      writes: [],
      plan: expect.objectContaining({ action: 'unchanged', changes: [] }),
    });
  });

  it.each([
    ['90 s before the second tick', HOUR_MS - 90_000],
    ['90 s after the second tick', HOUR_MS + 90_000],
    ['half an interval off', HOUR_MS / 2],
  ])('%s is a change: a replace', async (_when, offset) => {
    const first = firstTick();
    const { result, writes, plan } = await reapply(first, first + offset);
    expect(result).toBe('replaced');
    expect(writes).toEqual(['POST', 'DELETE']);
    expect(plan.changes.map((change: { field: string }) => change.field)).toEqual(['start']);
  });
});

describe('a start in the past, against a timer created without one (it started then)', () => {
  it('30 s ago is unchanged', async () => {
    const now = emulator.now().getTime();
    expect(await reapply(undefined, now - 30_000)).toMatchObject({
      result: 'unchanged',
      writes: [],
    });
  });

  it('90 s ago is a change: a replace', async () => {
    const now = emulator.now().getTime();
    expect(await reapply(undefined, now - 90_000)).toMatchObject({
      result: 'replaced',
      writes: ['POST', 'DELETE'],
    });
  });
});
