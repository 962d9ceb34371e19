import { GlobusApiError } from '../../globus/errors.js';
import type { Flow } from '../../globus/flows.js';
import { flowUserScope } from '../../globus/scopes.js';
import { InputError, type InputProblem } from '../../timer/problems.js';
import type { FlowTimerSpec, TimerSpec } from '../../timer/timer-spec.js';
import { ofKind, type Consents, type KindContext } from '../kind.js';
import { hasInputSchema, validateFlowInput } from './input-schema.js';

/**
 * Before a flow timer is written: the flow must exist and be visible to this client, and the
 * input must satisfy the flow's input schema — a timer whose every run would fail is refused.
 * The Timers token then carries the flow's own scope, so the timer can start its runs.
 */
export async function prepareFlow(context: KindContext, spec: TimerSpec): Promise<Consents> {
  const flowSpec = ofKind(spec, 'flow');
  const { flow, problems } = await checkFlow(context, flowSpec);
  if (problems.length > 0) throw new InputError(problems);
  const named = `Flow ${flowSpec.flowId}${flow.title ? ` (${flow.title})` : ''}`;
  context.log.info(
    hasInputSchema(flow.input_schema)
      ? `${named}: the input matches its schema`
      : `${named} has no input schema: the input is not checked before it runs`,
  );
  return { dataAccess: [], dependencies: [scopeOf(flow)] };
}

/** The scope a flow's runs are started under: its own word, else the one built from its id. */
export async function flowScope(context: KindContext, flowId: string): Promise<string> {
  return scopeOf(await lookUp(context, flowId));
}

function scopeOf(flow: Flow): string {
  return flow.globus_auth_scope ?? flowUserScope(flow.id);
}

/** The problems plan shows: why the flow's runs would fail, each at its JSON path. */
export async function problemsOfFlow(
  context: KindContext,
  spec: TimerSpec,
): Promise<InputProblem[]> {
  return (await checkFlow(context, ofKind(spec, 'flow'))).problems;
}

async function checkFlow(
  context: KindContext,
  spec: FlowTimerSpec,
): Promise<{ flow: Flow; problems: InputProblem[] }> {
  const flow = await lookUp(context, spec.flowId);
  const found = await validateFlowInput(flow.input_schema, spec.body.body);
  const input = spec.inputFrom ?? 'flow-input';
  const problems = found.map(({ path, message }) => ({
    input,
    message: `${path} ${message} (the input schema of flow ${spec.flowId})`,
  }));
  return { flow, problems };
}

async function lookUp(context: KindContext, flowId: string): Promise<Flow> {
  try {
    return await context.flows.flow(flowId);
  } catch (error) {
    if (!(error instanceof GlobusApiError)) throw error;
    if (error.status !== 404 && error.status !== 403) throw error;
    throw new GlobusApiError({
      service: error.service,
      method: error.method,
      path: error.path,
      status: error.status,
      code: error.code ?? 'FlowNotFound',
      detail: `flow ${flowId} was not found, or ${context.credentials.identity} cannot see it`,
      ...(error.requestId ? { requestId: error.requestId } : {}),
    });
  }
}
