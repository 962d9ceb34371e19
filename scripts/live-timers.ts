/**
 * The timers `npm run live` takes through their lives with the bundled action, each step
 * judged by what it must show — a run whose transfer or flow run did not succeed fails its
 * step, saying which and why — and what each taught about the service, as readings:
 *
 * - a run-twice transfer timer: apply, wait for the first run, check, pause, resume, wait for
 *   the second run, check, delete, delete again (and the revocation question: does the timer
 *   still run once the steps that made and resumed it revoked their tokens?);
 * - a run-once flow timer (GLOBUS_LIVE_FLOW_ID, GLOBUS_LIVE_FLOW_INPUT): apply, wait, check, delete;
 * - a run-once timer onto a mapped collection with `data-access: auto`
 *   (GLOBUS_LIVE_MAPPED_COLLECTION): apply, wait, check, delete;
 *
 * and the sweep before them, and the clean-up after, of timers named `gta-live/…`.
 */
import type { LiveConfig } from './live-config.js';
import { shapeOf, statusOf, taskIdLocations } from './live-report.js';
import type { Expectation, LiveSession } from './live-session.js';
import type { StepRun } from './live-steps.js';

/** The first run of each timer comes this long after its apply: soon, but after the step ends. */
export const FIRST_RUN_LEAD_SECONDS = 20;
/** What a waited run may take beyond its schedule before the wait gives up. */
const WAIT_SLACK_SECONDS = 300;

const transferSucceeded: Expectation = { outputs: { 'transfer-status': 'SUCCEEDED' } };
const flowRunSucceeded: Expectation = { outputs: { 'flow-run-status': 'SUCCEEDED' } };
const deleted: Expectation = { outputs: { result: 'deleted' } };

export type Readings = Record<string, unknown>;

/** The schedule inputs of a timer whose first run comes FIRST_RUN_LEAD_SECONDS from now. */
function firstRunSoon(now: number): { start: string } {
  return { start: new Date(now + FIRST_RUN_LEAD_SECONDS * 1000).toISOString() };
}

function waitTimeout(config: LiveConfig): string {
  return `${FIRST_RUN_LEAD_SECONDS + config.intervalSeconds + WAIT_SLACK_SECONDS}s`;
}

/** Deletes the `gta-live/…` timers a cancelled or timed-out earlier run left. */
export async function sweep(session: LiveSession): Promise<Readings> {
  const { run } = await session.step('sweep: list the gta-live/ timers an earlier run left', {
    operation: 'list',
    name: 'gta-live/',
  });
  const listed = JSON.parse(run.outputs.timers || '[]') as { job_id: string; name: string }[];
  const leftovers = listed.filter((timer) => timer.name?.startsWith('gta-live/'));
  for (const timer of leftovers) {
    await session.step(
      `sweep: delete ${timer.name}`,
      { operation: 'delete', 'job-id': timer.job_id },
      deleted,
    );
  }
  return { swept: leftovers.map((timer) => timer.name) };
}

/** Deletes every timer this run made that no step has deleted yet. */
export async function cleanUp(session: LiveSession): Promise<void> {
  for (const [jobId, name] of [...session.undeleted]) {
    await session.step(
      `clean up: delete ${name}`,
      { operation: 'delete', 'job-id': jobId },
      deleted,
    );
  }
}

/** The run-twice transfer timer; answers its readings and its job id (for the probes). */
export async function transferTimer(
  session: LiveSession,
  config: LiveConfig,
  now: () => number,
): Promise<{ readings: Readings; jobId: string }> {
  const applied = await session.step(
    'apply',
    {
      name: config.name,
      'source-endpoint': config.source,
      'destination-endpoint': config.destination,
      items: `${config.sourcePath}, ${config.destinationPath}`,
      interval: `${config.intervalSeconds}s`,
      ...firstRunSoon(now()),
      'stop-after-runs': '2',
      label: 'globus-timer-action live test',
      notify: 'none',
    },
    { outputs: { result: 'created' } },
  );
  const jobId = applied.run.outputs['job-id'] ?? '';
  if (!jobId) return { readings: {}, jobId };
  const target = { 'job-id': jobId };
  const waiting = { operation: 'wait', ...target, timeout: waitTimeout(config) };
  const first = await session.step('wait for the first run', waiting, transferSucceeded);
  const checked = await session.step('check', { operation: 'check', ...target }, transferSucceeded);
  await session.step('pause', { operation: 'pause', ...target }, { outputs: { result: 'paused' } });
  const resumed = await session.step(
    'resume',
    { operation: 'resume', ...target },
    { outputs: { result: 'resumed' } },
  );
  const second = await session.step('wait for the second run', waiting, {
    ...transferSucceeded,
    also: (run) =>
      run.outputs['last-run-at'] && run.outputs['last-run-at'] === first.run.outputs['last-run-at']
        ? `it judged the first run (${run.outputs['last-run-at']}) again: no second run came`
        : undefined,
  });
  const last = await session.step(
    'check after the last run',
    { operation: 'check', ...target },
    transferSucceeded,
  );
  await session.step('delete', { operation: 'delete', ...target }, deleted);
  await session.step('delete again', { operation: 'delete', ...target });
  return {
    jobId,
    readings: {
      ...taskIdReading(checked.run),
      ended: endedReading(last.run),
      revocation: {
        question:
          'does the timer still run once the steps that created and resumed it have revoked their tokens?',
        creating_step_revoked_its_tokens: revoked(applied.record),
        resuming_step_revoked_its_tokens: revoked(resumed.record),
        first_run: first.run.outputs['transfer-status'] || null,
        second_run: second.run.outputs['transfer-status'] || null,
        reading: revocationReading(second.run, first.run),
      },
    },
  };
}

/** The run-once flow timer: the flow's scope, its input checked, its Flows run followed. */
export async function flowTimer(
  session: LiveSession,
  config: LiveConfig,
  flow: NonNullable<LiveConfig['flow']>,
  now: () => number,
): Promise<Readings> {
  const applied = await session.step(
    'flow timer: apply',
    {
      name: `${config.name}/flow`,
      'flow-id': flow.id,
      'flow-input': flow.input,
      ...firstRunSoon(now()),
      'stop-after-runs': '1',
    },
    { outputs: { result: 'created' } },
  );
  const jobId = applied.run.outputs['job-id'];
  if (!jobId) return { status: 'not created' };
  const waiting = { operation: 'wait', 'job-id': jobId, timeout: waitTimeout(config) };
  const waited = await session.step('flow timer: wait for its run', waiting, flowRunSucceeded);
  const checked = await session.step(
    'flow timer: check',
    { operation: 'check', 'job-id': jobId },
    flowRunSucceeded,
  );
  await session.step('flow timer: delete', { operation: 'delete', 'job-id': jobId }, deleted);
  return {
    // The action checks the input against the input_schema this lookup returns, before it writes.
    flow_lookup: statusOf(applied.record, 'GET', /\/flows\/[^/]+:/) ?? 'not asked',
    run_lookup: statusOf(checked.record, 'GET', /\/runs\//) ?? 'not asked',
    flow_run_status: waited.run.outputs['flow-run-status'] || null,
  };
}

/** The run-once timer onto a mapped collection: its data_access consent asked for and used. */
export async function dataAccessTimer(
  session: LiveSession,
  config: LiveConfig,
  mapped: NonNullable<LiveConfig['mapped']>,
  now: () => number,
): Promise<Readings> {
  const applied = await session.step(
    'data_access timer: apply',
    {
      name: `${config.name}/data-access`,
      'source-endpoint': config.source,
      'destination-endpoint': mapped.collection,
      items: `${config.sourcePath}, ${mapped.path}`,
      ...firstRunSoon(now()),
      'stop-after-runs': '1',
      'data-access': 'auto',
      label: 'globus-timer-action live test',
      notify: 'none',
    },
    { outputs: { result: 'created' } },
  );
  const jobId = applied.run.outputs['job-id'];
  if (!jobId) return { status: 'not created' };
  const waiting = { operation: 'wait', 'job-id': jobId, timeout: waitTimeout(config) };
  const waited = await session.step(
    'data_access timer: wait for its run',
    waiting,
    transferSucceeded,
  );
  await session.step(
    'data_access timer: check',
    { operation: 'check', 'job-id': jobId },
    transferSucceeded,
  );
  await session.step(
    'data_access timer: delete',
    { operation: 'delete', 'job-id': jobId },
    deleted,
  );
  return {
    collection_lookup: statusOf(applied.record, 'GET', /\/endpoint\//) ?? 'not asked',
    timer_status_after_its_run: waited.run.outputs.status || null,
    transfer_status: waited.run.outputs['transfer-status'] || null,
  };
}

const revoked = (record: Parameters<typeof statusOf>[0]) =>
  statusOf(record, 'POST', /\/oauth2\/token\/revoke:/) === '200';

function revocationReading(second: StepRun, first: StepRun): string {
  const status = second.outputs['transfer-status'];
  if (status === 'SUCCEEDED') {
    return 'yes: the second run succeeded after both steps had revoked their tokens';
  }
  if (first.outputs['transfer-status'] !== 'SUCCEEDED') {
    return 'not answered: no run succeeded (see the steps)';
  }
  return `no, or something else broke: the first run succeeded, the second is ${status || 'unknown'} (see "wait for the second run")`;
}

/** Where the checked run's task id was, and the shape of that run's result. */
function taskIdReading(run: StepRun): Readings {
  const timer = JSON.parse(run.outputs.timer || '{}') as {
    results?: { data?: unknown[] } | unknown[];
  };
  const results = Array.isArray(timer.results) ? timer.results : (timer.results?.data ?? []);
  const [newest] = results as Record<string, unknown>[];
  const taskId = run.outputs['transfer-task-id'] ?? '';
  return {
    task_id_location: newest && taskId ? taskIdLocations(newest, taskId) : 'no run recorded',
    run_result_shape: newest ? shapeOf(newest) : null,
  };
}

function endedReading(run: StepRun): Readings | null {
  if (!run.outputs.timer) return null;
  const timer = JSON.parse(run.outputs.timer) as Record<string, unknown>;
  return {
    status: timer.status,
    next_run: timer.next_run ?? null,
    activity: timer.activity ?? null,
  };
}
