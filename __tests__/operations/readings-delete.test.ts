import { describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, SEEDED_COLLECTIONS } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * The scenarios that depend on how Timers answers about other clients' timers and about timers
 * being deleted (docs/globus-variants.md), each under every reading the emulator can serve.
 */

const emulator = useEmulator();
const guest = SEEDED_COLLECTIONS.guest.id;
const IDENTITY = `${DEMO_CLIENT.id}@clients.auth.globus.org`;
const OTHER = { id: '0ce0ffee-0000-4000-8000-000000000001', secret: 'other-secret' };

const timer = (overrides: Record<string, string> = {}) => ({
  name: 'readings',
  'source-endpoint': guest,
  'destination-endpoint': guest,
  items: '/data/, /backup/, true',
  interval: '1h',
  ...overrides,
});

const live = () =>
  emulator.state().timers.filter((t) => !['deleted', 'delete_in_progress'].includes(t.status));

const deletes = () => emulator.requests().filter((request) => request.method === 'DELETE');

describe.each([404, 403] as const)('another client’s timer answers %i', (status) => {
  /** A timer another client made, untouched by anything the demo client does. */
  async function foreignTimer(): Promise<string> {
    emulator.configure({ foreign_timer_status: status });
    emulator.addClient(OTHER);
    const made = await runInProcess(emulator, {
      ...timer(),
      'client-id': OTHER.id,
      'client-secret': OTHER.secret,
    });
    emulator.clearRequests();
    return made.outputs['job-id'] ?? '';
  }

  const untouched = (jobId: string) =>
    expect(live().map((t) => [t.job_id, t.name, t.status])).toEqual([[jobId, 'readings', 'new']]);

  // 404 cannot be told from a timer that does not exist; 403 proves it exists and is not ours.
  const saying =
    status === 404
      ? (jobId: string) => [
          `HTTP 404 NOT_FOUND: timer ${jobId} was not found, or is not visible to ${IDENTITY}`,
          'No such timer for this client: timers belong to the identity that created them.',
        ]
      : (jobId: string) => [
          `HTTP 403 FORBIDDEN: timer ${jobId} exists but is not owned by ${IDENTITY}`,
          `A timer belongs to the identity that created it, and only that identity may read or change it: run this step with the client-id (and secret) of the client that created the timer; this step acts as ${IDENTITY}.`,
        ];

  it.each([
    ['check', {}],
    ['wait', { timeout: '1h' }],
    ['pause', {}],
    ['resume', {}],
    ['update', { name: 'taken over' }],
  ])('%s fails, saying whose timer it may be and what to do', async (operation, inputs) => {
    const jobId = await foreignTimer();
    const core = await runInProcess(emulator, { operation, 'job-id': jobId, ...inputs });
    const [message, hint] = saying(jobId);
    expect(core.failed).toContain(message);
    expect(core.failed).toMatch(new RegExp(`\\n${escape(hint ?? '')}$`));
    untouched(jobId);
  });

  if (status === 404) {
    it('delete leaves it alone with a notice, not a failure: it may not exist at all', async () => {
      const jobId = await foreignTimer();
      const core = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
      expect(core.failed).toBeUndefined();
      expect(core.outputs).toMatchObject({ result: 'deleted', changed: 'false' });
      expect(core.annotations).toContainEqual({
        level: 'notice',
        message: `Timer ${jobId} does not exist for this client: it was deleted already, or it is another identity's (Globus Timers answers the same for both); nothing to delete`,
      });
      untouched(jobId);
    });
  } else {
    it('delete fails, saying the timer is not this client’s, and deletes nothing', async () => {
      const jobId = await foreignTimer();
      const core = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
      const [message, hint] = saying(jobId);
      expect(core.failed).toMatch(new RegExp(`^Globus Timers DELETE /jobs/${jobId}: `));
      expect(core.failed).toContain(message);
      expect(core.failed).toContain(hint);
      expect(core.outputs.changed).not.toBe('true');
      expect(deletes()).toHaveLength(1);
      untouched(jobId);
    });
  }
});

const READINGS = (['ok', 'not_found', 'conflict'] as const).flatMap((repeated) =>
  (['kept', 'gone'] as const).map((deleted) => [repeated, deleted] as const),
);

describe.each(READINGS)(
  'a repeated delete answers %s, a deleted timer is %s',
  (repeated, deleted) => {
    const configure = () =>
      emulator.configure({ repeated_delete: repeated, deleted_timers: deleted });

    it('a DELETE retried after its reply was lost counts as deleted, by this step', async () => {
      configure();
      const jobId = (await runInProcess(emulator, timer())).outputs['job-id'] ?? '';
      emulator.setFault({ service: 'timers', method: 'DELETE', path: '/jobs/', drop: 'after' });
      const core = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
      expect(core.failed).toBeUndefined();
      expect(core.outputs).toMatchObject({ result: 'deleted', changed: 'true' });
      expect(deletes()).toHaveLength(2);
      expect(live()).toEqual([]);
    });

    it('deleting a timer deleted before is a notice, and changes nothing', async () => {
      configure();
      const jobId = (await runInProcess(emulator, timer())).outputs['job-id'] ?? '';
      await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
      emulator.advance(60);
      const core = await runInProcess(emulator, { operation: 'delete', 'job-id': jobId });
      expect(core.failed).toBeUndefined();
      expect(core.outputs).toMatchObject({ result: 'deleted', changed: 'false' });
    });

    it('a replace whose old timer another run already deleted still succeeds', async () => {
      configure();
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
