/**
 * The emulator's operations, shared by the in-process handle (tests) and the `/_emulator/`
 * control API (other processes). Bad input throws `ControlError` with the HTTP status the
 * control API answers.
 */
import { VirtualClock } from './clock.js';
import { type EmulatorConfig, InvalidConfigError, applyConfig, defaultConfig } from './config.js';
import { summarise } from './collections.js';
import { flowSummary } from './flow-documents.js';
import { runDocument } from './flow-run-documents.js';
import { type FlowSpec, InvalidFlowError, flowFromSpec } from './flow-registry.js';
import type { FlowSummary } from './flow-seed.js';
import type { ClientCredentials, CollectionSummary } from './seed.js';
import { type FaultSpec, FaultQueue, InvalidFaultError } from './faults.js';
import { type LoggedRequest, RequestLog } from './request-log.js';
import { type RunRecord, advanceClock, makeInactive } from './runs.js';
import type { FlowRecord } from './flow-record.js';
import { EmulatorState, type RunFailureKind, type Timer } from './state.js';
import { STALL_ERRORS } from './task-events.js';
import { taskDocument } from './tasks.js';
import { type JobDocument, jobDocument } from './timer-documents.js';
import { timersTime } from './time.js';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Everything the emulator knows, secrets left out (tokens appear without their values). */
export interface StateDump {
  clock: string;
  clients: { id: string }[];
  tokens: {
    client_id: string;
    resource_server: string;
    scopes: string[];
    data_access: string[];
    flows: string[];
    issued_at: string;
    expires_at: string;
    revoked: boolean;
  }[];
  timers: (JobDocument & {
    owner_client_id: string;
    credentials: { data_access: string[]; flows: string[] };
  })[];
  tasks: Record<string, unknown>[];
  flows: FlowSummary[];
  /** Flows runs, as their owner sees them. */
  runs: Record<string, unknown>[];
  config: EmulatorConfig;
  faults: FaultSpec[];
}

/** The failures each kind of timer's run can be made to have. */
const RUN_FAILURE_KINDS: Record<Timer['type'], readonly RunFailureKind[]> = {
  transfer: ['submission', 'transfer', 'transfer_stalled', 'transfer_inactive', 'auth'],
  flow: ['submission', 'flow', 'flow_inactive', 'auth'],
};

export class EmulatorCore {
  readonly state: EmulatorState;
  readonly log = new RequestLog();
  readonly faults = new FaultQueue();
  /** Real time at start, the origin of the request log's `received_ms` / `answered_ms`. */
  readonly #startedAt = performance.now();
  /** In real-time mode: the wall clock, and its reading when the clock last caught up. */
  readonly #wall: { read: () => number; last: number } | undefined;

  /**
   * `wallClock` puts the clock in real time: from `start` it then moves at the wall clock's
   * pace (and still jumps ahead when advanced), so timers run on their own when due.
   */
  constructor(
    clients: readonly ClientCredentials[],
    start: Date | string | undefined,
    config: Partial<EmulatorConfig> = {},
    wallClock?: () => number,
  ) {
    const startConfig = checkedConfig(defaultConfig(), config);
    this.state = new EmulatorState(new VirtualClock(start), clients, startConfig);
    this.#wall = wallClock ? { read: wallClock, last: wallClock() } : undefined;
  }

  /**
   * Real-time mode: moves the clock on by the wall-clock time since the last catch-up, running
   * every tick that fell due on the way, at its own time. The server calls it before it answers
   * anything, so every answer is as of now; otherwise it does nothing.
   */
  catchUp(): void {
    const wall = this.#wall;
    if (!wall) return;
    const reading = wall.read();
    const elapsed = reading - wall.last;
    wall.last = reading;
    if (elapsed > 0) advanceClock(this.state, elapsed / 1000);
  }

  /** Real milliseconds since the emulator started (microsecond precision). */
  elapsedMs(): number {
    return Math.round((performance.now() - this.#startedAt) * 1000) / 1000;
  }

  collections(): CollectionSummary[] {
    return [...this.state.collections.values()].map(summarise);
  }

  flows(): FlowSummary[] {
    return [...this.state.flows.values()].map(flowSummary);
  }

  /** Adds a flow Flows, Auth and Timers all know; an id already taken answers 409. */
  addFlow(spec: FlowSpec): FlowSummary {
    const flow = checkedFlow(spec, this.state.now());
    if (this.state.flows.has(flow.id)) throw new ControlError(409, `flow ${flow.id} exists`);
    this.state.flows.set(flow.id, flow);
    return flowSummary(flow);
  }

  now(): Date {
    this.catchUp();
    return new Date(this.state.now());
  }

  advance(seconds: number): RunRecord[] {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
      throw new ControlError(400, 'seconds must be a non-negative number');
    }
    this.catchUp();
    return advanceClock(this.state, seconds);
  }

  addClient(client: ClientCredentials): void {
    if (typeof client.id !== 'string' || client.id === '' || typeof client.secret !== 'string') {
      throw new ControlError(400, 'a client needs a non-empty string id and a string secret');
    }
    this.state.clients.set(client.id, { id: client.id, secret: client.secret });
  }

  /**
   * Queues a failure for the timer's next run; a stalled task (`transfer_stalled`,
   * `transfer_inactive`) meets the error `code` (one of STALL_ERRORS).
   */
  failNextRun(jobId: string, kind: RunFailureKind, code?: string): void {
    const timer = this.liveTimer(jobId);
    const kinds = RUN_FAILURE_KINDS[timer.type];
    if (!kinds.includes(kind)) {
      const message = `kind must be one of ${kinds.join(', ')} for a ${timer.type} timer`;
      throw new ControlError(400, message);
    }
    if (code !== undefined) {
      const codes = Object.keys(STALL_ERRORS);
      if (kind !== 'transfer_stalled' && kind !== 'transfer_inactive') {
        throw new ControlError(400, 'code is for the kinds transfer_stalled and transfer_inactive');
      }
      if (!codes.includes(code)) {
        throw new ControlError(400, `code must be one of ${codes.join(', ')}`);
      }
    }
    timer.nextRunFailure = kind;
    if (code === undefined) delete timer.nextRunErrorCode;
    else timer.nextRunErrorCode = code;
  }

  makeInactive(jobId: string, requiredScopes: string[], code = 'ConsentRequired'): void {
    const valid =
      Array.isArray(requiredScopes) && requiredScopes.every((scope) => typeof scope === 'string');
    if (!valid || typeof code !== 'string') {
      throw new ControlError(400, 'required_scopes must be a list of strings and code a string');
    }
    makeInactive(this.liveTimer(jobId), requiredScopes, code);
  }

  /**
   * Makes every issued token expire now, so the next call with one answers 401 as for an
   * expired token; answers how many were still live.
   */
  expireTokens(): number {
    const now = this.state.now();
    let expired = 0;
    for (const token of this.state.tokens.values()) {
      if (this.state.activeToken(token.value)) expired += 1;
      token.expiresAt = Math.min(token.expiresAt, now);
    }
    return expired;
  }

  requests(): LoggedRequest[] {
    return this.log.list();
  }

  clearRequests(): void {
    this.log.clear();
  }

  setFault(spec: FaultSpec): void {
    try {
      this.faults.add(spec);
    } catch (error) {
      if (error instanceof InvalidFaultError) throw new ControlError(400, error.message);
      throw error;
    }
  }

  clearFaults(): void {
    this.faults.clear();
  }

  config(): EmulatorConfig {
    return { ...this.state.config };
  }

  configure(changes: Partial<EmulatorConfig>): EmulatorConfig {
    this.state.config = checkedConfig(this.state.config, changes);
    return this.config();
  }

  /**
   * Back to the seeded start: no tokens, timers, tasks, faults or logged requests, and the
   * configuration the emulator started with.
   */
  reset(): void {
    this.state.reset();
    this.faults.clear();
    this.log.clear();
  }

  dump(): StateDump {
    this.catchUp();
    const { state } = this;
    const now = state.now();
    return {
      clock: timersTime(now),
      clients: [...state.clients.values()].map(({ id }) => ({ id })),
      tokens: [...state.tokens.values()].map((token) => ({
        client_id: token.clientId,
        resource_server: token.resourceServer,
        scopes: token.scopes,
        data_access: token.dataAccess,
        flows: token.flowConsents,
        issued_at: timersTime(token.issuedAt),
        expires_at: timersTime(token.expiresAt),
        revoked: token.revoked,
      })),
      timers: [...state.timers.values()].map((timer) => ({
        ...jobDocument(timer, state, { offset: 0, size: Math.max(1, timer.results.length) }),
        owner_client_id: timer.ownerClientId,
        credentials: { data_access: [...timer.dataAccess], flows: [...timer.flowConsents] },
      })),
      tasks: [...state.tasks.values()].map((task) =>
        taskDocument(task, now, state.collections, state.config.stalled_task_shape),
      ),
      flows: this.flows(),
      runs: [...state.runs.values()].map((run) => runDocument(run, state, run.ownerClientId)),
      config: this.config(),
      faults: this.faults.list(),
    };
  }

  /** A timer that exists and is not being deleted. */
  private liveTimer(jobId: string): Timer {
    const timer = this.state.timers.get(String(jobId).toLowerCase());
    if (!timer) throw new ControlError(404, `no timer ${jobId}`);
    if (timer.status === 'delete_in_progress' || timer.status === 'deleted') {
      throw new ControlError(409, `timer ${jobId} is ${timer.status}`);
    }
    return timer;
  }
}

function checkedFlow(spec: FlowSpec, now: number): FlowRecord {
  try {
    return flowFromSpec(spec, now);
  } catch (error) {
    if (error instanceof InvalidFlowError) throw new ControlError(400, error.message);
    throw error;
  }
}

function checkedConfig(current: EmulatorConfig, changes: unknown): EmulatorConfig {
  try {
    return applyConfig(current, changes);
  } catch (error) {
    if (error instanceof InvalidConfigError) throw new ControlError(400, error.message);
    throw error;
  }
}
