/**
 * Globus Auth requirements errors (GAREs): what a service answers, and what
 * Timers keeps in `inactive_reason.detail`, when a caller or a timer lacks a consent.
 */

/** A GARE as the emulator builds one. */
export type AuthRequirements = Record<string, unknown> & {
  code: string;
  message: string;
  authorization_parameters: Record<string, unknown>;
};

/** An authorization-requirements error (GARE) naming the scopes to request again. */
export function consentRequiredError(
  requiredScopes: string[],
  code: string,
  message: string,
): AuthRequirements {
  return {
    code,
    message,
    authorization_parameters: { session_message: message, required_scopes: requiredScopes },
  };
}
