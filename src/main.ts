import { EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { DateTime } from 'luxon';
import { actionsCore, type CorePort } from './core-port.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { GlobusAuth } from './globus/auth.js';
import { Credentials } from './globus/credentials.js';
import { serviceUrls } from './globus/environments.js';
import { GlobusApiError } from './globus/errors.js';
import { HttpClient, VERSION } from './globus/http.js';
import { TimersApi } from './globus/timers.js';
import { TransferApi } from './globus/transfer.js';
import type { OperationResult } from './operations/context.js';
import { OPERATION_HANDLERS } from './operations/index.js';
import { realClock, realSleep, type Clock, type Log, type Sleep } from './ports.js';
import { InputError, formatProblem } from './spec/problems.js';
import { pullRequestOf, upsertStickyComment } from './report/comment.js';
import { githubComments } from './report/github-comments.js';
import { hintFor } from './report/hints.js';
import { outputsOf } from './report/outputs.js';
import { summaryMarkdown } from './report/summary.js';

/** Everything run() touches outside itself; tests replace any of it. */
export interface RunDeps {
  core: CorePort;
  env: Record<string, string | undefined>;
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  dispatcher?: Dispatcher;
}

const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
/** After `wait` stops waiting, time left for its last look. */
const WAIT_GRACE_MS = 60_000;
/** Time allowed for revoking the step's tokens, whatever time the operation used. */
const REVOKE_GRACE_MS = 30_000;

/** The action: read inputs → carry out the operation → outputs, summary and verdict. */
export async function run(overrides: Partial<RunDeps> = {}): Promise<void> {
  const deps: RunDeps = {
    core: actionsCore,
    env: process.env,
    clock: realClock,
    sleep: realSleep,
    random: Math.random,
    ...overrides,
  };
  const { core } = deps;
  const startedAt = deps.clock();
  // Mask the secret before anything else can print it.
  const secret = core.getInput('client-secret') || deps.env.GLOBUS_CLIENT_SECRET || '';
  if (secret) core.setSecret(secret);

  let inputs: ActionInputs;
  try {
    inputs = readInputs({
      getInput: (name) => core.getInput(name),
      env: deps.env,
      workspace: deps.env.GITHUB_WORKSPACE ?? process.cwd(),
      now: DateTime.fromMillis(startedAt, { zone: 'utc' }),
    });
  } catch (error) {
    if (error instanceof InputError) return failOnInputs(core, error);
    throw error;
  }
  await carryOut(deps, inputs, startedAt);
}

async function carryOut(deps: RunDeps, inputs: ActionInputs, startedAt: number): Promise<void> {
  const { core } = deps;
  const log = logOf(core);
  const urls = serviceUrls(inputs.environment, deps.env);
  const deadline =
    startedAt + inputs.timeoutSeconds * 1000 + (inputs.operation === 'wait' ? WAIT_GRACE_MS : 0);
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
    ...dispatcherOption(deps),
  });
  const auth = new GlobusAuth(http, inputs.clientId, inputs.clientSecret, (token) =>
    core.setSecret(token),
  );
  const credentials = new Credentials(auth);
  const context = {
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
    }),
    transfer: new TransferApi(http, credentials),
    log,
    clock: deps.clock,
    sleep: deps.sleep,
    now: () => DateTime.fromMillis(deps.clock(), { zone: 'utc' }),
    startedAt,
    deadline,
  };
  log.info(`Acting as ${auth.identity} (${inputs.environment})`);
  try {
    const result = await OPERATION_HANDLERS[inputs.operation](context);
    await report(core, inputs, result, urls.app);
    if (inputs.comment) await comment(deps, inputs, result, urls.app);
  } catch (error) {
    await failOnError(core, inputs, error, auth.identity);
  } finally {
    // Revocation gets its own short deadline: a step that ran out of time still revokes.
    const revoking = http.withDeadline(deps.clock() + REVOKE_GRACE_MS);
    for (const failure of await auth.revokeAll(revoking)) {
      log.warning(`Could not revoke a token: ${failure}`);
    }
  }
}

async function report(
  core: CorePort,
  inputs: ActionInputs,
  result: OperationResult,
  appUrl: string,
): Promise<void> {
  for (const [name, value] of Object.entries(outputsOf(result, appUrl)))
    core.setOutput(name, value);
  if (inputs.summary) await core.writeSummary(summaryMarkdown(result, appUrl));
  // One annotation holding every reason, one a line: each reason once, nothing repeated.
  if (result.failures.length > 0) core.setFailed(result.failures.join('\n'));
}

/** The sticky pull-request comment (comment: true). */
async function comment(
  deps: RunDeps,
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
  await upsertStickyComment(api, pr, key, summaryMarkdown(result, appUrl), log);
}

/** One annotation per problem (on the file and line when there is one), then the verdict. */
function failOnInputs(core: CorePort, error: InputError): void {
  for (const problem of error.problems) {
    if (problem.file) {
      core.error(formatProblem(problem), {
        title: `Invalid ${problem.input}`,
        file: problem.file,
        ...(problem.line === undefined ? {} : { startLine: problem.line }),
      });
    }
  }
  core.setFailed(
    `Invalid inputs; nothing was sent to Globus:\n${error.problems.map((p) => `- ${formatProblem(p)}`).join('\n')}`,
  );
}

async function failOnError(
  core: CorePort,
  inputs: ActionInputs,
  error: unknown,
  identity: string,
): Promise<void> {
  if (error instanceof InputError) return failOnInputs(core, error);
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof GlobusApiError ? hintFor(error, identity) : undefined;
  if (inputs.summary) {
    await core.writeSummary(
      `### Globus timer: ${inputs.operation} → failed\n\n${message}${hint ? `\n\n${hint}` : ''}\n`,
    );
  }
  core.setFailed(hint ? `${message}\n${hint}` : message);
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
 * A proxy-aware dispatcher when the runner sets a proxy (HTTPS_PROXY / HTTP_PROXY, NO_PROXY
 * honoured); otherwise undici's default, which keeps undici's experimental-agent warning out
 * of every log that has no proxy to talk about.
 */
function dispatcherOption(deps: RunDeps): { dispatcher?: Dispatcher } {
  if (deps.dispatcher) return { dispatcher: deps.dispatcher };
  const proxied = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some(
    (name) => deps.env[name],
  );
  return proxied ? { dispatcher: new EnvHttpProxyAgent() } : {};
}

/** GLOBUS_SDK_HTTP_TIMEOUT (seconds, as the SDKs read it; -1 = none) or 60 s. */
function requestTimeoutMs(env: Record<string, string | undefined>): number {
  const seconds = Number(env.GLOBUS_SDK_HTTP_TIMEOUT ?? DEFAULT_REQUEST_TIMEOUT_SECONDS);
  if (!Number.isFinite(seconds) || seconds === 0) return DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000;
  return seconds < 0 ? 24 * 3600_000 : seconds * 1000;
}
