import type { Emulator } from '../emulator/index.js';
import type { Transport } from '../src/globus/transport.js';
import { directConnections } from './connections.js';
import type { LiveConfig } from '../scripts/live-config.js';
import type { LiveDeps } from '../scripts/live-run.js';
import { runInProcess } from './harness.js';

/**
 * What `npm run live` needs to run against an in-process emulator on the emulator's clock: each
 * step is the action run in process (its sleeps advance the virtual clock, so a wait for a run
 * takes no real time), and every request — the action's and the probes' — goes through one
 * transport that records its URL and refuses any outside the emulator, so nothing leaves the
 * machine and a test can say where the run went.
 */
export function liveOnEmulator(
  emulator: Emulator,
  config: LiveConfig,
  options: { failOn?: (inputs: Record<string, string>) => Error | undefined } = {},
): { deps: LiveDeps; urls: string[] } {
  const urls: string[] = [];
  const direct = directConnections().send;
  const transport: Transport = async (request) => {
    urls.push(request.url);
    if (!request.url.startsWith(`${emulator.url}/`)) {
      throw Object.assign(new Error(`refused: ${request.url} is not the emulator`), {
        code: 'ECONNREFUSED',
      });
    }
    return direct(request);
  };
  const deps: LiveDeps = {
    transport,
    now: () => emulator.now().getTime(),
    log: () => undefined,
    runStep: async (inputs) => {
      const failure = options.failOn?.(inputs);
      if (failure) throw failure;
      const core = await runInProcess(
        emulator,
        { 'client-id': config.clientId, 'client-secret': config.clientSecret, ...inputs },
        config.stepEnv,
        { transport },
      );
      const errors = core.annotations.filter((a) => a.level === 'error').map((a) => a.message);
      return {
        exitCode: core.failed === undefined ? 0 : 1,
        outputs: core.outputs,
        debug: core.logs.flatMap((line) => (line.startsWith('debug: ') ? [line.slice(7)] : [])),
        errors: [...new Set([...errors, ...(core.failed ? [core.failed] : [])])],
      };
    },
  };
  return { deps, urls };
}
