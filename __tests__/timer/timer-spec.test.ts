import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { InputError, type InputProblem } from '../../src/timer/problems.js';
import { buildTimerSpec, labelFromName, type TimerFields } from '../../src/timer/timer-spec.js';

const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const SRC = '515c6123-6c88-1537-bcf3-bd58da60fb1c';
const DST = 'eb7a7995-9588-132d-8242-aadbc8f429a4';
const FLOW = '6c54cade-bde5-45c1-bdea-f4bd71dba2cc';
const ITEMS = [{ DATA_TYPE: 'transfer_item' as const, source_path: '/a', destination_path: '/b' }];

const fields = (overrides: Partial<TimerFields> = {}): TimerFields => ({
  name: 'nightly',
  schedule: { intervalSeconds: 3600 },
  transfer: {
    sourceEndpoint: SRC,
    destinationEndpoint: DST,
    items: ITEMS,
    options: {},
    defaulted: [],
  },
  flow: {},
  ...overrides,
});

function problemsOf(build: () => unknown): InputProblem[] {
  try {
    build();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('no InputError');
}

describe('labelFromName', () => {
  it('keeps a name made of label characters as it is', () => {
    expect(labelFromName('Nightly backup_2, v-1')).toBe('Nightly backup_2, v-1');
  });

  it('turns each run of other characters into one dash', () => {
    expect(labelFromName('ci/results//raw.d')).toBe('ci-results-raw-d');
  });

  it('turns each run of spaces into one space, and trims', () => {
    expect(labelFromName('  a   b  ')).toBe('a b');
  });

  it('cuts the label at 128 characters', () => {
    expect(labelFromName('x'.repeat(200))).toBe('x'.repeat(128));
  });

  it('trims what the cut leaves at the end', () => {
    expect(labelFromName(`${'x'.repeat(127)} y`)).toBe('x'.repeat(127));
  });

  it('falls back to the action’s name when nothing is left', () => {
    expect(labelFromName('   ')).toBe('globus-timer-action');
    expect(labelFromName('')).toBe('globus-timer-action');
  });
});

describe('buildTimerSpec', () => {
  it('builds a transfer timer, labelled after its name when no label is given', () => {
    expect(buildTimerSpec(fields({ name: 'ci/nightly' }), now)).toStrictEqual({
      spec: {
        kind: 'transfer',
        name: 'ci/nightly',
        schedule: { type: 'recurring', interval_seconds: 3600 },
        body: {
          DATA_TYPE: 'transfer',
          source_endpoint: SRC,
          destination_endpoint: DST,
          DATA: ITEMS,
          label: 'ci-nightly',
        },
      },
      notices: [],
    });
  });

  it('names every missing input of a transfer timer', () => {
    const bare = fields({ transfer: { options: {}, defaulted: [] } });
    const { name: _name, ...nameless } = bare;
    expect(problemsOf(() => buildTimerSpec(nameless, now))).toStrictEqual([
      { input: 'name', message: 'required to describe a timer' },
      { input: 'source-endpoint', message: 'required to describe a timer' },
      { input: 'destination-endpoint', message: 'required to describe a timer' },
      { input: 'items', message: 'required to describe a timer' },
    ]);
  });

  it('names only what is missing', () => {
    const noItems = fields({
      transfer: { sourceEndpoint: SRC, destinationEndpoint: DST, options: {}, defaulted: [] },
    });
    expect(problemsOf(() => buildTimerSpec(noItems, now))).toStrictEqual([
      { input: 'items', message: 'required to describe a timer' },
    ]);
  });

  it('builds a flow timer with only the run options given', () => {
    const flow = (flowFields: TimerFields['flow']) =>
      buildTimerSpec(fields({ kind: 'flow', flow: flowFields }), now).spec;
    expect(flow({ flowId: FLOW })).toStrictEqual({
      kind: 'flow',
      flowId: FLOW,
      body: { body: {} },
      name: 'nightly',
      schedule: { type: 'recurring', interval_seconds: 3600 },
    });
    expect(flow({ flowId: FLOW, tags: [], managers: [], monitors: [] })).toStrictEqual(
      flow({ flowId: FLOW }),
    );
    expect(
      flow({
        flowId: FLOW,
        input: { n: 1 },
        inputFrom: 'flow-input',
        tags: ['t'],
        managers: ['m'],
        monitors: ['o'],
      }),
    ).toStrictEqual({
      kind: 'flow',
      flowId: FLOW,
      body: { body: { n: 1 }, tags: ['t'], run_managers: ['m'], run_monitors: ['o'] },
      inputFrom: 'flow-input',
      name: 'nightly',
      schedule: { type: 'recurring', interval_seconds: 3600 },
    });
  });

  it('asks a flow timer for its flow id', () => {
    expect(problemsOf(() => buildTimerSpec(fields({ kind: 'flow' }), now))).toStrictEqual([
      { input: 'flow-id', message: 'required to describe a timer' },
    ]);
  });
});
