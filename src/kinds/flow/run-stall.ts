import { z } from 'zod';
import type { FlowRun } from '../../globus/flows.js';
import { clip } from '../../redactor.js';

/*
 * A Flows run INACTIVE waits for someone: a consent, a login meeting a policy, a person's
 * input. Its `details` say which where Flows says it — `code`, `description`, `state_name`,
 * `required_scope` or `authorization_parameters` (as the official CLI's `flows run resume` reads
 * them; captured in its tests) — and any of them may be missing.
 */

/** How much of what Flows says a failure line carries: a description, a name, the scopes. */
const DESCRIPTION_LIMIT = 200;
const NAME_LIMIT = 100;
const SCOPES_LIMIT = 500;

const waitSchema = z.looseObject({
  code: z.string().nullish(),
  description: z.string().nullish(),
  state_name: z.string().nullish(),
  required_scope: z.string().nullish(),
  authorization_parameters: z
    .looseObject({
      required_scopes: z.array(z.string()).nullish(),
      session_message: z.string().nullish(),
      session_required_identities: z.array(z.string()).nullish(),
      session_required_policies: z.union([z.string(), z.array(z.string())]).nullish(),
      session_required_single_domain: z.union([z.string(), z.array(z.string())]).nullish(),
      session_required_mfa: z.boolean().nullish(),
    })
    .nullish(),
});
type Wait = z.infer<typeof waitSchema>;

/** The `flow-stalled` sentence: what the run waits for, where it says, and what to do. */
export function flowStalledFailure(run: FlowRun): string {
  const parsed = waitSchema.safeParse(run.details);
  const wait: Wait = parsed.success ? parsed.data : {};
  const display = run.display_status && run.display_status !== run.status;
  const state = wait.state_name ? ` at state ${clip(wait.state_name, NAME_LIMIT)}` : '';
  const scopes = [
    ...(wait.required_scope ? [wait.required_scope] : []),
    ...(wait.authorization_parameters?.required_scopes ?? []),
  ];
  const session = hasSessionRequirements(wait);
  const waitsFor =
    scopes.length > 0 || wait.code === 'ConsentRequired'
      ? 'a consent'
      : session
        ? 'a login that meets its session requirements'
        : 'someone to act';
  const parts = [
    `flow-stalled: Flows run ${run.run_id} is INACTIVE${display ? ` (${run.display_status})` : ''}: it waits${state} for ${waitsFor}${said(wait)}`,
  ];
  if (scopes.length > 0) {
    parts.push(`it needs consent for ${clip([...new Set(scopes)].join(' '), SCOPES_LIMIT)}`);
  }
  parts.push(`fix: ${fixFor(run, scopes.length > 0, session)}`);
  return parts.join('; ');
}

/** ` (ConsentRequired: Missing required data_access consent)`, or what Flows said of it. */
function said(wait: Wait): string {
  const description = wait.description?.trim();
  const code = wait.code ? clip(wait.code, NAME_LIMIT) : undefined;
  // Quoted: where server text ends is plain to a reader, and to the redactor.
  const text = [code, description ? `"${clip(description, DESCRIPTION_LIMIT)}"` : undefined]
    .filter(Boolean)
    .join(': ');
  return text ? ` (${text})` : '';
}

function hasSessionRequirements(wait: Wait): boolean {
  const parameters = wait.authorization_parameters;
  if (!parameters) return wait.code === 'AuthorizationParameters';
  return Boolean(
    parameters.session_required_identities?.length ||
    parameters.session_required_policies?.length ||
    parameters.session_required_single_domain?.length ||
    parameters.session_required_mfa,
  );
}

function fixFor(run: FlowRun, consent: boolean, session: boolean): string {
  if (consent) {
    return `resume the run with that consent: globus flows run resume ${run.run_id} asks for it (as the timer's client: set GLOBUS_CLI_CLIENT_ID and GLOBUS_CLI_CLIENT_SECRET)`;
  }
  if (session) {
    return 'a client identity cannot meet session requirements; use collections and flows without such policies';
  }
  return 'open the run in the web app to see what it waits for and who may act on it';
}
