/** Identifier shapes the real services hand out. */
import { randomBytes, randomUUID } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function alphanumeric(length: number): string {
  return Array.from(randomBytes(length), (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join(
    '',
  );
}

export const newUuid = (): string => randomUUID();

/** Transfer's short request ids, e.g. `BHI2BHt8N`. */
export const newRequestId = (): string => alphanumeric(9);

/** Transfer Action Provider action ids, e.g. `15jfdBESgveZQ`. */
export const newActionId = (): string => alphanumeric(13);

/** Opaque bearer tokens; the prefix makes an emulator token obvious wherever it turns up. */
export const newAccessToken = (): string =>
  `emulator-token-${randomBytes(24).toString('base64url')}`;
