import { splitScopes } from './scopes.js';

/**
 * Finds the scopes an authorization-requirements error (GARE) asks for, wherever the document
 * keeps them — the root, Timers' `{"error": {...}}` wrapper, every `errors[]` item — and in
 * whichever spelling: `authorization_parameters.required_scopes`, a Transfer-style top-level
 * `required_scopes`, or a legacy `required_scope` (docs/globus-variants.md).
 */
export function requiredScopes(document: unknown): string[] {
  const found = places(document).flatMap((place) => {
    const parameters = isObject(place.authorization_parameters)
      ? place.authorization_parameters
      : {};
    return (
      strings(parameters.required_scopes) ??
      strings(place.required_scopes) ??
      strings(place.required_scope === undefined ? undefined : [place.required_scope]) ??
      []
    );
  });
  return [...new Set(found)];
}

/** The document and the error objects it wraps, where requirements may sit. */
function places(document: unknown): Record<string, unknown>[] {
  if (!isObject(document)) return [];
  const nested = [document.error, ...(Array.isArray(document.errors) ? document.errors : [])];
  return [document, ...nested.flatMap(places)];
}

/** Session requirements a client identity cannot satisfy (policies, identities, MFA). */
export function sessionRequirements(document: unknown): string[] {
  const place = places(document).find((candidate) => isObject(candidate.authorization_parameters));
  if (!place || !isObject(place.authorization_parameters)) return [];
  const parameters = place.authorization_parameters;
  return [
    'session_required_policies',
    'session_required_identities',
    'session_required_single_domain',
    'session_required_mfa',
  ].filter((key) => {
    const value = parameters[key];
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Scope strings from a list or a space-separated string, split at the top level only. */
function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return splitScopes(value);
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string' && item !== '');
}
