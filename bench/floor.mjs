// The floor for a `check` step: the same requests the action sends for `operation: check` with a
// job-id — a token, the timer, its last run's Transfer task, the revocations — made with
// node:http and nothing else (no validation, no retries, no redaction, no summary). What the
// action costs above this is what its own code and libraries cost. Run as the runner would:
//   GLOBUS_SDK_SERVICE_URL_{AUTH,TRANSFER,TIMERS}, GLOBUS_CLIENT_ID/SECRET, INPUT_JOB-ID.
import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import { appendFileSync } from 'node:fs';

const env = process.env;
const basic = Buffer.from(`${env.GLOBUS_CLIENT_ID}:${env.GLOBUS_CLIENT_SECRET}`).toString('base64');
const TIMERS = 'https://auth.globus.org/scopes/524230d7-ea86-4a52-8312-86065a9e0417/timer';
const TRANSFER = 'urn:globus:auth:scope:transfer.api.globus.org:all';

function send(base, path, { method = 'GET', headers = {}, body } = {}) {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  const client = url.protocol === 'https:' ? requestTls : request;
  return new Promise((resolve, reject) => {
    const req = client(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve(text ? JSON.parse(text) : {}));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const form = (fields) => ({
  method: 'POST',
  headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const granted = await send(
  env.GLOBUS_SDK_SERVICE_URL_AUTH,
  '/v2/oauth2/token',
  form({ grant_type: 'client_credentials', scope: `${TIMERS}[${TRANSFER}] ${TRANSFER}` }),
);
const tokens = [granted, ...granted.other_tokens];
const tokenFor = (server) => tokens.find((t) => t.resource_server === server).access_token;
const bearer = (server) => ({ headers: { authorization: `Bearer ${tokenFor(server)}` } });

const timer = await send(
  env.GLOBUS_SDK_SERVICE_URL_TIMERS,
  `/jobs/${env['INPUT_JOB-ID']}`,
  bearer('524230d7-ea86-4a52-8312-86065a9e0417'),
);
const [run] = timer.results?.data ?? [];
const task = run
  ? await send(
      env.GLOBUS_SDK_SERVICE_URL_TRANSFER,
      `/v0.10/task/${run.resource_id}`,
      bearer('transfer.api.globus.org'),
    )
  : undefined;
await Promise.all(
  tokens.map((t) =>
    send(
      env.GLOBUS_SDK_SERVICE_URL_AUTH,
      '/v2/oauth2/token/revoke',
      form({ token: t.access_token }),
    ),
  ),
);
appendFileSync(
  env.GITHUB_OUTPUT,
  `status=${timer.status}\ntransfer-status=${task?.status ?? ''}\n`,
);
