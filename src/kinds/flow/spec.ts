import type { FlowCreateFields } from '../../timer/create-request.js';
import { flowValues } from '../../timer/flow-values.js';
import type { InputValues } from '../../timer/input-values.js';
import type { TimerFields, TimerSpec } from '../../timer/timer-spec.js';
import type { LiveTimer } from '../../timer/live-timer.js';
import { ofKind } from '../kind.js';
import { normalizeFlowStart } from '../../timer/flow-document.js';

/*
 * The pure half of the flow kind: how a flow timer is recognised, read, created, compared,
 * described and updated. Its body is Timers' FlowStartDocument (Timers OpenAPI).
 */

export function flowCreateFields(spec: TimerSpec): FlowCreateFields {
  const flow = ofKind(spec, 'flow');
  return { timer_type: 'flow', flow_id: flow.flowId, body: flow.body };
}

/** The flow and its start document (input, tags, managers, monitors) as the inputs that write them. */
export function flowSpecValues(spec: TimerSpec): InputValues {
  const flow = ofKind(spec, 'flow');
  return flowValues(flow.flowId, normalizeFlowStart(flow.body));
}

/** The flow timer Globus holds as the inputs that would write it. */
export function flowLiveValues(live: LiveTimer): InputValues {
  const held = live.kind === 'flow' ? live : undefined;
  return flowValues(held?.flowId, held?.body ?? normalizeFlowStart({}));
}

/** The live flow timer's fields with the given inputs on top: what is not given stays. */
export function overlayFlow(given: TimerFields, live: LiveTimer): TimerFields {
  const held = live.kind === 'flow' ? live : undefined;
  const flow = given.flow;
  const flowId = flow.flowId ?? held?.flowId;
  const input = flow.input ?? held?.body?.body;
  const tags = flow.tags ?? held?.body?.tags;
  const managers = flow.managers ?? held?.body?.run_managers;
  const monitors = flow.monitors ?? held?.body?.run_monitors;
  return {
    ...given,
    kind: 'flow',
    flow: {
      ...(flowId ? { flowId } : {}),
      ...(input ? { input } : {}),
      ...(flow.inputFrom ? { inputFrom: flow.inputFrom } : {}),
      ...(tags ? { tags } : {}),
      ...(managers ? { managers } : {}),
      ...(monitors ? { monitors } : {}),
    },
  };
}
