/**
 * Finds the scopes an authorization-requirements error (GARE) asks for, wherever the document
 * keeps them: the root or an `errors[]` item; `authorization_parameters.required_scopes`, a
 * Transfer-style top-level `required_scopes`, or a legacy `required_scope` (REFERENCE §4.10).
 */
export function requiredScopes(document: unknown): string[] {
  const candidates = [document];
  if (isObject(document) && Array.isArray(document.errors)) candidates.push(...document.errors);
  for (const candidate of candidates) {
    if (!isObject(candidate)) continue;
    const parameters = isObject(candidate.authorization_parameters)
      ? candidate.authorization_parameters
      : {};
    const scopes =
      strings(parameters.required_scopes) ??
      strings(candidate.required_scopes) ??
      strings(candidate.required_scope === undefined ? undefined : [candidate.required_scope]);
    if (scopes && scopes.length > 0) return scopes;
  }
  return [];
}

/** Session requirements a client identity cannot satisfy (policies, identities, MFA). */
export function sessionRequirements(document: unknown): string[] {
  if (!isObject(document) || !isObject(document.authorization_parameters)) return [];
  const parameters = document.authorization_parameters;
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

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(/\s+(?![^[]*\])/).filter(Boolean);
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string' && item !== '');
}
