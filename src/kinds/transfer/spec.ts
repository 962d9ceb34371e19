import type { TransferCreateFields } from '../../timer/create-request.js';
import type { InputValues } from '../../timer/input-values.js';
import { transferValues } from '../../timer/transfer-values.js';
import type { TimerFields, TimerSpec } from '../../timer/timer-spec.js';
import type { LiveTimer } from '../../timer/live-timer.js';
import { ofKind } from '../kind.js';
import { normalizeTransferDocument, type TransferOptions } from '../../timer/transfer-document.js';

/*
 * The pure half of the transfer kind: how a transfer timer is recognised, read, created,
 * compared, described and updated. Its body is Timers' TransferTaskDocument (Timers OpenAPI).
 */

export function transferCreateFields(spec: TimerSpec): TransferCreateFields {
  return { timer_type: 'transfer', body: ofKind(spec, 'transfer').body };
}

/**
 * The transfer wanted as the inputs that write it, after the service's defaults are filled in
 * (so it compares with what Globus echoes, and a new timer's plan lists every option it gets).
 */
export function transferSpecValues(spec: TimerSpec): InputValues {
  return transferValues(normalizeTransferDocument({ ...ofKind(spec, 'transfer').body }));
}

/** The transfer Globus holds as the inputs that would write it (a timer with none: defaults). */
export function transferLiveValues(live: LiveTimer): InputValues {
  const body = live.kind === 'transfer' && live.body ? live.body : normalizeTransferDocument({});
  return transferValues(body);
}

/**
 * The label a timer gets when none is given is derived from its name, for new timers. An
 * existing timer keeps the label it has, so a rename stays a rename and a timer made by another
 * tool is not replaced over a default nobody asked for.
 */
export function reconcileTransfer(
  desired: TimerSpec,
  fields: TimerFields,
  live: LiveTimer,
): TimerSpec {
  const spec = ofKind(desired, 'transfer');
  const liveLabel = live.kind === 'transfer' ? live.body?.label : undefined;
  const label = fields.transfer.options.label ?? liveLabel;
  if (label === spec.body.label) return spec;
  const body = { ...spec.body };
  if (label === undefined) delete body.label;
  else body.label = label;
  return { ...spec, body };
}

/**
 * The live timer's transfer with the given inputs on top: what is not given keeps its current
 * value (boolean options count as given when set away from their default).
 */
export function overlayTransfer(given: TimerFields, live: LiveTimer): TimerFields {
  const body = live.kind === 'transfer' ? live.body : undefined;
  const { DATA_TYPE, source_endpoint, destination_endpoint, DATA, ...liveOptions } = body ?? {};
  const options: TransferOptions = { ...given.transfer.options };
  for (const option of given.transfer.defaulted) delete options[option];
  const transfer = given.transfer;
  return {
    ...given,
    kind: 'transfer',
    transfer: {
      ...pick('sourceEndpoint', transfer.sourceEndpoint ?? source_endpoint),
      ...pick('destinationEndpoint', transfer.destinationEndpoint ?? destination_endpoint),
      ...pick('items', transfer.items ?? DATA),
      options: { ...liveOptions, ...options },
      defaulted: [],
    },
  };
}

function pick<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
