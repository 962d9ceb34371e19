/**
 * The pure part of `npm run bench`: sequential rounds from a request log, each figure set
 * against its target, and the Markdown table. Kept free of I/O so a unit test can hold it.
 */
import { requestDepth, type LoggedRequest, type TimedRequest } from '../emulator/index.js';

/** What one step sent: its work and, apart, its revocations (all in one round at the end). */
export interface Rounds {
  requests: number;
  /** Sequential rounds of the work: a request that started before another was answered is in its round. */
  depth: number;
  revocations: number;
  revocationRounds: number;
}

type Logged = Pick<LoggedRequest, 'path'> & TimedRequest;

const isRevocation = (request: Logged) => request.path === '/v2/oauth2/token/revoke';

export function roundsOf(requests: readonly Logged[]): Rounds {
  const work = requests.filter((request) => !isRevocation(request));
  const revocations = requests.filter(isRevocation);
  return {
    requests: work.length,
    depth: requestDepth(work),
    revocations: revocations.length,
    revocationRounds: requestDepth(revocations),
  };
}

/** Milliseconds from the first request's arrival to the last answer (0 for none). */
export function requestSpan(requests: readonly TimedRequest[]): number {
  if (requests.length === 0) return 0;
  const first = Math.min(...requests.map((request) => request.received_ms));
  const last = Math.max(...requests.map((request) => request.answered_ms ?? request.received_ms));
  return last - first;
}

/** A figure against an upper bound (`≤ 4`): `met`, or `missed by …` in the figure's unit. */
export function verdict(value: number, atMost: number, unit = ''): string {
  return value <= atMost ? 'met' : `missed by ${amount(value - atMost)}${unit}`;
}

/** A figure against a strict bound (`< 1 s`): reaching the bound is a miss. */
export function verdictBelow(value: number, below: number, unit = ''): string {
  return value < below ? 'met' : `missed by ${amount(value - below)}${unit}`;
}

function amount(over: number): string {
  return Number.isInteger(over) ? String(over) : String(Number(over.toFixed(2)));
}

export function milliseconds(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

/** A size given in kB (as getrusage reports it), in whole MB. */
export function megabytes(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/** A Markdown table, columns padded to their widest cell (as prettier would leave it). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]) {
  const widths = header.map((title, column) =>
    Math.max(3, title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => (cells[column] ?? '').padEnd(width)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
