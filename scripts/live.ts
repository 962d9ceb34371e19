/**
 * `npm run live`: the bundled action against the real Globus, for whoever holds credentials.
 *
 * Runs dist/index.js as the runner does through a timer's life — apply a run-twice timer with a
 * tiny transfer, wait for its first run, check, pause, resume, wait for the second run, check
 * again, delete, delete again, and check a timer that is not there — then asks Globus the two
 * questions the action never risks itself (scripts/live-probes.ts), and writes what the service
 * answered as a report (ids as placeholders, no credentials) for a maintainer to confirm or
 * correct each reading in docs/globus-variants.md. Without credentials it says what it needs and
 * is skipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import { runAction, type ActionRun } from './action-runner.js';
import { probeLegacyScope, probePastStart, probeRepeatedDelete } from './live-probes.js';
import {
  recordStep,
  renderReport,
  shapeOf,
  statusOf,
  taskIdLocations,
  type StepRecord,
} from './live-report.js';

const NEEDED = [
  ['GLOBUS_CLIENT_ID', 'the confidential client id (secret)'],
  ['GLOBUS_CLIENT_SECRET', 'its secret (secret)'],
  ['GLOBUS_LIVE_SOURCE', 'the source collection id (variable)'],
  ['GLOBUS_LIVE_DESTINATION', 'the destination collection id (variable)'],
] as const;
/** What the step's environment passes on besides credentials: services, proxies. */
const PASSED_ON = /^(GLOBUS_SDK_|HTTPS?_PROXY$|NO_PROXY$|https?_proxy$|no_proxy$)/;
const MINUTE = 60_000;

const env = process.env;
const missing = NEEDED.filter(([name]) => !env[name]);
if (missing.length > 0) {
  console.log('npm run live: skipped — the live test against Globus needs');
  for (const [name, what] of missing) console.log(`  ${name}: ${what}`);
  console.log('See "The live test" in CONTRIBUTING.md for how to set one up.');
  process.exit(0);
}

const source = env.GLOBUS_LIVE_SOURCE ?? '';
const destination = env.GLOBUS_LIVE_DESTINATION ?? '';
const [sourcePath = '', destinationPath = ''] = (
  env.GLOBUS_LIVE_ITEM || '/share/godata/file1.txt, /~/globus-timer-action-live/file1.txt'
)
  .split(',')
  .map((part) => part.trim());
const reportPath = env.GLOBUS_LIVE_REPORT ?? '.tmp/live-report.json';
const name = `gta-live/${env.GITHUB_RUN_ID ?? Date.now()}`;
const stepEnv = Object.fromEntries(Object.entries(env).filter(([key]) => PASSED_ON.test(key)));
const credentials = {
  'client-id': env.GLOBUS_CLIENT_ID ?? '',
  'client-secret': env.GLOBUS_CLIENT_SECRET ?? '',
};

const steps: StepRecord[] = [];
const runs: Record<string, ActionRun> = {};

async function step(title: string, inputs: Record<string, string>): Promise<ActionRun> {
  console.log(`live: ${title}`);
  const run = await runAction({ ...credentials, ...inputs }, stepEnv);
  const record = recordStep(title, run);
  steps.push(record);
  runs[title] = run;
  console.log(
    `live: ${title} → exit ${run.exitCode}${record.failure ? `: ${record.failure}` : ''}`,
  );
  return run;
}

const firstRun = new Date(Date.now() + 2 * MINUTE).toISOString();
const applied = await step('apply', {
  name,
  'source-endpoint': source,
  'destination-endpoint': destination,
  items: `${sourcePath}, ${destinationPath}`,
  interval: '5m',
  start: firstRun,
  'stop-after-runs': '2',
  label: 'globus-timer-action live test',
  notify: 'none',
  'fail-on': 'none',
});
const jobId = applied.outputs['job-id'] ?? '';
if (jobId) {
  await step('wait for the first run', {
    operation: 'wait',
    'job-id': jobId,
    timeout: '15m',
    'fail-on': 'none',
  });
  await step('check', { operation: 'check', 'job-id': jobId, 'fail-on': 'none' });
  await step('pause', { operation: 'pause', 'job-id': jobId });
  await step('resume', { operation: 'resume', 'job-id': jobId });
  await step('wait for the second run', {
    operation: 'wait',
    'job-id': jobId,
    timeout: '15m',
    'fail-on': 'none',
  });
  await step('check after the last run', {
    operation: 'check',
    'job-id': jobId,
    'fail-on': 'none',
  });
  await step('delete', { operation: 'delete', 'job-id': jobId });
  await step('delete again', { operation: 'delete', 'job-id': jobId });
}
await step('check a timer that is not there', {
  operation: 'check',
  'job-id': randomUUID(),
  'fail-on': 'none',
});

const probes = {
  authUrl: env.GLOBUS_SDK_SERVICE_URL_AUTH ?? 'https://auth.globus.org/',
  timersUrl:
    env.GLOBUS_SDK_SERVICE_URL_TIMERS ??
    env.GLOBUS_SDK_SERVICE_URL_TIMER ??
    'https://timer.automate.globus.org/',
  clientId: credentials['client-id'],
  clientSecret: credentials['client-secret'],
};
const readings = {
  ...taskIdReading(runs.check),
  ended: endedReading(runs['check after the last run']),
  missing_timer: statusOf(steps.at(-1) as StepRecord, 'GET', /\/jobs\//) ?? null,
  foreign_timer: 'not probed: it needs a second client',
  repeated_delete: jobId ? await probeRepeatedDelete(probes, jobId) : null,
  legacy_scope: await probeLegacyScope(probes),
  past_start: await probePastStart(probes, { source, destination, sourcePath, destinationPath }),
  label_rule:
    'not probed: the action refuses labels outside letters, digits, space and -_, before sending',
  auth_requirements_location: 'not observed: a timer with every consent never meets one',
};

/** Where the checked run's task id was, and the shape of that run's result. */
function taskIdReading(run: ActionRun | undefined): Record<string, unknown> {
  const timer = JSON.parse(run?.outputs.timer || '{}') as {
    results?: { data?: unknown[] } | unknown[];
  };
  const results = Array.isArray(timer.results) ? timer.results : (timer.results?.data ?? []);
  const [newest] = results as Record<string, unknown>[];
  const taskId = run?.outputs['transfer-task-id'] ?? '';
  return {
    task_id_location: newest && taskId ? taskIdLocations(newest, taskId) : 'no run recorded',
    run_result_shape: newest ? shapeOf(newest) : null,
  };
}

function endedReading(run: ActionRun | undefined): Record<string, unknown> | null {
  if (!run?.outputs.timer) return null;
  const timer = JSON.parse(run.outputs.timer) as Record<string, unknown>;
  return {
    status: timer.status,
    next_run: timer.next_run ?? null,
    activity: timer.activity ?? null,
  };
}

const report = {
  started_at: new Date().toISOString(),
  environment: env.GLOBUS_SDK_ENVIRONMENT ?? 'production',
  readings,
  steps,
};
mkdirSync(dirname(reportPath), { recursive: true });
writeFileSync(
  reportPath,
  renderReport(report, {
    JOB_ID: jobId,
    SOURCE: source,
    DESTINATION: destination,
    CLIENT_ID: credentials['client-id'],
  }),
);
console.log(`live: report written to ${reportPath}`);
const broken = steps.filter((s) => s.exitCode !== 0 && !s.step.startsWith('check a timer that'));
process.exit(broken.length > 0 ? 1 : 0);
