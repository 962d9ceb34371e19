import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { TransportRequest } from '../../src/globus/transport.js';
import { readLiveConfig } from '../../scripts/live-config.js';
import {
  failingRunProblems,
  healthyRunProblems,
  type LiveReportDocument,
  leftoverTimers,
} from '../../scripts/live-emulator-checks.js';
import { probeLegacyScope } from '../../scripts/live-probes.js';
import { fromRunner } from '../../scripts/live-steps.js';

/*
 * The parts of npm run live that decide where it goes and what counts: its settings (resolved
 * by the action's own serviceUrls), the probes' destinations, the runner's workflow commands
 * read back, and the checks CI judges a live run against the emulator by — each shown to
 * reject what it must reject.
 */

const CREDENTIALS = {
  GLOBUS_CLIENT_ID: 'client',
  GLOBUS_CLIENT_SECRET: 'secret',
  GLOBUS_LIVE_SOURCE: 'source',
  GLOBUS_LIVE_DESTINATION: 'destination',
};

function ready(env: Record<string, string>) {
  const reading = readLiveConfig({ ...CREDENTIALS, ...env }, 1_000);
  if (reading.kind !== 'ready') throw new Error(JSON.stringify(reading));
  return reading.config;
}

describe('the live settings', () => {
  it('send every request where the action sends it: the environment, then each override', () => {
    const sandbox = ready({ GLOBUS_SDK_ENVIRONMENT: 'sandbox' });
    expect(sandbox.urls).toMatchObject({
      auth: 'https://auth.sandbox.globuscs.info/',
      transfer: 'https://transfer.api.sandbox.globuscs.info/',
      timers: 'https://sandbox.timer.automate.globus.org/',
      flows: 'https://sandbox.flows.automate.globus.org/',
    });
    const overridden = ready({
      GLOBUS_SDK_ENVIRONMENT: 'preview',
      GLOBUS_SDK_SERVICE_URL_TIMER: 'http://127.0.0.1:9/timers/',
    });
    expect(overridden.urls.timers).toBe('http://127.0.0.1:9/timers/');
    expect(overridden.urls.auth).toBe('https://auth.preview.globus.org/');
    expect(overridden.stepEnv).toEqual({
      GLOBUS_SDK_ENVIRONMENT: 'preview',
      GLOBUS_SDK_SERVICE_URL_TIMER: 'http://127.0.0.1:9/timers/',
    });
  });

  it('default to a two-minute interval, the run id in the name, and no flow or mapped collection', () => {
    const config = ready({ GITHUB_RUN_ID: '77' });
    expect(config).toMatchObject({ intervalSeconds: 120, name: 'gta-live/77' });
    expect(config.flow).toBeUndefined();
    expect(config.mapped).toBeUndefined();
    expect(ready({}).name).toBe('gta-live/1000');
    expect(ready({ GLOBUS_LIVE_MAPPED_COLLECTION: 'm' }).mapped).toEqual({
      collection: 'm',
      path: '/~/globus-timer-action-live/file1.txt',
    });
  });

  it('refuse a flow input that is not a JSON object and an interval that is not a duration', () => {
    const reading = readLiveConfig(
      {
        ...CREDENTIALS,
        GLOBUS_LIVE_FLOW_ID: 'f',
        GLOBUS_LIVE_FLOW_INPUT: '[1]',
        GLOBUS_LIVE_INTERVAL: 'soon',
        GLOBUS_LIVE_ITEM: '/only-a-source',
      },
      0,
    );
    expect(reading).toEqual({
      kind: 'invalid',
      problems: [
        expect.stringMatching(/^GLOBUS_LIVE_INTERVAL: "soon" is not a duration/),
        'GLOBUS_LIVE_FLOW_INPUT must be a JSON object (the flow input, {} for none)',
        'GLOBUS_LIVE_ITEM must be one line "SOURCE_PATH, DESTINATION_PATH"',
      ],
    });
  });
});

describe('the probes', () => {
  it('ask the Auth of the environment, not production', async () => {
    const asked: TransportRequest[] = [];
    await probeLegacyScope({
      urls: ready({ GLOBUS_SDK_ENVIRONMENT: 'sandbox' }).urls,
      clientId: 'client',
      clientSecret: 'secret',
      now: () => 0,
      transport: async (request) => {
        asked.push(request);
        return { status: 200, headers: {}, text: '{"access_token": "t", "other_tokens": []}' };
      },
    });
    expect(asked.map((request) => `${request.method} ${request.url}`)).toEqual([
      'POST https://auth.sandbox.globuscs.info/v2/oauth2/token',
      'POST https://auth.sandbox.globuscs.info/v2/oauth2/token/revoke',
    ]);
  });
});

describe("a step's workflow commands, read back", () => {
  it('give its requests and its errors, unescaped', () => {
    const stdout = [
      '::debug::GET https://timer.automate.globus.org/jobs/x: 200 (12 ms)',
      'Timer "a": new',
      '::error title=Globus::first line%0Asecond 100%25',
      '::error::first line%0Asecond 100%25',
    ].join('\n');
    const run = fromRunner({
      exitCode: 1,
      stdout,
      stderr: '',
      outputs: { result: 'failed' },
      summary: '',
      files: {},
    });
    expect(run).toEqual({
      exitCode: 1,
      outputs: { result: 'failed' },
      debug: ['GET https://timer.automate.globus.org/jobs/x: 200 (12 ms)'],
      errors: ['first line\nsecond 100%'],
    });
  });
});

/** A report a correct run against a working service writes (the parts the checks read). */
function healthyReport(): LiveReportDocument {
  return {
    verdict: 'passed',
    failures: [],
    requests_outside_service_urls: [],
    left_undeleted: [],
    readings: {
      flow_timer: { flow_run_status: 'SUCCEEDED' },
      data_access: { transfer_status: 'SUCCEEDED' },
    },
    steps: [{ step: 'wait for the first run', outputs: { 'transfer-status': 'SUCCEEDED' } }],
  };
}

function failingReport(): LiveReportDocument {
  const failure =
    'wait for the first run: it exited 1, not 0: transfer-failed: Transfer task <uuid-2> FAILED: PERMISSION_DENIED';
  return {
    ...healthyReport(),
    verdict: 'failed',
    failures: [failure],
    steps: [
      {
        step: 'wait for the first run',
        outputs: { 'transfer-task-id': '<uuid-2>', 'transfer-status': 'FAILED' },
        problem: failure,
      },
      { step: 'flow timer: wait for its run', outputs: {} },
    ],
  };
}

describe('the checks CI judges a live run against the emulator by', () => {
  it('pass a correct healthy run and reject each way one can go wrong', () => {
    expect(healthyRunProblems(0, healthyReport(), [])).toEqual([]);
    const broken: [string, number, LiveReportDocument, string[]][] = [
      ['exit 1', 1, healthyReport(), []],
      ['failed', 0, { ...healthyReport(), verdict: 'failed' }, []],
      ['stray', 0, { ...healthyReport(), requests_outside_service_urls: ['GET https://x/'] }, []],
      ['left', 0, healthyReport(), ['gta-live/1']],
      ['undeleted', 0, { ...healthyReport(), left_undeleted: ['gta-live/1/flow'] }, []],
      ['no flow', 0, { ...healthyReport(), readings: { data_access: 'skipped: …' } }, []],
    ];
    for (const [, exitCode, report, leftovers] of broken) {
      expect(healthyRunProblems(exitCode, report, leftovers)).not.toEqual([]);
    }
    const noDataAccess = { ...healthyReport().readings, data_access: 'skipped: set …' };
    expect(healthyRunProblems(0, { ...healthyReport(), readings: noDataAccess }, [])).toEqual([
      'no data_access timer ran to SUCCEEDED: "skipped: set …"',
    ]);
  });

  it('pass a run that failed naming the failed task and why, and reject any other', () => {
    expect(failingRunProblems(1, failingReport(), [])).toEqual([]);
    expect(failingRunProblems(0, failingReport(), [])).toEqual([
      'it did not fail (exit 0, verdict failed)',
    ]);
    const unnamed = { ...failingReport(), failures: ['wait for the first run: it exited 1'] };
    expect(failingRunProblems(1, unnamed, [])).toEqual([
      'its first failure does not name the failed Transfer task <uuid-2> and why',
    ]);
    const [wait, flow] = failingReport().steps;
    const flowFailed = { ...failingReport(), steps: [wait!, { ...flow!, problem: 'it exited 1' }] };
    expect(failingRunProblems(1, flowFailed, ['gta-live/9'])).toEqual([
      'gta-live/ timers were left behind: gta-live/9',
      'the flow timer failed too: it exited 1',
    ]);
  });

  it('count a gta-live/ timer as left until it is deleted or being deleted', () => {
    expect(
      leftoverTimers([
        { name: 'gta-live/1', status: 'loaded' },
        { name: 'gta-live/2', status: 'delete_in_progress' },
        { name: 'gta-live/3', status: 'deleted' },
        { name: 'gta-live/4', status: 'ended' },
        { name: 'nightly', status: 'new' },
        { name: null, status: 'new' },
      ]),
    ).toEqual(['gta-live/1', 'gta-live/4']);
  });
});

describe('.github/workflows/live.yml', () => {
  interface Job {
    if?: string;
    steps: { run?: string; env?: Record<string, string> }[];
  }
  const workflow = parse(
    readFileSync(new URL('../../.github/workflows/live.yml', import.meta.url), 'utf8'),
  ) as { on: Record<string, unknown>; jobs: Record<string, Job> };

  it('runs the live test against the emulator in real time on every push', () => {
    expect(Object.keys(workflow.on)).toContain('push');
    const emulator = workflow.jobs.emulator;
    expect(emulator?.if).toBeUndefined();
    expect(emulator?.steps.map((step) => step.run)).toContain('npm run live:emulator');
  });

  it('runs it against Globus by hand and weekly only, with every setting the script reads', () => {
    const globus = workflow.jobs.globus;
    expect(globus?.if).toBe("github.event_name != 'push'");
    const step = globus?.steps.find((candidate) => candidate.run === 'npm run live');
    const script = ['live-config.ts', 'live.ts']
      .map((file) => readFileSync(new URL(`../../scripts/${file}`, import.meta.url), 'utf8'))
      .join('\n');
    const read = [...new Set(script.match(/GLOBUS_LIVE_[A-Z_]+|GLOBUS_CLIENT_[A-Z]+/g))];
    expect(Object.keys(step?.env ?? {})).toEqual(expect.arrayContaining(read));
  });
});
