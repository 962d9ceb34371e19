import { describe, expect, it } from '@jest/globals';
import { normalizeFlowStart } from '../../src/timer/flow-document.js';
import { flowKind } from '../../src/kinds/flow/index.js';
import {
  flowCreateFields,
  flowLiveValues,
  flowSpecValues,
  overlayFlow,
} from '../../src/kinds/flow/spec.js';
import { describeNew } from '../../src/kinds/index.js';
import { compareInputValues } from '../../src/timer/compare.js';
import type { LiveTimer } from '../../src/timer/live-timer.js';
import type { TimerSpec } from '../../src/timer/timer-spec.js';

/** The kind's part of comparing (the common part is compare-common.test.ts's). */
const compareFlow = (desired: TimerSpec, held: LiveTimer) =>
  compareInputValues(flowSpecValues(desired), flowLiveValues(held));
import type { FlowFields } from '../../src/timer/flow-fields.js';
import type { TimerFields } from '../../src/timer/timer-spec.js';
import { FLOW_ID, flowSpec, transferSpec } from '../../__fixtures__/kinds.js';
import { liveTimer } from '../../__fixtures__/live-timer.js';

const MANAGER = 'urn:globus:auth:identity:5b08acc2-13a5-4f07-9a1b-195060c40eb7';
const OTHER_FLOW = '4a894db7-e48f-42b9-aa5d-670af9a3638e';

describe('creating flow timers', () => {
  it('creates with timer_type flow, the flow id and the start document', () => {
    expect(flowCreateFields(flowSpec())).toEqual({
      timer_type: 'flow',
      flow_id: FLOW_ID,
      body: { body: { echo_string: 'hi' } },
    });
    expect(() => flowCreateFields(transferSpec())).toThrow(
      'a transfer timer given to the flow kind',
    );
  });
});

describe('comparing and describing flow timers', () => {
  const live = (flowId: string | undefined, raw?: unknown) =>
    liveTimer({
      kind: 'flow',
      ...(flowId ? { flowId } : {}),
      ...(raw ? { body: normalizeFlowStart(raw) } : {}),
    });

  it('sees no change against the echo, lists compared as sets', () => {
    const wanted = flowSpec({ body: { body: { a: 1 }, tags: ['y', 'x', 'x'] } });
    expect(compareFlow(wanted, live(FLOW_ID, { body: { a: 1 }, tags: ['x', 'y'] }))).toEqual([]);
  });

  it('names a changed flow first, then each changed key of the start document', () => {
    const wanted = flowSpec({ body: { body: { a: 2 }, run_managers: [MANAGER] } });
    expect(compareFlow(wanted, live(OTHER_FLOW, { body: { a: 1 } }))).toEqual([
      { field: 'flow-id', live: OTHER_FLOW, desired: FLOW_ID },
      { field: 'flow-input', live: { a: 1 }, desired: { a: 2 } },
      { field: 'run-managers', live: undefined, desired: [MANAGER] },
    ]);
  });

  it('a live timer that shows no flow or no start document differs in both', () => {
    expect(compareFlow(flowSpec(), live(undefined))).toEqual([
      { field: 'flow-id', live: undefined, desired: FLOW_ID },
      { field: 'flow-input', live: {}, desired: { echo_string: 'hi' } },
    ]);
    // A transfer timer's body is no start document.
    const transfer = liveTimer({ body: transferSpec().body });
    expect(compareFlow(flowSpec(), transfer)).toEqual(compareFlow(flowSpec(), live(undefined)));
  });

  it('reads a start document tolerantly: lists of non-empty strings as sorted sets', () => {
    expect(
      normalizeFlowStart({
        body: [1],
        tags: ['', 3, 'b', 'a', 'b'],
        run_managers: 'x',
        run_monitors: [null],
        extra: 1,
      }),
    ).toEqual({ body: {}, tags: ['a', 'b'] });
    expect(normalizeFlowStart({ body: null, run_monitors: ['m2', 'm1'] })).toEqual({
      body: {},
      run_monitors: ['m1', 'm2'],
    });
    expect(normalizeFlowStart([{ body: { a: 1 } }])).toEqual({ body: {} });
    expect(normalizeFlowStart('text')).toEqual({ body: {} });
  });

  it('describes a new timer by every input it will have', () => {
    expect(describeNew(flowSpec({ body: { body: { echo_string: 'hi' }, tags: ['t'] } }))).toEqual([
      { field: 'name', live: undefined, desired: 'pipeline' },
      { field: 'kind', live: undefined, desired: 'flow' },
      { field: 'interval', live: undefined, desired: '1h' },
      { field: 'flow-id', live: undefined, desired: FLOW_ID },
      { field: 'flow-input', live: undefined, desired: { echo_string: 'hi' } },
      { field: 'run-tags', live: undefined, desired: ['t'] },
    ]);
    expect(flowKind.values).toBe(flowSpecValues);
    expect(flowKind.liveValues).toBe(flowLiveValues);
  });
});

describe('update: the given inputs over the live flow timer', () => {
  const given = (flow: FlowFields = {}) => ({ schedule: {}, transfer: {}, flow }) as TimerFields;
  const held = liveTimer({
    kind: 'flow',
    flowId: FLOW_ID,
    body: { body: { a: 1 }, tags: ['t'], run_managers: [MANAGER], run_monitors: [MANAGER] },
  });

  it('keeps everything not given', () => {
    expect(overlayFlow(given(), held)).toEqual({
      ...given(),
      kind: 'flow',
      flow: {
        flowId: FLOW_ID,
        input: { a: 1 },
        tags: ['t'],
        managers: [MANAGER],
        monitors: [MANAGER],
      },
    });
  });

  it('puts what is given on top, with where the input came from', () => {
    const flow: FlowFields = {
      flowId: OTHER_FLOW,
      input: { b: 2 },
      inputFrom: 'input.yml',
      tags: ['u'],
      managers: [],
      monitors: ['m'],
    };
    expect(overlayFlow(given(flow), held).flow).toEqual(flow);
  });

  it('over a timer without a flow part (or a transfer timer), only what is given', () => {
    const expected = { ...given({ tags: ['u'] }), kind: 'flow', flow: { tags: ['u'] } };
    expect(overlayFlow(given({ tags: ['u'] }), liveTimer({ kind: 'flow' }))).toEqual(expected);
    expect(overlayFlow(given({ tags: ['u'] }), liveTimer())).toEqual(expected);
    expect(flowKind.overlay).toBe(overlayFlow);
  });
});
