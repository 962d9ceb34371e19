/**
 * Time formats the real services use, and the datetime grammar Timers accepts.
 *
 * Timers (Python/pydantic) writes `2022-04-01T19:29:55.942546+00:00`: microseconds only when
 * non-zero and `+00:00` rather than `Z`. Transfer writes whole seconds. Auth speaks epoch seconds.
 */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A Timers datetime: ISO 8601 in UTC with `+00:00`, microseconds only when there are some. */
export function timersTime(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-28T19:00:00.123Z
  const millis = iso.slice(20, 23);
  const fraction = millis === '000' ? '' : `.${millis}000`;
  return `${iso.slice(0, 19)}${fraction}+00:00`;
}

/** A Transfer datetime: whole seconds, `+00:00`. */
export function transferTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+00:00`;
}

export function epochSeconds(ms: number): number {
  return Math.floor(ms / SECOND);
}

const ZONED_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:?\d{2})$/i;
const NAIVE_DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?$/;

export type ParsedDatetime = { ok: true; ms: number } | { ok: false; reason: 'invalid' | 'naive' };

/**
 * Parses an ISO 8601 datetime that carries an offset (or `Z`). A naive value is reported apart
 * from garbage because a timer scheduled in "some" timezone is ambiguous, and we say so.
 */
export function parseZonedDatetime(text: string): ParsedDatetime {
  const match = ZONED_DATETIME.exec(text);
  if (!match) return { ok: false, reason: NAIVE_DATETIME.test(text) ? 'naive' : 'invalid' };
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone = 'Z'] = match;
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  const normalised = `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset}`;
  const ms = Date.parse(normalised);
  if (Number.isNaN(ms)) return { ok: false, reason: 'invalid' };
  // Date.parse rolls 2026-02-30 over to March; the local date must read back as written.
  const localDay = new Date(ms + offsetMinutes(offset) * MINUTE).toISOString().slice(0, 10);
  if (localDay !== `${year}-${month}-${day}`) return { ok: false, reason: 'invalid' };
  return { ok: true, ms };
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}
