/**
 * `npm run live`: the bundled action against the real Globus (or anything standing in for it,
 * such as the emulator in real time), for whoever holds credentials. CONTRIBUTING.md ("The
 * live test") says how to set it up and how to read its report.
 *
 * Runs dist/index.js as the runner does through the lives of a few timers (scripts/live-run.ts),
 * fails when any step does not go as it must — a transfer or flow run that did not succeed, a
 * request anywhere but the environment's service URLs — and writes what the service answered
 * as a report (ids as placeholders, no credentials). Without credentials it says what it needs
 * and is skipped; with a setting it cannot use, it says so before any request.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { undiciConnections } from '../src/globus/transport.js';
import { readLiveConfig } from './live-config.js';
import { runLive } from './live-run.js';
import { distStepRunner } from './live-steps.js';
import { plural } from '../src/words.js';

const SETUP = 'See "The live test" in CONTRIBUTING.md for how to set one up.';

const reading = readLiveConfig(process.env, Date.now());
if (reading.kind === 'skip') {
  console.log('npm run live: skipped — the live test against Globus needs');
  for (const [name, what] of reading.missing) console.log(`  ${name}: ${what}`);
  console.log(SETUP);
  process.exit(0);
}
if (reading.kind === 'invalid') {
  console.log('npm run live: cannot start —');
  for (const problem of reading.problems) console.log(`  ${problem}`);
  console.log(SETUP);
  process.exit(1);
}

const { config } = reading;
const credentials = { 'client-id': config.clientId, 'client-secret': config.clientSecret };
const outcome = await runLive(config, {
  runStep: distStepRunner(credentials, config.stepEnv),
  // The action's own transport: the same proxies, timeouts and keep-alive as a step.
  transport: undiciConnections({
    env: process.env,
    connectTimeoutMs: 10_000,
    responseTimeoutMs: 60_000,
  }).send,
  now: Date.now,
  log: (line) => console.log(line),
});
mkdirSync(dirname(config.reportPath), { recursive: true });
writeFileSync(config.reportPath, outcome.reportText);
console.log(`live: report written to ${config.reportPath}`);
if (outcome.failures.length > 0) {
  console.log(`live: FAILED — ${plural(outcome.failures.length, 'problem')}:`);
  for (const failure of outcome.failures) console.log(`  ${failure.replaceAll('\n', '\n    ')}`);
  process.exit(1);
}
console.log('live: passed — every step went as it must');
