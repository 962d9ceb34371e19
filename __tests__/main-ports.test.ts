import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { redactingCore } from '../src/core-port.js';
import { realClock, realSleep } from '../src/ports.js';
import { Redactor } from '../src/redactor.js';
import { FakeCore } from '../__fixtures__/core.js';

/* The ports run() is given by default, and what the redacting core hands on unchanged. */

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('redactingCore', () => {
  it('hands a secret to mask and an annotation’s place to the runner as they are', () => {
    const fake = new FakeCore();
    const core = redactingCore(fake, new Redactor());
    core.setSecret('raw-secret');
    const place = { title: 'Invalid items', file: 'timers.yml', startLine: 3 };
    core.notice('a notice', place);
    core.warning('a warning', place);
    core.error('an error', place);
    expect(fake.secrets).toEqual(['raw-secret']);
    expect(fake.annotations).toEqual([
      { level: 'notice', message: 'a notice', place },
      { level: 'warning', message: 'a warning', place },
      { level: 'error', message: 'an error', place },
    ]);
  });
});

describe('the real clock and sleep', () => {
  it('the clock reads Date.now()', () => {
    jest.spyOn(Date, 'now').mockReturnValue(1_764_331_200_000);
    expect(realClock()).toBe(1_764_331_200_000);
  });

  it('a sleep ends when its time has passed, not before', async () => {
    jest.useFakeTimers();
    let woke = false;
    const sleeping = realSleep(1000).then(() => {
      woke = true;
    });
    await jest.advanceTimersByTimeAsync(999);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(woke).toBe(true);
  });
});
