import type { DateTime } from 'luxon';
import type { ActionInputs } from '../inputs.js';
import type { Credentials } from '../globus/credentials.js';
import type { LiveTimer } from '../timer/live-timer.js';
import type { TimersApi } from '../globus/timers.js';
import type { FlowsApi } from '../globus/flows.js';
import type { TransferApi } from '../globus/transfer.js';
import type { KindContext, RunLead } from '../kinds/kind.js';
import type { Clock, Log, Sleep } from '../ports.js';
import type { TimerRun } from '../timer/live-timer.js';
import type { Plan } from './plan.js';

/** What every operation receives: the inputs, the Globus APIs and the injected world. */
export interface OperationContext extends KindContext {
  inputs: ActionInputs;
  timers: TimersApi;
  transfer: TransferApi;
  flows: FlowsApi;
  credentials: Credentials;
  log: Log;
  /** The runner's clock: the step's own time (its deadline, its sleeps). */
  clock: Clock;
  sleep: Sleep;
  /**
   * Globus's clock (the Date of its answers; the runner's until one came): what times that come
   * from Globus — a run's start, a timer's next run — are compared with.
   */
  serviceTime: Clock;
  /** Globus's clock as a luxon DateTime in UTC: a new timer's start is reckoned from it. */
  now: () => DateTime;
  /** When the step began (epoch ms, the runner's clock), for `wait`. */
  startedAt: number;
  /** Epoch ms by which the step must be done. */
  deadline: number;
}

export type ResultKind =
  | 'created'
  | 'unchanged'
  | 'replaced'
  | 'renamed'
  | 'deleted'
  | 'paused'
  | 'resumed'
  | 'checked'
  | 'planned'
  | 'listed'
  /** A spec file whose timers met different fates. */
  | 'applied'
  /** The step failed before it could finish (set with whatever it knew by then). */
  | 'failed';

/** The last run of a timer, followed to what it started (a Transfer task, a Flows run). */
export interface RunReport {
  run: TimerRun;
  lead?: RunLead;
}

/** One timer of a spec file: its plan, what came of it, and the timer as it now stands. */
export interface EntryResult {
  plan: Plan;
  result: ResultKind;
  timer?: LiveTimer;
  replacedJobId?: string;
}

/** What an operation did, as plain data; report/ turns it into outputs and a summary. */
export interface OperationResult {
  operation: ActionInputs['operation'];
  result: ResultKind;
  changed: boolean;
  /** The timer acted on, as it stands after the operation. */
  timer?: LiveTimer;
  lastRun?: RunReport;
  /** check/wait: the timer's newest runs, newest first (`lastRun` is the first); none with history 0. */
  history?: RunReport[];
  /** Several timers: list, spec files. */
  timers?: LiveTimer[];
  plan?: Plan;
  /** A spec file: what happened to each timer it lists (or prunes). */
  entries?: EntryResult[];
  /** For a replace: the timer that was deleted. */
  replacedJobId?: string;
  /** Why the step must fail (check/wait per fail-on); empty when it passes. */
  failures: string[];
}
