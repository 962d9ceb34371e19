/*
 * The one redactor. Every text the action shows (log lines, annotations, outputs, the job
 * summary, the failure) passes through it, because some of that text came from a server and
 * servers and gateways echo requests: an `Authorization` header, a `token=` form field. GitHub
 * masks only the exact strings registered with setSecret, so the credential forms it would not
 * recognise (the Basic header's base64, URL-encoded secrets) are removed here too.
 */

import { plural } from './words.js';

const REDACTED = '[redacted]';

/** `Authorization: Bearer …` in raw HTTP, `"authorization": "Basic …"` in JSON. */
const AUTHORIZATION_HEADER = /(\bauthorization\b["']?\s*[:=]\s*["']?)([^"'\r\n,}\]]+)/gi;
/** A credential after its scheme, wherever it stands (checked by `looksLikeCredential`). */
const SCHEME_CREDENTIAL = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{8,})/g;
/** Token and secret fields, form-encoded (`token=…&`) or as a quoted key (`"access_token": "…"`). */
const FIELD = '(?:access_token|refresh_token|id_token|client_secret|token)';
const SECRET_FIELD = new RegExp(
  `(\\b${FIELD}=|["']${FIELD}["']\\s*:\\s*["']?)([^"'&\\s,}\\]]+)`,
  'gi',
);

/** How much of a server's text is worth showing: enough to diagnose, not a whole echoed page. */
export const SERVER_TEXT_LIMIT = 500;

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret; its URL-encoded form is removed too. Returns every form registered. */
  add(secret: string): string[] {
    if (secret.length < 4) return [];
    const forms = [...new Set([secret, encodeURIComponent(secret)])];
    for (const form of forms) this.secrets.add(form);
    return forms;
  }

  /** `text` with every credential removed. */
  redact(text: string): string {
    let clean = text
      .replace(AUTHORIZATION_HEADER, `$1${REDACTED}`)
      .replace(SCHEME_CREDENTIAL, (match, scheme: string, space: string, value: string) =>
        looksLikeCredential(value) ? `${scheme}${space}${REDACTED}` : match,
      )
      .replace(SECRET_FIELD, `$1${REDACTED}`);
    // Longest first, so a secret that contains another is removed whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) {
      clean = clean.split(secret).join(REDACTED);
    }
    return clean;
  }
}

/**
 * Tokens and base64 credentials mix letters with digits, case or symbols; prose after the word
 * "Basic" ("Basic authentication failed") does not, and is worth keeping readable.
 */
function looksLikeCredential(value: string): boolean {
  return /[0-9+/=_.~-]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value));
}

/** Server text cut to a length a log line can carry, saying how much was left out. */
export function clip(text: string, limit = SERVER_TEXT_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${plural(text.length - limit, 'more character', 'more characters')})`;
}

/** The HTTP Basic credential Globus Auth is sent: base64 of `id:secret`. */
export function basicCredential(clientId: string, clientSecret: string): string {
  return Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
}
