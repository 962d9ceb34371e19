import { GlobusApiError } from '../globus/errors.js';
import type { KindCreateFields } from '../timer/create-request.js';
import type { DataAccess } from '../timer/fields.js';
import type { InputProblem } from '../timer/problems.js';
import type { InputValues } from '../timer/input-values.js';
import type { KindName, TimerFields, TimerSpec } from '../timer/timer-spec.js';
import type { Credentials, TimersConsents } from '../globus/credentials.js';
import type { FlowsApi } from '../globus/flows.js';
import type { TransferApi } from '../globus/transfer.js';
import type { Log } from '../ports.js';
import type { LiveTimer, TimerRun } from '../timer/live-timer.js';
import type { FailReason } from '../timer/fail-reasons.js';
import type { OutputName } from '../timer/output-names.js';

/*
 * A kind of timer — what its runs do: submit a Transfer task, start a Globus Flow. Everything
 * that differs between kinds lives behind this one interface, one folder per kind, so apply,
 * plan, update, check, wait and list never ask which kind they hold. A new kind is a new folder
 * and a line in the registry (index.ts).
 */

/**
 * What a kind asks of the operation running it: the services it looks things up in, who is
 * asking (for messages), and the log. An KindContext is one.
 */
export interface KindContext {
  transfer: Pick<TransferApi, 'collection' | 'task' | 'taskEvents'>;
  flows: Pick<FlowsApi, 'flow' | 'run'>;
  credentials: Pick<Credentials, 'identity'>;
  log: Log;
}

/** What a Timers token must carry for a timer of this kind to run (consents Timers keeps). */
export type Consents = TimersConsents;

/** What a run's lead did, as far as its service says (each missing when it does not say). */
export interface LeadMeasures {
  /** Files it was to move, and has moved (Transfer tasks). */
  files?: number;
  filesTransferred?: number;
  bytesTransferred?: number;
  /** ISO 8601; no end while it is under way. */
  startedAt?: string;
  endedAt?: string;
}

/** How what a run started went, in words every kind shares. */
export type LeadOutcome = 'succeeded' | 'failed' | 'stalled' | 'in-progress' | 'unknown';

/** What a run led to — a Transfer task, a Flows run — read back and judged. */
export interface RunLead {
  /** What it is, for sentences: `Transfer task`, `Flows run`. */
  what: string;
  id: string;
  /** As its service reports it (`SUCCEEDED`, `FAILED`, `ACTIVE`, …). */
  status: string;
  /**
   * It will not change by itself any more, or not soon (a stalled one): wait stops waiting for
   * it.
   */
  settled: boolean;
  /**
   * Globus keeps it open but it does not move: retrying on an error, paused, or waiting for
   * someone to act (INACTIVE) — `transfer-stalled`, `flow-stalled`.
   */
  stalled: boolean;
  outcome: LeadOutcome;
  /** What it moved and when, for the recent-runs table. */
  measures: LeadMeasures;
  /** One line: the status and what it did (`SUCCEEDED: 3 of 3 files, 3.0 MiB, 0 faults`). */
  description: string;
  /** The path of its page in the Globus web app. */
  webPath: string;
  /** The outputs it sets (transfer-task-id, flow-run-status, …). */
  outputs: Partial<Record<OutputName, string>>;
  /** The fail-on reasons it raises, each as a sentence a user can act on. */
  failures(failOn: readonly FailReason[]): string[];
  /**
   * For a stalled lead whose words need one more request (a Transfer task's latest error
   * event): the same lead with them. Absent when there is nothing to ask.
   */
  explain?: () => Promise<RunLead>;
}

export interface TimerKind {
  name: KindName;
  /** This kind's part of `POST /v2/timer`'s `timer` (timer_type, body, …). */
  createFields(spec: TimerSpec): KindCreateFields;
  /**
   * What the runs of the timer wanted do, as the inputs that write it (`items`, `sync-level`,
   * `flow-input`), the service's defaults filled in: what plans compare and show. Two timers
   * of this kind are the same exactly when these and the common part are.
   */
  values(spec: TimerSpec): InputValues;
  /** The same for a timer of this kind as Globus holds it. */
  liveValues(live: LiveTimer): InputValues;
  /**
   * The timer wanted, as it would be kept by the one held: defaults the inputs did not ask for
   * (a transfer timer's derived label) give way to the live timer's own.
   */
  reconcile(desired: TimerSpec, fields: TimerFields, live: LiveTimer): TimerSpec;
  /** The live timer's fields with the given inputs on top (update). */
  overlay(given: TimerFields, live: LiveTimer): TimerFields;
  /** Why every run of this timer would fail, found by looking up what it uses (for plans). */
  problems(context: KindContext, spec: TimerSpec): Promise<InputProblem[]>;
  /**
   * Before any write: look up what the timer uses, refuse a timer whose every run would fail,
   * and say what consents its Timers token must carry.
   */
  prepare(context: KindContext, spec: TimerSpec, setting: DataAccess): Promise<Consents>;
  /** The consents a timer Globus holds needs to run (for resuming one that lost them). */
  consentsOf(context: KindContext, live: LiveTimer, setting: DataAccess): Promise<Consents>;
  /** The web-app page of what a run of this kind started, by its id. */
  leadPath(id: string): string;
  /** Follows a run to what it started; undefined when it started nothing. */
  follow(context: KindContext, run: TimerRun): Promise<RunLead | undefined>;
}

/** One kind's part of a spec, or the problem that it is of another kind. */
export function ofKind<K extends TimerSpec['kind']>(
  spec: TimerSpec,
  kind: K,
): Extract<TimerSpec, { kind: K }> {
  if (spec.kind !== kind) throw new Error(`a ${spec.kind} timer given to the ${kind} kind`);
  return spec as Extract<TimerSpec, { kind: K }>;
}

/**
 * Follows a run to what it started, trying each id the run's result may hold it under (where it
 * lives is open, docs/globus-variants.md): an id its service does not know (404) leads to the next.
 * One that cannot be read at all is a warning, not a failure — the run itself is still judged.
 */
export async function followCandidates(
  context: KindContext,
  run: TimerRun,
  what: string,
  read: (id: string) => Promise<RunLead>,
): Promise<RunLead | undefined> {
  let failure: GlobusApiError | undefined;
  for (const id of run.leadIds) {
    try {
      return await read(id);
    } catch (error) {
      if (!(error instanceof GlobusApiError) || error.status === undefined) throw error;
      failure = error;
      if (error.status !== 404) break;
    }
  }
  if (failure) context.log.warning(`Could not read the run's ${what}: ${failure.message}`);
  return undefined;
}
