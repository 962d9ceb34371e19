import type { Clock, Sleep } from './ports.js';

/*
 * Ctrl-C (or a CI cancelling the job) for a step: when the signal aborts, the step's time is
 * simply up. Its clock jumps past every deadline the step keeps, so no new request starts and
 * no retry or wait goes on; a sleep under way ends at once; a request in flight is abandoned.
 * What the step does after its time is up still happens — above all, revoking its tokens,
 * which get a deadline of their own reckoned from the same clock, and whose requests start
 * after the signal and so travel normally.
 */

/** Far enough ahead to pass any deadline a step reckons from its `timeout` (at most a year). */
export const PAST_EVERY_DEADLINE_MS = 10 * 365 * 86_400_000;

interface StepTime {
  clock: Clock;
  sleep: Sleep;
  signal?: AbortSignal;
}

/** The step's clock and sleep, cut short by its signal (unchanged without one). */
export function interruptible<T extends StepTime>(time: T): T {
  const { signal, clock, sleep } = time;
  if (!signal) return time;
  return {
    ...time,
    clock: () => clock() + (signal.aborted ? PAST_EVERY_DEADLINE_MS : 0),
    sleep: (milliseconds) => {
      if (signal.aborted) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const wake = () => resolve();
        signal.addEventListener('abort', wake, { once: true });
        sleep(milliseconds)
          .then(resolve, reject)
          .finally(() => {
            signal.removeEventListener('abort', wake);
          });
      });
    },
  };
}

/**
 * A way of sending requests whose requests in flight when `signal` aborts are abandoned; those
 * started afterwards (the revocations) are sent as usual.
 */
export function abandonedOnAbort<R extends { signal: AbortSignal }, A>(
  send: (request: R) => Promise<A>,
  signal: AbortSignal | undefined,
): (request: R) => Promise<A> {
  if (!signal) return send;
  return (request) =>
    signal.aborted
      ? send(request)
      : send({ ...request, signal: AbortSignal.any([request.signal, signal]) });
}
