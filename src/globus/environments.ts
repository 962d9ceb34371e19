import { PROXY_VARIABLES } from './proxy.js';

/** Where each Globus service lives per environment (as the SDKs say), and the env overrides. */

export const ENVIRONMENTS = [
  'production',
  'preview',
  'sandbox',
  'integration',
  'test',
  'staging',
] as const;
export type GlobusEnvironment = (typeof ENVIRONMENTS)[number];

export interface ServiceUrls {
  auth: string;
  transfer: string;
  timers: string;
  flows: string;
  /** The web app, for links in outputs and summaries. */
  app: string;
}

function defaultUrls(environment: GlobusEnvironment): ServiceUrls {
  if (environment === 'production') {
    return {
      auth: 'https://auth.globus.org/',
      transfer: 'https://transfer.api.globus.org/',
      timers: 'https://timer.automate.globus.org/',
      flows: 'https://flows.automate.globus.org/',
      app: 'https://app.globus.org/',
    };
  }
  if (environment === 'preview') {
    return {
      auth: 'https://auth.preview.globus.org/',
      transfer: 'https://transfer.api.preview.globus.org/',
      timers: 'https://preview.timer.automate.globus.org/',
      flows: 'https://preview.flows.automate.globus.org/',
      app: 'https://app.preview.globus.org/',
    };
  }
  return {
    auth: `https://auth.${environment}.globuscs.info/`,
    transfer: `https://transfer.api.${environment}.globuscs.info/`,
    timers: `https://${environment}.timer.automate.globus.org/`,
    flows: `https://${environment}.flows.automate.globus.org/`,
    app: `https://app.${environment}.globuscs.info/`,
  };
}

/**
 * Base URLs for `environment`, with `GLOBUS_SDK_SERVICE_URL_<SERVICE>` overrides as the SDKs
 * read them. Timers accepts both the JS SDK's `TIMERS` and the Python SDK's `TIMER`.
 */
export function serviceUrls(
  environment: GlobusEnvironment,
  env: Record<string, string | undefined>,
): ServiceUrls {
  const urls = defaultUrls(environment);
  const override = (...names: string[]) =>
    names.map((name) => env[`GLOBUS_SDK_SERVICE_URL_${name}`]?.trim()).find((value) => value);
  return {
    auth: override('AUTH') ?? urls.auth,
    transfer: override('TRANSFER') ?? urls.transfer,
    timers: override('TIMERS', 'TIMER') ?? urls.timers,
    flows: override('FLOWS') ?? urls.flows,
    app: override('APP') ?? urls.app,
  };
}

/**
 * Base URL + request path, keeping any path the base carries (`…/timers/` + `/v2/timer` →
 * `…/timers/v2/timer`), as the Python SDK joins them; never resolved against the base.
 */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** A variable of the runner's environment that would break the first request, and why. */
export interface VariableProblem {
  variable: string;
  message: string;
}

const SERVICE_URL_VARIABLES = ['AUTH', 'TRANSFER', 'TIMERS', 'TIMER', 'FLOWS', 'APP'].map(
  (service) => `GLOBUS_SDK_SERVICE_URL_${service}`,
);

/**
 * Checks the variables the action reads besides its inputs — service URLs, the request
 * timeout, proxies — so a typo fails before any request, naming the variable, instead of
 * surfacing later as a network error.
 */
export function checkEnvironment(env: Record<string, string | undefined>): VariableProblem[] {
  const problems: VariableProblem[] = [];
  for (const variable of [...SERVICE_URL_VARIABLES, ...PROXY_VARIABLES]) {
    const value = env[variable];
    const message = value ? urlProblem(value) : undefined;
    if (message) problems.push({ variable, message });
  }
  const timeout = env.GLOBUS_SDK_HTTP_TIMEOUT;
  if (timeout && (!/^(-1|\d+(\.\d+)?)$/.test(timeout.trim()) || Number(timeout) === 0)) {
    problems.push({
      variable: 'GLOBUS_SDK_HTTP_TIMEOUT',
      message: `"${timeout}" is not a number of seconds (or -1 for no timeout)`,
    });
  }
  return problems;
}

function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return `"${value}" is not a URL; use e.g. https://host/ or http://127.0.0.1:8080/timers/`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `"${value}" must start with https:// or http://`;
  }
  // No host check: the URL parser already refuses an http(s) URL without one (`https://`).
  return undefined;
}

const SERVICES = [
  ['auth', 'AUTH', 'Auth'],
  ['transfer', 'TRANSFER', 'Transfer'],
  ['timers', 'TIMERS', 'Timers'],
  ['flows', 'FLOWS', 'Flows'],
] as const;

/** Whether a service's URL comes from a variable rather than the environment. */
function overridden(service: string, env: Record<string, string | undefined>): boolean {
  const names = service === 'TIMERS' ? ['TIMERS', 'TIMER'] : [service];
  return names.some((name) => env[`GLOBUS_SDK_SERVICE_URL_${name}`]?.trim());
}

/**
 * Where a step acts, in words for its first line: the Globus environment, or — when service
 * URLs are overridden — the hosts they name (one when all share it, as with the emulator), and
 * the environment of any service left on it.
 */
export function whereItActs(
  environment: GlobusEnvironment,
  env: Record<string, string | undefined>,
): string {
  const urls = serviceUrls(environment, env);
  const moved = SERVICES.filter(([, name]) => overridden(name, env));
  if (moved.length === 0) return `on Globus ${environment}`;
  const origins = [...new Set(moved.map(([key]) => new URL(urls[key]).origin))];
  const hosts =
    origins.length === 1
      ? `on ${origins[0]}`
      : `on ${moved.map(([key, , label]) => `${label} ${new URL(urls[key]).origin}`).join(', ')}`;
  const left = SERVICES.filter(([, name]) => !overridden(name, env));
  if (left.length === 0) return `${hosts} (service URLs from GLOBUS_SDK_SERVICE_URL_*)`;
  return `${hosts}, ${left.map(([, , label]) => label).join(', ')} on Globus ${environment}`;
}

/**
 * With some service URLs overridden and others not, the others go to the environment's hosts —
 * a flow timer against the emulator would ask production Flows about its flow. One warning per
 * variable left unset, said before any request.
 */
export function partialOverrides(
  environment: GlobusEnvironment,
  env: Record<string, string | undefined>,
): string[] {
  const left = SERVICES.filter(([, name]) => !overridden(name, env));
  if (left.length === SERVICES.length || left.length === 0) return [];
  const urls = serviceUrls(environment, env);
  return left.map(
    ([key, name, label]) =>
      `GLOBUS_SDK_SERVICE_URL_${name} is not set while other service URLs are: ${label} requests go to Globus ${environment} (${urls[key]}). Set it too, or none of them`,
  );
}
