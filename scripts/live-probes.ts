/**
 * Questions the action never puts to Globus itself (it avoids the risk on purpose), asked
 * directly so `npm run live` can tell the maintainer the answer: does Auth still accept the
 * retired Transfer Action Provider scope under the Timers scope, what does a DELETE of a
 * deleted timer answer, and does Timers accept a start half a minute in the past? They go
 * where the action goes — the service URLs of the environment, through the action's transport
 * (proxies included) — every token obtained is revoked, and a timer made is deleted.
 */
import { randomUUID } from 'node:crypto';
import { joinUrl, type ServiceUrls } from '../src/globus/environments.js';
import {
  LEGACY_TRANSFER_AP_SCOPE,
  TIMERS_SCOPE,
  TRANSFER_SCOPE,
  timerScope,
} from '../src/globus/scopes.js';
import type { Transport } from '../src/globus/transport.js';

const REQUEST_TIMEOUT_MS = 60_000;

export interface ProbeContext {
  urls: ServiceUrls;
  clientId: string;
  clientSecret: string;
  transport: Transport;
  /** The time now (the live run's clock), for the past start. */
  now: () => number;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function send(
  context: ProbeContext,
  url: string,
  request: { method: string; headers: Record<string, string>; body?: string },
): Promise<Answer> {
  const answer = await context.transport({
    url,
    ...request,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  try {
    return { status: answer.status, body: JSON.parse(answer.text) as Record<string, unknown> };
  } catch {
    return { status: answer.status, body: { text: answer.text.slice(0, 200) } };
  }
}

function authForm(context: ProbeContext, form: Record<string, string>) {
  const pair = `${context.clientId}:${context.clientSecret}`;
  return {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(pair).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  };
}

async function token(context: ProbeContext, scope: string): Promise<Answer> {
  const url = joinUrl(context.urls.auth, '/v2/oauth2/token');
  return send(context, url, authForm(context, { grant_type: 'client_credentials', scope }));
}

async function revoke(context: ProbeContext, answer: Answer): Promise<void> {
  const tokens = [answer.body, ...((answer.body.other_tokens as Record<string, unknown>[]) ?? [])]
    .map((item) => item.access_token)
    .filter((value): value is string => typeof value === 'string');
  for (const value of tokens) {
    const url = joinUrl(context.urls.auth, '/v2/oauth2/token/revoke');
    await send(context, url, authForm(context, { token: value }));
  }
}

/** Whether Auth issues a token for `timer[<Transfer AP>[transfer:all]]`. */
export async function probeLegacyScope(context: ProbeContext): Promise<Record<string, unknown>> {
  const answer = await token(
    context,
    `${TIMERS_SCOPE}[${LEGACY_TRANSFER_AP_SCOPE}[${TRANSFER_SCOPE}]]`,
  );
  await revoke(context, answer);
  return {
    status: answer.status,
    reading: answer.status === 200 ? 'accepted' : 'rejected',
    error: answer.status === 200 ? null : (answer.body.error ?? null),
  };
}

/** With a Timers token: `use(bearer)`, then the token revoked. */
async function withTimersToken(
  context: ProbeContext,
  use: (headers: Record<string, string>) => Promise<Record<string, unknown>>,
): Promise<Record<string, unknown>> {
  const granted = await token(context, timerScope());
  const accessToken = granted.body.access_token;
  if (typeof accessToken !== 'string') return { status: granted.status, reading: 'no token' };
  try {
    return await use({ authorization: `Bearer ${accessToken}` });
  } finally {
    await revoke(context, granted);
  }
}

/** What a DELETE of a timer that is already deleted answers (a retry after a lost reply). */
export async function probeRepeatedDelete(
  context: ProbeContext,
  jobId: string,
): Promise<Record<string, unknown>> {
  return withTimersToken(context, async (headers) => {
    const url = joinUrl(context.urls.timers, `/jobs/${jobId}`);
    const answer = await send(context, url, { method: 'DELETE', headers });
    const readings: Record<number, string> = { 200: 'ok', 404: 'not_found', 409: 'conflict' };
    return {
      status: answer.status,
      reading: readings[answer.status] ?? 'other',
      timer_status: answer.body.status ?? null,
    };
  });
}

export interface PastStartTimer {
  /** Its name; the live run's prefix, so a sweep finds it if its delete is lost. */
  name: string;
  source: string;
  destination: string;
  /** A folder on the destination the client may write. */
  destinationFolder: string;
}

/**
 * Whether Timers accepts a run-once timer whose time passed 30 seconds ago. Accepted, the timer
 * may run before the delete that follows at once, so it can copy nothing: its source is a path
 * that does not exist (a fresh name). The reading says whether it ran.
 */
export async function probePastStart(
  context: ProbeContext,
  timer: PastStartTimer,
): Promise<Record<string, unknown>> {
  return withTimersToken(context, async (bearer) => {
    const headers = { ...bearer, 'content-type': 'application/json' };
    const datetime = new Date(context.now() - 30_000).toISOString().replace(/\.\d+Z$/, '+00:00');
    const missing = `/globus-timer-action-live-no-such-path-${randomUUID()}`;
    const created = await send(context, joinUrl(context.urls.timers, '/v2/timer'), {
      method: 'POST',
      headers,
      body: JSON.stringify({
        timer: {
          timer_type: 'transfer',
          name: timer.name,
          schedule: { type: 'once', datetime },
          body: {
            DATA_TYPE: 'transfer',
            source_endpoint: timer.source,
            destination_endpoint: timer.destination,
            notify_on_succeeded: false,
            notify_on_failed: false,
            notify_on_inactive: false,
            DATA: [
              {
                DATA_TYPE: 'transfer_item',
                source_path: missing,
                destination_path: `${timer.destinationFolder.replace(/\/+$/, '')}/past-start-probe`,
              },
            ],
          },
        },
      }),
    });
    const jobId = (created.body.timer as { job_id?: string } | undefined)?.job_id;
    const accepted = created.status === 201;
    return {
      status: created.status,
      reading: accepted ? 'accepted 30 s in the past' : 'rejected',
      detail: accepted ? null : created.body,
      ...(jobId ? await deleteProbeTimer(context, headers, jobId) : {}),
    };
  });
}

/** Deletes the probe's timer and says whether it had run (with nothing to copy) by then. */
async function deleteProbeTimer(
  context: ProbeContext,
  headers: Record<string, string>,
  jobId: string,
): Promise<Record<string, unknown>> {
  const url = joinUrl(context.urls.timers, `/jobs/${jobId}`);
  const deleted = await send(context, url, { method: 'DELETE', headers });
  const after = await send(context, url, { method: 'GET', headers });
  const runs = after.body.n_runs ?? after.body.number_of_runs ?? null;
  return {
    job_id: jobId,
    deleted: deleted.status === 200,
    runs_before_deleted: runs,
    may_have_run:
      'yes, at most once before its delete: a transfer of a path that does not exist, so it copied nothing',
  };
}
