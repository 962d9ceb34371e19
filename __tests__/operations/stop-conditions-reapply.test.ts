import { describe, expect, it } from '@jest/globals';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';
import { transferTimer } from '../../__fixtures__/apply-update.js';

/*
 * Given both stop conditions, the one that binds depends on when the first run is — now, for a
 * timer without a start — so it can switch between one apply and the next with nothing changed
 * in the inputs. A timer Globus holds that ends on either condition is what the inputs ask for:
 * re-applying the same inputs leaves it alone.
 */

const emulator = useEmulator();
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('re-applying a timer with both stop conditions', () => {
  it('keeps the timer made by the run count when today the date would bind first', async () => {
    const stopDate = iso(emulator.now().getTime() + 8 * DAY_MS);
    // Five daily runs from now end on day 4, before the date: the run count binds.
    const inputs = transferTimer({
      interval: '1d',
      'stop-after-runs': '5',
      'stop-after-date': stopDate,
    });
    const first = await runInProcess(emulator, inputs);
    expect(first.outputs.result).toBe('created');
    emulator.advance(5 * 86400);
    // Five runs from day 5 would end after the date: now the date binds. Same inputs, same timer.
    const again = await runInProcess(emulator, inputs);
    expect(again.outputs).toMatchObject({
      result: 'unchanged',
      changed: 'false',
      'job-id': first.outputs['job-id'],
    });
  });

  it('still replaces a timer whose end matches neither condition', async () => {
    const stopDate = iso(emulator.now().getTime() + 8 * DAY_MS);
    const made = await runInProcess(
      emulator,
      transferTimer({ interval: '1d', 'stop-after-runs': '5', 'stop-after-date': stopDate }),
    );
    const raised = await runInProcess(
      emulator,
      transferTimer({ interval: '1d', 'stop-after-runs': '6', 'stop-after-date': stopDate }),
    );
    expect(raised.outputs.result).toBe('replaced');
    expect(raised.outputs['job-id']).not.toBe(made.outputs['job-id']);
  });
});
