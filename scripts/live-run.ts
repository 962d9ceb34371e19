/**
 * One `npm run live`, whatever stands in for Globus: the sweep of what an earlier run left,
 * the timers (live-timers.ts), the probes (live-probes.ts), and — whatever happened — the
 * deletion of every timer this run made. It passes only when every step went as it must and
 * no request went anywhere but the service URLs; the report says what the service answered
 * either way. Its dependencies are given, so a test can run it against the emulator on the
 * emulator's clock (scripts/live.ts gives the real ones).
 */
import { posix } from 'node:path';
import type { Transport } from '../src/globus/transport.js';
import { describeTimings, type LiveConfig } from './live-config.js';
import {
  type ProbeContext,
  probeLegacyScope,
  probePastStart,
  probeRepeatedDelete,
} from './live-probes.js';
import { renderReport, statusOf } from './live-report.js';
import { LiveSession } from './live-session.js';
import type { RunStep } from './live-steps.js';
import {
  FIRST_RUN_LEAD_SECONDS,
  type Readings,
  cleanUp,
  dataAccessTimer,
  flowTimer,
  sweep,
  transferTimer,
} from './live-timers.js';

export interface LiveDeps {
  /** Runs the action once with these inputs (the credentials are added by the runner). */
  runStep: RunStep;
  /** How the probes' requests travel. */
  transport: Transport;
  now: () => number;
  log: (line: string) => void;
}

export interface LiveOutcome {
  /** Why the run failed, one line per step or request at fault; empty when it passed. */
  failures: string[];
  /** The report as written to the report file: ids as placeholders, no credentials. */
  reportText: string;
}

export async function runLive(config: LiveConfig, deps: LiveDeps): Promise<LiveOutcome> {
  const startedAt = deps.now();
  const session = new LiveSession(config.urls, deps);
  const readings: Readings = {};
  let mainJobId = '';
  try {
    Object.assign(readings, await sweep(session));
    const main = await transferTimer(session, config, deps.now);
    mainJobId = main.jobId;
    Object.assign(readings, main.readings);
    const missing = await session.step(
      'check a timer that is not there',
      { operation: 'check', 'job-id': '00000000-0000-4000-8000-00000000dead' },
      { exit: 1 },
    );
    readings.missing_timer = statusOf(missing.record, 'GET', /\/jobs\//) ?? null;
    readings.flow_timer = config.flow
      ? await flowTimer(session, config, config.flow, deps.now)
      : 'skipped: set GLOBUS_LIVE_FLOW_ID and GLOBUS_LIVE_FLOW_INPUT to take a flow timer through its life';
    readings.data_access = config.mapped
      ? await dataAccessTimer(session, config, config.mapped, deps.now)
      : 'skipped: set GLOBUS_LIVE_MAPPED_COLLECTION to prove the data_access consent of a mapped collection';
    Object.assign(readings, await probes(session, config, deps, mainJobId));
  } catch (error) {
    session.otherFailures.push(`the live run stopped: ${(error as Error).message}`);
  } finally {
    await cleanUp(session).catch((error: unknown) => {
      session.otherFailures.push(`the clean-up stopped: ${(error as Error).message}`);
    });
  }
  const failures = session.failures();
  const report = {
    started_at: new Date(startedAt).toISOString(),
    environment: config.environment,
    service_urls: config.urls,
    timings: describeTimings(config, FIRST_RUN_LEAD_SECONDS),
    verdict: failures.length === 0 ? 'passed' : 'failed',
    failures,
    requests_outside_service_urls: session.strayRequests,
    left_undeleted: [...session.undeleted.values()],
    readings,
    steps: session.records,
  };
  return {
    failures,
    reportText: renderReport(report, {
      JOB_ID: mainJobId,
      SOURCE: config.source,
      DESTINATION: config.destination,
      CLIENT_ID: config.clientId,
      ...(config.flow ? { FLOW_ID: config.flow.id } : {}),
      ...(config.mapped ? { MAPPED_COLLECTION: config.mapped.collection } : {}),
    }),
  };
}

/** The questions the action never asks itself; a probe that cannot ask fails the run. */
async function probes(
  session: LiveSession,
  config: LiveConfig,
  deps: LiveDeps,
  jobId: string,
): Promise<Readings> {
  const context: ProbeContext = {
    urls: config.urls,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    now: deps.now,
    transport: (request) => {
      session.saw(request.method, request.url);
      return deps.transport(request);
    },
  };
  const ask = async (name: string, probe: () => Promise<Record<string, unknown>>) => {
    deps.log(`live: probe ${name}`);
    try {
      return await probe();
    } catch (error) {
      session.otherFailures.push(`probe ${name}: ${(error as Error).message}`);
      return { error: (error as Error).message };
    }
  };
  const pastStart = await ask('past_start', () =>
    probePastStart(context, {
      name: `${config.name}/past-start-probe`,
      source: config.source,
      destination: config.destination,
      destinationFolder: posix.dirname(config.destinationPath),
    }),
  );
  if (typeof pastStart.job_id === 'string' && pastStart.deleted !== true) {
    session.undeleted.set(pastStart.job_id, `${config.name}/past-start-probe`);
  }
  return {
    repeated_delete: jobId
      ? await ask('repeated_delete', () => probeRepeatedDelete(context, jobId))
      : null,
    legacy_scope: await ask('legacy_scope', () => probeLegacyScope(context)),
    past_start: pastStart,
    foreign_timer: 'not probed: it needs a second client',
    label_rule:
      'not probed: the action refuses labels outside letters, digits, space and -_, before sending',
    auth_requirements_location: 'not observed: a timer with every consent never meets one',
  };
}
