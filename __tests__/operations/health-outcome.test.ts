import { describe, expect, it } from '@jest/globals';
import type { RunLead } from '../../src/kinds/kind.js';
import { runFinished, runOutcome } from '../../src/operations/health.js';
import { explainInactive } from '../../src/operations/inactive.js';
import { liveTimer } from '../../__fixtures__/live-timer.js';

describe('runOutcome', () => {
  it.each([
    ['SUCCEEDED', 'succeeded'],
    ['succeeded', 'succeeded'],
    ['COMPLETED', 'succeeded'],
    ['ok', 'succeeded'],
    ['OK', 'succeeded'],
    ['DONE', 'succeeded'],
    ['FAILED', 'failed'],
    ['ERROR', 'failed'],
    ['CANCELED', 'failed'],
    ['EXPIRED', 'failed'],
    ['ACTIVE', 'in-progress'],
    ['RUNNING', 'in-progress'],
    ['PENDING', 'in-progress'],
    // "ok" counts only as the whole word: these are not successes.
    ['not ok', 'unknown'],
    ['okay', 'unknown'],
    ['WEIRD', 'unknown'],
  ])('reads run_status %s as %s', (status, outcome) => {
    expect(runOutcome({ leadIds: [], status })).toBe(outcome);
  });

  it('reads a run with no status and no error as unknown', () => {
    expect(runOutcome({ leadIds: [] })).toBe('unknown');
  });

  it('treats an error document as a failure whatever the status word says', () => {
    expect(runOutcome({ leadIds: [], status: 'SUCCEEDED', errors: { code: 'X' } })).toBe('failed');
  });

  it('treats an HTTP 400 submission as a failure whatever the status word says', () => {
    expect(runOutcome({ leadIds: [], status: 'SUCCEEDED', submissionStatus: 400 })).toBe('failed');
  });

  it('does not treat a 399 submission as a failure', () => {
    expect(runOutcome({ leadIds: [], status: 'SUCCEEDED', submissionStatus: 399 })).toBe(
      'succeeded',
    );
  });
});

describe('runFinished', () => {
  const report = (status: string) => ({ run: { leadIds: [], status } });

  it.each([
    ['SUCCEEDED', true],
    ['FAILED', true],
    ['ACTIVE', false],
    ['WEIRD', false],
  ])('without a lead, a run with status %s is finished: %s', (status, finished) => {
    expect(runFinished(report(status))).toBe(finished);
  });

  it('follows the lead when the run started something', () => {
    const lead = { settled: false } as RunLead;
    expect(runFinished({ ...report('SUCCEEDED'), lead })).toBe(false);
    expect(runFinished({ ...report('ACTIVE'), lead: { ...lead, settled: true } })).toBe(true);
  });
});

describe('explainInactive', () => {
  const inactive = (cause: string, detail?: unknown) =>
    explainInactive(liveTimer({ status: 'inactive', inactiveReason: { cause, detail } }));

  it('says Globus gave no reason when there is none', () => {
    expect(explainInactive(liveTimer({ status: 'inactive' }))).toBe(
      'timer job-1 is inactive (Globus gave no reason)',
    );
  });

  it('tells a paused timer to resume', () => {
    expect(inactive('user')).toBe(
      'timer job-1 is paused; resume it (operation: resume) to let it run again',
    );
  });

  it('names an unfamiliar cause as Globus gave it', () => {
    expect(inactive('quota_exceeded')).toBe('timer job-1 is inactive (quota_exceeded)');
  });

  it('lists every scope that needs consent, in words where it has some', () => {
    const collection = 'a1000000-0000-4000-8000-000000000001';
    const detail = {
      authorization_parameters: {
        required_scopes: ['scope:a', `https://auth.globus.org/scopes/${collection}/data_access`],
      },
    };
    expect(inactive('globus_auth_requirements', detail)).toBe(
      'timer job-1 is inactive: Globus Auth requirements are not met; ' +
        `it needs consent for scope:a and data_access on collection ${collection}; ` +
        "resume it (operation: resume) to ask for that consent and update the timer's credentials " +
        '(data-access: auto, the default, asks for every collection that needs it)',
    );
  });

  it('gives no data-access advice for a consent that is not a collection’s', () => {
    const flow = 'f1000000-0000-4000-8000-00000000f001';
    const scope = `https://auth.globus.org/scopes/${flow}/flow_${flow.replace(/-/g, '_')}_user`;
    const detail = { authorization_parameters: { required_scopes: [scope] } };
    expect(inactive('globus_auth_requirements', detail)).toBe(
      'timer job-1 is inactive: Globus Auth requirements are not met; ' +
        `it needs consent for running flow ${flow}; ` +
        "resume it (operation: resume) to ask for that consent and update the timer's credentials",
    );
  });

  it('explains session requirements without asking for consent when no scope is missing', () => {
    const detail = {
      authorization_parameters: {
        session_required_policies: ['policy-1'],
        session_required_mfa: true,
      },
    };
    expect(inactive('globus_auth_requirements', detail)).toBe(
      'timer job-1 is inactive: Globus Auth requirements are not met; ' +
        'it also has session requirements (session_required_policies, session_required_mfa) a client identity cannot meet; use collections without such policies',
    );
  });

  it('says only that requirements are unmet when the detail names none', () => {
    expect(inactive('globus_auth_requirements', {})).toBe(
      'timer job-1 is inactive: Globus Auth requirements are not met',
    );
  });
});
