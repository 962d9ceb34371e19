import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { fixture } from '../../__fixtures__/globus-fixtures.js';
import { type Emulator, SEEDED_COLLECTIONS, startEmulator } from '../../emulator/index.js';
import { type Json, call, timerRequest, timerScope, timersToken } from './helpers.js';

const NOW = '2026-11-28T19:00:00+00:00';
const { mappedNonHa, mappedNonHa2, guest, gcsv4Host } = SEEDED_COLLECTIONS;
const createFixture = fixture<Json>('timers_create_timer_response_transfer.json');

let emulator: Emulator;
let token: string;

beforeAll(async () => {
  emulator = await startEmulator({ now: NOW });
});
beforeEach(async () => {
  emulator.reset();
  token = await timersToken(emulator);
});
afterAll(async () => {
  await emulator.close();
});

const create = (request: Json, bearer = token) =>
  call(emulator, 'POST', '/v2/timer', { token: bearer, json: request });

describe('POST /v2/timer: success', () => {
  it('answers 201 with the fixture field set, status "new" and defaults filled in', async () => {
    const request = timerRequest(gcsv4Host.id, guest.id, {
      name: 'nightly',
      schedule: {
        type: 'recurring',
        interval_seconds: 604800,
        start: '2026-11-29T05:00:00Z',
        end: { condition: 'iterations', count: 2 },
      },
    });
    const reply = await create(request);
    expect(reply.status).toBe(201);
    const timer = reply.body.timer;
    expect(Object.keys(timer)).toEqual(expect.arrayContaining(Object.keys(createFixture.timer)));
    expect(Object.keys(timer.body).sort()).toEqual(Object.keys(createFixture.timer.body).sort());
    expect(timer).toMatchObject({
      job_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'nightly',
      timer_type: 'transfer',
      status: 'new',
      number_of_runs: 0,
      number_of_errors: 0,
      last_ran_at: null,
      inactive_reason: null,
      submitted_at: NOW,
      next_run: '2026-11-29T05:00:00+00:00',
      schedule: {
        type: 'recurring',
        interval_seconds: 604800,
        start: '2026-11-29T05:00:00+00:00',
        end: { condition: 'iterations', count: 2 },
      },
      activity: { code: 'awaiting_next_run', next_run: '2026-11-29T05:00:00+00:00' },
    });
    expect(timer.body).toEqual({
      DATA: [
        {
          DATA_TYPE: 'transfer_item',
          source_path: '/data/a.txt',
          destination_path: '/backup/a.txt',
        },
      ],
      DATA_TYPE: 'transfer',
      delete_destination_extra: false,
      destination_endpoint: guest.id,
      encrypt_data: false,
      fail_on_quota_errors: false,
      notify_on_failed: true,
      notify_on_inactive: true,
      notify_on_succeeded: true,
      preserve_timestamp: false,
      skip_source_errors: false,
      source_endpoint: gcsv4Host.id,
      store_base_path_info: false,
      verify_checksum: false,
    });
  });

  it('keeps what the client sent: label, sync_level, filter rules, booleans, recursive', async () => {
    const reply = await create(
      timerRequest(
        gcsv4Host.id,
        guest.id,
        {},
        {
          label: 'backup run',
          sync_level: 3,
          verify_checksum: true,
          notify_on_succeeded: false,
          DATA: [{ source_path: '/a/', destination_path: '/b/', recursive: true }],
          filter_rules: [
            { DATA_TYPE: 'filter_rule', name: '*.tmp', method: 'exclude', type: 'file' },
            { name: 'x' },
          ],
        },
      ),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.timer.body).toMatchObject({
      label: 'backup run',
      sync_level: 3,
      verify_checksum: true,
      notify_on_succeeded: false,
      DATA: [
        {
          DATA_TYPE: 'transfer_item',
          source_path: '/a/',
          destination_path: '/b/',
          recursive: true,
        },
      ],
      filter_rules: [
        { DATA_TYPE: 'filter_rule', name: '*.tmp', method: 'exclude', type: 'file' },
        { DATA_TYPE: 'filter_rule', name: 'x', method: 'exclude' },
      ],
    });
  });

  it('accepts "label": null as the official CLI sends it, and leaves the label out', async () => {
    const reply = await create(timerRequest(gcsv4Host.id, guest.id, {}, { label: null }));
    expect(reply.status).toBe(201);
    expect(reply.body.timer.body).not.toHaveProperty('label');
  });

  it('schedules a once timer without a datetime to run now', async () => {
    const reply = await create(
      timerRequest(gcsv4Host.id, guest.id, { schedule: { type: 'once' } }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.timer).toMatchObject({
      next_run: NOW,
      schedule: { type: 'once', datetime: NOW },
    });
  });

  it('accepts a start a few minutes in the past and offsets other than Z', async () => {
    const schedule = {
      type: 'recurring',
      interval_seconds: 60,
      start: '2026-11-28T20:56:00+02:00',
    };
    const reply = await create(timerRequest(gcsv4Host.id, guest.id, { schedule }));
    expect(reply.status).toBe(201);
    expect(reply.body.timer.schedule.start).toBe('2026-11-28T18:56:00+00:00');
  });

  it('accepts a mapped collection without data_access (the run, not the create, fails)', async () => {
    const reply = await create(timerRequest(mappedNonHa.id, guest.id));
    expect(reply.status).toBe(201);
  });
});

describe('POST /v2/timer: 422 validation, every problem listed', () => {
  const valid = () => timerRequest(gcsv4Host.id, guest.id);
  const withSchedule = (schedule: unknown) => timerRequest(gcsv4Host.id, guest.id, { schedule });
  const withBody = (body: Record<string, unknown>) =>
    timerRequest(gcsv4Host.id, guest.id, {}, body);
  const recurring = (extra: Record<string, unknown>) => ({
    type: 'recurring',
    interval_seconds: 3600,
    ...extra,
  });

  it.each<[string, () => Json, (string | number)[], string]>([
    [
      'a missing schedule',
      () => {
        const request = valid();
        delete request.timer.schedule;
        return request;
      },
      ['body', 'timer', 'schedule'],
      'value_error.missing',
    ],
    [
      'an interval of 30 s',
      () => withSchedule({ type: 'recurring', interval_seconds: 30 }),
      ['body', 'timer', 'schedule', 'interval_seconds'],
      'value_error.number.not_ge',
    ],
    [
      'an interval of 400 days',
      () => withSchedule({ type: 'recurring', interval_seconds: 400 * 86400 }),
      ['body', 'timer', 'schedule', 'interval_seconds'],
      'value_error.number.not_le',
    ],
    [
      'a fractional interval',
      () => withSchedule({ type: 'recurring', interval_seconds: 90.5 }),
      ['body', 'timer', 'schedule', 'interval_seconds'],
      'type_error.integer',
    ],
    [
      'a recurring schedule without interval',
      () => withSchedule({ type: 'recurring' }),
      ['body', 'timer', 'schedule', 'interval_seconds'],
      'value_error.missing',
    ],
    [
      'a start two years ahead',
      () => withSchedule(recurring({ start: '2028-11-28T19:00:00Z' })),
      ['body', 'timer', 'schedule', 'start'],
      'value_error',
    ],
    [
      'a start an hour in the past',
      () => withSchedule(recurring({ start: '2026-11-28T18:00:00Z' })),
      ['body', 'timer', 'schedule', 'start'],
      'value_error',
    ],
    [
      'a start without offset',
      () => withSchedule(recurring({ start: '2026-11-29T05:00:00' })),
      ['body', 'timer', 'schedule', 'start'],
      'value_error.datetime',
    ],
    [
      'a start that is no date',
      () => withSchedule(recurring({ start: 'tomorrow' })),
      ['body', 'timer', 'schedule', 'start'],
      'value_error.datetime',
    ],
    [
      'a once datetime in the past',
      () => withSchedule({ type: 'once', datetime: '2026-11-27T19:00:00Z' }),
      ['body', 'timer', 'schedule', 'datetime'],
      'value_error',
    ],
    [
      'an unknown schedule type',
      () => withSchedule({ type: 'weekly' }),
      ['body', 'timer', 'schedule', 'type'],
      'value_error.discriminated_union.invalid_discriminator',
    ],
    [
      'an end condition of 0 iterations',
      () => withSchedule(recurring({ end: { condition: 'iterations', count: 0 } })),
      ['body', 'timer', 'schedule', 'end', 'count'],
      'value_error.number.not_ge',
    ],
    [
      'the SDK docstring end key "iterations"',
      () => withSchedule(recurring({ end: { condition: 'iterations', iterations: 3 } })),
      ['body', 'timer', 'schedule', 'end', 'count'],
      'value_error.missing',
    ],
    [
      'an unknown end condition',
      () => withSchedule(recurring({ end: { condition: 'never' } })),
      ['body', 'timer', 'schedule', 'end', 'condition'],
      'value_error.discriminated_union.invalid_discriminator',
    ],
    [
      'an end time before the start',
      () =>
        withSchedule(recurring({ end: { condition: 'time', datetime: '2026-11-28T18:59:00Z' } })),
      ['body', 'timer', 'schedule', 'end', 'datetime'],
      'value_error',
    ],
    [
      'an end time without datetime',
      () => withSchedule(recurring({ end: { condition: 'time' } })),
      ['body', 'timer', 'schedule', 'end', 'datetime'],
      'value_error.missing',
    ],
    [
      'empty DATA',
      () => withBody({ DATA: [] }),
      ['body', 'timer', 'body', 'DATA'],
      'value_error.list.min_items',
    ],
    [
      'an item without destination_path',
      () => withBody({ DATA: [{ source_path: '/a' }] }),
      ['body', 'timer', 'body', 'DATA', 0, 'destination_path'],
      'value_error.missing',
    ],
    [
      'a missing source_endpoint',
      () => withBody({ source_endpoint: undefined }),
      ['body', 'timer', 'body', 'source_endpoint'],
      'value_error.missing',
    ],
    [
      'an unknown field in the timer',
      () => timerRequest(gcsv4Host.id, guest.id, { stop_after_runs: 3 }),
      ['body', 'timer', 'stop_after_runs'],
      'value_error.extra',
    ],
    [
      'an unknown field in the body',
      () => withBody({ submission_id: 'x' }),
      ['body', 'timer', 'body', 'submission_id'],
      'value_error.extra',
    ],
    [
      'recursive_symlinks (not a Timers field)',
      () => withBody({ recursive_symlinks: 'keep' }),
      ['body', 'timer', 'body', 'recursive_symlinks'],
      'value_error.extra',
    ],
    [
      'sync_level 4',
      () => withBody({ sync_level: 4 }),
      ['body', 'timer', 'body', 'sync_level'],
      'type_error.enum',
    ],
    [
      'sync_level "checksum"',
      () => withBody({ sync_level: 'checksum' }),
      ['body', 'timer', 'body', 'sync_level'],
      'type_error.enum',
    ],
    [
      'a boolean given as a string',
      () => withBody({ verify_checksum: 'yes' }),
      ['body', 'timer', 'body', 'verify_checksum'],
      'type_error.bool',
    ],
    [
      'a 129-character label',
      () => withBody({ label: 'x'.repeat(129) }),
      ['body', 'timer', 'body', 'label'],
      'value_error.any_str.max_length',
    ],
    [
      'a label with a newline',
      () => withBody({ label: 'a\nb' }),
      ['body', 'timer', 'body', 'label'],
      'value_error',
    ],
    [
      'a bad filter rule method',
      () => withBody({ filter_rules: [{ name: 'x', method: 'skip' }] }),
      ['body', 'timer', 'body', 'filter_rules', 0, 'method'],
      'value_error.const',
    ],
    [
      'a timer type it does not know',
      () => timerRequest(gcsv4Host.id, guest.id, { timer_type: 'compute' }),
      ['body', 'timer', 'timer_type'],
      'value_error.const',
    ],
    [
      'a flow timer with a transfer body (and no flow)',
      () => timerRequest(gcsv4Host.id, guest.id, { timer_type: 'flow' }),
      ['body', 'timer', 'flow_id'],
      'value_error.missing',
    ],
    ['no timer at all', () => ({}), ['body', 'timer'], 'value_error.missing'],
  ])('refuses %s', async (_case, build, loc, type) => {
    const reply = await create(build());
    expect(reply.status).toBe(422);
    expect(reply.body.detail).toEqual(
      expect.arrayContaining([{ loc, msg: expect.any(String), type }]),
    );
    expect(emulator.state().timers).toHaveLength(0);
  });

  it('lists every problem at once', async () => {
    const request = timerRequest(
      gcsv4Host.id,
      guest.id,
      { schedule: { type: 'recurring', interval_seconds: 30 }, colour: 'red' },
      { DATA: [], sync_level: 9 },
    );
    const reply = await create(request);
    expect(reply.status).toBe(422);
    expect(reply.body.detail.map((issue: { loc: string[] }) => issue.loc.join('.'))).toEqual(
      expect.arrayContaining([
        'body.timer.colour',
        'body.timer.schedule.interval_seconds',
        'body.timer.body.DATA',
        'body.timer.body.sync_level',
      ]),
    );
  });

  it('refuses a body that is not JSON', async () => {
    const reply = await call(emulator, 'POST', '/v2/timer', { token, rawBody: '{not json' });
    expect(reply.status).toBe(422);
    expect(reply.body.detail[0].type).toBe('value_error.jsondecode');
  });
});

describe('POST /v2/timer with create_requires_data_access', () => {
  beforeEach(() => {
    emulator.configure({ create_requires_data_access: true });
  });

  it('answers 403 ConsentRequired naming the timer scope chain', async () => {
    const reply = await create(timerRequest(mappedNonHa.id, mappedNonHa2.id));
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({
      code: 'ConsentRequired',
      message: expect.any(String),
      authorization_parameters: {
        session_message: expect.any(String),
        required_scopes: [timerScope([mappedNonHa.id, mappedNonHa2.id])],
      },
    });
  });

  it('creates the timer when the token carries the data_access scopes', async () => {
    const withAccess = await timersToken(emulator, [mappedNonHa.id, mappedNonHa2.id]);
    const reply = await create(timerRequest(mappedNonHa.id, mappedNonHa2.id), withAccess);
    expect(reply.status).toBe(201);
  });

  it('does not ask for collections that need no data_access', async () => {
    const reply = await create(timerRequest(gcsv4Host.id, guest.id));
    expect(reply.status).toBe(201);
  });
});
