/**
 * `npm run demo`: starts the local Globus emulator and runs the bundled action against it,
 * exactly as a workflow runner would, through a timer's life: apply → apply again → check →
 * one run → check → delete. No Globus account needed.
 */
import { DEMO_CLIENT, SEEDED_COLLECTIONS, startEmulator } from '../emulator/index.js';
import { runAction, type ActionRun } from './action-runner.js';

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

const emulator = await startEmulator({ port: 0 });
// The SDK-style overrides the action honours; base URLs with a path, as the Python SDK joins them.
const env = {
  GLOBUS_SDK_SERVICE_URL_AUTH: emulator.urls.auth,
  GLOBUS_SDK_SERVICE_URL_TRANSFER: emulator.urls.transfer,
  GLOBUS_SDK_SERVICE_URL_TIMERS: emulator.urls.timers,
  GLOBUS_CLIENT_ID: DEMO_CLIENT.id,
  GLOBUS_CLIENT_SECRET: DEMO_CLIENT.secret,
};
const timer = {
  name: 'demo/nightly-backup',
  'source-endpoint': SEEDED_COLLECTIONS.mappedNonHa.id,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/data/results/, /backup/results/, true\n/data/README.md, /backup/README.md',
  interval: '1d',
  'sync-level': 'checksum',
};

let failed = false;
async function step(title: string, inputs: Record<string, string>, expectFailure = false) {
  console.log(`\n${bold(`▶ ${title}`)}  (operation: ${inputs.operation})`);
  const run: ActionRun = await runAction(inputs, env);
  for (const line of `${run.stdout}${run.stderr}`.trim().split('\n')) {
    if (!line.startsWith('::debug::') && !line.startsWith('::add-mask::')) console.log(`  ${line}`);
  }
  const shown = [
    'result',
    'changed',
    'job-id',
    'status',
    'next-run',
    'n-runs',
    'n-errors',
    'last-run-status',
    'transfer-status',
  ];
  console.log(bold('  outputs:'));
  for (const name of shown)
    if (run.outputs[name]) console.log(`    ${name} = ${run.outputs[name]}`);
  console.log(bold('  job summary:'));
  console.log(run.summary.trim().replace(/^/gm, '    '));
  if ((run.exitCode !== 0) !== expectFailure) failed = true;
  return run;
}

try {
  console.log(`Globus emulator at ${emulator.url}; acting as demo client ${DEMO_CLIENT.id}`);
  const applied = await step('Schedule a nightly transfer', { operation: 'apply', ...timer });
  await step('Apply the same inputs again: nothing changes', { operation: 'apply', ...timer });
  const jobId = applied.outputs['job-id'] ?? '';
  await step('Check it before it has run', { operation: 'check', 'job-id': jobId });
  // With no start given the first run is due at once; a minute of emulator time brings it.
  const runs = emulator.advance(60);
  console.log(`\n${bold('⏩ The emulator clock moves a minute on')}: ${runs.length} run(s) happen`);
  await step('Check it after its first run', { operation: 'check', 'job-id': jobId });
  await step('Delete it', { operation: 'delete', name: timer.name });
} finally {
  await emulator.close();
}
if (failed) {
  console.error('\nThe demo did not go as expected.');
  process.exit(1);
}
console.log(`\n${bold('Demo finished.')} Run the whole suite with: npm test`);
