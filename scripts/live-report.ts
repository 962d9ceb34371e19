/**
 * What `npm run live` learned about the service, as a report a maintainer can read: one entry
 * per step the bundled action ran — what it answered, and why the live run counts it as broken
 * if it does — and what each open question of docs/globus-variants.md turned out to be. Ids
 * become placeholders and credentials never enter it. CONTRIBUTING.md ("The live test") says
 * how to read it.
 */
import { requestsOf, type StepRun } from './live-steps.js';

export interface StepRecord {
  step: string;
  exitCode: number;
  outputs: Record<string, string>;
  /** `METHOD path: status` for every request the step made. */
  requests: string[];
  /** What the action reported as errors, its failure message last. */
  errors?: string[];
  /** Why the live run counts this step as broken; absent when it went as it must. */
  problem?: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const KEPT_OUTPUTS = [
  'job-id',
  'result',
  'changed',
  'status',
  'next-run',
  'last-run-at',
  'last-run-status',
  'n-runs',
  'n-errors',
  'transfer-task-id',
  'transfer-status',
  'flow-run-id',
  'flow-run-status',
];

/** A step as the report keeps it: chosen outputs, the requests it made and how they went. */
export function recordStep(step: string, run: StepRun, problem?: string): StepRecord {
  const requests = requestsOf(run).map(
    ({ method, url, status }) => `${method} ${new URL(url).pathname}: ${status}`,
  );
  const outputs = Object.fromEntries(
    KEPT_OUTPUTS.filter((name) => run.outputs[name]).map((name) => [name, run.outputs[name] ?? '']),
  );
  return {
    step,
    exitCode: run.exitCode,
    outputs,
    requests,
    ...(run.errors.length > 0 ? { errors: run.errors } : {}),
    ...(problem ? { problem } : {}),
  };
}

/** The HTTP status of the step's first request by `method` whose `path: status` line `pattern` matches. */
export function statusOf(record: StepRecord, method: string, pattern: RegExp): string | undefined {
  const line = record.requests.find(
    (request) => request.startsWith(`${method} `) && pattern.test(request),
  );
  return line?.split(': ').at(-1);
}

/** Where a run result held the Transfer task id the action found (docs/globus-variants.md). */
export function taskIdLocations(result: Record<string, unknown>, taskId: string): string[] {
  const data = (result.data ?? {}) as { details?: { task_id?: unknown }; task_id?: unknown };
  const places: [string, unknown][] = [
    ['resource_id', result.resource_id],
    ['data.details.task_id', data.details?.task_id],
    ['data.task_id', data.task_id],
  ];
  return places.filter(([, value]) => value === taskId).map(([place]) => place);
}

/** A document's shape: keys and value types, no values (a result may hold paths and names). */
export function shapeOf(value: unknown, depth = 0): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0], depth + 1)];
  if (typeof value !== 'object') return typeof value;
  if (depth > 4) return 'object';
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
      key,
      shapeOf(inner, depth + 1),
    ]),
  );
}

/** The report as written: every UUID replaced by a stable placeholder, named ones by name. */
export function renderReport(report: unknown, named: Record<string, string>): string {
  const names = new Map(Object.entries(named).map(([name, id]) => [id.toLowerCase(), name]));
  let next = 0;
  const text = JSON.stringify(report, null, 2);
  return `${text.replace(UUID, (id) => {
    const key = id.toLowerCase();
    if (!names.has(key)) names.set(key, `uuid-${++next}`);
    return `<${names.get(key)}>`;
  })}\n`;
}
