import './zod-config.js';
import { DateTime } from 'luxon';
import { redactingCore, type CorePort, type ProtectedCore } from './core-port.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { GlobusAuth } from './globus/auth.js';
import { Credentials, type Companion, type TimersConsents } from './globus/credentials.js';
import { FlowsApi } from './globus/flows.js';
import { partialOverrides, serviceUrls, whereItActs } from './globus/environments.js';
import { HttpClient, VERSION } from './globus/http.js';
import { ServiceClock } from './globus/service-clock.js';
import { undiciConnections, type Connections, type Transport } from './globus/transport.js';
import { TimersApi, type TimersObserver } from './globus/timers.js';
import { TransferApi } from './globus/transfer.js';
import { OPERATION_HANDLERS } from './operations/index.js';
import type { OperationContext, OperationResult } from './operations/context.js';
import { realClock, realSleep, type Clock, type Log, type Sleep } from './ports.js';
import { abandonedOnAbort, interruptible } from './interrupt.js';
import { Redactor, basicCredential } from './redactor.js';
import { InputError } from './timer/problems.js';
import type { LiveTimer } from './timer/live-timer.js';
import { pullRequestOf, upsertStickyComment } from './report/comment.js';
import { githubComments } from './report/github-comments.js';
import { summaryMarkdown } from './report/summary.js';
import { failOnError, failOnInputs, report } from './report/verdict.js';

/** Everything run() touches outside itself; tests replace any of it. */
export interface RunDeps {
  core: CorePort;
  env: Record<string, string | undefined>;
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  /** How requests travel (tests put a barrier in the way); by default the step's undici pool. */
  transport?: Transport;
  /** Ctrl-C (the command line): when it aborts, the step's time is up (interrupt.ts). */
  signal?: AbortSignal;
}

/** The deps as the step uses them: the core behind the redactor. */
type StepDeps = Omit<RunDeps, 'core'> & {
  core: ProtectedCore;
  /** The clock as it is, not pushed past every deadline by Ctrl-C: what Globus's is set against. */
  wallClock: Clock;
};

const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
/** Longest wait for a connection (TCP and TLS), within the request timeout. */
const CONNECT_TIMEOUT_MS = 10_000;
/** After `wait` stops waiting, time left for its last look. */
const WAIT_GRACE_MS = 60_000;
/** Time allowed for revoking the step's tokens, whatever time the operation used. */
const REVOKE_GRACE_MS = 30_000;

/** The action: read inputs → carry out the operation → outputs, summary and verdict. */
export async function run(overrides: Partial<RunDeps> & Pick<RunDeps, 'core'>): Promise<void> {
  const unstopped: RunDeps = {
    env: process.env,
    clock: realClock,
    sleep: realSleep,
    random: Math.random,
    ...overrides,
  };
  const given = interruptible(unstopped);
  const core = redactingCore(given.core, new Redactor());
  const deps: StepDeps = { ...given, core, wallClock: unstopped.clock };
  // Mask the secret before anything else can print it.
  const secret = core.getInput('client-secret') || deps.env.GLOBUS_CLIENT_SECRET || '';
  if (secret) core.protect(secret.trim());
  try {
    const startedAt = deps.clock();
    const inputs = await readInputs({
      getInput: (name) => core.getInput(name),
      env: deps.env,
      workspace: deps.env.GITHUB_WORKSPACE ?? process.cwd(),
      now: () => utcTime(startedAt),
    });
    // The Basic credential Auth is sent, in the form a gateway would echo it.
    core.protect(basicCredential(inputs.clientId, inputs.clientSecret));
    await carryOut(deps, inputs, startedAt);
  } catch (error) {
    // Nothing escapes as a stack trace: an unexpected error is one clean failure line.
    if (error instanceof InputError) {
      return failOnInputs(core, error, {
        operation: core.getInput('operation') || 'apply',
        requestsSent: 0,
        summary: core.getInput('summary') !== 'false',
      });
    }
    if (error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function carryOut(deps: StepDeps, inputs: ActionInputs, startedAt: number): Promise<void> {
  const { core } = deps;
  const log = logOf(core);
  const urls = serviceUrls(inputs.environment, deps.env);
  const deadline =
    startedAt + inputs.timeoutSeconds * 1000 + (inputs.operation === 'wait' ? WAIT_GRACE_MS : 0);
  const serviceClock = new ServiceClock(deps.wallClock, log);
  const http = new HttpClient({
    urls,
    retries: inputs.retries,
    deadline,
    requestTimeoutMs: requestTimeoutMs(deps.env),
    clock: deps.clock,
    sleep: deps.sleep,
    random: deps.random,
    log,
    userAgent: `globus-timer-action/${VERSION}`,
    transport: abandonedOnAbort(deps.transport ?? stepConnections(deps.env).send, deps.signal),
    serviceClock,
  });
  const auth = new GlobusAuth(http, inputs.clientId, inputs.clientSecret, (token) =>
    core.protect(token),
  );
  const credentials = new Credentials(auth, companionsOf(inputs), initialConsentsOf(inputs));
  // What the step saw of its timer, for the outputs should it fail half-way.
  const seen: { timer?: LiveTimer; changed: boolean } = { changed: false };
  const observer: TimersObserver = {
    timer: (timer) => {
      if (!inputs.specFile) seen.timer = timer;
    },
    changed: () => {
      seen.changed = true;
    },
  };
  const context: OperationContext = {
    inputs,
    credentials,
    timers: new TimersApi({
      http,
      credentials,
      log,
      clock: deps.clock,
      sleep: deps.sleep,
      random: deps.random,
      retries: inputs.retries,
      observer,
    }),
    transfer: new TransferApi(http, credentials),
    flows: new FlowsApi(http, credentials),
    log,
    clock: deps.clock,
    sleep: deps.sleep,
    serviceTime: () => serviceClock.now(),
    now: () => utcTime(serviceClock.now()),
    startedAt,
    deadline,
  };
  log.info(`Acting as ${auth.identity} ${whereItActs(inputs.environment, deps.env)}`);
  // Before any request: a service left on Globus while the others are not is rarely meant.
  for (const warning of partialOverrides(inputs.environment, deps.env)) log.warning(warning);
  try {
    const result = await OPERATION_HANDLERS[inputs.operation](context);
    await report(core, result, urls.app, inputs.summary);
    if (inputs.comment) await comment(deps, inputs, result, urls.app);
  } catch (error) {
    await failOnError(core, error, {
      ...seen,
      jobId: inputs.target.jobId,
      appUrl: urls.app,
      operation: inputs.operation,
      summary: inputs.summary,
      identity: auth.identity,
      requestsSent: http.requestsSent,
    });
  } finally {
    // Revocation gets its own short deadline: a step that ran out of time still revokes.
    const revoking = http.withDeadline(deps.clock() + REVOKE_GRACE_MS);
    for (const failure of await auth.revokeAll(revoking)) {
      log.warning(`Could not revoke a token: ${failure}`);
    }
  }
}

/** A time of the step's clock, in UTC whatever the runner's own zone: it reaches messages. */
function utcTime(milliseconds: number): DateTime {
  return DateTime.fromMillis(milliseconds, { zone: 'utc' });
}

/**
 * The services besides Timers the step will want a token for, fetched with the first Timers
 * token in one request: Flows for flow timers, Transfer for transfer timers — and for a timer
 * known only by id or name, most likely a transfer timer (a flow timer fetches Flows later).
 */
function companionsOf(inputs: ActionInputs): Companion[] {
  const kinds = new Set(
    inputs.specFile
      ? inputs.specFile.entries.map((entry) => entry.timer.kind)
      : [inputs.timer.kind],
  );
  // Collections named in data-access need no look-up: a transfer timer then needs no Transfer
  // token to be written (check still fetches one when it follows a run).
  const writesOnly = WRITES.has(inputs.operation) && Array.isArray(inputs.dataAccess);
  const companions: Companion[] = [];
  if (kinds.has(undefined) || (kinds.has('transfer') && !writesOnly)) companions.push('transfer');
  if (kinds.has('flow')) companions.push('flows');
  return companions;
}

const WRITES = new Set(['apply', 'create', 'update']);

/** data-access given as a list of collections: the first Timers token carries them already. */
function initialConsentsOf(inputs: ActionInputs): TimersConsents {
  const dataAccess = Array.isArray(inputs.dataAccess) && !inputs.specFile ? inputs.dataAccess : [];
  return { dataAccess, dependencies: [] };
}

/** The sticky pull-request comment (comment: true). */
async function comment(
  deps: StepDeps,
  inputs: ActionInputs,
  result: OperationResult,
  appUrl: string,
): Promise<void> {
  const log = logOf(deps.core);
  const pr = pullRequestOf(deps.env);
  if (!pr) {
    log.notice('comment: true only comments on pull_request events; skipped');
    return;
  }
  const key =
    inputs.specFile?.path ??
    inputs.timer.name ??
    inputs.target.name ??
    result.timer?.name ??
    result.timer?.jobId ??
    inputs.operation;
  const api = await githubComments(inputs.githubToken, deps.env.GITHUB_API_URL);
  // GitHub is one more place the step writes to: the comment passes the one redactor too.
  const { redact } = deps.core;
  await upsertStickyComment(api, pr, redact(key), redact(summaryMarkdown(result, appUrl)), log);
}

function logOf(core: CorePort): Log {
  return {
    debug: (message) => core.debug(message),
    info: (message) => core.info(message),
    notice: (message) => core.notice(message),
    warning: (message) => core.warning(message),
  };
}

/**
 * The step's own connections: kept alive between its requests, through the runner's proxy.
 * Never closed: the process ends with the step, and idle connections do not hold it (closing
 * them would format an error's stack, some 150 ms with the bundle's source maps).
 */
function stepConnections(env: Record<string, string | undefined>): Connections {
  const responseTimeoutMs = requestTimeoutMs(env);
  return undiciConnections({
    env,
    connectTimeoutMs: Math.min(CONNECT_TIMEOUT_MS, responseTimeoutMs),
    responseTimeoutMs,
  });
}

/** GLOBUS_SDK_HTTP_TIMEOUT (seconds, as the SDKs read it; -1 = none; checked in inputs) or 60 s. */
function requestTimeoutMs(env: Record<string, string | undefined>): number {
  const seconds = Number(env.GLOBUS_SDK_HTTP_TIMEOUT || DEFAULT_REQUEST_TIMEOUT_SECONDS);
  return seconds < 0 ? 24 * 3600_000 : seconds * 1000;
}
