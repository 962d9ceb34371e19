import { describe, expect, it } from '@jest/globals';
import type { FlowRun } from '../../src/globus/flows.js';
import type { FailReason } from '../../src/timer/fail-reasons.js';
import { flowKind } from '../../src/kinds/flow/index.js';
import { describeFlowRun, flowRunLead, flowRunPath, followFlow } from '../../src/kinds/flow/run.js';
import { kindsContext } from '../../__fixtures__/kinds.js';
import { stalledRunFixture } from '../../__fixtures__/stalled-runs.js';

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
      stalled: false,
      outcome: 'succeeded',
      measures: { startedAt: '02:00' },
      // The display status says the same; a run over without an end time is not still running.
      description: 'SUCCEEDED, started 02:00',
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
      'flow-failed: Flows run r-1 FAILED',
    ]);
    expect(failures({ status: 'FAILED', display_status: 'Failed at Transfer' }, ALL)).toEqual([
      'flow-failed: Flows run r-1 FAILED (Failed at Transfer)',
    ]);
    expect(failures({ status: 'ENDED' }, ['flow-failed'])).toEqual([
      'flow-failed: Flows run r-1 ENDED',
    ]);
    expect(failures({ status: 'FAILED' }, ['run-error', 'inactive'])).toEqual([]);
    expect(failures({ status: 'ACTIVE' }, ALL)).toEqual([]);
  });

  it.each([
    ['SUCCEEDED', 'succeeded'],
    ['FAILED', 'failed'],
    ['ENDED', 'failed'],
    ['INACTIVE', 'stalled'],
    ['ACTIVE', 'in-progress'],
    ['SOMETHING_NEW', 'unknown'],
  ])('with status %s has the outcome %s', (status, outcome) => {
    expect(flowRunLead(run({ status })).outcome).toBe(outcome);
  });
});

/*
 * flow-stalled: a run INACTIVE waits for someone. The captured runs (__fixtures__/stalled-runs,
 * from the official CLI's tests) say what for; a run that says nothing still fails, in words.
 */
describe('an INACTIVE Flows run (flow-stalled)', () => {
  const consent = stalledRunFixture<FlowRun>('flows_run_inactive_consent_required.json');
  const session = stalledRunFixture<FlowRun>('flows_run_inactive_session_identities.json');
  const STALLED: FailReason[] = [...ALL, 'flow-stalled'];

  it('waiting for a consent: names the state, what Flows said, the scope and the fix', () => {
    const lead = flowRunLead(consent);
    expect(lead).toMatchObject({ settled: true, stalled: true, outcome: 'stalled' });
    const details = consent.details as { required_scope: string };
    expect(lead.failures(STALLED)).toEqual([
      `flow-stalled: Flows run ${consent.run_id} is INACTIVE: it waits at state GetPermissionFromUncleOwen for a consent (ConsentRequired: "Go to Tosche Station to pick up some power converters."); ` +
        `it needs consent for ${details.required_scope}; ` +
        `fix: resume the run with that consent: globus flows run resume ${consent.run_id} asks for it (as the timer's client: set GLOBUS_CLI_CLIENT_ID and GLOBUS_CLI_CLIENT_SECRET)`,
    ]);
  });

  it('waiting for a login meeting session requirements: says a client identity cannot', () => {
    expect(flowRunLead(session).failures(STALLED)).toEqual([
      `flow-stalled: Flows run ${session.run_id} is INACTIVE: it waits at state authn for a login that meets its session requirements (AuthorizationParameters: "Go to Tosche Station to pick up some power converters."); ` +
        'fix: a client identity cannot meet session requirements; use collections and flows without such policies',
    ]);
  });

  it('saying nothing of what it waits for: still fails, pointing at the web app', () => {
    const bare = flowRunLead(
      run({ status: 'INACTIVE', display_status: 'Waiting', details: 'odd' }),
    );
    expect(bare.failures(['flow-stalled'])).toEqual([
      'flow-stalled: Flows run r-1 is INACTIVE (Waiting): it waits for someone to act; fix: open the run in the web app to see what it waits for and who may act on it',
    ]);
  });

  it('cuts a long description short, and names required_scopes of authorization parameters', () => {
    const long = flowRunLead(
      run({
        status: 'INACTIVE',
        details: {
          code: 'ConsentRequired',
          description: 'd'.repeat(250),
          authorization_parameters: { required_scopes: ['scope-a', 'scope-b'] },
        },
      }),
    );
    const [failure] = long.failures(['flow-stalled']);
    expect(failure).toContain(
      `(ConsentRequired: "${'d'.repeat(200)}… (50 more characters)"); it needs consent for scope-a scope-b; fix: resume the run`,
    );
  });

  it('passes when fail-on leaves flow-stalled out (inactive is about the timer)', () => {
    expect(flowRunLead(consent).failures(ALL)).toEqual([]);
  });
});

describe('describing a Flows run in one line', () => {
  it.each([
    [{}, 'SUCCEEDED'],
    [{ display_status: 'SUCCEEDED' }, 'SUCCEEDED'],
    [{ display_status: 'Succeeded' }, 'SUCCEEDED'],
    [{ display_status: 'Succeeded with warnings' }, 'SUCCEEDED (Succeeded with warnings)'],
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
    [
      { status: 'INACTIVE', start_time: '2026-12-01T02:00:00Z', completion_time: null },
      'INACTIVE, started 2026-12-01T02:00:00Z',
    ],
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
