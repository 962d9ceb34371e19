import { describe, expect, it } from '@jest/globals';
import { GlobusApiError } from '../../src/globus/errors.js';
import type { Flow } from '../../src/globus/flows.js';
import { flowUserScope } from '../../src/globus/scopes.js';
import { flowKind } from '../../src/kinds/flow/index.js';
import { flowScope, prepareFlow, problemsOfFlow } from '../../src/kinds/flow/prepare.js';
import { InputError } from '../../src/timer/problems.js';
import {
  apiError,
  FLOW_ID,
  flowSpec,
  IDENTITY,
  kindsContext,
  transferSpec,
} from '../../__fixtures__/kinds.js';
import { liveTimer } from '../../__fixtures__/live-timer.js';

const SCOPE = 'https://auth.globus.org/scopes/abc/flow_abc_user';
const schema = {
  type: 'object',
  required: ['echo_string'],
  properties: { echo_string: { type: 'string' } },
};
const flow = (extra: Partial<Flow> = {}): Flow => ({ id: FLOW_ID, input_schema: schema, ...extra });
const withFlow = (extra: Partial<Flow> = {}) => kindsContext({ flows: { [FLOW_ID]: flow(extra) } });

describe('preparing a flow timer', () => {
  it('says the input matches, naming the flow’s title, and asks for the flow’s own scope', async () => {
    const { context, logs, asked } = withFlow({ title: 'Echo', globus_auth_scope: SCOPE });
    expect(await prepareFlow(context, flowSpec())).toEqual({
      dataAccess: [],
      dependencies: [SCOPE],
    });
    expect(logs).toEqual([`Flow ${FLOW_ID} (Echo): the input matches its schema`]);
    expect(asked).toEqual([`flows ${FLOW_ID}`]);
  });

  it('without a title or a scope of its own: the id alone, and the scope built from it', async () => {
    const { context, logs } = withFlow({ title: null, globus_auth_scope: null });
    expect(await prepareFlow(context, flowSpec())).toEqual({
      dataAccess: [],
      dependencies: [flowUserScope(FLOW_ID)],
    });
    expect(logs).toEqual([`Flow ${FLOW_ID}: the input matches its schema`]);
    const blank = withFlow({ title: '' });
    await prepareFlow(blank.context, flowSpec());
    expect(blank.logs).toEqual([`Flow ${FLOW_ID}: the input matches its schema`]);
  });

  it('refuses an input the schema refuses, at the input it came from, logging nothing', async () => {
    const { context, logs } = withFlow();
    const bad = flowSpec({ body: { body: { echo_string: 3 } }, inputFrom: 'input.yml' });
    const error = await prepareFlow(context, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      {
        input: 'input.yml',
        message: `$.echo_string must be string (the input schema of flow ${FLOW_ID})`,
      },
    ]);
    expect(logs).toEqual([]);
  });

  it('plan shows the same problems, at flow-input when the spec does not say where', async () => {
    const { context } = withFlow();
    expect(await problemsOfFlow(context, flowSpec({ body: { body: {} } }))).toEqual([
      {
        input: 'flow-input',
        message: `$.echo_string is required (the input schema of flow ${FLOW_ID})`,
      },
    ]);
    expect(await problemsOfFlow(context, flowSpec())).toEqual([]);
    expect(await flowKind.problems(context, flowSpec({ body: { body: {} } }))).toHaveLength(1);
  });

  it('a transfer spec is not the flow kind’s to prepare', async () => {
    const { context } = withFlow();
    await expect(prepareFlow(context, transferSpec())).rejects.toThrow(
      'a transfer timer given to the flow kind',
    );
  });
});

describe('a flow the client cannot use', () => {
  const failing = (error: Error) => kindsContext({ flows: { [FLOW_ID]: error } }).context;

  it.each([404, 403])('HTTP %d says which flow and which client', async (status) => {
    const context = failing(
      apiError(status, { service: 'flows', path: `/flows/${FLOW_ID}`, requestId: 'req-1' }),
    );
    const error = await prepareFlow(context, flowSpec()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GlobusApiError);
    expect(error).toMatchObject({
      service: 'flows',
      method: 'GET',
      path: `/flows/${FLOW_ID}`,
      status,
      code: 'FlowNotFound',
      requestId: 'req-1',
      detail: `flow ${FLOW_ID} was not found, or ${IDENTITY} cannot see it`,
    });
  });

  it('keeps the code Flows gave, and makes up no request id', async () => {
    const context = failing(apiError(403, { service: 'flows', code: 'FORBIDDEN' }));
    const error = (await flowScope(context, FLOW_ID).catch((e: unknown) => e)) as GlobusApiError;
    expect(error.message).toBe(
      `Globus Flows GET /x: HTTP 403 FORBIDDEN: flow ${FLOW_ID} was not found, or ${IDENTITY} cannot see it`,
    );
    expect(error.requestId).toBeUndefined();
  });

  it('other failures pass through unchanged', async () => {
    const broken = apiError(500, { service: 'flows' });
    await expect(prepareFlow(failing(broken), flowSpec())).rejects.toBe(broken);
    const silent = apiError(undefined, { service: 'flows' });
    await expect(flowScope(failing(silent), FLOW_ID)).rejects.toBe(silent);
    const bug = new TypeError('bug');
    await expect(problemsOfFlow(failing(bug), flowSpec())).rejects.toBe(bug);
  });
});

describe('the flow kind’s consents', () => {
  it('a live flow timer needs its flow’s scope; one without a flow, or a transfer, nothing', async () => {
    const { context, asked } = withFlow({ globus_auth_scope: SCOPE });
    const live = liveTimer({ kind: 'flow', flowId: FLOW_ID });
    expect(await flowKind.consentsOf(context, live, 'auto')).toEqual({
      dataAccess: [],
      dependencies: [SCOPE],
    });
    expect(await flowScope(context, FLOW_ID)).toBe(SCOPE);
    const none = { dataAccess: [], dependencies: [] };
    expect(await flowKind.consentsOf(context, liveTimer({ kind: 'flow' }), 'auto')).toEqual(none);
    expect(
      await flowKind.consentsOf(context, liveTimer({ kind: 'flow', flowId: '' }), 'auto'),
    ).toEqual(none);
    expect(await flowKind.consentsOf(context, liveTimer(), 'auto')).toEqual(none);
    expect(asked).toEqual([`flows ${FLOW_ID}`, `flows ${FLOW_ID}`]);
  });

  it('prepare delegates to prepareFlow; reconcile keeps the timer wanted as it is', async () => {
    const { context } = withFlow({ globus_auth_scope: SCOPE });
    expect(await flowKind.prepare(context, flowSpec(), 'auto')).toEqual({
      dataAccess: [],
      dependencies: [SCOPE],
    });
    const spec = flowSpec();
    expect(flowKind.reconcile(spec, {} as never, liveTimer())).toBe(spec);
  });
});
