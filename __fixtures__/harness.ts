import { DEMO_CLIENT, type Emulator } from '../emulator/index.js';
import { run, type RunDeps } from '../src/main.js';
import { FakeCore } from './core.js';

/** The environment that points the action at an emulator, as a workflow would. */
export function emulatorEnv(emulator: Emulator): Record<string, string> {
  return {
    GLOBUS_SDK_SERVICE_URL_AUTH: emulator.urls.auth,
    GLOBUS_SDK_SERVICE_URL_TRANSFER: emulator.urls.transfer,
    GLOBUS_SDK_SERVICE_URL_TIMERS: emulator.urls.timers,
    GLOBUS_SDK_SERVICE_URL_FLOWS: emulator.urls.flows,
  };
}

/** Inputs as the runner passes them when a workflow leaves them out (action.yml defaults). */
export const ACTION_DEFAULTS: Record<string, string> = {
  operation: 'apply',
  timeout: '10m',
  retries: '4',
  'verify-checksum': 'true',
  'encrypt-data': 'false',
  'preserve-timestamp': 'false',
  'delete-destination-extra': 'false',
  'skip-source-errors': 'false',
  'fail-on-quota-errors': 'false',
  notify: 'default',
  'data-access': 'auto',
  timezone: 'UTC',
  'fail-on': 'run-error,transfer-failed,transfer-stalled,flow-failed,flow-stalled,inactive',
  history: '5',
  comment: 'false',
  summary: 'true',
};

/**
 * Runs the action in-process against the emulator, on the emulator's virtual clock: the
 * action's sleeps advance that clock (so due timers run while it waits) and nothing waits on
 * wall-clock time.
 */
export async function runInProcess(
  emulator: Emulator,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  deps: Partial<RunDeps> = {},
): Promise<FakeCore> {
  const core = new FakeCore({
    ...ACTION_DEFAULTS,
    'client-id': DEMO_CLIENT.id,
    'client-secret': DEMO_CLIENT.secret,
    ...inputs,
  });
  await run({
    core,
    env: { ...emulatorEnv(emulator), ...env },
    clock: () => emulator.now().getTime(),
    sleep: async (milliseconds) => {
      emulator.advance(milliseconds / 1000);
    },
    random: () => 0.5,
    ...deps,
  });
  return core;
}

/** Requests that change something in Globus (the plan/check operations must send none). */
export function writeRequests(emulator: Emulator) {
  return emulator
    .requests()
    .filter((request) => request.service === 'timers' && request.method !== 'GET');
}

/** The scope strings of every token request the emulator received. */
export function tokenScopes(emulator: Emulator): string[] {
  return emulator
    .requests()
    .filter((request) => request.path === '/v2/oauth2/token')
    .map((request) => String((request.body as Record<string, unknown>).scope));
}
