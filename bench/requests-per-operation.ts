/**
 * Requests each operation sends to Globus, by service, against the emulator (in process, on its
 * virtual clock). `npm run bench:requests` prints a Markdown table for BENCHMARKS.md.
 */
import { SEEDED_COLLECTIONS, startEmulator } from '../emulator/index.js';
import { runInProcess } from '../__fixtures__/harness.js';

const emulator = await startEmulator();
const timer = {
  name: 'bench/nightly',
  'source-endpoint': SEEDED_COLLECTIONS.mappedNonHa.id,
  'destination-endpoint': SEEDED_COLLECTIONS.guest.id,
  items: '/data/, /backup/, true',
  interval: '1d',
};

async function measure(label: string, inputs: Record<string, string>) {
  emulator.clearRequests();
  const core = await runInProcess(emulator, inputs);
  const requests = emulator.requests();
  const count = (service: string) => requests.filter((r) => r.service === service).length;
  const auth = requests.filter((r) => r.path === '/v2/oauth2/token').length;
  const revoke = requests.filter((r) => r.path === '/v2/oauth2/token/revoke').length;
  console.log(
    `| ${label} | ${core.outputs.result ?? 'failed'} | ${auth} | ${count('transfer')} | ${count('timers')} | ${revoke} | ${requests.length} |`,
  );
  return core;
}

console.log('| operation | result | token requests | Transfer | Timers | revocations | total |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
await measure('apply (new timer, mapped collection)', timer);

await measure('apply again (unchanged)', timer);
await measure('plan (unchanged)', { ...timer, operation: 'plan' });
await measure('apply (replace: interval changed)', { ...timer, interval: '12h' });
const current =
  (await measure('check by name (no runs yet)', { operation: 'check', name: timer.name })).outputs[
    'job-id'
  ] ?? '';
emulator.advance(60);
await measure('check by job-id (after a run)', { operation: 'check', 'job-id': current });
await measure('update (rename)', { operation: 'update', 'job-id': current, name: 'bench/renamed' });
await measure('list', { operation: 'list' });
await measure('pause', { operation: 'pause', 'job-id': current });
await measure('resume', { operation: 'resume', 'job-id': current });
await measure('delete', { operation: 'delete', 'job-id': current });

await emulator.close();
