import { afterEach, describe, expect, it } from '@jest/globals';
import { type Emulator, SEEDED_COLLECTIONS, startEmulator } from '../../emulator/index.js';
import { call, createTimer, getJob, timerRequest, timersToken } from './helpers.js';

/*
 * Real-time mode: the clock follows a wall clock (here one the test moves, so nothing waits on
 * real time) and catches up before every answer, running what fell due at its own time.
 */

const { guest, gcsv4Host } = SEEDED_COLLECTIONS;
const START = Date.parse('2026-11-28T19:00:00Z');
let wall = START;
let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(realTime: boolean): Promise<Emulator> {
  wall = START;
  emulator = await startEmulator({
    now: '2026-11-28T19:00:00Z',
    realTime,
    wallClock: () => wall,
  });
  return emulator;
}

/** A timer every minute from 30 s on; answers its id and a token to read it with. */
async function minutely(emulator: Emulator): Promise<{ id: string; token: string }> {
  const token = await timersToken(emulator);
  const request = timerRequest(gcsv4Host.id, guest.id, {
    schedule: { type: 'recurring', interval_seconds: 60, start: '2026-11-28T19:00:30+00:00' },
  });
  return { id: await createTimer(emulator, token, request), token };
}

const clock = async (emulator: Emulator) => (await call(emulator, 'GET', '/_emulator/clock')).body;

describe('the real-time clock', () => {
  it('runs a timer when its time comes on the wall clock, with no one advancing it', async () => {
    const emulator = await start(true);
    const { id, token } = await minutely(emulator);
    wall += 29_000;
    expect(await clock(emulator)).toEqual({ now: '2026-11-28T19:00:29+00:00' });
    expect((await getJob(emulator, token, id)).results.data).toEqual([]);

    wall += 32_000 + 60_000; // 19:02:01: the ticks of 19:00:30 and 19:01:30 have come
    const job = await getJob(emulator, token, id);
    expect(job.results.data.map((run: { ran_at: string }) => run.ran_at)).toEqual([
      '2026-11-28T19:01:30+00:00',
      '2026-11-28T19:00:30+00:00',
    ]);
    expect(emulator.now().toISOString()).toBe('2026-11-28T19:02:01.000Z');
  });

  it('still jumps ahead when advanced, and then goes on from there', async () => {
    const emulator = await start(true);
    wall += 5_000;
    emulator.advance(3600);
    expect(emulator.now().toISOString()).toBe('2026-11-28T20:00:05.000Z');
    wall += 1_000;
    expect(emulator.state().clock).toBe('2026-11-28T20:00:06+00:00');
  });

  it('is off by default: the virtual clock ignores the wall clock', async () => {
    const emulator = await start(false);
    const { id, token } = await minutely(emulator);
    wall += 3_600_000;
    expect(await clock(emulator)).toEqual({ now: '2026-11-28T19:00:00+00:00' });
    expect((await getJob(emulator, token, id)).results.data).toEqual([]);
  });
});
