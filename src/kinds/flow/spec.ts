import { compareDocuments, type FieldChange } from '../../timer/compare.js';
import type { FlowCreateFields } from '../../timer/create-request.js';
import { describeSchedule } from '../../timer/schedule.js';
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

/** The flow, then the start document (input, tags, managers, monitors) key by key. */
export function compareFlow(desired: TimerSpec, live: LiveTimer): FieldChange[] {
  const flow = ofKind(desired, 'flow');
  const held = live.kind === 'flow' ? live : undefined;
  const changes: FieldChange[] =
    flow.flowId === held?.flowId
      ? []
      : [{ field: 'flow_id', live: held?.flowId, desired: flow.flowId }];
  const heldBody = held?.body ?? normalizeFlowStart({});
  return [...changes, ...compareDocuments('body', normalizeFlowStart(flow.body), heldBody)];
}

export function describeNewFlow(spec: TimerSpec): FieldChange[] {
  const flow = ofKind(spec, 'flow');
  return [
    { field: 'name', live: undefined, desired: spec.name },
    { field: 'schedule', live: undefined, desired: describeSchedule(spec.schedule) },
    { field: 'flow_id', live: undefined, desired: flow.flowId },
    { field: 'body.body', live: undefined, desired: flow.body.body },
  ];
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
