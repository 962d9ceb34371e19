import { describe, expect, it } from '@jest/globals';
import { inOrder } from '../../src/operations/pool.js';

/** A task that finishes when told to, to make any interleaving happen on purpose. */
function gate<T>() {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('inOrder', () => {
  it('runs at most `limit` at a time and returns the results in order', async () => {
    const gates = [0, 1, 2, 3, 4].map(() => gate<string>());
    let running = 0;
    let most = 0;
    const done = inOrder([0, 1, 2, 3, 4], 2, async (i) => {
      running++;
      most = Math.max(most, running);
      const value = await gates[i]?.promise;
      running--;
      return value;
    });
    for (const i of [1, 0, 3, 2, 4]) {
      await tick();
      gates[i]?.open(`r${i}`);
    }
    expect(await done).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(most).toBe(2);
  });

  it('settles each result in order, as soon as the ones before it are done', async () => {
    const gates = [0, 1, 2].map(() => gate<number>());
    const settled: number[] = [];
    const done = inOrder(
      [0, 1, 2],
      3,
      (i) => gates[i]?.promise ?? Promise.resolve(-1),
      (r) => {
        settled.push(r);
      },
    );
    gates[2]?.open(2);
    gates[1]?.open(1);
    await tick();
    expect(settled).toEqual([]);
    gates[0]?.open(0);
    await done;
    expect(settled).toEqual([0, 1, 2]);
  });

  it('starts nothing after a failure, lets the others finish and settles them, then throws', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const outcome = inOrder(
      [0, 1, 2, 3, 4],
      2,
      async (i) => {
        started.push(i);
        await tick();
        if (i === 1) throw new Error('boom');
        return i;
      },
      (r) => settled.push(r),
    );
    await expect(outcome).rejects.toThrow('boom');
    expect(started).toEqual([0, 1, 2]);
    expect(settled).toEqual([0, 2]);
  });

  it('handles nothing to do, and a limit above the number of items', async () => {
    expect(await inOrder([], 8, async () => 1)).toEqual([]);
    expect(await inOrder([1, 2], 8, async (x) => x * 2)).toEqual([2, 4]);
  });
});
