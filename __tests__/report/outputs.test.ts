import { describe, expect, it } from '@jest/globals';
import { flowRunLead } from '../../src/kinds/flow/run.js';
import { taskLead } from '../../src/kinds/transfer/task.js';
import type { Plan } from '../../src/operations/plan.js';
import { outputsOf, timerJson, timerSummary } from '../../src/report/outputs.js';
import { OUTPUT_NAMES } from '../../src/timer/output-names.js';
import { APP, operationResult } from '../../__fixtures__/report.js';
import { timerFromDocument } from '../../__fixtures__/live-timer.js';

/* The step outputs a workflow reads after each operation, every one of them, to the character. */

const JOB = '7c9f3a52-0f8e-4b1d-9a55-2d1e0c7b8a10';
const TASK = '11111111-2222-4333-8444-555555555555';
const OTHER_TASK = '99999999-8888-4777-8666-555555555555';
const RUN = '22222222-3333-4444-8555-666666666666';
const RAN = '2026-11-28T02:00:04+00:00';

const timer = timerFromDocument({
  job_id: JOB,
  name: 'nightly',
  n_runs: 2,
  n_errors: 1,
  last_ran_at: RAN,
  next_run: '2026-11-29T02:00:00+00:00',
  results: { data: [{ ran_at: RAN, run_status: 'SUCCEEDED', data: { task_id: TASK } }] },
});

/** Every output blank: what a step that knows no timer sets besides result and changed. */
const BLANK = Object.fromEntries(OUTPUT_NAMES.map((name) => [name, '']));

const TIMER_OUTPUTS = {
  'job-id': JOB,
  status: 'active',
  result: 'checked',
  changed: 'false',
  'next-run': '2026-11-29T02:00:00+00:00',
  'last-run-at': RAN,
  'last-run-status': 'SUCCEEDED',
  'n-runs': '2',
  'n-errors': '1',
  'transfer-task-id': TASK,
  'transfer-status': '',
  'transfer-nice-status': '',
  'transfer-faults': '',
  'flow-run-id': '',
  'flow-run-status': '',
  'timer-url': `${APP}/activity/timers/${JOB}`,
  timer: JSON.stringify(timerJson(timer, APP)),
  timers: '',
  plan: '',
  history: '',
};

describe('the outputs of one timer', () => {
  it('names the Transfer task of the newest result when no run was followed', () => {
    expect(outputsOf(operationResult({ timer }), APP)).toEqual(TIMER_OUTPUTS);
  });

  it('takes the followed run and its Transfer task over the newest result', () => {
    const lastRun = {
      run: { ranAt: '2026-11-28T03:00:00Z', status: 'FAILED', leadIds: [OTHER_TASK] },
      lead: taskLead({ task_id: OTHER_TASK, status: 'FAILED' }),
    };
    expect(outputsOf(operationResult({ timer, lastRun, changed: true }), APP)).toEqual({
      ...TIMER_OUTPUTS,
      changed: 'true',
      'last-run-at': '2026-11-28T03:00:00Z',
      'last-run-status': 'FAILED',
      'transfer-task-id': OTHER_TASK,
      'transfer-status': 'FAILED',
    });
  });

  it('says what Transfer says of a task retrying on an error: its nice status and faults', () => {
    const lastRun = {
      run: { ranAt: RAN, status: 'ACTIVE', leadIds: [OTHER_TASK] },
      lead: taskLead({
        task_id: OTHER_TASK,
        status: 'ACTIVE',
        is_ok: false,
        nice_status: 'PERMISSION_DENIED',
        faults: 4,
      }),
    };
    expect(outputsOf(operationResult({ timer, lastRun }), APP)).toEqual({
      ...TIMER_OUTPUTS,
      'last-run-status': 'ACTIVE',
      'transfer-task-id': OTHER_TASK,
      'transfer-status': 'ACTIVE',
      'transfer-nice-status': 'PERMISSION_DENIED',
      'transfer-faults': '4',
    });
  });

  it('still names the task of a followed run whose task could not be read', () => {
    const lastRun = { run: { leadIds: [OTHER_TASK] } };
    // The run carries no time and no status: the timer's last_ran_at stands in for the time.
    expect(outputsOf(operationResult({ timer, lastRun }), APP)).toEqual({
      ...TIMER_OUTPUTS,
      'last-run-status': '',
      'transfer-task-id': OTHER_TASK,
    });
  });

  it('leaves the run outputs blank for a timer that has not run yet', () => {
    const fresh = timerFromDocument({ job_id: JOB, n_runs: 0, n_errors: 0, next_run: null });
    expect(outputsOf(operationResult({ timer: fresh, result: 'created' }), APP)).toEqual({
      ...BLANK,
      'job-id': JOB,
      status: 'active',
      result: 'created',
      changed: 'false',
      'n-runs': '0',
      'n-errors': '0',
      'timer-url': `${APP}/activity/timers/${JOB}`,
      timer: JSON.stringify(timerJson(fresh, APP)),
    });
  });

  it('puts the run a flow timer started under flow-run-id', () => {
    const flowTimer = timerFromDocument({
      job_id: JOB,
      timer_type: 'flow',
      flow_id: '33333333-4444-4555-8666-777777777777',
      results: { data: [{ ran_at: RAN, run_status: 'SUCCEEDED', data: { run_id: RUN } }] },
    });
    const outputs = outputsOf(operationResult({ timer: flowTimer }), APP);
    expect([outputs['transfer-task-id'], outputs['flow-run-id']]).toEqual(['', RUN]);
  });

  it('fills flow-run-id and flow-run-status from a Flows run that was read', () => {
    const lastRun = {
      run: { ranAt: RAN, status: 'SUCCEEDED', leadIds: [RUN] },
      lead: flowRunLead({ run_id: RUN, status: 'ACTIVE' } as Parameters<typeof flowRunLead>[0]),
    };
    const outputs = outputsOf(operationResult({ timer, lastRun }), APP);
    expect(outputs).toEqual({
      ...TIMER_OUTPUTS,
      'transfer-task-id': '',
      'flow-run-id': RUN,
      'flow-run-status': 'ACTIVE',
    });
  });
});

describe('the plan output', () => {
  const plan: Plan = {
    action: 'replace',
    name: 'nightly',
    jobId: JOB,
    changes: [
      { field: 'interval', live: '1h', desired: '2h' },
      { field: 'items', live: ['/a, /b'], desired: ['/a, /b', '/c, /d'] },
      { field: 'label', live: 'old', desired: undefined },
    ],
  };
  /** The changes as the output writes them: a list as its edits, a value not set as null. */
  const written = [
    { field: 'interval', live: '1h', desired: '2h' },
    { field: 'items', removed: 0, added: 1, diff: [{ op: '+', at: 2, value: '/c, /d' }] },
    { field: 'label', live: 'old', desired: null },
  ];

  it('is the plan as JSON, with a null job_id for a timer still to create', () => {
    const create: Plan = { action: 'create', name: 'new', changes: [] };
    expect(outputsOf(operationResult({ plan: create, result: 'planned' }), APP)).toEqual({
      ...BLANK,
      result: 'planned',
      changed: 'false',
      plan: '{"action":"create","name":"new","job_id":null,"changes":[]}',
    });
    expect(JSON.parse(outputsOf(operationResult({ plan }), APP).plan)).toEqual({
      action: 'replace',
      name: 'nightly',
      job_id: JOB,
      changes: written,
    });
  });

  it('lists each plan of a spec file, and each timer with what happened to it', () => {
    const gone: Plan = { action: 'delete', name: 'old', jobId: 'job-9', changes: [] };
    const outputs = outputsOf(
      operationResult({
        operation: 'apply',
        result: 'applied',
        changed: true,
        plan: gone, // a spec file's entries win over a single plan
        entries: [
          { plan, result: 'replaced', timer, replacedJobId: 'job-0' },
          { plan: { action: 'create', name: 'new', changes: [] }, result: 'planned' },
        ],
      }),
      APP,
    );
    expect(JSON.parse(outputs.plan)).toEqual([
      { action: 'replace', name: 'nightly', job_id: JOB, changes: written },
      { action: 'create', name: 'new', job_id: null, changes: [] },
    ]);
    expect(JSON.parse(outputs.timers)).toEqual([
      { ...timerSummary(timer, APP), result: 'replaced', action: 'replace' },
      { job_id: null, name: 'new', result: 'planned', action: 'create' },
    ]);
  });
});

describe('the timers output of list', () => {
  it('holds the fields a workflow filters on, null where a timer has no value', () => {
    const idle = timerFromDocument({ job_id: 'job-2', name: 'idle', status: 'inactive' });
    const bare = timerFromDocument({ job_id: 'job-3', name: 'bare', next_run: null });
    const outputs = outputsOf(
      operationResult({ operation: 'list', result: 'listed', timers: [timer, bare, idle] }),
      APP,
    );
    expect(JSON.parse(outputs.timers)).toEqual([
      {
        job_id: JOB,
        name: 'nightly',
        kind: 'transfer',
        status: 'active',
        next_run: '2026-11-29T02:00:00+00:00',
        last_ran_at: RAN,
        n_runs: 2,
        n_errors: 1,
        timer_url: `${APP}/activity/timers/${JOB}`,
      },
      {
        job_id: 'job-3',
        name: 'bare',
        kind: 'transfer',
        status: 'active',
        next_run: null,
        last_ran_at: null,
        n_runs: 0,
        n_errors: 0,
        timer_url: `${APP}/activity/timers/job-3`,
      },
      expect.objectContaining({ job_id: 'job-2', status: 'inactive' }),
    ]);
    expect(outputs['job-id']).toBe('');
  });

  it('is an empty list when list found nothing', () => {
    const outputs = outputsOf(operationResult({ operation: 'list', timers: [] }), APP);
    expect(outputs.timers).toBe('[]');
  });
});

describe('the timer output', () => {
  const SOURCE = '6c54cade-bde5-45c1-bdea-f4bd71dba2cc';
  const DESTINATION = '31d6a2a8-a8b3-4a8e-bd97-3b5f6a2f9d4e';
  const body = {
    DATA_TYPE: 'transfer',
    source_endpoint: SOURCE,
    destination_endpoint: DESTINATION,
    DATA: [{ DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' }],
  };
  // The same timer as a create answers it (v2) and as a check reads it (a job document).
  const created = timerFromDocument({
    job_id: JOB,
    name: 'nightly',
    status: 'new',
    timer_type: 'transfer',
    submitted_at: '2026-11-28T01:00:00+00:00',
    number_of_runs: 0,
    number_of_errors: 0,
    next_run: '2026-11-29T02:00:00+00:00',
    schedule: { type: 'recurring', interval_seconds: 86400, start: '2026-11-29T02:00:00+00:00' },
    body,
    n_runs: undefined,
    n_errors: undefined,
  });
  const checked = timerFromDocument({
    job_id: JOB,
    name: 'nightly',
    status: 'new',
    submitted_at: '2026-11-28T01:00:00+00:00',
    n_runs: 0,
    n_errors: 0,
    next_run: '2026-11-29T02:00:00+00:00',
    start: '2026-11-29T02:00:00+00:00',
    interval: 86400,
    callback_body: { body },
    results: { data: [] },
  });

  it('has one shape whatever document Globus answered with', () => {
    const output = (t: typeof timer) =>
      JSON.parse(outputsOf(operationResult({ timer: t }), APP).timer) as unknown;
    expect(output(created)).toEqual(output(checked));
    expect(output(checked)).toEqual({
      job_id: JOB,
      name: 'nightly',
      kind: 'transfer',
      status: 'new',
      next_run: '2026-11-29T02:00:00+00:00',
      last_ran_at: null,
      n_runs: 0,
      n_errors: 0,
      timer_url: `${APP}/activity/timers/${JOB}`,
      submitted_at: '2026-11-28T01:00:00+00:00',
      schedule: { type: 'recurring', interval_seconds: 86400, start: '2026-11-29T02:00:00+00:00' },
      inactive_reason: null,
      flow_id: null,
      body: expect.objectContaining({ source_endpoint: SOURCE, destination_endpoint: DESTINATION }),
    });
  });

  it('starts with every field of a timers entry, so a workflow reads both the same way', () => {
    const json = timerJson(checked, APP);
    expect(json).toMatchObject(timerSummary(checked, APP));
  });
});

describe('next-run', () => {
  const due = { next_run: '2026-11-29T02:00:00+00:00' };
  it.each([
    ['a paused timer', { status: 'inactive', inactive_reason: { cause: 'user' } }],
    ['a timer stopped for consent', { status: 'inactive' }],
    ['an ended timer', { status: 'ended' }],
    ['a deleted timer', { status: 'deleted' }],
    ['a timer being deleted', { status: 'delete_in_progress' }],
  ])('is empty for %s, whatever Globus shows as its next run', (_case, fields) => {
    const idle = timerFromDocument({ job_id: JOB, ...due, ...fields });
    const outputs = outputsOf(operationResult({ timer: idle }), APP);
    expect(outputs['next-run']).toBe('');
    expect(JSON.parse(outputs.timer)).toMatchObject({ next_run: null });
  });

  it('is the next run of a timer that will run', () => {
    const active = timerFromDocument({ job_id: JOB, status: 'active', ...due });
    expect(outputsOf(operationResult({ timer: active }), APP)['next-run']).toBe(due.next_run);
  });
});
