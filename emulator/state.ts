/**
 * Everything the emulated services remember, in one place, so a reset is one call and a state
 * dump is one function. The services' handlers read and change it; nothing else holds state.
 */
import type { VirtualClock } from './clock.js';
import type { EmulatorConfig } from './config.js';
import { type CollectionDocument, seededCollectionDocuments } from './collections.js';
import type { FlowRecord } from './flow-record.js';
import { seededFlowRecords } from './flow-seed.js';
import type { ClientCredentials } from './seed.js';

export interface AccessToken {
  value: string;
  clientId: string;
  resourceServer: string;
  /** Base scope strings granted on this token (dependencies are not echoed). */
  scopes: string[];
  /** Collections whose data_access this token carries (Timers tokens only). */
  dataAccess: string[];
  /** Flows whose user scope this token carries as a dependency (Timers tokens only). */
  flowConsents: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

/** The transfer body of a timer as the service echoes it: defaults filled in, nulls dropped. */
export type TransferBody = Record<string, unknown> & {
  source_endpoint: string;
  destination_endpoint: string;
  DATA: TransferItem[];
  label?: string;
  verify_checksum: boolean;
};

export type TransferItem = Record<string, unknown> & {
  source_path: string;
  destination_path: string;
  recursive?: boolean;
};

export type EndCondition =
  { condition: 'time'; datetime: number } | { condition: 'iterations'; count: number };

export type Schedule =
  | { type: 'once'; datetime: number }
  | { type: 'recurring'; interval_seconds: number; start: number; end?: EndCondition };

export type TimerStatus =
  'new' | 'loaded' | 'inactive' | 'ended' | 'delete_in_progress' | 'deleted';

/**
 * A failure queued for a timer's next run: at submission (Transfer or Flows refuses it), in
 * Transfer (the task fails, or stands still: ACTIVE retrying on an error, or INACTIVE), in
 * Flows (the run fails, or stops INACTIVE), or for auth.
 */
export type RunFailureKind =
  | 'submission'
  | 'transfer'
  | 'transfer_stalled'
  | 'transfer_inactive'
  | 'auth'
  | 'flow'
  | 'flow_inactive';

/** What a flow timer starts its flow with (Timers' `FlowStartDocument`), as echoed. */
export type FlowStartDocument = {
  body: Record<string, unknown>;
  run_managers?: string[];
  run_monitors?: string[];
  tags?: string[];
};

/** Timers' `inactive_reason`: who paused the timer, and for auth, the requirements (a GARE). */
export interface InactiveReason {
  cause: 'user' | 'globus_auth_requirements';
  detail: Record<string, unknown> | null;
}

export type RunResult =
  /** The run submitted a Transfer task; its outcome is the task's. */
  | { kind: 'task'; ranAt: number; taskId: string; actionId: string }
  /** The run started a Flows run; its outcome is the run's. */
  | { kind: 'flow_run'; ranAt: number; runId: string }
  /** The submission itself failed (e.g. Transfer answered 503): no task or run. */
  | { kind: 'submission_error'; ranAt: number; httpStatus: number; error: Record<string, unknown> }
  /** The timer's credentials lacked something: no task or run, the timer went inactive. */
  | { kind: 'auth_required'; ranAt: number; error: Record<string, unknown> };

interface TimerBase {
  id: string;
  ownerClientId: string;
  name: string | null;
  schedule: Schedule;
  submittedAt: number;
  status: TimerStatus;
  inactiveReason: InactiveReason | null;
  /** The next tick (`start + n * interval`), possibly in the past while the timer is inactive. */
  nextRun: number | null;
  lastRanAt: number | null;
  /** Oldest first. */
  results: RunResult[];
  /** Collections whose data_access the timer's stored credentials carry. */
  dataAccess: string[];
  /** Flows whose user scope the timer's stored credentials carry. */
  flowConsents: string[];
  /** A failure queued through the control API for the next run. */
  nextRunFailure: RunFailureKind | null;
  /** The error code a stalled task of the next run meets (`transfer_stalled`, `transfer_inactive`). */
  nextRunErrorCode?: string;
}

export interface TransferTimer extends TimerBase {
  type: 'transfer';
  body: TransferBody;
}

export interface FlowTimer extends TimerBase {
  type: 'flow';
  flowId: string;
  body: FlowStartDocument;
}

export type Timer = TransferTimer | FlowTimer;

/** A run of a flow, started by a flow timer. */
export interface FlowRun {
  id: string;
  flowId: string;
  timerId: string;
  ownerClientId: string;
  label: string;
  tags: string[];
  runManagers: string[];
  runMonitors: string[];
  input: Record<string, unknown>;
  startTime: number;
  /** Until this instant the run is ACTIVE; from then on it has its outcome. */
  finishesAt: number;
  outcome: 'SUCCEEDED' | 'FAILED' | 'INACTIVE';
}

export interface Task {
  id: string;
  ownerClientId: string;
  timerId: string;
  body: TransferBody;
  requestTime: number;
  /** Until this instant the task is ACTIVE; from then on it has its outcome. */
  finishesAt: number;
  outcome: 'SUCCEEDED' | 'FAILED';
  /**
   * A task made to stand still: until its deadline (`finishesAt`) it stays ACTIVE retrying on
   * `code`, or INACTIVE; then it fails.
   */
  stall?: { status: 'ACTIVE' | 'INACTIVE'; code: string };
}

export class EmulatorState {
  readonly clock: VirtualClock;
  readonly clients = new Map<string, ClientCredentials>();
  readonly collections = new Map<string, CollectionDocument>();
  readonly tokens = new Map<string, AccessToken>();
  readonly timers = new Map<string, Timer>();
  readonly tasks = new Map<string, Task>();
  readonly flows = new Map<string, FlowRecord>();
  readonly runs = new Map<string, FlowRun>();
  config: EmulatorConfig;
  /** The configuration the emulator started with, which a reset goes back to. */
  readonly startConfig: EmulatorConfig;

  constructor(
    clock: VirtualClock,
    clients: readonly ClientCredentials[],
    startConfig: EmulatorConfig,
  ) {
    this.clock = clock;
    this.startConfig = { ...startConfig };
    this.config = { ...startConfig };
    for (const client of clients) this.clients.set(client.id, { ...client });
    this.reset();
  }

  now(): number {
    return this.clock.nowMs();
  }

  /** Back to the seeded start and the start configuration; clients and the clock stay. */
  reset(): void {
    this.tokens.clear();
    this.timers.clear();
    this.tasks.clear();
    this.runs.clear();
    this.collections.clear();
    for (const collection of seededCollectionDocuments()) {
      this.collections.set(collection.id, collection);
    }
    this.flows.clear();
    for (const flow of seededFlowRecords()) this.flows.set(flow.id, flow);
    this.config = { ...this.startConfig };
  }

  /** A token that is known, unexpired and not revoked. */
  activeToken(value: string | undefined): AccessToken | undefined {
    const token = value === undefined ? undefined : this.tokens.get(value);
    if (!token || token.revoked || token.expiresAt <= this.now()) return undefined;
    return token;
  }
}
