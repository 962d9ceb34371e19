import type { Clock, Log } from '../ports.js';
import { formatDuration } from '../timer/duration.js';

/** Below this, the runner's clock is taken as the service's: a Date header has whole seconds. */
const CLOCK_SKEW_THRESHOLD_MS = 2_000;
/** A difference this large is said at info level (a smaller one in the debug log). */
const TOLD_AT_INFO_MS = 60_000;

/**
 * The service's clock, as the `Date` headers of its answers tell it. Times that come from Globus
 * (a run's start, a timer's next run) are compared with it, not with the runner's clock: a runner
 * whose clock is off, or the emulator with its clock moved ahead, gives the same verdicts. The
 * step's own deadlines stay on the runner's clock, which is what measures its time.
 */
export class ServiceClock {
  private offsetMs = 0;

  constructor(
    private readonly clock: Clock,
    private readonly log?: Log,
  ) {}

  /** An answer's `Date` header, heard now. */
  heard(date: string | undefined): void {
    const told = date ? Date.parse(date) : NaN;
    if (Number.isNaN(told)) return;
    const at = this.clock();
    // The header drops the milliseconds and was written before the answer came: the service's
    // clock read at least `told` when the answer arrived. That lower bound is the offset used, so
    // the step's start on Globus's clock is never put after a run that began with it.
    const offset = told - at;
    const applied = Math.abs(offset) >= CLOCK_SKEW_THRESHOLD_MS ? offset : 0;
    if (applied !== 0 && this.offsetMs === 0) {
      const words = `Globus's clock is ${formatDuration(roundedSeconds(applied))} ${applied > 0 ? 'ahead of' : 'behind'} this machine's: times Globus gives are compared with its clock`;
      if (Math.abs(applied) >= TOLD_AT_INFO_MS) this.log?.info(words);
      else this.log?.debug(words);
    }
    this.offsetMs = applied;
  }

  /** Epoch milliseconds on the service's clock (the runner's until an answer said otherwise). */
  now(): number {
    return this.clock() + this.offsetMs;
  }

  /** The service's clock minus the runner's, in milliseconds (0 within the threshold). */
  get offset(): number {
    return this.offsetMs;
  }
}

/** A difference in whole seconds, or whole minutes past ten (a Date header has whole seconds). */
function roundedSeconds(milliseconds: number): number {
  const seconds = Math.round(Math.abs(milliseconds) / 1000);
  return seconds >= 600 ? Math.round(seconds / 60) * 60 : seconds;
}
