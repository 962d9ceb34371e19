/**
 * Questions the action never puts to Globus itself (it avoids the risk on purpose), asked
 * directly so `npm run live` can tell the maintainer the answer: does Auth still accept the
 * retired Transfer Action Provider scope under the Timers scope, and does Timers accept a start
 * half a minute in the past? Every token obtained is revoked; a timer made is deleted.
 */

const TIMERS_SCOPE = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
const TRANSFER_SCOPE = 'urn:globus:auth:scope:transfer.api.globus.org:all';
const LEGACY_AP_SCOPE = 'https://auth.globus.org/scopes/actions.globus.org/transfer/transfer';

export interface ProbeContext {
  authUrl: string;
  timersUrl: string;
  clientId: string;
  clientSecret: string;
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

const join = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

async function send(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: response.status, body: { text: text.slice(0, 200) } };
  }
}

function basic(context: ProbeContext): string {
  const pair = `${context.clientId}:${context.clientSecret}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

async function token(context: ProbeContext, scope: string): Promise<Answer> {
  return send(join(context.authUrl, '/v2/oauth2/token'), {
    method: 'POST',
    headers: { authorization: basic(context), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope }).toString(),
  });
}

async function revoke(context: ProbeContext, answer: Answer): Promise<void> {
  const tokens = [answer.body, ...((answer.body.other_tokens as Record<string, unknown>[]) ?? [])]
    .map((item) => item.access_token)
    .filter((value): value is string => typeof value === 'string');
  for (const value of tokens) {
    await send(join(context.authUrl, '/v2/oauth2/token/revoke'), {
      method: 'POST',
      headers: {
        authorization: basic(context),
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token: value }).toString(),
    });
  }
}

/** Whether Auth issues a token for `timer[<Transfer AP>[transfer:all]]`. */
export async function probeLegacyScope(context: ProbeContext): Promise<Record<string, unknown>> {
  const answer = await token(context, `${TIMERS_SCOPE}[${LEGACY_AP_SCOPE}[${TRANSFER_SCOPE}]]`);
  await revoke(context, answer);
  return {
    status: answer.status,
    reading: answer.status === 200 ? 'accepted' : 'rejected',
    error: answer.status === 200 ? null : (answer.body.error ?? null),
  };
}

/** What a DELETE of a timer that is already deleted answers (a retry after a lost reply). */
export async function probeRepeatedDelete(
  context: ProbeContext,
  jobId: string,
): Promise<Record<string, unknown>> {
  const granted = await token(context, `${TIMERS_SCOPE}[${TRANSFER_SCOPE}]`);
  const accessToken = granted.body.access_token;
  if (typeof accessToken !== 'string') return { status: granted.status, reading: 'no token' };
  const answer = await send(join(context.timersUrl, `/jobs/${jobId}`), {
    method: 'DELETE',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  await revoke(context, granted);
  const readings: Record<number, string> = { 200: 'ok', 404: 'not_found', 409: 'conflict' };
  return {
    status: answer.status,
    reading: readings[answer.status] ?? 'other',
    timer_status: answer.body.status ?? null,
  };
}

/** Whether Timers accepts a run-once timer whose time passed 30 seconds ago. */
export async function probePastStart(
  context: ProbeContext,
  body: { source: string; destination: string; sourcePath: string; destinationPath: string },
): Promise<Record<string, unknown>> {
  const granted = await token(context, `${TIMERS_SCOPE}[${TRANSFER_SCOPE}]`);
  const accessToken = granted.body.access_token;
  if (typeof accessToken !== 'string') return { status: granted.status, reading: 'no token' };
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const datetime = new Date(Date.now() - 30_000).toISOString().replace(/\.\d+Z$/, '+00:00');
  const created = await send(join(context.timersUrl, '/v2/timer'), {
    method: 'POST',
    headers,
    body: JSON.stringify({
      timer: {
        timer_type: 'transfer',
        name: 'gta-live/past-start-probe',
        schedule: { type: 'once', datetime },
        body: {
          DATA_TYPE: 'transfer',
          source_endpoint: body.source,
          destination_endpoint: body.destination,
          DATA: [
            {
              DATA_TYPE: 'transfer_item',
              source_path: body.sourcePath,
              destination_path: body.destinationPath,
            },
          ],
        },
      },
    }),
  });
  const jobId = (created.body.timer as { job_id?: string } | undefined)?.job_id;
  if (jobId) await send(join(context.timersUrl, `/jobs/${jobId}`), { method: 'DELETE', headers });
  await revoke(context, granted);
  return {
    status: created.status,
    reading: created.status === 201 ? 'accepted 30 s in the past' : 'rejected',
    detail: created.status === 201 ? null : created.body,
  };
}
