import { describe, expect, it } from '@jest/globals';
import type { LiveTimer } from '../../src/timer/live-timer.js';
import type { OperationContext } from '../../src/operations/context.js';
import { findTarget, TimerNotFoundError } from '../../src/operations/target.js';

/*
 * findTarget on a fake Timers API: what it asks for and how it says a name matched nothing.
 */

const live = (name: string, jobId: string) => ({ name, jobId, status: 'active' }) as LiveTimer;

function context(target: { jobId?: string; name?: string }, listed: LiveTimer[]) {
  const filters: unknown[] = [];
  const timers = {
    list: async (filter: unknown) => {
      filters.push(filter);
      return listed;
    },
  };
  return { context: { inputs: { target }, timers } as unknown as OperationContext, filters };
}

async function notFound(target: { name?: string }, listed: LiveTimer[]) {
  const { context: ctx, filters } = context(target, listed);
  const error = await findTarget(ctx).catch((e: unknown) => e);
  return { error: error as Error, filters };
}

describe('findTarget by name', () => {
  it('asks Timers only for timers of that name', async () => {
    const { context: ctx, filters } = context({ name: 'nightly' }, [live('nightly', 'j1')]);
    expect(await findTarget(ctx)).toEqual(live('nightly', 'j1'));
    expect(filters).toEqual([{ name: 'nightly' }]);
  });

  it('without a name, filters on the empty name', async () => {
    const { filters } = await notFound({}, []);
    expect(filters).toEqual([{ name: '' }]);
  });

  it('a name that matches nothing is a TimerNotFoundError that says just that', async () => {
    const { error } = await notFound({ name: 'nightly' }, []);
    expect(error).toBeInstanceOf(TimerNotFoundError);
    expect(error.name).toBe('TimerNotFoundError');
    expect(error.message).toBe('no timer named exactly "nightly"');
  });

  it('lists at most five similar names, comma-separated, to help fix a typo', async () => {
    const similar = [1, 2, 3, 4, 5, 6].map((n) => live(`nightly-${n}`, `j${n}`));
    const { error } = await notFound({ name: 'nightly' }, similar);
    expect(error.message).toBe(
      'no timer named exactly "nightly"; similar names: "nightly-1" (j1), "nightly-2" (j2), ' +
        '"nightly-3" (j3), "nightly-4" (j4), "nightly-5" (j5)',
    );
  });
});
