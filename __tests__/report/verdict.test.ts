import { describe, expect, it } from '@jest/globals';
import { GlobusApiError } from '../../src/globus/errors.js';
import { outputsOf } from '../../src/report/outputs.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import { failOnError, failOnInputs, report } from '../../src/report/verdict.js';
import { InputError } from '../../src/timer/problems.js';
import { FakeCore } from '../../__fixtures__/core.js';
import { APP, operationResult } from '../../__fixtures__/report.js';
import { liveTimer } from '../../__fixtures__/live-timer.js';

/* How a finished or failed operation reaches the runner: outputs, summary, annotations, failure. */

describe('report', () => {
  it('sets every output and writes the summary, and passes when nothing fails', async () => {
    const core = new FakeCore();
    const result = operationResult({ operation: 'delete', result: 'deleted', changed: true });
    await report(core, result, APP, true);
    expect(core.outputs).toEqual(outputsOf(result, APP));
    expect(core.summaries).toEqual([summaryMarkdown(result, APP)]);
    expect(core.failed).toBeUndefined();
  });

  it('fails once with every reason on its own line, and writes no summary when told not to', async () => {
    const core = new FakeCore();
    const result = operationResult({ failures: ['inactive: paused', 'run-error: failed'] });
    await report(core, result, APP, false);
    expect(core.summaries).toEqual([]);
    expect(core.failed).toBe('inactive: paused\nrun-error: failed');
  });
});

describe('failOnInputs', () => {
  const error = new InputError([
    { input: 'interval', message: 'not a duration' },
    { input: 'spec-file', message: 'unknown key', file: 'timers.yml', line: 4 },
    { input: 'items-file', message: 'empty', file: 'items.txt' },
  ]);
  const listed = [
    '- interval: not a duration',
    '- spec-file (line 4): unknown key',
    '- items-file: empty',
  ].join('\n');
  const inputFailure = { operation: 'apply', requestsSent: 0, summary: false };

  it('sets every output, empty but result=failed, and writes a short summary when asked', async () => {
    const core = new FakeCore();
    await failOnInputs(core, error, { ...inputFailure, operation: 'plann', summary: true });
    expect(core.outputs).toEqual({
      ...outputsOf({ result: 'failed', changed: false, failures: [] }, APP),
      result: 'failed',
      changed: 'false',
      'job-id': '',
    });
    expect(core.summaries).toEqual([
      `### Globus timer: plann → failed\n\nInvalid inputs; nothing was sent to Globus:\n\n${listed}\n`,
    ]);
  });

  it('annotates each problem that has a file, on its line when it has one', async () => {
    const core = new FakeCore();
    await failOnInputs(core, error, inputFailure);
    expect(core.annotations).toEqual([
      {
        level: 'error',
        message: 'spec-file (line 4): unknown key',
        place: { title: 'Invalid spec-file', file: 'timers.yml', startLine: 4 },
      },
      {
        level: 'error',
        message: 'items-file: empty',
        place: { title: 'Invalid items-file', file: 'items.txt' },
      },
    ]);
    // No startLine key at all for a file-wide problem (the runner would show line "undefined").
    expect(Object.keys(core.annotations[1]?.place ?? {})).toEqual(['title', 'file']);
  });

  it('titles a spec-file timer’s problem by its key, the message naming the timer', async () => {
    const core = new FakeCore();
    const problem = {
      input: 'timer "a, b" (line 2), interval',
      message: 'too short',
      file: 'timers.yml',
      line: 6,
    };
    await failOnInputs(core, new InputError([problem]), inputFailure);
    expect(core.annotations).toEqual([
      {
        level: 'error',
        message: 'timer "a, b" (line 2), interval (line 6): too short',
        place: { title: 'Invalid interval', file: 'timers.yml', startLine: 6 },
      },
    ]);
  });

  it('says nothing was sent only when no request went out', async () => {
    const before = new FakeCore();
    await failOnInputs(before, error, inputFailure);
    expect(before.failed).toBe(`Invalid inputs; nothing was sent to Globus:\n${listed}`);
    const after = new FakeCore();
    await failOnInputs(after, error, { ...inputFailure, requestsSent: 3 });
    expect(after.failed).toBe(`Invalid inputs; nothing was changed in Globus:\n${listed}`);
  });
});

describe('failOnError', () => {
  const context = {
    operation: 'check' as const,
    summary: true,
    identity: 'client@clients.auth.globus.org',
    requestsSent: 0,
    changed: false,
    appUrl: APP,
  };

  it('sets the outputs of a failed step from the timer it last saw, and whether it wrote', async () => {
    const core = new FakeCore();
    const timer = liveTimer({ jobId: 'new-timer', status: 'new' });
    await failOnError(core, new Error('delete of the old timer failed'), {
      ...context,
      summary: false,
      timer,
      changed: true,
    });
    expect(core.outputs).toEqual(
      outputsOf({ result: 'failed', changed: true, timer, failures: [] }, APP),
    );
    expect(core.outputs).toMatchObject({
      result: 'failed',
      changed: 'true',
      'job-id': 'new-timer',
    });
    const unknown = new FakeCore();
    await failOnError(unknown, new Error('x'), { ...context, summary: false });
    expect(unknown.outputs).toMatchObject({ result: 'failed', changed: 'false', 'job-id': '' });
  });

  it('reports invalid inputs found late as problems, with nothing changed', async () => {
    const core = new FakeCore();
    const error = new InputError([{ input: 'name', message: 'too long', file: 'a.yml', line: 2 }]);
    await failOnError(core, error, { ...context, requestsSent: 2 });
    expect(core.failed).toBe(
      'Invalid inputs; nothing was changed in Globus:\n- name (line 2): too long',
    );
    expect(core.annotations).toHaveLength(1);
    expect(core.summaries).toEqual([
      '### Globus timer: check → failed\n\nInvalid inputs; nothing was changed in Globus:\n\n- name (line 2): too long\n',
    ]);
    expect(core.outputs).toMatchObject({ result: 'failed', changed: 'false' });
  });

  it('fails with the message of any error, its stack kept for debugging', async () => {
    const core = new FakeCore();
    const error = new Error('disk full');
    await failOnError(core, error, context);
    expect(core.failed).toBe('disk full');
    expect(core.summaries).toEqual(['### Globus timer: check → failed\n\ndisk full\n']);
    expect(core.logs).toEqual([`debug: ${error.stack}`]);
  });

  it('fails with the text of something thrown that is no Error', async () => {
    const core = new FakeCore();
    await failOnError(core, 'plain text', { ...context, summary: false });
    expect(core.failed).toBe('plain text');
    expect(core.logs).toEqual([]);
  });

  it('logs no stack for an error that has none', async () => {
    const core = new FakeCore();
    const error = new Error('no stack');
    error.stack = undefined;
    await failOnError(core, error, { ...context, summary: false });
    expect(core.logs).toEqual([]);
  });

  it('adds the hint of a Globus error that has one', async () => {
    const core = new FakeCore();
    const error = new GlobusApiError({
      service: 'transfer',
      method: 'GET',
      path: '/x',
      status: 403,
      code: 'PermissionDenied',
      detail: 'no access',
    });
    await failOnError(core, error, { ...context, summary: false });
    expect(core.failed).toBe(
      `${error.message}\nGrant the client identity client@clients.auth.globus.org access to the collection (a role, or a permission on the path for guest collections).`,
    );
  });
});
