import type { FlowStartDocument } from './flow-document.js';
import type { InputValues } from './input-values.js';

/**
 * A flow timer's flow and start document (normalised: see normalizeFlowStart) as the inputs
 * that write them: `flow-id`, `flow-input` (the JSON object), `run-tags`, `run-managers`,
 * `run-monitors` (sets, sorted).
 */
export function flowValues(flowId: string | undefined, body: FlowStartDocument): InputValues {
  return {
    ...(flowId ? { 'flow-id': flowId } : {}),
    'flow-input': body.body,
    ...(body.tags ? { 'run-tags': body.tags } : {}),
    ...(body.run_managers ? { 'run-managers': body.run_managers } : {}),
    ...(body.run_monitors ? { 'run-monitors': body.run_monitors } : {}),
  };
}
