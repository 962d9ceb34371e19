/**
 * The control API under `/_emulator/`: the in-process handle's methods over HTTP, for tests
 * and demos that run the emulator in another process. JSON in and out, no auth, and never
 * written to the request log (it is not Globus traffic).
 */
import { ControlError, type EmulatorCore } from './core.js';
import type { FaultSpec } from './faults.js';
import type { FlowSpec } from './flow-registry.js';
import { type ApiResponse, isRecord, parseJson, respond } from './http.js';
import type { RunFailureKind } from './state.js';
import { timersTime } from './time.js';

type Body = Record<string, unknown>;
type ControlRoute = (core: EmulatorCore, body: Body, id: string) => unknown;

const OK = { ok: true };

const ROUTES: { method: string; pattern: RegExp; run: ControlRoute }[] = [
  { method: 'GET', pattern: /^\/collections$/, run: (core) => core.collections() },
  { method: 'GET', pattern: /^\/flows$/, run: (core) => core.flows() },
  {
    method: 'POST',
    pattern: /^\/flows$/,
    run: (core, body) => core.addFlow(body as unknown as FlowSpec),
  },
  {
    method: 'GET',
    pattern: /^\/clock$/,
    run: (core) => ({ now: timersTime(core.now().getTime()) }),
  },
  {
    method: 'POST',
    pattern: /^\/clock\/advance$/,
    run: (core, body) => {
      const runs = core.advance(body.seconds as number);
      return { now: timersTime(core.now().getTime()), runs };
    },
  },
  {
    method: 'POST',
    pattern: /^\/timers\/([^/]+)\/fail-next-run$/,
    run: (core, body, id) => {
      core.failNextRun(id, body.kind as RunFailureKind, body.code as string | undefined);
      return { job_id: id, next_run_failure: body.kind, ...(body.code ? { code: body.code } : {}) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/timers\/([^/]+)\/inactivate$/,
    run: (core, body, id) => {
      core.makeInactive(id, body.required_scopes as string[], body.code as string | undefined);
      return { job_id: id, status: 'inactive' };
    },
  },
  {
    method: 'POST',
    pattern: /^\/tokens\/expire$/,
    run: (core) => ({ expired: core.expireTokens() }),
  },
  { method: 'GET', pattern: /^\/requests$/, run: (core) => core.requests() },
  { method: 'DELETE', pattern: /^\/requests$/, run: (core) => (core.clearRequests(), OK) },
  { method: 'GET', pattern: /^\/state$/, run: (core) => core.dump() },
  { method: 'POST', pattern: /^\/reset$/, run: (core) => (core.reset(), OK) },
  { method: 'GET', pattern: /^\/faults$/, run: (core) => core.faults.list() },
  {
    method: 'POST',
    pattern: /^\/faults$/,
    run: (core, body) => (core.setFault(body as FaultSpec), OK),
  },
  { method: 'DELETE', pattern: /^\/faults$/, run: (core) => (core.clearFaults(), OK) },
  { method: 'GET', pattern: /^\/config$/, run: (core) => core.config() },
  { method: 'POST', pattern: /^\/config$/, run: (core, body) => core.configure(body) },
  {
    method: 'POST',
    pattern: /^\/clients$/,
    run: (core, body) => (
      core.addClient({ id: body.id as string, secret: body.secret as string }),
      OK
    ),
  },
];

/** `path` is what follows `/_emulator`. */
export function handleControl(
  method: string,
  path: string,
  rawBody: string,
  core: EmulatorCore,
): ApiResponse {
  const matching = ROUTES.filter((route) => route.pattern.test(path));
  const route = matching.find((candidate) => candidate.method === method);
  if (!route) {
    return matching.length > 0
      ? respond(405, { error: `${method} is not allowed on /_emulator${path}` })
      : respond(404, { error: `no control route /_emulator${path}` });
  }
  const parsed = parseJson(rawBody);
  if (!parsed.ok && !parsed.empty) return respond(400, { error: 'the body is not valid JSON' });
  const body = parsed.ok ? parsed.value : {};
  if (!isRecord(body)) return respond(400, { error: 'the body must be a JSON object' });
  const id = decodeURIComponent(route.pattern.exec(path)?.[1] ?? '');
  try {
    return respond(200, route.run(core, body, id));
  } catch (error) {
    if (error instanceof ControlError) return respond(error.status, { error: error.message });
    throw error;
  }
}
