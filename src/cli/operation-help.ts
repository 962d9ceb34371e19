import type { Operation } from '../input-catalog.js';

/*
 * What each operation does, in a sentence or two, and a command that runs it: the part of
 * `<operation> --help` that is not about one input (the flags come from the catalog). A test
 * checks every example with the action's own input checks.
 */

export interface OperationHelp {
  does: string;
  /** The arguments after `globus-timer-action`, unquoted (the help quotes them for a shell). */
  example: string[];
}

const SOURCE = '6c54cade-bde5-45c1-bdea-f4bd71dba2cc';
const DESTINATION = '31d6a2a8-a8b3-4a8e-bd97-3b5f6a2f9d4e';
const JOB_ID = '1f3e2b1a-7c55-4c2e-9a80-1d5c1f0e7a2b';
const TIMER = [
  '--name',
  'pipeline/nightly',
  '--source-endpoint',
  SOURCE,
  '--destination-endpoint',
  DESTINATION,
  '--items',
  '/data/results/, /project/results/, true',
  '--interval',
  '1d',
];

export const OPERATION_HELP: Record<Operation, OperationHelp> = {
  apply: {
    does:
      'Makes the timer called --name match the flags: creates it when there is none, leaves it ' +
      'alone when it already matches, replaces it when it differs. Safe to run again and again. ' +
      'With --spec-file, does the same for every timer of the file.',
    example: ['apply', ...TIMER],
  },
  plan: {
    does:
      'Shows what apply would do — create, nothing, or replace, with a field-by-field diff — ' +
      'and changes nothing. With --detailed-exitcode, exits 2 when apply would change something.',
    example: ['plan', '--spec-file', 'transfer/timers.yml', '--detailed-exitcode'],
  },
  create: {
    does: 'Always creates a new timer, even when one of the same name exists.',
    example: ['create', ...TIMER, '--stop-after-runs', '4'],
  },
  update: {
    does:
      'Changes the timer --job-id: the flags given replace its values, the rest stay. A new ' +
      '--name alone renames it in place; any other change replaces it with a new timer.',
    example: ['update', '--job-id', JOB_ID, '--interval', '12h'],
  },
  check: {
    does:
      'Reads the timer (--job-id or --name) and its last run, follows that run into its ' +
      'Transfer task or Flows run, and fails when a --fail-on reason holds.',
    example: [
      'check',
      '--name',
      'pipeline/nightly',
      '--fail-on',
      'run-error,transfer-failed,stale',
    ],
  },
  wait: {
    does:
      'Waits, up to --timeout, for a run of the timer to finish (the one under way, or the next ' +
      'one), then checks it as check does.',
    example: ['wait', '--job-id', JOB_ID, '--timeout', '30m'],
  },
  list: {
    does: "Lists the client's timers: all of them, or those whose name holds --name and whose status is in --status-filter.",
    example: [
      'list',
      '--name',
      'pipeline/',
      '--status-filter',
      'active,inactive',
      '--output',
      'json',
    ],
  },
  pause: {
    does: 'Pauses the timer (--job-id or --name): it does not run until resumed.',
    example: ['pause', '--name', 'pipeline/nightly'],
  },
  resume: {
    does:
      'Resumes the timer; when it went inactive for missing consents, asks for them first and ' +
      'resumes with fresh credentials.',
    example: ['resume', '--name', 'pipeline/nightly'],
  },
  delete: {
    does: 'Deletes the timer (--job-id or --name). A timer that is already gone is a notice, not a failure.',
    example: ['delete', '--job-id', JOB_ID],
  },
};
