/**
 * A local emulator of the parts of Globus Auth, Transfer, Timers and Flows the action uses,
 * shaped after the captured payloads in `globus-api/`. Start one per test suite:
 *
 *     const emulator = await startEmulator();
 *     // point clients at emulator.url (or emulator.urls.timers, …)
 *     emulator.advance(3600); // an hour of virtual time: due timers run
 *     await emulator.close();
 */
import type { AddressInfo } from 'node:net';
import { EmulatorCore, type StateDump } from './core.js';
import type { FlowSpec } from './flow-registry.js';
import type { FlowSummary } from './flow-seed.js';
import type { FaultSpec } from './faults.js';
import type { LoggedRequest } from './request-log.js';
import type { RunRecord } from './runs.js';
import { type ClientCredentials, type CollectionSummary, DEMO_CLIENT } from './seed.js';
import { createEmulatorServer } from './server.js';
import type { EmulatorConfig } from './config.js';
import type { RunFailureKind } from './state.js';

export { DEMO_CLIENT, SEEDED_COLLECTIONS } from './seed.js';
export { SEEDED_FLOWS } from './flow-seed.js';
export type { FlowSummary, SeededFlowKey } from './flow-seed.js';
export type { FlowSpec } from './flow-registry.js';
export type { ClientCredentials, CollectionSummary, SeededCollectionKey } from './seed.js';
export type { StateDump } from './core.js';
export type { FaultSpec } from './faults.js';
export type { LoggedRequest } from './request-log.js';
export { type TimedRequest, requestDepth } from './request-timing.js';
export type { RunOutcome, RunRecord } from './runs.js';
export type { EmulatorConfig, StalledTaskShape } from './config.js';
export type { RunFailureKind } from './state.js';
export type { JobDocument } from './timer-documents.js';

export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Clients besides `DEMO_CLIENT`, which always exists. */
  clients?: ClientCredentials[];
  /** Start of the virtual clock; default: the real time now. */
  now?: Date | string;
  /** Settings to start with (and to go back to on reset); the rest keep their defaults. */
  config?: Partial<EmulatorConfig>;
  /**
   * Real time: the clock moves on from `now` at the wall clock's pace, so due timers run on
   * their own (and `advance` still jumps ahead). It catches up before every request and every
   * read of the handle, so each answer is as of now, with every run that fell due since having
   * happened at its own time. Default false: the clock moves only when told.
   */
  realTime?: boolean;
  /** The wall clock real-time mode follows (tests give their own); default `Date.now`. */
  wallClock?: () => number;
}

export interface Emulator {
  /** Root URL, e.g. `http://127.0.0.1:41234`; every service is served here too. */
  readonly url: string;
  readonly port: number;
  /** Base URLs with a service prefix, for `GLOBUS_SDK_SERVICE_URL_*`. */
  readonly urls: {
    readonly auth: string;
    readonly transfer: string;
    readonly timers: string;
    readonly flows: string;
  };
  /** The seeded collections. */
  readonly collections: CollectionSummary[];
  close(): Promise<void>;
  /** The virtual time (in real-time mode, caught up with the wall clock first). */
  now(): Date;
  /** Moves the virtual clock ahead, running every timer tick that falls due; returns the runs. */
  advance(seconds: number): RunRecord[];
  /** The requests the services received, oldest first, credentials redacted. */
  requests(): LoggedRequest[];
  clearRequests(): void;
  /** Back to the seeded start and the start configuration; clients, clock and port stay. */
  reset(): void;
  state(): StateDump;
  /** Queues a fault for the next matching request(s). */
  setFault(fault: FaultSpec): void;
  clearFaults(): void;
  configure(changes: Partial<EmulatorConfig>): EmulatorConfig;
  config(): EmulatorConfig;
  /**
   * Makes the timer's next run fail: at submission, in Transfer (`transfer`; or a task that
   * stands still, `transfer_stalled` retrying on `code`, `transfer_inactive`) or Flows (`flow`,
   * `flow_inactive`), or for auth requirements; a kind the timer's type has not throws.
   */
  failNextRun(jobId: string, kind: RunFailureKind, code?: string): void;
  /** Makes the timer inactive for `globus_auth_requirements` naming these scopes. */
  makeInactive(jobId: string, requiredScopes: string[], code?: string): void;
  addClient(client: ClientCredentials): void;
  /** The flows Flows has now: the seeded ones and any added. */
  flows(): FlowSummary[];
  /** Adds a flow (a new id unless given; public and someone else's unless said otherwise). */
  addFlow(flow: FlowSpec): FlowSummary;
  /** Makes every issued token expired now (the next call with one answers 401); answers how many were live. */
  expireTokens(): number;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const core = new EmulatorCore(
    [DEMO_CLIENT, ...(options.clients ?? [])],
    options.now,
    options.config,
    options.realTime ? (options.wallClock ?? Date.now) : undefined,
  );
  const server = createEmulatorServer(core);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    urls: {
      auth: `${url}/auth/`,
      transfer: `${url}/transfer/`,
      timers: `${url}/timers/`,
      flows: `${url}/flows/`,
    },
    collections: core.collections(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    now: () => core.now(),
    advance: (seconds) => core.advance(seconds),
    requests: () => core.requests(),
    clearRequests: () => core.clearRequests(),
    reset: () => core.reset(),
    state: () => core.dump(),
    setFault: (fault) => core.setFault(fault),
    clearFaults: () => core.clearFaults(),
    configure: (changes) => core.configure(changes),
    config: () => core.config(),
    failNextRun: (jobId, kind, code) => core.failNextRun(jobId, kind, code),
    makeInactive: (jobId, requiredScopes, code) => core.makeInactive(jobId, requiredScopes, code),
    addClient: (client) => core.addClient(client),
    flows: () => core.flows(),
    addFlow: (flow) => core.addFlow(flow),
    expireTokens: () => core.expireTokens(),
  };
}
