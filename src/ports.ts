/*
 * What the core needs from the outside world, injected so tests replace it without module
 * mocks: a log (the only way operations talk to the user), a clock and a sleep.
 */

export interface Log {
  /** Details for a re-run with step debug logging on. */
  debug(message: string): void;
  /** What a user wants to see in the step log. */
  info(message: string): void;
  /** Something worth a user's attention that is not a failure (an annotation). */
  notice(message: string): void;
  warning(message: string): void;
}

/** Milliseconds since the epoch. */
export type Clock = () => number;

export type Sleep = (milliseconds: number) => Promise<void>;

export const realClock: Clock = () => Date.now();

export const realSleep: Sleep = (milliseconds) =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));
