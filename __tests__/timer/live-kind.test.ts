import { describe, expect, it } from '@jest/globals';
import { normalizeFlowStart } from '../../src/timer/flow-document.js';
import { kindOfDocument, readKindPart } from '../../src/timer/live-kind.js';
import { timerDocumentSchema } from '../../src/timer/timer-document.js';
import { normalizeTransferDocument } from '../../src/timer/transfer-document.js';
import { DESTINATION, FLOW_ID, SOURCE } from '../../__fixtures__/kinds.js';

const doc = (fields: Record<string, unknown>) =>
  timerDocumentSchema.parse({ job_id: 'j', status: 'new', ...fields });

describe('the kind of a timer Globus holds', () => {
  it('is flow by its timer_type or its flow_id, and transfer for anything else', () => {
    expect(kindOfDocument(doc({ timer_type: 'flow' }))).toBe('flow');
    expect(kindOfDocument(doc({ flow_id: FLOW_ID }))).toBe('flow');
    expect(kindOfDocument(doc({ timer_type: 'transfer', flow_id: FLOW_ID }))).toBe('flow');
    expect(kindOfDocument(doc({ timer_type: 'transfer' }))).toBe('transfer');
    expect(kindOfDocument(doc({ flow_id: '' }))).toBe('transfer');
    expect(kindOfDocument(doc({}))).toBe('transfer');
    expect(kindOfDocument(doc({ timer_type: 'something-new' }))).toBe('transfer');
  });
});

describe('reading the kind’s part of a timer document', () => {
  it('reads a flow timer’s id and start document (body, else callback_body)', () => {
    const start = { body: { a: 1 }, tags: ['b', 'a'] };
    expect(readKindPart(doc({ flow_id: FLOW_ID, body: start }))).toEqual({
      kind: 'flow',
      flowId: FLOW_ID,
      body: normalizeFlowStart(start),
    });
    expect(readKindPart(doc({ timer_type: 'flow', callback_body: start, body: null }))).toEqual({
      kind: 'flow',
      body: { body: { a: 1 }, tags: ['a', 'b'] },
    });
    expect(readKindPart(doc({ flow_id: '', timer_type: 'flow' }))).toEqual({ kind: 'flow' });
  });

  it('reads a transfer timer’s body (v2) or its callback body’s body (job documents), else none', () => {
    const raw = { source_endpoint: SOURCE, destination_endpoint: DESTINATION, DATA: [] };
    const read = { kind: 'transfer', body: normalizeTransferDocument(raw) };
    expect(readKindPart(doc({ body: raw }))).toEqual(read);
    expect(readKindPart(doc({ callback_body: { body: raw } }))).toEqual(read);
    expect(readKindPart(doc({ body: raw, callback_body: { body: {} } }))).toEqual(read);
    expect(readKindPart(doc({}))).toEqual({ kind: 'transfer' });
    expect(readKindPart(doc({ callback_body: {} }))).toEqual({ kind: 'transfer' });
  });
});
