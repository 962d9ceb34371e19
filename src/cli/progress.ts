import type { Clock, Sleep } from '../ports.js';
import type { Screen } from './screen.js';

/*
 * Progress while a step runs. The operations already log what they do as they do it (a line per
 * timer of a spec file, a line per retry); what they do not show is time passing — `wait`
 * sleeping until a timer's next run, a bulk apply between two timers. On a terminal, a live
 * line under the log says how long the step has run and when a sleep ends, redrawn every
 * second; in a log file, where a live line is impossible, a long sleep gets one line.
 */

/** Calls `tick` every `milliseconds` until the returned function is called. */
export type Ticker = (milliseconds: number, tick: () => void) => () => void;

const realTicker: Ticker = (milliseconds, tick) => {
  const timer = setInterval(tick, milliseconds);
  timer.unref();
  return () => clearInterval(timer);
};

/**
 * Sleeps longer than this get a line of their own in a log file. A wait says what it waits for
 * once a minute itself, sleeping a minute at a time: those pieces need no line of their own.
 */
const LOGGED_SLEEP_MS = 60_000;

export class Progress {
  private readonly startedAt: number;
  private wakeAt: number | undefined;
  private stopTicking: (() => void) | undefined;

  constructor(
    private readonly screen: Screen,
    private readonly clock: Clock,
    private readonly label: string,
    ticker: Ticker = realTicker,
  ) {
    this.startedAt = clock();
    if (screen.live) {
      this.stopTicking = ticker(1000, () => this.draw());
      this.draw();
    }
  }

  /** `sleep`, with the sleep shown. */
  sleeper(sleep: Sleep): Sleep {
    return async (milliseconds) => {
      this.sleeping(milliseconds);
      try {
        await sleep(milliseconds);
      } finally {
        this.wakeAt = undefined;
        this.draw();
      }
    };
  }

  stop(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
    this.screen.setStatus('');
  }

  private sleeping(milliseconds: number): void {
    this.wakeAt = this.clock() + milliseconds;
    if (this.screen.live) this.draw();
    else if (milliseconds > LOGGED_SLEEP_MS) {
      this.screen.print(
        `waiting ${duration(milliseconds)} (${duration(this.clock() - this.startedAt)} so far)`,
      );
    }
  }

  private draw(): void {
    if (!this.stopTicking) return;
    const now = this.clock();
    const left = this.wakeAt === undefined ? '' : `; resuming in ${duration(this.wakeAt - now)}`;
    this.screen.setStatus(`${this.label}: ${duration(now - this.startedAt)} so far${left}`);
  }
}

/** `42s`, `1m05s`, `2h03m`: whole seconds, the two largest units. */
export function duration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  const two = (n: number) => String(n).padStart(2, '0');
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${two(seconds % 60)}s`;
  return `${Math.floor(seconds / 3600)}h${two(Math.floor(seconds / 60) % 60)}m`;
}
