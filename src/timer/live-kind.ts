import { normalizeFlowStart } from './flow-document.js';
import type { KindName } from './timer-spec.js';
import type { TimerDocument } from './timer-document.js';
import { normalizeTransferDocument, type TransferDocument } from './transfer-document.js';
import type { FlowStartDocument } from './flow-document.js';

/** What a timer's runs do, as Globus holds it: one part per kind of timer. */
export type LiveKindPart =
  | { kind: 'transfer'; body?: TransferDocument }
  | { kind: 'flow'; flowId?: string; body?: FlowStartDocument };

/**
 * The kind of a timer Globus holds: a flow timer by its `timer_type` or its `flow_id`; anything
 * else — a transfer timer, or a type this action does not know yet — reads as a transfer timer.
 */
export function kindOfDocument(document: TimerDocument): KindName {
  return document.timer_type === 'flow' || document.flow_id ? 'flow' : 'transfer';
}

/** The kind's part of a timer document, read tolerantly. */
export function readKindPart(document: TimerDocument): LiveKindPart {
  if (kindOfDocument(document) === 'flow') {
    // v2 documents carry the start document as `body`; job documents as `callback_body`.
    const raw = document.body ?? document.callback_body;
    return {
      kind: 'flow',
      ...(document.flow_id ? { flowId: document.flow_id } : {}),
      ...(raw ? { body: normalizeFlowStart(raw) } : {}),
    };
  }
  const raw = document.body ?? document.callback_body?.body;
  return { kind: 'transfer', ...(raw ? { body: normalizeTransferDocument(raw) } : {}) };
}
