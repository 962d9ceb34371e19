import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixture } from '../../__fixtures__/globus-fixtures.js';
import { type Emulator, SEEDED_COLLECTIONS, startEmulator } from '../../emulator/index.js';
import { call, createTimer, getJob, timerRequest, timersToken, transferToken } from './helpers.js';

let emulator: Emulator;
let transfer: string;

beforeAll(async () => {
  emulator = await startEmulator({ now: '2026-11-28T19:00:00Z' });
  transfer = await transferToken(emulator);
});
afterAll(async () => {
  await emulator.close();
});

describe('GET /v0.10/endpoint/{id}', () => {
  const { mappedNonHa, mappedNonHa2, mappedHa, guest, gcsv4Host, gcpMapped, gcsv5Endpoint } =
    SEEDED_COLLECTIONS;
  it.each([
    ['mappedNonHa', mappedNonHa, 'transfer_endpoint_gcsv5_mapped_collection.json'],
    ['mappedNonHa2', mappedNonHa2, 'transfer_endpoint_gcsv5_mapped_collection.json'],
    ['mappedHa', mappedHa, 'transfer_endpoint_gcsv5_mapped_collection.json'],
    ['guest', guest, 'transfer_endpoint_gcsv5_guest_collection.json'],
    ['gcsv4Host', gcsv4Host, 'transfer_endpoint_gcsv4_host.json'],
    ['gcpMapped', gcpMapped, 'transfer_endpoint_gcp_mapped_collection_partial.json'],
    ['gcsv5Endpoint', gcsv5Endpoint, 'transfer_endpoint_gcsv5_endpoint.json'],
  ])('serves %s with the fixture field set', async (_key, seeded, fixtureName) => {
    const reply = await call(emulator, 'GET', `/v0.10/endpoint/${seeded.id}`, { token: transfer });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(
      expect.arrayContaining(Object.keys(fixture(fixtureName))),
    );
    expect(reply.body).toMatchObject({
      DATA_TYPE: 'endpoint',
      id: seeded.id,
      entity_type: seeded.entity_type,
      display_name: seeded.display_name,
    });
    expect(reply.body.high_assurance ?? null).toBe(seeded.high_assurance);
  });

  it('describes the guest collection as hosted on the non-HA mapped collection', async () => {
    const reply = await call(emulator, 'GET', `/v0.10/endpoint/${guest.id}`, { token: transfer });
    expect(reply.body.host_endpoint_id).toBe(mappedNonHa.id);
  });

  it('marks the GCSv5 endpoint non-functional', async () => {
    const reply = await call(emulator, 'GET', `/v0.10/endpoint/${gcsv5Endpoint.id}`, {
      token: transfer,
    });
    expect(reply.body.non_functional).toBe(true);
  });

  it('lists the same collections in the handle', () => {
    expect(emulator.collections).toEqual(expect.arrayContaining(Object.values(SEEDED_COLLECTIONS)));
  });

  it('answers 404 EndpointNotFound for an unknown id', async () => {
    const id = '0f0f0f0f-0000-4000-8000-000000000000';
    const reply = await call(emulator, 'GET', `/v0.10/endpoint/${id}`, { token: transfer });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({
      code: 'EndpointNotFound',
      message: `No such endpoint '${id}'`,
      request_id: expect.any(String),
      resource: `/v0.10/endpoint/${id}`,
    });
  });

  it.each([
    ['no token', undefined],
    ['an unknown token', 'not-a-token'],
  ])('answers 401 ClientError.AuthenticationFailed with %s', async (_case, token) => {
    const reply = await call(emulator, 'GET', `/v0.10/endpoint/${mappedNonHa.id}`, { token });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({
      code: 'ClientError.AuthenticationFailed',
      request_id: expect.any(String),
    });
  });

  it('answers 401 to a Timers token', async () => {
    const timers = await timersToken(emulator);
    const reply = await call(emulator, 'GET', `/v0.10/endpoint/${mappedNonHa.id}`, {
      token: timers,
    });
    expect(reply.status).toBe(401);
  });
});

describe('GET /v0.10/task/{id}', () => {
  const { gcsv4Host, guest } = SEEDED_COLLECTIONS;

  async function runOnce(body: Record<string, unknown> = {}): Promise<string> {
    const timers = await timersToken(emulator);
    const request = timerRequest(gcsv4Host.id, guest.id, { schedule: { type: 'once' } }, body);
    const id = await createTimer(emulator, timers, request);
    const [run] = emulator.advance(0).filter((record) => record.job_id === id);
    return run?.task_id ?? '';
  }

  it('serves the task a run created, shaped like the SUCCEEDED fixture', async () => {
    const taskId = await runOnce({
      label: 'nightly',
      DATA: [
        {
          DATA_TYPE: 'transfer_item',
          source_path: '/a/',
          destination_path: '/b/',
          recursive: true,
        },
        { DATA_TYPE: 'transfer_item', source_path: '/c.txt', destination_path: '/d.txt' },
      ],
    });
    const reply = await call(emulator, 'GET', `/v0.10/task/${taskId}`, { token: transfer });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body).sort()).toEqual(
      Object.keys(fixture('transfer_task_succeeded.json')).sort(),
    );
    expect(reply.body).toMatchObject({
      DATA_TYPE: 'task',
      task_id: taskId,
      type: 'TRANSFER',
      status: 'SUCCEEDED',
      label: 'nightly',
      nice_status: null,
      completion_time: '2026-11-28T19:00:00+00:00',
      source_endpoint_id: gcsv4Host.id,
      destination_endpoint_id: guest.id,
      destination_endpoint_display_name: guest.display_name,
      directories: 1,
      files: 3,
      files_transferred: 3,
      bytes_transferred: 3 * 1_048_576,
      faults: 0,
      fatal_error: null,
    });
  });

  it('shows a failed transfer as FAILED with a fatal error and a fault', async () => {
    const timers = await timersToken(emulator);
    const id = await createTimer(emulator, timers, timerRequest(gcsv4Host.id, guest.id));
    emulator.failNextRun(id, 'transfer');
    const [run] = emulator.advance(0).filter((record) => record.job_id === id);
    expect(run?.outcome).toBe('transfer_failed');
    const reply = await call(emulator, 'GET', `/v0.10/task/${run?.task_id}`, { token: transfer });
    expect(reply.body).toMatchObject({
      status: 'FAILED',
      fatal_error: { code: expect.any(String), description: expect.any(String) },
      faults: 1,
      completion_time: expect.any(String),
    });
    const job = await getJob(emulator, timers, id);
    expect(job.results.data[0]).toMatchObject({
      run_status: 'FAILED',
      errors: null,
      resource_id: run?.task_id,
    });
  });

  it('fails every task a run submits under transfer_outcome FAILED, until set back', async () => {
    const timers = await timersToken(emulator);
    const id = await createTimer(emulator, timers, timerRequest(gcsv4Host.id, guest.id));
    const other = await createTimer(emulator, timers, timerRequest(guest.id, gcsv4Host.id));
    emulator.configure({ transfer_outcome: 'FAILED' });
    // Hourly from now: advance(0) runs the first tick of each, advance(3600) the next.
    const outcomes = (seconds: number) =>
      emulator
        .advance(seconds)
        .filter((record) => [id, other].includes(record.job_id))
        .map((record) => record.outcome);
    try {
      expect(outcomes(0)).toEqual(['transfer_failed', 'transfer_failed']);
      const job = await getJob(emulator, timers, id);
      const task = await call(emulator, 'GET', `/v0.10/task/${job.results.data[0].resource_id}`, {
        token: transfer,
      });
      expect(task.body).toMatchObject({
        status: 'FAILED',
        fatal_error: {
          code: 'PERMISSION_DENIED',
          description: 'permission denied on the destination path',
        },
      });
    } finally {
      emulator.configure({ transfer_outcome: 'SUCCEEDED' });
    }
    expect(outcomes(3600)).toEqual(['submitted', 'submitted']);
  });

  it('answers 404 for unknown tasks and for tasks of other clients', async () => {
    const taskId = await runOnce();
    emulator.addClient({ id: 'stranger', secret: 'stranger-secret' });
    const strangerTransfer = await transferToken(emulator, {
      id: 'stranger',
      secret: 'stranger-secret',
    });
    const foreign = await call(emulator, 'GET', `/v0.10/task/${taskId}`, {
      token: strangerTransfer,
    });
    expect(foreign.status).toBe(404);
    const unknown = await call(
      emulator,
      'GET',
      '/v0.10/task/0f0f0f0f-0000-4000-8000-000000000000',
      {
        token: transfer,
      },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      code: expect.any(String),
      message: expect.any(String),
      request_id: expect.any(String),
      resource: '/v0.10/task/0f0f0f0f-0000-4000-8000-000000000000',
    });
  });
});
