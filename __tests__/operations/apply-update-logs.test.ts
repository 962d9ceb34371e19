import { describe, expect, it } from '@jest/globals';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';
import { transferTimer as timer } from '../../__fixtures__/apply-update.js';

/*
 * What apply, create, update and plan tell the user in the log: the exact lines, since a
 * workflow's log is the only record of what the step did to the timer.
 */

const emulator = useEmulator();

/** The log lines that match, in order. */
const infoLines = (logs: readonly string[], pattern: RegExp) =>
  logs.filter((line) => pattern.test(line));

async function applied(overrides: Record<string, string> = {}) {
  const core = await runInProcess(emulator, timer(overrides));
  expect(core.failed).toBeUndefined();
  return { core, jobId: core.outputs['job-id'] ?? '' };
}

describe('apply logs', () => {
  it('names the timer it created and its job id', async () => {
    const { core, jobId } = await applied();
    expect(infoLines(core.logs, /^Created timer/)).toEqual([`Created timer "nightly" (${jobId})`]);
  });

  it('says a timer that already matches is left as it is, and warns about nothing', async () => {
    const { jobId } = await applied();
    const { core } = await applied();
    expect(core.outputs).toMatchObject({ result: 'unchanged', 'job-id': jobId });
    expect(infoLines(core.logs, /already matches/)).toEqual([
      `Timer "nightly" (${jobId}) is unchanged: it already matches`,
    ]);
    // an active timer that matches is not "inactive": no warning at all
    expect(core.annotations.filter((a) => a.level === 'warning')).toEqual([]);
  });

  it('says which timer it replaces, each change, and the new job id', async () => {
    const { jobId } = await applied();
    const { core, jobId: newId } = await applied({ interval: '2h' });
    expect(core.outputs.result).toBe('replaced');
    expect(infoLines(core.logs, /^ {2}interval|^Replaced/)).toEqual([
      `Replaced timer "nightly" (${jobId} → ${newId}):`,
      '  interval: 1h → 2h',
    ]);
    expect(infoLines(core.logs, /^debug: {3}/)).toEqual(['debug:   interval: 1h → 2h']);
  });
});

describe('create and update logs', () => {
  it('create names the timer it created, reads only timers of that name, and reports a change', async () => {
    emulator.clearRequests();
    const core = await runInProcess(emulator, { ...timer(), operation: 'create' });
    const jobId = core.outputs['job-id'] ?? '';
    expect(core.outputs).toMatchObject({ result: 'created', changed: 'true' });
    expect(infoLines(core.logs, /^Created timer/)).toEqual([`Created timer "nightly" (${jobId})`]);
    const lists = emulator
      .requests()
      .filter((r) => r.service === 'timers' && r.method === 'GET' && r.path === '/jobs/');
    expect(lists.map((r) => r.query.filter_name)).toEqual([['nightly']]);
  });

  it('update with a new name alone says it renamed the timer', async () => {
    const { jobId } = await applied();
    const core = await runInProcess(emulator, {
      operation: 'update',
      'job-id': jobId,
      name: 'nightly-v2',
    });
    expect(core.outputs).toMatchObject({ result: 'renamed', 'job-id': jobId });
    expect(infoLines(core.logs, /^Renamed/)).toEqual([
      `Renamed timer "nightly" to "nightly-v2" (${jobId})`,
    ]);
  });

  it('update that replaces names the timer by its current name', async () => {
    const { jobId } = await applied();
    const core = await runInProcess(emulator, {
      operation: 'update',
      'job-id': jobId,
      interval: '2h',
    });
    expect(core.outputs.result).toBe('replaced');
    expect(infoLines(core.logs, /^Replaced/)).toEqual([
      `Replaced timer "nightly" (${jobId} → ${core.outputs['job-id']}):`,
    ]);
  });

  it('update with nothing changed leaves the timer and still reports its job id', async () => {
    const { jobId } = await applied();
    const core = await runInProcess(emulator, {
      operation: 'update',
      'job-id': jobId,
      interval: '1h',
    });
    expect(core.outputs).toMatchObject({ result: 'unchanged', 'job-id': jobId });
  });
});

describe('plan logs', () => {
  it('says apply would create a timer that does not exist, with no job id', async () => {
    const core = await runInProcess(emulator, { ...timer(), operation: 'plan' });
    expect(infoLines(core.logs, /^apply would/)).toEqual(['apply would create timer "nightly"']);
    expect(core.failed).toBeUndefined();
  });

  it('says apply would leave a matching timer unchanged, naming its job id', async () => {
    const { jobId } = await applied();
    const core = await runInProcess(emulator, { ...timer(), operation: 'plan' });
    expect(infoLines(core.logs, /^apply would/)).toEqual([
      `apply would leave timer "nightly" (${jobId}) unchanged`,
    ]);
    expect(core.failed).toBeUndefined();
  });

  it('says apply would replace a differing timer and lists each change', async () => {
    const { jobId } = await applied();
    const core = await runInProcess(emulator, { ...timer({ interval: '2h' }), operation: 'plan' });
    expect(infoLines(core.logs, /^apply would|^ {2}interval/)).toEqual([
      `apply would replace timer "nightly" (${jobId})`,
      '  interval: 1h → 2h',
    ]);
    expect(core.failed).toBeUndefined();
  });
});
