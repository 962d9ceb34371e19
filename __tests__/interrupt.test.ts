import { describe, expect, it } from '@jest/globals';
import { PAST_EVERY_DEADLINE_MS, abandonedOnAbort, interruptible } from '../src/interrupt.js';

/* Ctrl-C for a step: its time is up at once, and what comes after (revoking) still happens. */

const never = (_milliseconds: number) => new Promise<void>(() => {});

describe('interruptible', () => {
  it('leaves the clock and sleep alone without a signal', () => {
    const time = { clock: () => 5, sleep: never };
    expect(interruptible(time)).toBe(time);
  });

  it('moves the clock past every deadline once the signal aborts', () => {
    const stop = new AbortController();
    const { clock } = interruptible({ clock: () => 1000, sleep: never, signal: stop.signal });
    expect(clock()).toBe(1000);
    stop.abort('SIGINT');
    expect(clock()).toBe(1000 + PAST_EVERY_DEADLINE_MS);
  });

  it('ends a sleep under way, and sleeps no more after', async () => {
    const stop = new AbortController();
    const { sleep } = interruptible({ clock: () => 0, sleep: never, signal: stop.signal });
    const sleeping = sleep(3_600_000);
    stop.abort('SIGINT');
    await expect(sleeping).resolves.toBeUndefined();
    await expect(sleep(3_600_000)).resolves.toBeUndefined();
  });

  it('lets a sleep end by itself, and passes its failure on', async () => {
    const stop = new AbortController();
    const { sleep } = interruptible({
      clock: () => 0,
      sleep: async (ms) => {
        if (ms < 0) throw new Error('no negative sleeps');
      },
      signal: stop.signal,
    });
    await expect(sleep(10)).resolves.toBeUndefined();
    await expect(sleep(-1)).rejects.toThrow('no negative sleeps');
  });
});

describe('abandonedOnAbort', () => {
  /** A way of sending that answers only when its request's signal aborts: a hanging server. */
  const seen: AbortSignal[] = [];
  const hanging = (request: { signal: AbortSignal }) => {
    seen.push(request.signal);
    return new Promise<string>((_, reject) =>
      request.signal.addEventListener('abort', () => reject(new Error('abandoned')), {
        once: true,
      }),
    );
  };

  it('abandons what is in flight when the signal aborts, and sends what comes after', async () => {
    const stop = new AbortController();
    const send = abandonedOnAbort(hanging, stop.signal);
    const own = new AbortController();
    const inFlight = send({ signal: own.signal });
    stop.abort('SIGINT');
    await expect(inFlight).rejects.toThrow('abandoned');
    // A request after the signal (a revocation) travels with its own signal alone.
    const later = new AbortController();
    void send({ signal: later.signal }).catch(() => undefined);
    expect(seen.at(-1)).toBe(later.signal);
    expect(later.signal.aborted).toBe(false);
    later.abort();
  });

  it('keeps each request’s own timeout', async () => {
    const stop = new AbortController();
    const own = new AbortController();
    const inFlight = abandonedOnAbort(hanging, stop.signal)({ signal: own.signal });
    own.abort();
    await expect(inFlight).rejects.toThrow('abandoned');
    expect(stop.signal.aborted).toBe(false);
  });

  it('is the same way of sending without a signal', () => {
    expect(abandonedOnAbort(hanging, undefined)).toBe(hanging);
  });
});
