import { describe, expect, it } from '@jest/globals';
import type { FlowRun } from '../../src/globus/flows.js';
import type { FailReason } from '../../src/timer/fail-reasons.js';
import { flowKind } from '../../src/kinds/flow/index.js';
import { describeFlowRun, flowRunLead, flowRunPath, followFlow } from '../../src/kinds/flow/run.js';
import { kindsContext } from '../../__fixtures__/kinds.js';

const run = (fields: Partial<FlowRun> = {}): FlowRun => ({
  run_id: 'r-1',
  status: 'SUCCEEDED',
  ...fields,
});
const ALL: FailReason[] = ['run-error', 'transfer-failed', 'flow-failed', 'inactive'];

describe('a Flows run a timer started', () => {
  it('is a lead with its status, outputs and web page', () => {
    const lead = flowRunLead(run({ display_status: 'Succeeded', start_time: '02:00' }));
    expect({ ...lead, failures: undefined }).toEqual({
      what: 'Flows run',
      id: 'r-1',
      status: 'SUCCEEDED',
      settled: true,
      description: 'SUCCEEDED (Succeeded), 02:00 → still running',
      webPath: '/runs/r-1',
      outputs: { 'flow-run-id': 'r-1', 'flow-run-status': 'SUCCEEDED' },
      failures: undefined,
    });
    expect(lead.failures(ALL)).toEqual([]);
    expect(flowRunPath('abc')).toBe('/runs/abc');
    expect(flowKind.leadPath('abc')).toBe('/runs/abc');
  });

  it.each([
    ['SUCCEEDED', true],
    ['FAILED', true],
    ['ENDED', true],
    // INACTIVE waits for a person: waiting longer would not change it.
    ['INACTIVE', true],
    ['ACTIVE', false],
    ['SOMETHING_NEW', false],
  ])('with status %s is settled: %s', (status, settled) => {
    expect(flowRunLead(run({ status })).settled).toBe(settled);
  });

  it('a FAILED or ENDED run fails the step when fail-on names flow-failed', () => {
    const failures = (fields: Partial<FlowRun>, failOn: FailReason[]) =>
      flowRunLead(run(fields)).failures(failOn);
    expect(failures({ status: 'FAILED', display_status: 'Failed' }, ALL)).toEqual([
      'flow-failed: Flows run r-1 FAILED (Failed)',
    ]);
    expect(failures({ status: 'ENDED' }, ['flow-failed'])).toEqual([
      'flow-failed: Flows run r-1 ENDED',
    ]);
    expect(failures({ status: 'FAILED' }, ['run-error', 'inactive'])).toEqual([]);
    expect(failures({ status: 'ACTIVE' }, ALL)).toEqual([]);
  });

  it('an INACTIVE run fails the step when fail-on names inactive, saying what to do', () => {
    const inactive = flowRunLead(run({ status: 'INACTIVE', display_status: 'Waiting' }));
    expect(inactive.failures(ALL)).toEqual([
      'inactive: Flows run r-1 is INACTIVE (Waiting): it waits for someone to act (see the run in the web app)',
    ]);
    expect(inactive.failures(['flow-failed', 'run-error'])).toEqual([]);
    expect(flowRunLead(run({ status: 'INACTIVE' })).failures(['inactive'])).toEqual([
      'inactive: Flows run r-1 is INACTIVE: it waits for someone to act (see the run in the web app)',
    ]);
  });
});

describe('describing a Flows run in one line', () => {
  it.each([
    [{}, 'SUCCEEDED'],
    [{ display_status: 'SUCCEEDED' }, 'SUCCEEDED'],
    [{ display_status: 'Succeeded' }, 'SUCCEEDED (Succeeded)'],
    [{ display_status: '' }, 'SUCCEEDED'],
    [
      { start_time: '2026-12-01T02:00:00Z', completion_time: '2026-12-01T02:03:10Z' },
      'SUCCEEDED, 2026-12-01T02:00:00Z → 2026-12-01T02:03:10Z',
    ],
    [
      { status: 'ACTIVE', start_time: '2026-12-01T02:00:00Z', completion_time: null },
      'ACTIVE, 2026-12-01T02:00:00Z → still running',
    ],
    [{ completion_time: '2026-12-01T02:03:10Z' }, 'SUCCEEDED'],
  ] as [Partial<FlowRun>, string][])('%j → %s', (fields, line) => {
    expect(describeFlowRun(run(fields))).toBe(line);
  });
});

describe('following a flow timer’s run', () => {
  it('reads the Flows run under the run’s first id Flows knows', async () => {
    const { context, asked, logs } = kindsContext({ runs: { r2: run({ run_id: 'r2' }) } });
    const found = await followFlow(context, { leadIds: ['r1', 'r2', 'r3'] });
    expect(found?.id).toBe('r2');
    expect(found?.webPath).toBe('/runs/r2');
    expect(asked).toEqual(['runs r1', 'runs r2']);
    expect(logs).toEqual([]);
    expect(flowKind.follow).toBe(followFlow);
  });

  it('names the Flows run in the warning when it cannot be read', async () => {
    const { context, logs } = kindsContext();
    expect(await followFlow(context, { leadIds: ['r1'] })).toBeUndefined();
    expect(logs).toEqual([
      "warning: Could not read the run's Flows run: Globus Flows GET /runs/r1: HTTP 404: went wrong",
    ]);
  });
});
