/**
 * Each operation through the bundle (`node dist/index.js`, as the runner runs a step) against
 * the emulator: its requests and sequential rounds, from the emulator's request log of a run at
 * a 60 ms round trip, and its wall time at 0 and 60 ms. Whatever a run needs to find (a timer
 * to leave unchanged, check or delete) is made in process first, off the clock.
 */
import { DEMO_CLIENT, SEEDED_COLLECTIONS, type Emulator } from '../emulator/index.js';
import { ACTION_DEFAULTS, emulatorEnv, runInProcess } from '../__fixtures__/harness.js';
import { inputsEnv, median, timedStep, type Timed } from './measure.js';
import { roundsOf, type Rounds } from './report.js';

const { guest, gcsv4Host, mappedNonHa } = SEEDED_COLLECTIONS;

export const TIMER = {
  name: 'bench/nightly',
  'source-endpoint': guest.id,
  'destination-endpoint': gcsv4Host.id,
  items: '/data/, /backup/, true',
  interval: '1d',
};

export interface Operation {
  label: string;
  /** Sequential rounds allowed (revocations excluded), for the operations issue 11 sets one. */
  depthTarget?: number;
  /** Makes what the operation acts on; answers inputs it needs from that (a job-id). */
  setup?: (emulator: Emulator) => Promise<Record<string, string>>;
  inputs: Record<string, string>;
}

async function existingTimer(emulator: Emulator): Promise<Record<string, string>> {
  const core = await runInProcess(emulator, TIMER);
  const jobId = core.outputs['job-id'];
  if (!jobId) throw new Error(`setup failed: ${core.logs.join('\n')}`);
  return { 'job-id': jobId };
}

/** A timer that has run once, so `check` follows its Transfer task. */
export async function existingTimerWithRun(emulator: Emulator): Promise<Record<string, string>> {
  const ids = await existingTimer(emulator);
  emulator.advance(60);
  return ids;
}

/** An hourly timer that has run six times: a check follows five of them, its history. */
async function timerWithHistory(emulator: Emulator): Promise<Record<string, string>> {
  const core = await runInProcess(emulator, { ...TIMER, interval: '1h' });
  const jobId = core.outputs['job-id'];
  if (!jobId) throw new Error(`setup failed: ${core.logs.join('\n')}`);
  emulator.advance(60);
  for (let run = 1; run < 6; run++) emulator.advance(3600);
  return { 'job-id': jobId };
}

/** The same, its newest task kept ACTIVE retrying on an error: the check reads its events. */
async function timerStalled(emulator: Emulator): Promise<Record<string, string>> {
  const core = await runInProcess(emulator, { ...TIMER, interval: '1h' });
  const jobId = core.outputs['job-id'];
  if (!jobId) throw new Error(`setup failed: ${core.logs.join('\n')}`);
  emulator.advance(60);
  for (let run = 1; run < 5; run++) emulator.advance(3600);
  emulator.failNextRun(jobId, 'transfer_stalled');
  emulator.advance(3600);
  return { 'job-id': jobId };
}

/** A timer to find by name: nothing to pass on. */
async function timerByName(emulator: Emulator): Promise<Record<string, string>> {
  await existingTimer(emulator);
  return {};
}

async function pausedTimer(emulator: Emulator): Promise<Record<string, string>> {
  const ids = await existingTimer(emulator);
  const core = await runInProcess(emulator, { operation: 'pause', ...ids });
  if (core.outputs.result !== 'paused') throw new Error(`setup failed: ${core.logs.join('\n')}`);
  return ids;
}

const mapped = { 'source-endpoint': mappedNonHa.id };

export const OPERATIONS: Operation[] = [
  { label: 'apply, create', depthTarget: 4, inputs: TIMER },
  { label: 'apply, create (mapped)', depthTarget: 5, inputs: { ...TIMER, ...mapped } },
  {
    label: 'apply, create (data-access given)',
    depthTarget: 3,
    inputs: { ...TIMER, ...mapped, 'data-access': mappedNonHa.id },
  },
  { label: 'create', depthTarget: 3, inputs: { ...TIMER, operation: 'create' } },
  {
    label: 'create (mapped)',
    depthTarget: 4,
    inputs: { ...TIMER, ...mapped, operation: 'create' },
  },
  { label: 'apply, unchanged', depthTarget: 2, setup: timerByName, inputs: TIMER },
  {
    label: 'check by id, with its transfer task',
    depthTarget: 3,
    setup: existingTimerWithRun,
    inputs: { operation: 'check' },
  },
  {
    label: 'check by id, 5 runs of history',
    depthTarget: 3,
    setup: timerWithHistory,
    inputs: { operation: 'check' },
  },
  {
    // fail-on none: the step passes, and still reads the stalled task's events.
    label: 'check by id, stalled task',
    depthTarget: 4,
    setup: timerStalled,
    inputs: { operation: 'check', 'fail-on': 'none' },
  },
  {
    label: 'delete by id',
    depthTarget: 2,
    setup: existingTimer,
    inputs: { operation: 'delete' },
  },
  // No target for these; measured so every operation's requests are on record.
  { label: 'plan, unchanged', setup: timerByName, inputs: { ...TIMER, operation: 'plan' } },
  {
    label: 'apply, replace (interval changed)',
    setup: timerByName,
    inputs: { ...TIMER, interval: '12h' },
  },
  {
    label: 'check by name, no runs yet',
    setup: timerByName,
    inputs: { operation: 'check', name: TIMER.name },
  },
  {
    label: 'update by id (rename)',
    setup: existingTimer,
    inputs: { operation: 'update', name: 'bench/renamed' },
  },
  { label: 'list', setup: timerByName, inputs: { operation: 'list' } },
  { label: 'pause by id', setup: existingTimer, inputs: { operation: 'pause' } },
  { label: 'resume by id', setup: pausedTimer, inputs: { operation: 'resume' } },
];

/** The environment of a step running `inputs` against the emulator, as the runner sets it. */
export function stepEnv(
  emulator: Emulator,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    ...emulatorEnv(emulator),
    ...inputsEnv({
      ...ACTION_DEFAULTS,
      'client-id': DEMO_CLIENT.id,
      'client-secret': DEMO_CLIENT.secret,
      ...inputs,
    }),
    ...env,
  };
}

/** A step that failed is no measurement: stop with what it printed. */
export function succeeded(label: string, timed: Timed): Timed {
  if (timed.exitCode !== 0) {
    throw new Error(`${label}: exit ${timed.exitCode}\n${timed.stdout.slice(-3000)}`);
  }
  return timed;
}

export interface OperationFigures {
  operation: Operation;
  /** Rounds of each run at the simulated round trip (they should all agree). */
  rounds: Rounds[];
  /** Median wall time by round trip (ms). */
  wall: Map<number, number>;
}

/** Runs `operation` `runs` times at each round trip, from a freshly seeded emulator each time. */
export async function measureOperation(
  emulator: Emulator,
  node: string,
  operation: Operation,
  roundTrips: readonly number[],
  runs: number,
): Promise<OperationFigures> {
  const figures: OperationFigures = { operation, rounds: [], wall: new Map() };
  for (const latency of roundTrips) {
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      emulator.reset();
      const found = (await operation.setup?.(emulator)) ?? {};
      emulator.configure({ latency_ms: latency });
      emulator.clearRequests();
      const env = stepEnv(emulator, { ...operation.inputs, ...found });
      const timed = succeeded(operation.label, await timedStep(node, ['dist/index.js'], env));
      times.push(timed.milliseconds);
      if (latency > 0) figures.rounds.push(roundsOf(emulator.requests()));
    }
    figures.wall.set(latency, median(times));
  }
  emulator.reset();
  return figures;
}
