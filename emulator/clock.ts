/**
 * The emulator's virtual clock. Nothing in the emulator reads the wall clock after start-up:
 * schedules, token lifetimes and task durations all follow this clock, so tests can jump
 * days ahead instantly and deterministically. The one exception is real-time mode
 * (`startEmulator({ realTime: true })`, `npm run emulator -- --real-time`), where the core
 * moves this clock on at the wall clock's pace (EmulatorCore.catchUp).
 */
export class VirtualClock {
  #nowMs: number;

  constructor(start: Date | string | undefined) {
    const ms = start === undefined ? Date.now() : new Date(start).getTime();
    if (Number.isNaN(ms)) throw new Error(`invalid clock start: ${String(start)}`);
    this.#nowMs = ms;
  }

  nowMs(): number {
    return this.#nowMs;
  }

  /** Moves the clock forward to `ms`; the clock never goes back. */
  moveTo(ms: number): void {
    if (ms > this.#nowMs) this.#nowMs = ms;
  }
}
