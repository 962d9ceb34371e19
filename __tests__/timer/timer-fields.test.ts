import { describe, expect, it } from '@jest/globals';
import { tmpdir } from 'node:os';
import { DateTime } from 'luxon';
import { InputReader } from '../../src/timer/input-reader.js';
import { readTimerFields, requireWholeTimer } from '../../src/timer/timer-fields.js';

/*
 * readTimerFields and requireWholeTimer through a plain InputReader: which kind the inputs
 * describe, what a whole timer needs, and the schedule checks at their edges.
 */

const SRC = '515c6123-6c88-1537-bcf3-bd58da60fb1c';
const DST = 'eb7a7995-9588-132d-8242-aadbc8f429a4';
const FLOW = '6c54cade-bde5-45c1-bdea-f4bd71dba2cc';
const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const context = { workspace: tmpdir(), now: () => now };

async function read(inputs: Record<string, string>, whole = false) {
  const reader = new InputReader((name) => inputs[name] ?? '');
  const timer = await readTimerFields(reader, context);
  if (whole) requireWholeTimer(reader, timer);
  return { timer, problems: reader.problems };
}

const transfer = { 'source-endpoint': SRC, 'destination-endpoint': DST, items: '/a, /b' };

describe('readTimerFields: name and kind', () => {
  it('refuses a name of two lines', async () => {
    const { problems, timer } = await read({ name: 'one\ntwo' });
    expect(problems).toStrictEqual([
      { input: 'name', message: '"one\\ntwo" must be a single line' },
    ]);
    expect(timer.name).toBe('one\ntwo');
  });

  it('leaves out a name and a kind that are not given', async () => {
    const { timer, problems } = await read({ interval: '1h' });
    expect(problems).toStrictEqual([]);
    expect(timer).not.toHaveProperty('name');
    expect(timer).not.toHaveProperty('kind');
  });

  it('reads a transfer timer as kind transfer', async () => {
    const { timer, problems } = await read({ name: 'n', 'items-file': 'missing.csv' });
    expect(timer.kind).toBe('transfer');
    expect(problems.map((p) => p.input)).toStrictEqual(['items-file']);
  });

  it('reads a flow timer as kind flow', async () => {
    const { timer, problems } = await read({ name: 'n', 'flow-id': FLOW });
    expect(problems).toStrictEqual([]);
    expect(timer.kind).toBe('flow');
  });

  it('refuses flow and transfer inputs together, naming the transfer inputs given', async () => {
    const { problems, timer } = await read({ 'run-tags': 'a', 'flow-id': FLOW, ...transfer });
    expect(problems).toStrictEqual([
      {
        input: 'flow-id',
        message:
          'a flow timer takes no transfer inputs, but source-endpoint, destination-endpoint, items are given too: give one kind',
      },
    ]);
    expect(timer.kind).toBe('flow');
  });

  it('says "is" for one transfer input given with a flow', async () => {
    const { problems } = await read({ 'run-tags': 'a', items: '/a, /b' });
    expect(problems).toStrictEqual([
      {
        input: 'run-tags',
        message: 'a flow timer takes no transfer inputs, but items is given too: give one kind',
      },
    ]);
  });
});

describe('requireWholeTimer', () => {
  it('asks a flow timer for its flow only', async () => {
    const { problems } = await read({ 'run-tags': 'a', interval: '1h' }, true);
    expect(problems).toStrictEqual([
      { input: 'flow-id', message: 'required: the flow the timer starts' },
    ]);
  });

  it('asks a transfer timer for endpoints and items, and an interval', async () => {
    const { problems } = await read({}, true);
    expect(problems).toStrictEqual([
      { input: 'source-endpoint', message: 'required' },
      { input: 'destination-endpoint', message: 'required' },
      { input: 'items', message: 'required (or items-file): what to transfer' },
      { input: 'interval', message: 'required unless stop-after-runs is 1' },
    ]);
  });

  it('takes stop-after-runs 1 in place of an interval', async () => {
    const { problems, timer } = await read({ ...transfer, 'stop-after-runs': '1' }, true);
    expect(problems).toStrictEqual([]);
    expect(timer.schedule).toStrictEqual({ stopAfterRuns: 1 });
  });

  it('asks for an interval when stop-after-runs is more than 1', async () => {
    const { problems } = await read({ ...transfer, 'stop-after-runs': '2' }, true);
    expect(problems).toStrictEqual([
      { input: 'interval', message: 'required unless stop-after-runs is 1' },
    ]);
  });

  it('does not ask for an interval when stop-after-runs cannot be read', async () => {
    const { problems } = await read({ ...transfer, 'stop-after-runs': 'once' }, true);
    expect(problems).toStrictEqual([
      { input: 'stop-after-runs', message: '"once" must be a whole number' },
    ]);
  });
});

describe('readTimerFields: the schedule', () => {
  it('reads interval, runs, start and stop date, in UTC unless told', async () => {
    const { timer, problems } = await read({
      interval: '1h',
      'stop-after-runs': '3',
      start: '2026-12-01 02:00',
      'stop-after-date': '2026-12-02',
    });
    expect(problems).toStrictEqual([]);
    expect(timer.schedule.intervalSeconds).toBe(3600);
    expect(timer.schedule.stopAfterRuns).toBe(3);
    expect(timer.schedule.start?.toISO()).toBe('2026-12-01T02:00:00.000Z');
    expect(timer.schedule.stopAfterDate?.toISO()).toBe('2026-12-02T00:00:00.000Z');
  });

  it('reads start in the time zone given', async () => {
    const { timer } = await read({ timezone: 'Europe/Berlin', start: '2026-12-01T02:00' });
    expect(timer.schedule.start?.toISO()).toBe('2026-12-01T02:00:00.000+01:00');
  });

  it('takes a start exactly one year ahead and refuses one a second later', async () => {
    const inAYear = await read({ interval: '1h', start: '2027-11-28T12:00:00Z' });
    expect(inAYear.problems).toStrictEqual([]);
    expect(inAYear.timer.schedule.start?.toISO()).toBe('2027-11-28T12:00:00.000Z');
    const later = await read({ interval: '1h', start: '2027-11-28T12:00:01Z' });
    expect(later.problems).toStrictEqual([
      {
        input: 'start',
        message: '"2027-11-28T12:00:01Z" must be within one year from now (a Globus Timers limit)',
      },
    ]);
    expect(later.timer.schedule).not.toHaveProperty('start');
  });

  it('takes a run-once start exactly now and refuses one a second past', async () => {
    const atNow = await read({ 'stop-after-runs': '1', start: '2026-11-28T12:00:00Z' });
    expect(atNow.problems).toStrictEqual([]);
    expect(atNow.timer.schedule.start?.toISO()).toBe('2026-11-28T12:00:00.000Z');
    const past = await read({ 'stop-after-runs': '1', start: '2026-11-28T11:59:59Z' });
    expect(past.problems).toStrictEqual([
      {
        input: 'start',
        message:
          '"2026-11-28T11:59:59Z" has passed; a run-once timer needs a future start (or no start, to run now)',
      },
    ]);
    expect(past.timer.schedule).not.toHaveProperty('start');
  });

  it('keeps a recurring start that has passed', async () => {
    const { problems, timer } = await read({ interval: '1h', start: '2026-11-01T00:00:00Z' });
    expect(problems).toStrictEqual([]);
    expect(timer.schedule.start?.toISO()).toBe('2026-11-01T00:00:00.000Z');
  });
});

describe('readTimerFields: the stop date', () => {
  const stopProblem = (message: string) => [{ input: 'stop-after-date', message }];

  it('refuses a stop date exactly now', async () => {
    const { problems, timer } = await read({ 'stop-after-date': '2026-11-28T12:00:00Z' });
    expect(problems).toStrictEqual(
      stopProblem('"2026-11-28T12:00:00Z" has passed; the timer would never run'),
    );
    expect(timer.schedule).not.toHaveProperty('stopAfterDate');
  });

  it('takes a stop date a second from now when there is no start', async () => {
    const { problems, timer } = await read({ 'stop-after-date': '2026-11-28T12:00:01Z' });
    expect(problems).toStrictEqual([]);
    expect(timer.schedule.stopAfterDate?.toISO()).toBe('2026-11-28T12:00:01.000Z');
  });

  it('refuses a stop date exactly at the start, and takes one a second later', async () => {
    const start = '2026-12-01T02:00:00Z';
    expect(
      (await read({ interval: '1h', start, 'stop-after-date': start })).problems,
    ).toStrictEqual(stopProblem(`"${start}" must be after start`));
    expect(
      (await read({ interval: '1h', start, 'stop-after-date': '2026-12-01T02:00:01Z' })).problems,
    ).toStrictEqual([]);
  });

  it('checks a stop date against the first run of a start that has passed', async () => {
    // Started 10:30, hourly: the first run after now (12:00) is 12:30.
    const start = '2026-11-28T10:30:00Z';
    expect(
      (await read({ interval: '1h', start, 'stop-after-date': '2026-11-28T12:29:59Z' })).problems,
    ).toStrictEqual(
      stopProblem(
        '"2026-11-28T12:29:59Z" comes before the first run (2026-11-28T12:30:00+00:00); the timer would never run',
      ),
    );
    expect(
      (await read({ interval: '1h', start, 'stop-after-date': '2026-11-28T12:30:00Z' })).problems,
    ).toStrictEqual([]);
  });

  it('does not check the first run without an interval', async () => {
    const { problems } = await read({
      'stop-after-runs': '2',
      start: '2026-11-28T10:30:00Z',
      'stop-after-date': '2026-11-28T12:10:00Z',
    });
    expect(problems).toStrictEqual([]);
  });
});
