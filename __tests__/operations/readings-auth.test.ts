import { describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess, tokenScopes } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * The scenarios that depend on how Globus answers about consent and scopes (docs/globus-variants.md),
 * each under every reading the emulator can serve. Other clients' timers and repeated deletes:
 * readings-delete.test.ts.
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
