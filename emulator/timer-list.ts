/**
 * `GET /jobs/` (Timers OpenAPI): the caller's timers, filtered by status group, name and
 * submission time, in the requested order. Query parameters are checked the way FastAPI
 * checks them, each problem a 422 `detail` item at `["query", <name>]`.
 */
import type { EmulatorState, Timer, TimerStatus } from './state.js';
import type { EmulatorConfig } from './config.js';
import { runCounts, shownStatus } from './timer-documents.js';
import type { ValidationIssue } from './validation-checker.js';
import { parseZonedDatetime } from './time.js';

export type StatusGroup = 'active' | 'inactive' | 'ended';
const STATUS_GROUPS: readonly StatusGroup[] = ['active', 'inactive', 'ended'];

/**
 * The list filter's groups. A timer being deleted still counts as active until the deletion
 * finishes; a deleted timer belongs to no group and is never listed.
 */
const GROUP_OF: Record<TimerStatus, StatusGroup | null> = {
  new: 'active',
  loaded: 'active',
  delete_in_progress: 'active',
  inactive: 'inactive',
  ended: 'ended',
  deleted: null,
};

type SortValue = string | number | null;

const bySubmission = (timer: Timer): SortValue => timer.submittedAt;

/** Sort keys by field; `status` sorts by the status the timer shows. */
const ORDERABLE: Record<string, (timer: Timer, config: EmulatorConfig) => SortValue> = {
  name: (timer) => timer.name,
  job_id: (timer) => timer.id,
  status: (timer, config) => shownStatus(timer, config),
  submitted_at: bySubmission,
  last_ran_at: (timer) => timer.lastRanAt,
  next_run: (timer) => timer.nextRun,
  start: (timer) =>
    timer.schedule.type === 'once' ? timer.schedule.datetime : timer.schedule.start,
  interval: (timer) =>
    timer.schedule.type === 'recurring' ? timer.schedule.interval_seconds : null,
  n_runs: (timer) => runCounts(timer).runs,
  n_errors: (timer) => runCounts(timer).errors,
};

export interface ListQuery {
  groups: StatusGroup[];
  name: string | undefined;
  submittedAfter: number | undefined;
  submittedBefore: number | undefined;
  resultCount: number | undefined;
  order: { key: (timer: Timer, config: EmulatorConfig) => SortValue; descending: boolean };
}

/** Reads the query parameters of FastAPI-typed endpoints, collecting 422 problems. */
export class QueryReader {
  readonly issues: ValidationIssue[] = [];

  constructor(private readonly query: URLSearchParams) {}

  private fail(name: string, msg: string, type: string): undefined {
    this.issues.push({ loc: ['query', name], msg, type });
    return undefined;
  }

  string(name: string): string | undefined {
    return this.query.get(name) ?? undefined;
  }

  boolean(name: string): boolean | undefined {
    const text = this.string(name)?.toLowerCase();
    if (text === undefined) return undefined;
    if (['1', 'true', 't', 'yes', 'y', 'on'].includes(text)) return true;
    if (['0', 'false', 'f', 'no', 'n', 'off'].includes(text)) return false;
    return this.fail(name, 'value could not be parsed to a boolean', 'type_error.bool');
  }

  integer(name: string, minimum: number): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    if (!/^[+-]?\d+$/.test(text.trim())) {
      return this.fail(name, 'value is not a valid integer', 'type_error.integer');
    }
    const value = Number(text);
    if (value < minimum) {
      const msg = `ensure this value is greater than or equal to ${minimum}`;
      return this.fail(name, msg, 'value_error.number.not_ge');
    }
    return value;
  }

  /** A datetime; one without an offset is read as UTC. */
  datetime(name: string): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const parsed = parseZonedDatetime(text);
    if (parsed.ok) return parsed.ms;
    if (parsed.reason === 'naive') {
      const asUtc = parseZonedDatetime(text.length === 10 ? `${text}T00:00:00Z` : `${text}Z`);
      if (asUtc.ok) return asUtc.ms;
    }
    return this.fail(name, 'invalid datetime format', 'value_error.datetime');
  }

  invalid(name: string, msg: string): undefined {
    return this.fail(name, msg, 'value_error');
  }
}

export function readListQuery(reader: QueryReader): ListQuery {
  const groups = readGroups(reader);
  const order = readOrder(reader);
  return {
    groups,
    name: reader.string('filter_name'),
    submittedAfter: reader.datetime('submitted_after'),
    submittedBefore: reader.datetime('submitted_before'),
    resultCount: reader.integer('result_count', 0),
    order,
  };
}

function readGroups(reader: QueryReader): StatusGroup[] {
  const active = reader.boolean('filter_active');
  const stopped = reader.boolean('filter_stopped');
  if (active || stopped) {
    // The deprecated flags: filter_active = filter_status=active, filter_stopped = …=ended.
    return [...(active ? ['active' as const] : []), ...(stopped ? ['ended' as const] : [])];
  }
  const text = reader.string('filter_status') ?? STATUS_GROUPS.join(',');
  const groups = text
    .split(',')
    .map((group) => group.trim())
    .filter((group) => group !== '');
  const unknown = groups.filter((group) => !STATUS_GROUPS.includes(group as StatusGroup));
  if (unknown.length > 0) {
    reader.invalid(
      'filter_status',
      `invalid status ${unknown.join(', ')}; valid: ${STATUS_GROUPS.join(', ')}`,
    );
  }
  return groups as StatusGroup[];
}

function readOrder(reader: QueryReader): ListQuery['order'] {
  const fallback = { key: bySubmission, descending: false };
  const text = reader.string('order');
  if (text === undefined) return fallback;
  const [field = '', direction = 'asc', ...rest] = text.trim().split(/\s+/);
  const key = ORDERABLE[field];
  if (!key || rest.length > 0 || !['asc', 'desc'].includes(direction.toLowerCase())) {
    reader.invalid(
      'order',
      `order must be "<field> [asc|desc]" with field one of: ${Object.keys(ORDERABLE).join(', ')}`,
    );
    return fallback;
  }
  return { key, descending: direction.toLowerCase() === 'desc' };
}

/** The caller's listed timers, filtered and sorted (nulls last ascending, first descending). */
export function listTimers(state: EmulatorState, clientId: string, query: ListQuery): Timer[] {
  const needle = query.name?.toLowerCase();
  const listed = [...state.timers.values()].filter((timer) => {
    const group = GROUP_OF[timer.status];
    return (
      timer.ownerClientId === clientId &&
      group !== null &&
      query.groups.includes(group) &&
      (needle === undefined || (timer.name ?? '').toLowerCase().includes(needle)) &&
      (query.submittedAfter === undefined || timer.submittedAt > query.submittedAfter) &&
      (query.submittedBefore === undefined || timer.submittedAt < query.submittedBefore)
    );
  });
  const { key, descending } = query.order;
  const direction = descending ? -1 : 1;
  return listed.sort(
    (a, b) =>
      direction * compare(key(a, state.config), key(b, state.config)) ||
      a.submittedAt - b.submittedAt,
  );
}

/** Text compares as a database collation does (`alpha` < `Beta` < `gamma`), not by code point. */
function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b);
  return a < b ? -1 : 1;
}
