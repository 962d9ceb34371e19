/**
 * `npm run demo`: starts the local Globus emulator and runs the bundled action against it,
 * exactly as a workflow runner would, through the life of two timers side by side — a nightly
 * transfer and a nightly pipeline flow: apply → apply again → check → one run → check → list →
 * delete. No Globus account needed.
 */
import { DEMO_CLIENT, SEEDED_COLLECTIONS, SEEDED_FLOWS, startEmulator } from '../emulator/index.js';
import { runAction, type ActionRun } from './action-runner.js';
import { plural } from '../src/words.js';

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

const emulator = await startEmulator({ port: 0 });
// The SDK-style overrides the action honours; base URLs with a path, as the Python SDK joins them.
const env = {
  GLOBUS_SDK_SERVICE_URL_AUTH: emulator.urls.auth,
  GLOBUS_SDK_SERVICE_URL_TRANSFER: emulator.urls.transfer,
  GLOBUS_SDK_SERVICE_URL_TIMERS: emulator.urls.timers,
  GLOBUS_SDK_SERVICE_URL_FLOWS: emulator.urls.flows,
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
// The same schedule for a pipeline run as a Globus Flow: its input is checked against the
// flow's input schema before the timer is created.
const flowTimer = {
  name: 'demo/nightly-pipeline',
  'flow-id': SEEDED_FLOWS.pipeline.id,
  'flow-input': [
    `source: {collection_id: ${SEEDED_COLLECTIONS.mappedNonHa.id}, path: /data/results/}`,
    `destination: {collection_id: ${SEEDED_COLLECTIONS.guest.id}, path: /backup/results/}`,
    'files: [run.h5, run.log]',
    'checksum: sha256',
  ].join('\n'),
  'run-tags': 'demo, nightly',
  interval: '1d',
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
    'flow-run-id',
    'flow-run-status',
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
  const transfer = await step('Schedule a nightly transfer', { operation: 'apply', ...timer });
  const flow = await step('Schedule a nightly pipeline flow beside it', {
    operation: 'apply',
    ...flowTimer,
  });
  await step('Apply the same inputs again: nothing changes', { operation: 'apply', ...timer });
  await step('… nor for the flow timer', { operation: 'apply', ...flowTimer });
  const transferJobId = transfer.outputs['job-id'] ?? '';
  const flowJobId = flow.outputs['job-id'] ?? '';
  await step('Check the transfer timer before it has run', {
    operation: 'check',
    'job-id': transferJobId,
  });
  // With no start given the first runs are due at once; a minute of emulator time brings them.
  const runs = emulator.advance(60);
  console.log(
    `\n${bold('⏩ The emulator clock moves a minute on')}: ${plural(runs.length, 'run')} ${runs.length === 1 ? 'happens' : 'happen'}`,
  );
  await step('Check the transfer timer after its first run', {
    operation: 'check',
    'job-id': transferJobId,
  });
  await step('Check the flow timer: its run started a Flows run', {
    operation: 'check',
    'job-id': flowJobId,
  });
  await step('List this client’s timers', { operation: 'list', name: 'demo/' });
  await step('Delete the transfer timer', { operation: 'delete', name: timer.name });
  await step('Delete the flow timer', { operation: 'delete', name: flowTimer.name });
} finally {
  await emulator.close();
}
if (failed) {
  console.error('\nThe demo did not go as expected.');
  process.exit(1);
}
console.log(`\n${bold('Demo finished.')} Run the whole suite with: npm test`);
