import { describe, expect, it } from '@jest/globals';
import { normalizeTransferDocument } from '../../src/timer/transfer-document.js';
import { transferKind } from '../../src/kinds/transfer/index.js';
import {
  overlayTransfer,
  reconcileTransfer,
  transferCreateFields,
  transferLiveValues,
  transferSpecValues,
} from '../../src/kinds/transfer/spec.js';
import { describeNew } from '../../src/kinds/index.js';
import { compareInputValues } from '../../src/timer/compare.js';
import type { TimerSpec } from '../../src/timer/timer-spec.js';
import type { LiveTimer } from '../../src/timer/live-timer.js';

/** The kind's part of comparing (the common part is compare-common.test.ts's). */
const compareTransfer = (desired: TimerSpec, live: LiveTimer) =>
  compareInputValues(transferSpecValues(desired), transferLiveValues(live));
import type { TimerFields } from '../../src/timer/timer-spec.js';
import { DESTINATION, flowSpec, SOURCE, transferSpec } from '../../__fixtures__/kinds.js';
import { liveTimer } from '../../__fixtures__/live-timer.js';

const body = transferSpec().body;

/** Transfer fields as the inputs give them; `defaulted` lists the booleans left at default. */
function given(transfer: Partial<TimerFields['transfer']> = {}): TimerFields {
  return {
    schedule: {},
    transfer: { options: {}, defaulted: [], ...transfer },
    flow: {},
  } as TimerFields;
}

describe('creating transfer timers', () => {
  it('creates with timer_type transfer and the body', () => {
    expect(transferCreateFields(transferSpec())).toEqual({ timer_type: 'transfer', body });
    expect(() => transferCreateFields(flowSpec())).toThrow(
      'a flow timer given to the transfer kind',
    );
  });
});

describe('comparing and describing transfer timers', () => {
  it('sees no change against the echo, whatever defaults the echo spells out', () => {
    const live = liveTimer({
      body: normalizeTransferDocument({ ...body, notify_on_failed: true }),
    });
    expect(compareTransfer(transferSpec(), live)).toEqual([]);
  });

  it('names each changed option by its input, in the units the input takes', () => {
    const live = liveTimer({ body: normalizeTransferDocument({ ...body, label: 'old' }) });
    const wanted = transferSpec({
      body: { ...body, label: 'new', verify_checksum: true, sync_level: 3 },
    });
    expect(compareTransfer(wanted, live)).toEqual([
      { field: 'label', live: 'old', desired: 'new' },
      { field: 'sync-level', live: undefined, desired: 'checksum' },
      { field: 'verify-checksum', live: 'false', desired: 'true' },
    ]);
  });

  it('compares against an empty body when the live timer shows none', () => {
    expect(compareTransfer(transferSpec(), liveTimer()).map((c) => c.field)).toEqual([
      'source-endpoint',
      'destination-endpoint',
      'items',
    ]);
    expect(transferLiveValues(liveTimer({ kind: 'flow', body: { body: {} } }))).toEqual(
      transferLiveValues(liveTimer()),
    );
  });

  it('describes a new timer by every input it will have, options and defaults included', () => {
    expect(transferSpecValues(transferSpec())).toEqual({
      'source-endpoint': SOURCE,
      'destination-endpoint': DESTINATION,
      items: ['/a, /b'],
      'verify-checksum': 'false',
      'encrypt-data': 'false',
      'preserve-timestamp': 'false',
      'delete-destination-extra': 'false',
      'skip-source-errors': 'false',
      'fail-on-quota-errors': 'false',
      notify: 'default',
    });
    expect(describeNew(transferSpec()).slice(0, 3)).toEqual([
      { field: 'name', live: undefined, desired: 'nightly' },
      { field: 'kind', live: undefined, desired: 'transfer' },
      { field: 'interval', live: undefined, desired: '1d' },
    ]);
    expect(describeNew(transferSpec()).map((change) => change.field)).toEqual([
      'name',
      'kind',
      'interval',
      ...Object.keys(transferSpecValues(transferSpec())),
    ]);
    expect(transferKind.values).toBe(transferSpecValues);
    expect(transferKind.liveValues).toBe(transferLiveValues);
  });
});

describe('an existing timer keeps the label it has unless one is given', () => {
  const derived = transferSpec({ body: { ...body, label: 'nightly' } });
  const labelled = (label?: string) =>
    liveTimer({ body: normalizeTransferDocument({ ...body, ...(label ? { label } : {}) }) });

  it('a given label wins over the live one', () => {
    const fields = given({ options: { label: 'chosen' } });
    const wanted = transferSpec({ body: { ...body, label: 'chosen' } });
    expect(reconcileTransfer(wanted, fields, labelled('old'))).toBe(wanted);
  });

  it('no label given: the live label replaces the derived one', () => {
    expect(reconcileTransfer(derived, given(), labelled('old'))).toEqual(
      transferSpec({ body: { ...body, label: 'old' } }),
    );
  });

  it('no label given nor held: the derived one is dropped, so the timer is not changed over it', () => {
    const kept = reconcileTransfer(derived, given(), labelled());
    expect(kept).toEqual(transferSpec());
    expect(kept.kind === 'transfer' && 'label' in kept.body).toBe(false);
    // A flow timer held has no label either.
    expect(reconcileTransfer(derived, given(), liveTimer({ kind: 'flow' }))).toEqual(
      transferSpec(),
    );
    expect(derived.body.label).toBe('nightly');
  });
});

describe('update: the given inputs over the live transfer timer', () => {
  const liveBody = normalizeTransferDocument({ ...body, label: 'old', encrypt_data: true });
  const live = liveTimer({ body: liveBody });

  it('keeps the endpoints, items and options not given', () => {
    const { DATA_TYPE, source_endpoint, destination_endpoint, DATA, ...options } = liveBody;
    expect(DATA_TYPE).toBe('transfer');
    expect(overlayTransfer(given(), live)).toEqual({
      ...given(),
      kind: 'transfer',
      transfer: {
        sourceEndpoint: source_endpoint,
        destinationEndpoint: destination_endpoint,
        items: DATA,
        options,
        defaulted: [],
      },
    });
  });

  it('puts what is given on top; booleans left at their default keep the live value', () => {
    const fields = given({
      sourceEndpoint: 'new-src',
      destinationEndpoint: 'new-dst',
      items: [],
      options: { label: 'new', encrypt_data: false, verify_checksum: true },
      defaulted: ['encrypt_data'],
    });
    const { transfer } = overlayTransfer(fields, live);
    expect(transfer).toMatchObject({
      sourceEndpoint: 'new-src',
      destinationEndpoint: 'new-dst',
      items: [],
      defaulted: [],
    });
    expect(transfer.options).toMatchObject({
      label: 'new',
      encrypt_data: true,
      verify_checksum: true,
    });
  });

  it('over a timer with no body (or a flow timer), only what is given', () => {
    const fields = given({ options: { label: 'x' } });
    const expected = {
      ...fields,
      kind: 'transfer',
      transfer: { options: { label: 'x' }, defaulted: [] },
    };
    expect(overlayTransfer(fields, liveTimer())).toEqual(expected);
    expect(overlayTransfer(fields, liveTimer({ kind: 'flow', body: { body: {} } }))).toEqual(
      expected,
    );
  });
});
