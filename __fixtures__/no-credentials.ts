import { expect } from '@jest/globals';
import { DEMO_CLIENT } from '../emulator/index.js';
import type { ActionRun } from '../scripts/action-runner.js';

/*
 * The credentials of a step against the emulator, in every form that could leak: the secret,
 * URL-encoded, the Basic credential Auth is sent, and any emulator token.
 */
const BASIC = Buffer.from(`${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`).toString('base64');
const FORBIDDEN = [DEMO_CLIENT.secret, encodeURIComponent(DEMO_CLIENT.secret), BASIC];

/** Everything a step showed or wrote, except the mask commands the runner swallows. */
export function everythingShown(run: ActionRun): string {
  const stdout = run.stdout.replace(/^::add-mask::.*$/gm, '');
  return [stdout, run.stderr, ...Object.values(run.files)].join('\n');
}

export function expectNoCredential(run: ActionRun): void {
  expectNoCredentialIn(everythingShown(run));
}

/** No form of the demo client's credentials, and no emulator token, in `text`. */
export function expectNoCredentialIn(text: string): void {
  for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/emulator-token-/);
  expect(text).not.toMatch(/(Bearer|Basic) (?!\[redacted\])[A-Za-z0-9+/=_-]{8,}/);
}

export { BASIC as DEMO_BASIC_CREDENTIAL };
