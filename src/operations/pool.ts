/**
 * Runs `work` over `items` with at most `limit` at a time, and hands each result to `settle`
 * in the items' own order, as soon as it and every one before it are done — so a log written
 * from `settle` reads the same however the work interleaved. The results come back in order.
 * After a failure no new item starts; the ones under way finish (and are settled, in order),
 * then the first failure is thrown.
 */
export async function inOrder<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  settle: (result: R, index: number) => void = () => undefined,
): Promise<R[]> {
  const results: R[] = [];
  const done: boolean[] = [];
  let started = 0;
  let settled = 0;
  let failure: { error: unknown } | undefined;
  const flush = () => {
    while (settled < items.length && done[settled]) {
      settle(results[settled] as R, settled);
      settled++;
    }
  };
  const worker = async () => {
    while (!failure && started < items.length) {
      const index = started++;
      try {
        results[index] = await work(items[index] as T, index);
        done[index] = true;
        flush();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure) {
    // What did get done past the failure is still worth telling.
    for (let index = settled; index < items.length; index++) {
      if (done[index]) settle(results[index] as R, index);
    }
    throw failure.error;
  }
  return results;
}
