import { DateTime, IANAZone } from 'luxon';

/**
 * Reads a date or date-time as users write them: `2026-12-01`, `2026-12-01T02:00`,
 * `2026-12-01 02:00:00`, with or without a UTC offset (`Z`, `+02:00`). A value without an offset
 * is read in `zone`. Throws an Error saying what is accepted, to follow the value.
 */
export function parseDateTime(text: string, zone: string): DateTime {
  const value = text.trim().replace(/^(\d{4}-\d{2}-\d{2})[ ](?=\d)/, '$1T');
  const parsed = DateTime.fromISO(value, { zone, setZone: true });
  if (!parsed.isValid) {
    throw new Error(
      'is not a date or date-time; use ISO 8601 such as 2026-12-01, 2026-12-01T02:00 or 2026-12-01T02:00:00+02:00',
    );
  }
  return parsed;
}

export function isValidZone(zone: string): boolean {
  // UTC (the default) is valid wherever Intl is (ECMA-402 requires it); asking Intl would start
  // its date-time formatting, a noticeable part of the start-up of a step with no dates.
  return zone === 'UTC' || IANAZone.isValidZone(zone);
}

/**
 * The wire form Globus expects: whole seconds with an explicit offset, as the Python SDK sends
 * (`2026-12-01T02:00:00+00:00`).
 */
export function formatWireDateTime(value: DateTime): string {
  return value.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
