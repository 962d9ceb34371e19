import type { Clock, Sleep } from '../src/ports.js';

/** A clock that only moves when slept on or advanced: tests never wait on wall-clock time. */
export class FakeTime {
  readonly sleeps: number[] = [];

  constructor(private nowMs = Date.parse('2026-11-28T12:00:00Z')) {}

  readonly clock: Clock = () => this.nowMs;

  readonly sleep: Sleep = async (milliseconds) => {
    this.sleeps.push(milliseconds);
    this.nowMs += milliseconds;
  };

  advance(milliseconds: number): void {
    this.nowMs += milliseconds;
  }
}
