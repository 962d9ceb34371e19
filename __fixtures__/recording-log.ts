import type { Log } from '../src/ports.js';

/**
 * A Log that keeps every line in `logs`: info as it is, the other levels prefixed with theirs
 * (`debug: …`, `notice: …`, `warning: …`), so a test can assert the exact lines in order.
 */
export function recordingLog(): { log: Log; logs: string[] } {
  const logs: string[] = [];
  const log: Log = {
    debug: (message) => logs.push(`debug: ${message}`),
    info: (message) => logs.push(message),
    notice: (message) => logs.push(`notice: ${message}`),
    warning: (message) => logs.push(`warning: ${message}`),
  };
  return { log, logs };
}
