import { describe, expect, it } from '@jest/globals';
import { DEMO_CLIENT, SEEDED_FLOWS } from '../../emulator/index.js';
import { runInProcess, writeRequests } from '../../__fixtures__/harness.js';
import { useEmulator } from '../../__fixtures__/use-emulator.js';
import { TRANSFER as transfer } from '../../__fixtures__/apply-update.js';

/*
 * A timer of one kind (transfer or flow) turned into the other by apply or update, and what
 * plan says about a flow timer whose new input its schema refuses.
 */

const emulator = useEmulator();
const { echo } = SEEDED_FLOWS;

const flow = { 'flow-id': echo.id, 'flow-input': '{"echo_string": "hello"}' };

async function applied(inputs: Record<string, string>): Promise<string> {
  const core = await runInProcess(emulator, { name: 'nightly', interval: '1h', ...inputs });
  expect(core.failed).toBeUndefined();
  return core.outputs['job-id'] ?? '';
}

const createdBody = () =>
  (
    writeRequests(emulator).find((r) => r.method === 'POST' && r.path === '/v2/timer')?.body as {
      timer: unknown;
    }
  ).timer;

describe('changing a timer’s kind', () => {
  it('apply of a transfer over a flow timer of that name sends the transfer’s own default label', async () => {
    await applied(flow);
    emulator.clearRequests();
    await applied(transfer);
    const body = (createdBody() as { body: Record<string, unknown> }).body;
    // the label a fresh transfer timer of this name would get: the flow timer has none to keep
    expect(body.label).toBe('nightly');
  });

  it('update with flow inputs turns a transfer timer into that flow timer', async () => {
    const jobId = await applied(transfer);
    emulator.clearRequests();
    const core = await runInProcess(emulator, { operation: 'update', 'job-id': jobId, ...flow });
    expect(core.failed).toBeUndefined();
    expect(core.outputs.result).toBe('replaced');
    expect(createdBody()).toEqual({
      timer_type: 'flow',
      flow_id: echo.id,
      name: 'nightly',
      schedule: { type: 'recurring', interval_seconds: 3600 },
      body: { body: { echo_string: 'hello' } },
    });
  });
});

const TIMER = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
const flowScope = (id: string) =>
  `https://auth.globus.org/scopes/${id}/flow_${id.replace(/-/g, '_')}_user`;

/** A flow timer made by another tool, straight through the Timers API: nothing checked its input. */
async function madeElsewhere(flowInput: Record<string, unknown>): Promise<string> {
  const basic = Buffer.from(`${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`).toString('base64');
  const token = await fetch(`${emulator.urls.auth}v2/oauth2/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: `${TIMER}[${flowScope(echo.id)}]`,
    }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const created = await fetch(`${emulator.urls.timers}v2/timer`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      timer: {
        timer_type: 'flow',
        flow_id: echo.id,
        name: 'nightly',
        schedule: { type: 'recurring', interval_seconds: 3600 },
        body: { body: flowInput },
      },
    }),
  }).then((r) => r.json() as Promise<{ timer?: { job_id: string }; job_id?: string }>);
  return created.timer?.job_id ?? created.job_id ?? '';
}

describe('plan of a flow timer', () => {
  it('a timer left unchanged does not fail the plan, even on input its flow now refuses', async () => {
    // apply would write nothing, so nothing it would send can fail
    const jobId = await madeElsewhere({});
    const core = await runInProcess(emulator, {
      name: 'nightly',
      interval: '1h',
      ...flow,
      'flow-input': '{}',
      operation: 'plan',
    });
    expect(JSON.parse(core.outputs.plan ?? '{}').action).toBe('unchanged');
    expect(core.outputs['job-id']).toBe(jobId);
    expect(core.failed).toBeUndefined();
  });

  it('a replace whose new input the flow refuses fails the plan, naming the problem', async () => {
    await applied(flow);
    const core = await runInProcess(emulator, {
      name: 'nightly',
      interval: '1h',
      ...flow,
      'flow-input': '{}',
      operation: 'plan',
    });
    expect(JSON.parse(core.outputs.plan ?? '{}').action).toBe('replace');
    expect(core.failed).toContain('apply would fail: flow-input: $.echo_string is required');
  });
});
