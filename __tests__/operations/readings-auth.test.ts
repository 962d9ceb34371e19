import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess, tokenScopes } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * The scenarios that depend on how Globus answers about consent, other clients' timers and
 * repeated deletes (docs/globus-variants.md), each under every reading the emulator can serve.
 */

const emulator = useEmulator();
const mapped = SEEDED_COLLECTIONS.mappedNonHa.id;
const mapped2 = SEEDED_COLLECTIONS.mappedNonHa2.id;
const guest = SEEDED_COLLECTIONS.guest.id;
const TIMER = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
const TRANSFER = 'urn:globus:auth:scope:transfer.api.globus.org:all';
const AP = 'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer';
const da = (id: string) => `https://auth.globus.org/scopes/${id}/data_access`;

const timer = (overrides: Record<string, string> = {}) => ({
  name: 'readings',
  'source-endpoint': mapped,
  'destination-endpoint': guest,
  items: '/data/, /backup/, true',
  interval: '1h',
  ...overrides,
});

const live = () =>
  emulator.state().timers.filter((t) => !['deleted', 'delete_in_progress'].includes(t.status));

describe.each(['top_level', 'error_wrapper', 'errors_array'] as const)(
  'where a create’s consent requirements sit: %s',
  (location) => {
    it('finds them, requests the consent named and creates the timer', async () => {
      emulator.configure({
        create_requires_data_access: true,
        auth_requirements_location: location,
      });
      const core = await runInProcess(emulator, timer({ 'data-access': 'none' }));
      expect(core.failed).toBeUndefined();
      expect(core.outputs.result).toBe('created');
      expect(tokenScopes(emulator).at(-1)).toBe(`${TIMER}[${TRANSFER}[*${da(mapped)}]]`);
      const posts = emulator
        .requests()
        .filter((r) => r.method === 'POST' && r.path === '/v2/timer');
      expect(posts).toHaveLength(2);
      expect(live()).toHaveLength(1);
    });
  },
);

describe.each(['accepted', 'rejected'] as const)(
  'the legacy Action Provider scope: %s',
  (reading) => {
    it.each([
      ['the CLI’s legacy chain', `${TIMER}[${AP}[${TRANSFER}[*${da(mapped)}]]]`],
      ['the SDK fixture’s chain without the timer root', `${AP}[${TRANSFER}[*${da(mapped)}]]`],
      ['a bare data_access scope', da(mapped)],
    ])('resume of a timer naming %s asks for today’s chain and resumes', async (_name, scope) => {
      emulator.configure({ legacy_scope: reading });
      const jobId = (await runInProcess(emulator, timer())).outputs['job-id'] ?? '';
      emulator.makeInactive(jobId, [scope]);
      emulator.clearRequests();
      const core = await runInProcess(emulator, { operation: 'resume', 'job-id': jobId });
      expect(core.failed).toBeUndefined();
      expect(core.outputs).toMatchObject({ result: 'resumed', status: 'new' });
      expect(tokenScopes(emulator).at(-1)).toBe(`${TIMER}[${TRANSFER}[*${da(mapped)}]]`);
      emulator.advance(3600);
      const check = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
      expect(check.outputs['transfer-status']).toBe('SUCCEEDED');
    });
  },
);

describe('nested required scopes', () => {
  it('resume reads a space-separated string of nested scopes whole', async () => {
    const jobId =
      (await runInProcess(emulator, timer({ 'destination-endpoint': mapped2 }))).outputs[
        'job-id'
      ] ?? '';
    const nested = `${TIMER}[${TRANSFER}[*${da(mapped)} *${da(mapped2)}]] ${TRANSFER}`;
    emulator.makeInactive(jobId, [nested]);
    emulator.clearRequests();
    const core = await runInProcess(emulator, { operation: 'resume', 'job-id': jobId });
    expect(core.failed).toBeUndefined();
    expect(tokenScopes(emulator).at(-1)).toBe(
      `${TIMER}[${TRANSFER}[*${da(mapped)} *${da(mapped2)}]]`,
    );
  });
});

describe.each([404, 403] as const)('another client’s timer answers %i', (status) => {
  const OTHER = { id: '0ce0ffee-0000-4000-8000-000000000001', secret: 'other-secret' };

  async function foreignTimer(): Promise<string> {
    emulator.configure({ foreign_timer_status: status });
    emulator.addClient(OTHER);
    const made = await runInProcess(emulator, {
      ...timer({ 'source-endpoint': guest, 'destination-endpoint': guest }),
      'client-id': OTHER.id,
      'client-secret': OTHER.secret,
    });
    return made.outputs['job-id'] ?? '';
  }

  it('check fails saying it was not found or is not visible', async () => {
    const jobId = await foreignTimer();
    const core = await runInProcess(emulator, { operation: 'check', 'job-id': jobId });
    expect(core.failed).toMatch(
      new RegExp(`HTTP ${status}.*timer ${jobId} was not found, or is not visible to de300000`),
    );
    expect(core.failed).toContain('timers belong to the identity that created them');
  });

  it('delete leaves it alone with a notice, not a failure', async () => {
    const jobId = await foreignTimer();
    const core = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ result: 'deleted', changed: 'false' });
    expect(live().map((t) => t.job_id)).toEqual([jobId]);
  });
});

describe.each(['ok', 'not_found', 'conflict'] as const)(
  'a repeated delete answers: %s',
  (reading) => {
    it('a DELETE retried after its reply was lost counts as deleted', async () => {
      emulator.configure({ repeated_delete: reading });
      const jobId = (await runInProcess(emulator, timer())).outputs['job-id'] ?? '';
      emulator.setFault({ service: 'timers', method: 'DELETE', path: '/jobs/', drop: 'after' });
      const core = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
      expect(core.failed).toBeUndefined();
      expect(core.outputs).toMatchObject({ result: 'deleted', changed: 'true' });
      expect(emulator.requests().filter((r) => r.method === 'DELETE')).toHaveLength(2);
      expect(live()).toEqual([]);
    });

    it('a replace whose old timer another run already deleted still succeeds', async () => {
      emulator.configure({ repeated_delete: reading });
      const old = (await runInProcess(emulator, timer())).outputs['job-id'] ?? '';
      emulator.setFault({ service: 'timers', method: 'DELETE', path: '/jobs/', drop: 'after' });
      const core = await runInProcess(emulator, timer({ interval: '2h' }));
      expect(core.failed).toBeUndefined();
      expect(core.outputs.result).toBe('replaced');
      expect(live().map((t) => t.job_id)).not.toContain(old);
      expect(live()).toHaveLength(1);
    });
  },
);
