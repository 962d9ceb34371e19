import { describe, expect, it } from '@jest/globals';
import type { TaskEvent, TransferTask } from '../../src/globus/transfer.js';
import { followTransfer, taskLead } from '../../src/kinds/transfer/task.js';
import { fixFor, latestError, taskStall } from '../../src/kinds/transfer/task-stall.js';
import type { FailReason } from '../../src/timer/fail-reasons.js';
import { IDENTITY, apiError, kindsContext } from '../../__fixtures__/kinds.js';
import { stalledRunFixture } from '../../__fixtures__/stalled-runs.js';

/*
 * A task Transfer keeps ACTIVE while it retries on an error is the most common real failure of
 * a nightly transfer, and its status alone says nothing is wrong. These tests read the captured
 * ACTIVE task and event list (__fixtures__/stalled-runs) and change only what the Transfer
 * documentation says changes when a task meets errors.
 */

const active = stalledRunFixture<TransferTask>('transfer_task_active.json');
const TASK = active.task_id;
const { DATA: capturedEvents } = stalledRunFixture<{ DATA: TaskEvent[] }>('task_event_list.json');
/** The captured list without its CANCELED event: a task still retrying on PERMISSION_DENIED. */
const retryingEvents = capturedEvents.filter((event) => event.code !== 'CANCELED');

/** The captured ACTIVE task, as it reads once it has met `faults` errors with this code. */
const retrying = (fields: Partial<TransferTask> = {}): TransferTask => ({
  ...active,
  is_ok: false,
  nice_status: 'PERMISSION_DENIED',
  nice_status_short_description: 'Permission denied',
  nice_status_expires_in: 900,
  faults: 4,
  subtasks_retrying: 1,
  ...fields,
});

const DEFAULT: FailReason[] = ['run-error', 'transfer-failed', 'transfer-stalled', 'inactive'];
const run = { ranAt: '2026-11-28T02:00:00Z', leadIds: [TASK] };

async function followed(task: TransferTask, events: TaskEvent[] | Error = retryingEvents) {
  const world = kindsContext({ tasks: { [TASK]: task }, events: { [TASK]: events } });
  const lead = await followTransfer(world.context, run);
  const explained = lead?.explain ? await lead.explain() : lead;
  return { ...world, lead, explained };
}

describe('how a task stands still', () => {
  it.each([
    ['the captured ACTIVE task going well', {}, undefined],
    [
      'a queued task',
      { nice_status: 'Queued', nice_status_short_description: 'Queued' },
      undefined,
    ],
    ['a task Globus says is not OK', { is_ok: false }, 'retrying'],
    [
      'a task with an error code and no is_ok',
      { is_ok: undefined, nice_status: 'ENDPOINT_ERROR' },
      'retrying',
    ],
    ['a task with is_ok false and no code', { is_ok: false, nice_status: null }, 'retrying'],
    ['a lower-case ok', { nice_status: 'ok' }, undefined],
    ['a paused task', { is_paused: true }, 'paused'],
    ['an INACTIVE task', { status: 'INACTIVE', nice_status: null }, 'inactive'],
    ['a finished task that had errors', { status: 'SUCCEEDED', is_ok: false }, undefined],
    ['an ACTIVE task that says nothing', { is_ok: undefined, nice_status: undefined }, undefined],
  ] as const)('%s: %s', (_what, fields, stall) => {
    expect(taskStall({ ...active, ...fields } as TransferTask)).toBe(stall);
  });
});

describe('transfer-stalled', () => {
  it('names the task, its error, the faults, the latest error event and the fix', async () => {
    const { explained, asked } = await followed(retrying());
    expect(explained?.failures(DEFAULT)).toEqual([
      `transfer-stalled: Transfer task ${TASK} is ACTIVE but retrying on an error: PERMISSION_DENIED (Permission denied), 4 faults so far; ` +
        'latest error (2021-10-06T16:13:57+00:00): permission denied — "Error (make directories) Endpoint: Globus Tutorial Endpoint 1 (aa752cea-8222-5bc8-acd9-555b090c0ccb) Server: ep1.transfer.globus.org:2811 File: /foo/ Command: MKD /foo Message: Fatal FTP response --- Details: 550-GlobusError: v=1 c=PERMISSION_DENIED\\r\\n550-GridFTP-Error: Path not allowed.\\r\\n550 End.\\r\\n"; ' +
        `fix: grant the client identity ${IDENTITY} the permission it needs on the collection (a role on it, or an access rule on the path of a guest collection); ` +
        'Transfer retries it until its deadline (2022-01-27T19:18:20+00:00) and the timer skips its runs meanwhile',
    ]);
    // The task, then its events: the one more request a stalled task costs.
    expect(asked).toEqual([`task ${TASK}`, `event_list ${TASK}`]);
  });

  it('is settled (wait judges it now), stalled, and passes with fail-on that leaves it out', async () => {
    const { lead, explained } = await followed(retrying());
    expect(lead).toMatchObject({
      status: 'ACTIVE',
      settled: true,
      stalled: true,
      outcome: 'stalled',
    });
    expect(explained?.explain).toBeUndefined();
    expect(explained?.failures(['run-error', 'transfer-failed', 'inactive'])).toEqual([]);
    expect(explained?.description).toBe(
      'ACTIVE: 0 of 0 files, 0 B, 4 faults; retrying on PERMISSION_DENIED',
    );
  });

  it('asks for no events of a task going well, which is neither settled nor failing', async () => {
    const { lead, asked } = await followed(active);
    expect(lead).toMatchObject({ settled: false, stalled: false, outcome: 'in-progress' });
    expect(lead?.explain).toBeUndefined();
    expect(lead?.failures(DEFAULT)).toEqual([]);
    expect(asked).toEqual([`task ${TASK}`]);
  });

  it('says when Transfer lists no error event, and still gives the fix', async () => {
    const { explained } = await followed(retrying({ faults: 1 }), []);
    expect(explained?.failures(['transfer-stalled'])[0]).toMatch(
      /^transfer-stalled: .* \(Permission denied\), 1 fault so far; Transfer lists no error event for it; fix: grant the client identity/,
    );
  });

  it('warns and judges without the event when the event list cannot be read', async () => {
    const { explained, logs } = await followed(retrying(), apiError(502));
    const [failure] = explained?.failures(['transfer-stalled']) ?? [];
    expect(failure).not.toMatch(/latest error|lists no error event/);
    expect(failure).toMatch(/PERMISSION_DENIED \(Permission denied\), 4 faults so far; fix: /);
    expect(logs).toEqual([
      `warning: Could not read the events of Transfer task ${TASK}: Globus Transfer GET /x: HTTP 502: went wrong`,
    ]);
  });

  it('without a nice_status, takes the fix from the latest error event', async () => {
    const { explained } = await followed(
      retrying({ nice_status: null, nice_status_short_description: null }),
    );
    expect(explained?.failures(['transfer-stalled'])[0]).toMatch(
      new RegExp(
        `^transfer-stalled: Transfer task ${TASK} is ACTIVE but retrying on an error, 4 faults so far; latest error .*; fix: grant the client identity`,
      ),
    );
  });

  it('an INACTIVE task says Globus suspended it and what to do', async () => {
    const { explained } = await followed(
      retrying({
        status: 'INACTIVE',
        nice_status: 'NO_CREDENTIALS',
        nice_status_short_description: null,
        faults: 1,
      }),
      [],
    );
    expect(explained?.settled).toBe(true);
    expect(explained?.failures(DEFAULT)).toEqual([
      `transfer-stalled: Transfer task ${TASK} is INACTIVE: Globus suspended it (its credentials expired or a consent was lost): NO_CREDENTIALS, 1 fault so far; ` +
        'Transfer lists no error event for it; it will not go on by itself: cancel it in the web app so the timer can run again, and resume the timer (operation: resume) if it lost its consents too',
    ]);
  });

  it('a paused task says who may unpause it', async () => {
    const { explained } = await followed(
      retrying({ is_ok: true, nice_status: 'OK', is_paused: true, faults: 0 }),
      [],
    );
    expect(explained?.failures(['transfer-stalled'])).toEqual([
      `transfer-stalled: Transfer task ${TASK} is ACTIVE but paused, 0 faults so far; Transfer lists no error event for it; ` +
        'it does not move until whoever paused it (a collection pause rule, or its owner) unpauses it, and the timer skips its runs meanwhile',
    ]);
  });

  it('a lead made without the context has no way to explain itself, nor an identity to name', () => {
    const lead = taskLead(retrying());
    expect(lead.explain).toBeUndefined();
    expect(lead.failures(['transfer-stalled'])[0]).toContain(
      'fix: grant the client identity <client-id>@clients.auth.globus.org the permission',
    );
  });

  it('cuts long details short and keeps them on one line', async () => {
    const details = `line one\n${'x'.repeat(600)}`;
    const events: TaskEvent[] = [
      { code: 'ENDPOINT_ERROR', description: 'endpoint error', details, is_error: true, time: 't' },
    ];
    const { explained } = await followed(
      retrying({ nice_status: 'ENDPOINT_ERROR', nice_status_short_description: null }),
      events,
    );
    const [failure] = explained?.failures(['transfer-stalled']) ?? [];
    expect(failure).toContain(
      `latest error (t): endpoint error — "line one ${'x'.repeat(391)}… (209 more characters)";`,
    );
    expect(failure).toContain("fix: the collection's endpoint cannot be reached or is failing");
  });
});

describe('what Transfer says, kept short', () => {
  it('cuts a long error code and description', async () => {
    const { explained } = await followed(
      retrying({ nice_status: 'E'.repeat(150), nice_status_short_description: 'd'.repeat(150) }),
      [],
    );
    const [failure] = explained?.failures(['transfer-stalled']) ?? [];
    expect(failure).toContain(
      `: ${'E'.repeat(150)} (${'d'.repeat(46)}… (105 more characters), 4 faults so far;`,
    );
  });
});

describe('the latest error event', () => {
  const event = (fields: Partial<TaskEvent>): TaskEvent => ({ is_error: true, ...fields });

  it('is the newest by time, wherever the list puts it', () => {
    const older = event({ code: 'A', time: '2026-01-01T00:00:00+00:00' });
    const newer = event({ code: 'B', time: '2026-01-02 00:00:00+00:00' });
    expect(latestError(retrying(), [older, newer])).toBe(newer);
    expect(latestError(retrying(), [newer, older])).toBe(newer);
  });

  it('is the first listed when times are missing, and skips events that are not errors', () => {
    const first = event({ code: 'A' });
    expect(
      latestError(retrying(), [event({ code: 'S', is_error: false }), first, event({ code: 'B' })]),
    ).toBe(first);
  });

  it('counts an event that does not say whether it is an error when it carries the task’s code', () => {
    const unsaid = { code: 'PERMISSION_DENIED' } as TaskEvent;
    expect(latestError(retrying(), [{ code: 'STARTED' } as TaskEvent, unsaid])).toBe(unsaid);
    expect(latestError(retrying({ nice_status: null }), [unsaid])).toBeUndefined();
  });
});

describe('the fixes of the error codes Transfer retries on', () => {
  it.each([
    ['PERMISSION_DENIED', `grant the client identity ${IDENTITY}`],
    ['permission_denied', `grant the client identity ${IDENTITY}`],
    ['ENDPOINT_ERROR', 'cannot be reached or is failing'],
    ['CONNECT_FAILED', 'cannot be reached or is failing'],
    ['GC_NOT_CONNECTED', 'start Globus Connect Personal'],
    ['QUOTA_EXCEEDED', 'free space there or raise its quota'],
    ['NO_SPACE_LEFT', 'storage is full'],
    ['FILE_NOT_FOUND', 'check items'],
  ])('%s', (code, fix) => {
    expect(fixFor(code, IDENTITY)).toContain(fix);
  });

  it('has none for a code it does not know, or no code', () => {
    expect(fixFor('SOMETHING_NEW', IDENTITY)).toBeUndefined();
    expect(fixFor(undefined, IDENTITY)).toBeUndefined();
  });
});
