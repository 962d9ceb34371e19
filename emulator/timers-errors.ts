/**
 * The error answers of the Timers API: FastAPI's 422 `detail` list for bad input, and Timers'
 * own `{"error": {code, detail, status}}` wrapper (fixture `timers_error_500_get_job.json`) for
 * everything else.
 */
import type { AuthRequirementsLocation } from './config.js';
import { type ApiResponse, respond } from './http.js';
import type { AuthRequirements } from './gare.js';
import type { Timer } from './state.js';
import type { ValidationIssue } from './validation-checker.js';

export function timersError(status: number, code: string, detail: string): ApiResponse {
  return respond(status, { error: { code, detail, status } });
}

export const validationError = (issues: ValidationIssue[]): ApiResponse =>
  respond(422, { detail: issues });

export const unauthenticated = (detail: string): ApiResponse =>
  respond(
    401,
    { error: { code: 'AUTHENTICATION_ERROR', detail, status: 401 } },
    { 'WWW-Authenticate': 'Bearer' },
  );

export const notFound = (id: string): ApiResponse =>
  timersError(404, 'NOT_FOUND', `No timer with id '${id}' was found`);

export const forbidden = (id: string): ApiResponse =>
  timersError(403, 'FORBIDDEN', `You do not have access to timer '${id}'`);

/** Says "it has ended" rather than naming a status an ended timer may not show. */
export function conflict(timer: Timer, action: string): ApiResponse {
  const why = timer.status === 'ended' ? 'it has ended' : `its status is '${timer.status}'`;
  return timersError(409, 'CONFLICT', `Cannot ${action} timer ${timer.id}: ${why}`);
}

/** A JSON body that is missing or does not parse, as FastAPI reports it. */
export function bodyProblem(empty: boolean): ValidationIssue {
  return empty
    ? { loc: ['body'], msg: 'field required', type: 'value_error.missing' }
    : { loc: ['body', 0], msg: 'Expecting value', type: 'value_error.jsondecode' };
}

/**
 * An error answer carrying authorization requirements. No Timers consent error was ever
 * captured, and clients look for the requirements at the top level, inside Timers' `error`
 * wrapper and in `errors[]` entries (docs/globus-variants.md), so where they sit is a setting.
 */
export function authRequirementsError(
  status: number,
  gare: AuthRequirements,
  location: AuthRequirementsLocation,
): ApiResponse {
  const { code, message, authorization_parameters } = gare;
  switch (location) {
    case 'top_level':
      return respond(status, gare);
    case 'error_wrapper':
      return respond(status, {
        error: { code, detail: message, status, authorization_parameters },
      });
    case 'errors_array':
      return respond(status, {
        errors: [{ code, detail: message, status: String(status), authorization_parameters }],
      });
  }
}
