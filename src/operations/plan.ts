import type { FieldChange } from '../timer/compare.js';
import type { TimerSpec } from '../timer/timer-spec.js';
import type { LiveTimer } from '../timer/live-timer.js';
import { compareTimers, describeNew } from '../kinds/index.js';
import { plural } from '../words.js';

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
      `${plural(jobIds.length, 'timer')} are named "${timerName}" (${jobIds.join(', ')}); delete the extra ones or address one by job-id`,
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
    return { action: 'create', name: desired.name, changes: describeNew(desired) };
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

/**
 * What apply would do, as the plan's first log line: `apply would replace timer "nightly"
 * (<job id>)`; `current` is the timer a rename starts from.
 */
export function planHeadline(plan: Plan, current?: LiveTimer): string {
  const id = plan.jobId ? ` (${plan.jobId})` : '';
  const timer = `timer "${plan.name}"${id}`;
  switch (plan.action) {
    case 'create':
      return `apply would create ${timer}`;
    case 'unchanged':
      return `apply would leave ${timer} unchanged`;
    case 'replace':
      return `apply would replace ${timer}`;
    case 'rename':
      return `apply would rename timer "${current?.name ?? '?'}"${id} to "${plan.name}"`;
    case 'delete':
      return `apply would delete ${timer}: the spec file no longer lists it`;
  }
}

/** What came of a plan carried out: the ids before and after, and a rename's old name. */
export interface Outcome {
  /** The timer as it now stands (a replace's new one). */
  jobId?: string;
  /** A rename's old name. */
  previousName?: string;
}

/**
 * What apply did to one timer, as its first log line — one wording for one event, whether the
 * timer came from the inputs, from update, or from a spec file (a replace's changes follow it).
 */
export function outcomeLine(plan: Plan, outcome: Outcome): string {
  const id = outcome.jobId ?? plan.jobId ?? '?';
  switch (plan.action) {
    case 'create':
      return `Created timer "${plan.name}" (${id})`;
    case 'unchanged':
      return `Timer "${plan.name}" (${id}) is unchanged: it already matches`;
    case 'replace':
      return `Replaced timer "${plan.name}" (${plan.jobId} → ${id}):`;
    case 'rename':
      return `Renamed timer "${outcome.previousName ?? '?'}" to "${plan.name}" (${id})`;
    case 'delete':
      return `Deleted timer "${plan.name}" (${plan.jobId}): the spec file no longer lists it`;
  }
}
