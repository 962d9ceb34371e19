import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A recurring start that has passed moves to its next tick when the timer is created, and
 * Timers counts runs from the first one it makes. Both stop conditions are weighed from that
 * first run, and stop-after-runs counts runs from it: what the emulator then runs is what the
 * step said it would.
 */

const emulator = useEmulator();
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
const iso = (ms: number) => new Date(ms).toISOString();
/** The emulator's time, to the whole second as the action writes times. */
const nowMs = () => Math.floor(emulator.now().getTime() / 1000) * 1000;

const daily = (inputs: Record<string, string>) => ({
  name: 'past-start',
  'source-endpoint': SEEDED_COLLECTIONS.gcsv4Host.id,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/in/, /out/, true',
  interval: '1d',
  ...inputs,
});

/** Every run the emulator makes of any timer over the next `days` days. */
function runsOver(days: number): number[] {
  return emulator.advance(days * 86400).map((run) => Date.parse(run.ran_at));
}

describe('a daily timer whose start was ten days ago', () => {
  // Ten days ago, an hour later in the day than now: its next tick is an hour from now.
  const start = () => nowMs() - 10 * DAY_MS + HOUR_MS;

  it('with both stop conditions, stops at the date when the date comes first', async () => {
    const now = nowMs();
    const stopDate = now + 3 * DAY_MS;
    const core = await runInProcess(
      emulator,
      daily({ start: iso(start()), 'stop-after-runs': '5', 'stop-after-date': iso(stopDate) }),
    );
    expect(core.failed).toBeUndefined();
    const runs = runsOver(10);
    expect(runs.map((ranAt) => ranAt - now)).toEqual([
      HOUR_MS,
      DAY_MS + HOUR_MS,
      2 * DAY_MS + HOUR_MS,
    ]);
    expect(runs.every((ranAt) => ranAt <= stopDate)).toBe(true);
    const notices = core.annotations.filter((a) => a.level === 'notice').map((a) => a.message);
    expect(notices).toEqual([
      expect.stringMatching(
        /^stop-after-date \S+ ends the timer first: the timer runs 3 times \(from \S+ to \S+\), not 5 \(stop-after-runs\)$/,
      ),
    ]);
  });

  it('with only stop-after-runs, runs that many times from its first real run', async () => {
    const now = nowMs();
    const core = await runInProcess(
      emulator,
      daily({ start: iso(start()), 'stop-after-runs': '3' }),
    );
    expect(core.failed).toBeUndefined();
    expect(runsOver(10).map((ranAt) => ranAt - now)).toEqual([
      HOUR_MS,
      DAY_MS + HOUR_MS,
      2 * DAY_MS + HOUR_MS,
    ]);
  });

  it('re-applied a day later, is the same timer: the choice holds', async () => {
    const inputs = daily({
      start: iso(start()),
      'stop-after-runs': '5',
      'stop-after-date': iso(nowMs() + 3 * DAY_MS),
    });
    await runInProcess(emulator, inputs);
    emulator.advance(86400);
    const again = await runInProcess(emulator, inputs);
    expect(again.outputs).toMatchObject({ result: 'unchanged', changed: 'false' });
  });
});
