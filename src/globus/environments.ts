/** Where each Globus service lives, per environment (REFERENCE §1.1), and the env overrides. */

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
  /** The web app, for links in outputs and summaries. */
  app: string;
}

function defaultUrls(environment: GlobusEnvironment): ServiceUrls {
  if (environment === 'production') {
    return {
      auth: 'https://auth.globus.org/',
      transfer: 'https://transfer.api.globus.org/',
      timers: 'https://timer.automate.globus.org/',
      app: 'https://app.globus.org/',
    };
  }
  if (environment === 'preview') {
    return {
      auth: 'https://auth.preview.globus.org/',
      transfer: 'https://transfer.api.preview.globus.org/',
      timers: 'https://preview.timer.automate.globus.org/',
      app: 'https://app.preview.globus.org/',
    };
  }
  return {
    auth: `https://auth.${environment}.globuscs.info/`,
    transfer: `https://transfer.api.${environment}.globuscs.info/`,
    timers: `https://${environment}.timer.automate.globus.org/`,
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
    names.map((name) => env[`GLOBUS_SDK_SERVICE_URL_${name}`]).find((value) => value);
  return {
    auth: override('AUTH') ?? urls.auth,
    transfer: override('TRANSFER') ?? urls.transfer,
    timers: override('TIMERS', 'TIMER') ?? urls.timers,
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
