import type { FieldChange } from '../timer/compare.js';
import type { TimerSpec } from '../timer/timer-spec.js';
import type { LiveTimer } from '../timer/live-timer.js';
import { compareTimers, kindOf } from '../kinds/index.js';

export type PlanAction = 'create' | 'unchanged' | 'replace' | 'rename' | 'delete';

/** What apply would do (or did) to one timer, with the field-by-field reasons. */
export interface Plan {
  action: PlanAction;
  name: string;
  /** The live timer the plan starts from, if there is one. */
  jobId?: string;
  changes: FieldChange[];
}

/** Raised when a name picks out several timers: the action will not guess which one is meant. */
export class AmbiguousNameError extends Error {
  constructor(
    readonly timerName: string,
    readonly jobIds: string[],
  ) {
    super(
      `${jobIds.length} timers are named "${timerName}" (${jobIds.join(', ')}); delete the extra ones or address one by job-id`,
    );
    this.name = 'AmbiguousNameError';
  }
}

/**
 * apply's decision, from the desired timer and the client's live timers with exactly that name:
 * none → create; one that compares equal → unchanged; one that differs only in name → rename;
 * one that differs otherwise → replace; several → AmbiguousNameError.
 */
export function planApply(desired: TimerSpec, live: readonly LiveTimer[]): Plan {
  if (live.length > 1) {
    throw new AmbiguousNameError(
      desired.name,
      live.map((timer) => timer.jobId),
    );
  }
  const [current] = live;
  if (!current) {
    return { action: 'create', name: desired.name, changes: kindOf(desired).describeNew(desired) };
  }
  return planAgainst(desired, current);
}

/** The plan that turns `current` into `desired` (also used by update and renames in spec files). */
export function planAgainst(desired: TimerSpec, current: LiveTimer): Plan {
  const changes = compareTimers(desired, current);
  const base = { name: desired.name, jobId: current.jobId, changes };
  if (changes.length === 0) return { ...base, action: 'unchanged' };
  if (changes.every((change) => change.field === 'name')) return { ...base, action: 'rename' };
  return { ...base, action: 'replace' };
}

/** One line per change, for logs and summaries: `schedule.interval_seconds: 3600 → 7200`. */
export function describeChanges(changes: readonly FieldChange[]): string[] {
  return changes.map((change) => `${change.field}: ${show(change.live)} → ${show(change.desired)}`);
}

const SHOWN = 120;

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : jsonHead(value, SHOWN);
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 3)}...` : text;
}

/**
 * JSON.stringify(value), or for an array only as far as the first `limit` characters and a bit:
 * items (body.DATA) can be 100,000 long and only the head is shown, so the rest is not written.
 */
export function jsonHead(value: unknown, limit: number): string {
  if (!Array.isArray(value)) return JSON.stringify(value);
  let text = '[';
  for (let index = 0; index < value.length; index += 1) {
    // An element JSON cannot write (undefined, a function) is `null` in an array.
    text += `${index > 0 ? ',' : ''}${JSON.stringify(value[index]) ?? 'null'}`;
    if (text.length > limit) return text;
  }
  return `${text}]`;
}
