/**
 * What `npm run live` is told by its environment (CONTRIBUTING.md, "The live test"): the
 * credentials and collections it needs, the optional flow and mapped collection, the timings,
 * and where every request goes — resolved by the action's own `serviceUrls`, so the probes ask
 * the same hosts the action does, in any Globus environment.
 */
import {
  ENVIRONMENTS,
  type GlobusEnvironment,
  type ServiceUrls,
  serviceUrls,
} from '../src/globus/environments.js';
import { formatDuration, parseDuration } from '../src/timer/duration.js';
import { MIN_INTERVAL_SECONDS } from '../src/timer/schedule.js';

export const NEEDED = [
  ['GLOBUS_CLIENT_ID', 'the confidential client id (secret)'],
  ['GLOBUS_CLIENT_SECRET', 'its secret (secret)'],
  ['GLOBUS_LIVE_SOURCE', 'the source collection id (variable)'],
  ['GLOBUS_LIVE_DESTINATION', 'the destination collection id (variable)'],
] as const;

/** What the action's steps are given besides credentials: services, proxies. */
const PASSED_ON = /^(GLOBUS_SDK_|HTTPS?_PROXY$|NO_PROXY$|https?_proxy$|no_proxy$)/;
const DEFAULT_ITEM = '/share/godata/file1.txt, /~/globus-timer-action-live/file1.txt';
const DEFAULT_MAPPED_PATH = '/~/globus-timer-action-live/file1.txt';
const DEFAULT_INTERVAL = '2m';

export interface LiveConfig {
  clientId: string;
  clientSecret: string;
  source: string;
  destination: string;
  sourcePath: string;
  destinationPath: string;
  /** Seconds between the runs of the run-twice timer. */
  intervalSeconds: number;
  /** The flow timer's flow and its input (JSON text), when both are given. */
  flow?: { id: string; input: string };
  /** A GCS v5 mapped collection and a path on it the client may write, when given. */
  mapped?: { collection: string; path: string };
  /** `gta-live/<run>`: the name of this run's timers, and the prefix the sweep looks for. */
  name: string;
  reportPath: string;
  environment: GlobusEnvironment;
  /** Where every request of the run goes: the action's resolution of the environment. */
  urls: ServiceUrls;
  /** The variables every action step gets. */
  stepEnv: Record<string, string>;
}

export type ConfigReading =
  | { kind: 'skip'; missing: (typeof NEEDED)[number][] }
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'ready'; config: LiveConfig };

type Env = Record<string, string | undefined>;

/** The run's configuration, or what is missing (skip), or every problem at once (invalid). */
export function readLiveConfig(env: Env, now: number): ConfigReading {
  const missing = NEEDED.filter(([name]) => !env[name]);
  if (missing.length > 0) return { kind: 'skip', missing };
  const problems: string[] = [];
  const problem = (message: string) => problems.push(message);
  const environment = readEnvironment(env, problem);
  const intervalSeconds = readInterval(env, problem);
  const flow = readFlow(env, problem);
  const [sourcePath = '', destinationPath = ''] = (env.GLOBUS_LIVE_ITEM || DEFAULT_ITEM)
    .split(',')
    .map((part) => part.trim());
  if (!sourcePath || !destinationPath) {
    problem('GLOBUS_LIVE_ITEM must be one line "SOURCE_PATH, DESTINATION_PATH"');
  }
  if (problems.length > 0) return { kind: 'invalid', problems };
  const mapped = env.GLOBUS_LIVE_MAPPED_COLLECTION;
  return {
    kind: 'ready',
    config: {
      clientId: env.GLOBUS_CLIENT_ID ?? '',
      clientSecret: env.GLOBUS_CLIENT_SECRET ?? '',
      source: env.GLOBUS_LIVE_SOURCE ?? '',
      destination: env.GLOBUS_LIVE_DESTINATION ?? '',
      sourcePath,
      destinationPath,
      intervalSeconds,
      ...(flow ? { flow } : {}),
      ...(mapped
        ? {
            mapped: {
              collection: mapped,
              path: env.GLOBUS_LIVE_MAPPED_PATH || DEFAULT_MAPPED_PATH,
            },
          }
        : {}),
      name: `gta-live/${env.GITHUB_RUN_ID ?? now}`,
      reportPath: env.GLOBUS_LIVE_REPORT || '.tmp/live-report.json',
      environment,
      urls: serviceUrls(environment, env),
      stepEnv: Object.fromEntries(
        Object.entries(env).filter(
          (entry): entry is [string, string] => PASSED_ON.test(entry[0]) && entry[1] !== undefined,
        ),
      ),
    },
  };
}

function readEnvironment(env: Env, problem: (message: string) => void): GlobusEnvironment {
  const name = env.GLOBUS_SDK_ENVIRONMENT?.trim() || 'production';
  if ((ENVIRONMENTS as readonly string[]).includes(name)) return name as GlobusEnvironment;
  problem(`GLOBUS_SDK_ENVIRONMENT "${name}" is not one of ${ENVIRONMENTS.join(', ')}`);
  return 'production';
}

function readInterval(env: Env, problem: (message: string) => void): number {
  const text = env.GLOBUS_LIVE_INTERVAL?.trim() || DEFAULT_INTERVAL;
  let seconds: number;
  try {
    seconds = parseDuration(text);
  } catch (error) {
    problem(`GLOBUS_LIVE_INTERVAL: "${text}" ${(error as Error).message}`);
    return 0;
  }
  if (seconds < MIN_INTERVAL_SECONDS) {
    problem(`GLOBUS_LIVE_INTERVAL "${text}" is shorter than Globus allows (at least 1m)`);
  }
  return seconds;
}

function readFlow(env: Env, problem: (message: string) => void): LiveConfig['flow'] {
  const id = env.GLOBUS_LIVE_FLOW_ID?.trim();
  const input = env.GLOBUS_LIVE_FLOW_INPUT?.trim();
  if (!id && !input) return undefined;
  if (!id || !input) {
    problem(
      `${id ? 'GLOBUS_LIVE_FLOW_INPUT' : 'GLOBUS_LIVE_FLOW_ID'} is missing: the flow timer needs both GLOBUS_LIVE_FLOW_ID and GLOBUS_LIVE_FLOW_INPUT (its input as JSON, {} for none)`,
    );
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(input);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
  } catch {
    problem('GLOBUS_LIVE_FLOW_INPUT must be a JSON object (the flow input, {} for none)');
  }
  return { id, input };
}

/** The timings as the report and the log say them. */
export function describeTimings(config: LiveConfig, firstRunLeadSeconds: number): string {
  return `first run ${formatDuration(firstRunLeadSeconds)} after apply, then every ${formatDuration(config.intervalSeconds)}`;
}
