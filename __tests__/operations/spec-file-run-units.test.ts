import { describe, expect, it } from '@jest/globals';
import type { LiveTimer } from '../../src/timer/live-timer.js';
import { normalizeTransferDocument } from '../../src/timer/transfer-document.js';
import type { TransferTimerSpec } from '../../src/timer/timer-spec.js';
import type { OperationContext } from '../../src/operations/context.js';
import { knownIds, settle } from '../../src/operations/converge.js';
import { AmbiguousNameError } from '../../src/operations/plan.js';
import { describeChanges } from '../../src/operations/plan-diff.js';
import { planSpecFile } from '../../src/operations/spec-file.js';
import { recordingLog } from '../../__fixtures__/recording-log.js';

const desired: TransferTimerSpec = {
  kind: 'transfer',
  name: 'nightly',
  schedule: { type: 'recurring', interval_seconds: 86400, start: '2026-12-01T02:00:00+00:00' },
  body: {
    DATA_TYPE: 'transfer',
    source_endpoint: 'src',
    destination_endpoint: 'dst',
    DATA: [{ DATA_TYPE: 'transfer_item', source_path: '/a', destination_path: '/b' }],
  },
};

/** A live timer as Timers would echo `desired`, with this id, submitted at this time. */
function echo(jobId: string, submittedAt: string, changes: Partial<LiveTimer> = {}): LiveTimer {
  return {
    kind: 'transfer',
    jobId,
    status: 'new',
    runs: 0,
    errors: 0,
    results: [],
    resultsOldestFirst: false,
    ended: false,
    submittedAt,
    name: desired.name,
    schedule: desired.schedule,
    body: normalizeTransferDocument({ ...desired.body }),
    ...changes,
  } as LiveTimer;
}

/** A context with only what settle uses: deleting a timer, and a log. */
function settleContext() {
  const deleted: string[] = [];
  const { log, logs } = recordingLog();
  const context = {
    timers: { delete: async (jobId: string) => void deleted.push(jobId) },
    log,
  } as unknown as OperationContext;
  return { context, deleted, logs };
}

describe('settling a timer this run created', () => {
  it('keeps the earliest submitted twin even when its id sorts last', async () => {
    const { context, deleted, logs } = settleContext();
    const mine = echo('aaaa', '2026-12-01T10:00:05+00:00');
    const theirs = echo('zzzz', '2026-12-01T10:00:01+00:00');
    expect(await settle(context, desired, mine, new Set(), [theirs, mine])).toBe(theirs);
    expect(deleted).toEqual(['aaaa']);
    expect(logs).toEqual([
      `notice: Another run created timer "nightly" (zzzz) at the same time; keeping that one and deleting this run's aaaa`,
    ]);
  });

  it('does not take its own timer for another run’s, however Globus echoed it', async () => {
    // Timers may echo back a field differently from the spec; that is not "another timer".
    const { context, deleted, logs } = settleContext();
    const mine = echo('aaaa', '2026-12-01T10:00:05+00:00', {
      schedule: { type: 'recurring', interval_seconds: 3600, start: '2026-12-01T02:00:00+00:00' },
    });
    expect(await settle(context, desired, mine, new Set(), [mine])).toBe(mine);
    expect(deleted).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('leaves alone the other timers a spec file created in the same run', async () => {
    // A spec file settles each create against one listing of every timer, so the listing holds
    // this run's other new timers too: only a newcomer of the same name can be a twin.
    const { context, deleted, logs } = settleContext();
    const mine = echo('aaaa', '2026-12-01T10:00:05+00:00');
    const sibling = echo('bbbb', '2026-12-01T10:00:01+00:00', { name: 'weekly' });
    expect(await settle(context, desired, mine, new Set(), [sibling, mine])).toBe(mine);
    expect(deleted).toEqual([]);
    expect(logs).toEqual([]);
  });
});

describe('knownIds', () => {
  it('is the ids of the timers that are not deleted', () => {
    const live = [
      echo('a', ''),
      echo('b', '', { status: 'delete_in_progress' }),
      echo('c', '', { status: 'deleted' }),
      echo('d', '', { status: 'inactive' }),
    ];
    expect(knownIds(live)).toEqual(new Set(['a', 'd']));
  });
});

describe('plan wording', () => {
  it('names every timer of an ambiguous name', () => {
    const error = new AmbiguousNameError('nightly', ['j1', 'j2', 'j3']);
    expect(error.message).toBe(
      '3 timers are named "nightly" (j1, j2, j3); delete the extra ones or address one by job-id',
    );
    expect(error.name).toBe('AmbiguousNameError');
    expect(String(error)).toBe(`AmbiguousNameError: ${error.message}`);
  });

  it('shows a long value whole: the diff is cut, never a value', () => {
    const long = 'y'.repeat(500);
    expect(describeChanges([{ field: 'label', live: 'x', desired: long }])).toEqual([
      `label: x → ${long}`,
    ]);
  });
});

describe('planSpecFile', () => {
  it('refuses to run without a spec file', async () => {
    const context = { inputs: {} } as unknown as OperationContext;
    await expect(planSpecFile(context)).rejects.toThrow(new Error('planSteps needs a spec file'));
  });
});
