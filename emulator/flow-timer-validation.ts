/**
 * Validation of a flow timer (`V2FlowTimerCreate` in the Timers OpenAPI): `timer_type: "flow"`, a
 * `flow_id`, an optional `name`, the schedule every timer has, and `body`, the
 * `FlowStartDocument` each run starts the flow with — `{"body": object, "run_managers"?,
 * "run_monitors"?, "tags"?}`, lists of strings, nothing else. Timers does not read the input in
 * `body.body`: Flows checks it against the flow's input schema when a run starts.
 */
import { checkSchedule, type StartWindow } from './schedule-validation.js';
import type { FlowStartDocument, Schedule } from './state.js';
import type { Checker, Loc } from './validation-checker.js';

export interface ValidFlowTimer {
  type: 'flow';
  name: string | null;
  schedule: Schedule;
  flowId: string;
  body: FlowStartDocument;
}

const FLOW_TIMER_FIELDS = ['timer_type', 'name', 'schedule', 'flow_id', 'body'];
const PRINCIPAL_LISTS = ['run_managers', 'run_monitors', 'tags'] as const;
const START_FIELDS = ['body', ...PRINCIPAL_LISTS];

export function checkFlowTimer(
  check: Checker,
  timer: Record<string, unknown>,
  loc: Loc,
  window: StartWindow,
): ValidFlowTimer | undefined {
  check.object(timer, loc, FLOW_TIMER_FIELDS);
  const name = check.string(check.field(timer, 'name', loc, false), [...loc, 'name']);
  const flowId = check.uuid(check.field(timer, 'flow_id', loc, true), [...loc, 'flow_id']);
  const scheduleValue = check.field(timer, 'schedule', loc, true);
  const schedule =
    scheduleValue === undefined
      ? undefined
      : checkSchedule(check, scheduleValue, [...loc, 'schedule'], window);
  const bodyValue = check.field(timer, 'body', loc, true);
  const body =
    bodyValue === undefined ? undefined : checkStartDocument(check, bodyValue, [...loc, 'body']);
  if (!schedule || !body || flowId === undefined) return undefined;
  return { type: 'flow', name: name ?? null, schedule, flowId, body };
}

/** The `FlowStartDocument`, echoed with its keys sorted and absent lists left out. */
function checkStartDocument(
  check: Checker,
  value: unknown,
  loc: Loc,
): FlowStartDocument | undefined {
  const document = check.object(value, loc, START_FIELDS);
  if (!document) return undefined;
  const input = check.field(document, 'body', loc, true);
  const body = input === undefined ? undefined : check.dict(input, [...loc, 'body']);
  const echo: FlowStartDocument = { body: body ?? {} };
  for (const key of PRINCIPAL_LISTS) {
    const list = checkStrings(check, check.field(document, key, loc, false), [...loc, key]);
    if (list) echo[key] = list;
  }
  return body === undefined ? undefined : echo;
}

function checkStrings(check: Checker, value: unknown, loc: Loc): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return check.add(loc, 'value is not a valid list', 'type_error.list');
  const strings = value.map((item, index) => check.string(item, [...loc, index]));
  return strings.every((item) => item !== undefined) ? (strings as string[]) : undefined;
}
