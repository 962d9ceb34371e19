/**
 * `npm run live:emulator`: `npm run live`, unchanged, against the emulator's command line in
 * real time — the live test of the live test (CONTRIBUTING.md, "The live test"). It runs it
 * twice: against a working service, where it must pass, and against one where every transfer
 * fails, where it must fail naming the failed transfer. Both times nothing may go anywhere but
 * the emulator (every other request would go through a proxy that refuses it and notes it) and
 * no `gta-live/` timer may be left. It takes minutes of real time — timers run when they are
 * due — so it runs in its own workflow job (.github/workflows/live.yml), not in `.ci/run`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CLIENT, SEEDED_COLLECTIONS, SEEDED_FLOWS } from '../emulator/index.js';
import {
  failingRunProblems,
  healthyRunProblems,
  type LiveReportDocument,
  leftoverTimers,
  type TimerState,
} from './live-emulator-checks.js';

const REPORTS = '.tmp/live-emulator';
/** The emulator's tasks and flow runs take this long, as real ones take a while. */
const RUN_SECONDS = '10';

/** A proxy that forwards nothing and notes every request that reached it. */
async function startRefusingProxy(): Promise<{ url: string; seen: string[]; close(): void }> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.writeHead(403).end();
  });
  server.on('connect', (request, socket) => {
    seen.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => server.close() };
}

/** `npm run emulator -- --real-time …` in the background, until stopped. */
async function startEmulator(): Promise<{ url: string; child: ChildProcess }> {
  const dir = mkdtempSync(join(tmpdir(), 'gta-live-emulator-'));
  const portFile = join(dir, 'port');
  const child = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', 'emulator/cli.ts', '--real-time', '--port', '0'],
      ...['--port-file', portFile, '--task-active-seconds', RUN_SECONDS],
      ...['--run-active-seconds', RUN_SECONDS],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (let look = 0; look < 300; look++) {
    try {
      const port = Number(readFileSync(portFile, 'utf8'));
      rmSync(dir, { recursive: true, force: true });
      return { url: `http://127.0.0.1:${port}`, child };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  throw new Error('the emulator did not start within 30 s');
}

/** The environment of `npm run live` against the emulator: nothing of the caller's Globus. */
function liveEnv(emulator: string, proxy: string, report: string): Record<string, string> {
  const kept = Object.entries(process.env).filter(
    ([name]) => !/^(GLOBUS_|HTTPS?_PROXY$|NO_PROXY$)/i.test(name),
  );
  return {
    ...(Object.fromEntries(kept) as Record<string, string>),
    GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
    GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
    GLOBUS_LIVE_SOURCE: SEEDED_COLLECTIONS.guest.id,
    GLOBUS_LIVE_DESTINATION: SEEDED_COLLECTIONS.gcsv4Host.id,
    GLOBUS_LIVE_MAPPED_COLLECTION: SEEDED_COLLECTIONS.mappedNonHa.id,
    GLOBUS_LIVE_FLOW_ID: SEEDED_FLOWS.echo.id,
    GLOBUS_LIVE_FLOW_INPUT: '{"echo_string": "globus-timer-action live test"}',
    GLOBUS_LIVE_INTERVAL: '1m',
    GLOBUS_LIVE_REPORT: report,
    GLOBUS_SDK_SERVICE_URL_AUTH: `${emulator}/auth/`,
    GLOBUS_SDK_SERVICE_URL_TRANSFER: `${emulator}/transfer/`,
    GLOBUS_SDK_SERVICE_URL_TIMERS: `${emulator}/timers/`,
    GLOBUS_SDK_SERVICE_URL_FLOWS: `${emulator}/flows/`,
    HTTPS_PROXY: proxy,
    HTTP_PROXY: proxy,
    NO_PROXY: '127.0.0.1',
  };
}

/** `npm run live` as a maintainer runs it; answers its exit code and its report. */
async function live(env: Record<string, string>, report: string) {
  const npm = process.env.npm_execpath;
  const child = npm
    ? spawn(process.execPath, [npm, 'run', 'live'], { env, stdio: 'inherit' })
    : spawn('npm', ['run', 'live'], { env, stdio: 'inherit' });
  const [code] = (await once(child, 'exit')) as [number | null];
  let written: LiveReportDocument;
  try {
    written = JSON.parse(readFileSync(report, 'utf8')) as LiveReportDocument;
  } catch (error) {
    throw new Error(`npm run live exited ${code} without a report: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return { code: code ?? 1, report: written };
}

async function leftovers(emulator: string): Promise<string[]> {
  const state = (await (await fetch(`${emulator}/_emulator/state`)).json()) as {
    timers: TimerState[];
  };
  return leftoverTimers(state.timers);
}

async function scenario(emulator: string, proxy: { url: string; seen: string[] }) {
  mkdirSync(REPORTS, { recursive: true });
  const problems: string[] = [];
  const healthyReport = `${REPORTS}/healthy.json`;
  console.log('live:emulator: npm run live against a working service (it must pass)');
  const healthy = await live(liveEnv(emulator, proxy.url, healthyReport), healthyReport);
  const healthyLeft = await leftovers(emulator);
  problems.push(...healthyRunProblems(healthy.code, healthy.report, healthyLeft));

  await fetch(`${emulator}/_emulator/config`, {
    method: 'POST',
    body: JSON.stringify({ transfer_outcome: 'FAILED' }),
  });
  const failingReport = `${REPORTS}/every-transfer-fails.json`;
  console.log('live:emulator: npm run live where every transfer fails (it must fail)');
  const failing = await live(liveEnv(emulator, proxy.url, failingReport), failingReport);
  const failingLeft = await leftovers(emulator);
  problems.push(
    ...failingRunProblems(failing.code, failing.report, failingLeft).map(
      (problem) => `where every transfer fails, ${problem}`,
    ),
  );
  if (proxy.seen.length > 0) {
    problems.push(`requests tried to leave the machine: ${proxy.seen.join(', ')}`);
  }
  return { problems, firstFailure: failing.report.failures[0] ?? '' };
}

const started = Date.now();
const proxy = await startRefusingProxy();
const emulator = await startEmulator();
let outcome: Awaited<ReturnType<typeof scenario>>;
try {
  outcome = await scenario(emulator.url, proxy);
} catch (error) {
  outcome = { problems: [(error as Error).message], firstFailure: '' };
} finally {
  emulator.child.kill('SIGTERM');
  proxy.close();
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (outcome.problems.length > 0) {
  console.log(`live:emulator: FAILED after ${minutes} min:`);
  for (const problem of outcome.problems) console.log(`  ${problem}`);
  process.exit(1);
}
console.log(
  `live:emulator: passed in ${minutes} min — a working service passes; where every transfer fails, the live test fails with "${outcome.firstFailure.split('\n').join(' ')}"; nothing went anywhere but the emulator, no gta-live/ timer is left. Reports: ${REPORTS}/`,
);
