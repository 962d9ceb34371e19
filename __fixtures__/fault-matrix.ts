import type { FaultSpec } from '../emulator/index.js';

/*
 * The fault matrix: every write operation, and check, against every fault the emulator can
 * inject into the request that matters most to it. __tests__/e2e/fault-matrix.test.ts runs each
 * cell through dist/index.js; RELIABILITY.md shows this table (npm run docs keeps it in step).
 */

export interface MatrixOperation {
  name: string;
  /** The request the fault hits: the operation's own write (or read, for check). */
  target: Pick<FaultSpec, 'service' | 'method' | 'path'>;
  /** How the operation comes out when the fault lets it succeed. */
  success: string;
}

export interface MatrixFault {
  name: string;
  fault: Omit<FaultSpec, 'service' | 'method' | 'path'>;
  /** Extra environment for the step (a short request timeout). */
  env?: Record<string, string>;
  /** Inputs on top of the operation's (fewer retries, so a lasting fault fails quickly). */
  inputs?: Record<string, string>;
  /** The fault lasts: the step must fail, naming the service and what to do. */
  lasting?: boolean;
  /** What the action does about it. */
  handling: string;
}

const timers = (method: string, path: string) => ({ service: 'timers' as const, method, path });

export const MATRIX_OPERATIONS: MatrixOperation[] = [
  { name: 'create', target: timers('POST', '/v2/timer'), success: 'one timer' },
  { name: 'apply (create)', target: timers('POST', '/v2/timer'), success: 'one timer' },
  { name: 'apply (replace)', target: timers('POST', '/v2/timer'), success: 'one timer, replaced' },
  { name: 'update (rename)', target: timers('PATCH', '/jobs/'), success: 'renamed' },
  { name: 'pause', target: timers('POST', '/jobs/'), success: 'paused' },
  { name: 'resume', target: timers('POST', '/jobs/'), success: 'resumed' },
  { name: 'delete', target: timers('DELETE', '/jobs/'), success: 'deleted' },
  { name: 'spec-file apply', target: timers('POST', '/v2/timer'), success: 'one timer each' },
  { name: 'check', target: timers('GET', '/jobs/'), success: 'checked' },
];

export const MATRIX_FAULTS: MatrixFault[] = [
  {
    name: '429 + Retry-After',
    fault: { status: 429, retry_after: 1 },
    handling: 'waits Retry-After, sends again',
  },
  { name: '500', fault: { status: 500 }, handling: 'backs off, sends again' },
  { name: '502', fault: { status: 502 }, handling: 'backs off, sends again' },
  { name: '503', fault: { status: 503 }, handling: 'backs off, sends again' },
  { name: '504', fault: { status: 504 }, handling: 'backs off, sends again' },
  {
    name: 'dropped before the service acted',
    fault: { drop: 'before' },
    handling: 'looks before re-sending a create; sends others again',
  },
  {
    name: 'dropped after the service acted',
    fault: { drop: 'after' },
    handling: 'adopts the timer a create made; a repeat of anything else is harmless',
  },
  {
    name: 'reply slower than the request timeout',
    fault: { delay_ms: 1500 },
    env: { GLOBUS_SDK_HTTP_TIMEOUT: '1' },
    handling: 'gives up on the reply; as dropped after',
  },
  {
    name: 'malformed JSON',
    fault: { status: 200, raw_body: '{"timer": {"job_id": "', content_type: 'application/json' },
    handling: 'an unknown outcome: looks before re-sending a create; sends others again',
  },
  {
    name: 'expired token (401)',
    fault: { status: 401 },
    handling: 'gets fresh tokens, sends once more',
  },
  {
    name: 'lasting 503',
    fault: { status: 503, times: 10 },
    inputs: { retries: '1' },
    lasting: true,
    handling: 'fails naming the service, the status and what to do; nothing half-done',
  },
];

export const MATRIX_CELLS = MATRIX_OPERATIONS.length * MATRIX_FAULTS.length;

/** The matrix as RELIABILITY.md shows it: a row per fault, a column per operation. */
export function faultMatrixTable(): string {
  const header = ['fault', 'handling', ...MATRIX_OPERATIONS.map((op) => op.name)];
  const rows = MATRIX_FAULTS.map((fault) => [
    fault.name,
    fault.handling,
    ...MATRIX_OPERATIONS.map((op) => (fault.lasting ? 'fails clearly ✓' : `${op.success} ✓`)),
  ]);
  return [header, header.map(() => '---'), ...rows]
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n');
}
