import { beforeEach, describe, expect, it } from '@jest/globals';
import { SEEDED_COLLECTIONS, requestDepth, type LoggedRequest } from '../../emulator/index.js';
import { runInProcess } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';

/*
 * A step's wall time against Globus is its sequential round trips. With a simulated round trip
 * (the emulator's latency), each operation's requests are counted and their depth measured: a
 * request that started before another was answered is in the same round. Revocations, all in
 * one round at the end, are counted apart. BENCHMARKS.md sets each figure against its target.
 */

const emulator = useEmulator();
const { guest, gcsv4Host, mappedNonHa } = SEEDED_COLLECTIONS;

const timer = (overrides: Record<string, string> = {}) => ({
  name: 'rounds',
  'source-endpoint': guest.id,
  'destination-endpoint': gcsv4Host.id,
  items: '/data/, /backup/, true',
  interval: '1d',
  ...overrides,
});

const isRevocation = (r: LoggedRequest) => r.path === '/v2/oauth2/token/revoke';

/** Runs an operation on a clean request log and measures it. */
async function measure(inputs: Record<string, string>, fails = false) {
  emulator.clearRequests();
  const core = await runInProcess(emulator, inputs);
  if (fails) expect(core.failed).toBeDefined();
  else expect(core.failed).toBeUndefined();
  const requests = emulator.requests();
  const work = requests.filter((r) => !isRevocation(r));
  const revocations = requests.filter(isRevocation);
  return {
    core,
    requests: work.length,
    depth: requestDepth(work),
    revocations: revocations.length,
    revocationRounds: requestDepth(revocations),
    calls: work.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '<id>')}`),
  };
}

/** The same, for a step that fails its check. */
const measureFailing = (inputs: Record<string, string>) => measure(inputs, true);

async function existing(overrides: Record<string, string> = {}): Promise<string> {
  return (await runInProcess(emulator, timer(overrides))).outputs['job-id'] ?? '';
}

beforeEach(() => {
  emulator.configure({ latency_ms: 25 });
});

describe('requests and sequential rounds per operation', () => {
  it('apply, creating between two collections that need no data_access: 6 requests in 5 rounds', async () => {
    const measured = await measure(timer());
    expect(measured.calls).toEqual([
      'POST /v2/oauth2/token',
      'GET /jobs/',
      'GET /v0.10/endpoint/<id>',
      'GET /v0.10/endpoint/<id>',
      'POST /v2/timer',
      'GET /jobs/',
    ]);
    // token → list → both look-ups at once → create → the read that settles concurrent runs
    expect(measured.depth).toBe(5);
    expect(measured.revocations).toBe(2);
    expect(measured.revocationRounds).toBe(1);
  });

  it('apply, creating on a mapped collection: 7 requests in 6 rounds', async () => {
    const measured = await measure(timer({ 'source-endpoint': mappedNonHa.id }));
    expect(measured.requests).toBe(7);
    expect(measured.depth).toBe(6);
    expect(measured.revocations).toBe(3);
    expect(measured.revocationRounds).toBe(1);
  });

  it('apply with data-access given: no look-up, one token: 4 requests in 4 rounds', async () => {
    const measured = await measure(
      timer({ 'source-endpoint': mappedNonHa.id, 'data-access': mappedNonHa.id }),
    );
    expect(measured.calls).toEqual([
      'POST /v2/oauth2/token',
      'GET /jobs/',
      'POST /v2/timer',
      'GET /jobs/',
    ]);
    expect(measured.depth).toBe(4);
    expect(measured.revocations).toBe(1);
  });

  it('create: the list and the look-ups at once, 5 requests in 3 rounds (4 for a mapped one)', async () => {
    const plain = await measure({ ...timer(), operation: 'create' });
    expect(plain.requests).toBe(5);
    expect(plain.depth).toBe(3);
    const mapped = await measure({
      ...timer({ 'source-endpoint': mappedNonHa.id }),
      operation: 'create',
    });
    expect(mapped.requests).toBe(6);
    expect(mapped.depth).toBe(4);
  });

  it('apply, unchanged: 2 requests in 2 rounds', async () => {
    await existing();
    const measured = await measure(timer());
    expect(measured.calls).toEqual(['POST /v2/oauth2/token', 'GET /jobs/']);
    expect(measured.depth).toBe(2);
    expect(measured.core.outputs.result).toBe('unchanged');
  });

  it('check by job-id following its Transfer task: 3 requests in 3 rounds', async () => {
    const jobId = await existing();
    emulator.advance(60);
    const measured = await measure({ operation: 'check', 'job-id': jobId });
    expect(measured.calls).toEqual([
      'POST /v2/oauth2/token',
      'GET /jobs/<id>',
      'GET /v0.10/task/<id>',
    ]);
    expect(measured.depth).toBe(3);
  });

  it('check by job-id with 5 runs of history: their 5 tasks at once, 7 requests in 3 rounds', async () => {
    const jobId = await existing({ interval: '1h' });
    emulator.advance(60);
    for (let run = 1; run < 6; run++) emulator.advance(3600);
    const measured = await measure({ operation: 'check', 'job-id': jobId });
    expect(measured.calls).toEqual([
      'POST /v2/oauth2/token',
      'GET /jobs/<id>',
      ...Array<string>(5).fill('GET /v0.10/task/<id>'),
    ]);
    // The same rounds as following the last run alone: history costs no round of its own.
    expect(measured.depth).toBe(3);
    expect(JSON.parse(measured.core.outputs.history ?? '')).toHaveLength(5);
  });

  it('check of a stalled task: its event list is one more round, 8 requests in 4 rounds', async () => {
    const jobId = await existing({ interval: '1h' });
    emulator.advance(60);
    for (let run = 1; run < 5; run++) emulator.advance(3600);
    emulator.failNextRun(jobId, 'transfer_stalled');
    emulator.advance(3600);
    const measured = await measureFailing({ operation: 'check', 'job-id': jobId });
    expect(measured.calls).toEqual([
      'POST /v2/oauth2/token',
      'GET /jobs/<id>',
      ...Array<string>(5).fill('GET /v0.10/task/<id>'),
      'GET /v0.10/task/<id>/event_list',
    ]);
    expect(measured.depth).toBe(4);
  });

  it('delete by job-id: 2 requests in 2 rounds', async () => {
    const jobId = await existing();
    const measured = await measure({ operation: 'delete', 'job-id': jobId });
    expect(measured.calls).toEqual(['POST /v2/oauth2/token', 'DELETE /jobs/<id>']);
    expect(measured.depth).toBe(2);
  });
});
